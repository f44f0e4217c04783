"""
Django's template language against Jinja2 on the same markup: Python function calls
and milliseconds per render of a list of 200 rows with three variables each, the shape
of the portal's list pages. Not a test; it informs the choice of template engine
(docs/performance.md).

    .venv/bin/python bench/template_engines.py

Jinja2 comes with the test dependencies (through Schemathesis). It is measured twice:
escaping as Django does (``&#x27;``, ``&quot;``: the same bodies) and with its own
MarkupSafe escaping (``&#39;``, ``&#34;``: other bodies where a text holds a quote).
"""

import cProfile
import pstats
import sys
import time

import django
from django.conf import settings

settings.configure(
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}], USE_I18N=False
)
django.setup()

from django.template import Context, Template  # noqa: E402
from django.utils.html import escape  # noqa: E402

try:
    import jinja2
    from markupsafe import Markup
except ImportError:
    sys.exit("Jinja2 is not installed: run `make install-test` first.")

MARKUP = """<ul>{% for row in rows %}
<li><a href="{{ row.url }}">{{ row.title }}</a>{% if row.draft %} <span>Draft</span>{% endif %}
<p>{{ row.summary }}</p></li>{% endfor %}
</ul>"""
ROWS = [
    {
        "title": f"Kainuu {n} – “Vaara” <alue>",
        "url": f"/fi/alueet/alue-{n}/",
        "summary": "Metsä, vesi & matkailu; it's the region's text.",
        "draft": n % 7 == 0,
    }
    for n in range(200)
]
VARIABLES = 3 * len(ROWS)


def say(line):
    sys.stdout.write(f"{line}\n")


def django_escaping(value):
    return value if hasattr(value, "__html__") else Markup(escape(value))


def measure(render, rounds=50):
    profile = cProfile.Profile()
    profile.enable()
    render()
    profile.disable()
    calls = pstats.Stats(profile).total_calls
    start = time.perf_counter()
    for _ in range(rounds):
        render()
    return calls, (time.perf_counter() - start) / rounds * 1000


def main():
    django_template = Template(MARKUP)
    jinja_as_django = jinja2.Environment(autoescape=True, finalize=django_escaping)
    jinja_as_django = jinja_as_django.from_string(MARKUP)
    jinja_own = jinja2.Environment(autoescape=True).from_string(MARKUP)
    engines = [
        ("Django templates", lambda: django_template.render(Context({"rows": ROWS}))),
        ("Jinja2, Django's escaping", lambda: jinja_as_django.render(rows=ROWS)),
        ("Jinja2, its own escaping", lambda: jinja_own.render(rows=ROWS)),
    ]
    reference = engines[0][1]()
    say(f"{'engine':28} {'calls':>7} {'per variable':>13} {'ms':>6}  same body")
    for name, render in engines:
        calls, ms = measure(render)
        same = "yes" if render() == reference else "no"
        say(f"{name:28} {calls:7} {calls / VARIABLES:13.1f} {ms:6.2f}  {same}")


if __name__ == "__main__":
    main()
