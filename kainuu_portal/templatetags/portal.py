"""Template helpers shared by every app."""

import json
import weakref

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import token_kwargs
from django.urls import get_script_prefix, get_urlconf
from django.utils.autoreload import file_changed
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from kainuu_portal.publishing.models import route as address_of_route

register = template.Library()

# As django.utils.html.json_script: nothing in the data can end the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def json_ld(data):
    """
    Structured data (schema.org) as a JSON-LD element. It is data, not a
    script: browsers never run it, so a strict CSP does not concern it.
    """
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def route(url_name):
    """
    The address of a route without arguments, as ``{% url %}`` writes it, from a
    template reversed once per route and language rather than on every page.
    """
    return address_of_route(url_name)


@register.tag
def fixed(parser, token):
    """
    ``{% fixed %}...{% endfixed %}``: markup of the layout that depends on nothing but
    the active language (fixed texts, ``{% route %}`` addresses, ``{% static %}`` files),
    rendered once per language and kept with the compiled template, instead of on every
    page. It holds no content: nothing an editor does can make it out of date (it is made
    again when the settings or the translations change, see ``forget_fixed_markup``).

    ``{% fixed section=section %}`` names the few values it depends on besides, each one
    of a handful of strings or a constant (the council's facts from the settings), never
    anything from the database or the request: it is rendered once per language and
    values (a value that cannot be a dictionary key, such as a dict, is rendered every
    time). Inside, only these names are set; any other variable renders empty.
    """
    bits = token.split_contents()
    values = token_kwargs(bits[1:], parser, support_legacy=False)
    if len(values) != len(bits) - 1:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes only name=value arguments")
    nodelist = parser.parse(("endfixed",))
    parser.delete_first_token()
    return FixedNode(nodelist, values)


class FixedNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values
        # The markup by language, what addresses are made from (``{% route %}``),
        # escaping and values.
        self.renderings = {}
        FIXED_NODES.add(self)

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.values.items()}
        key = (
            get_language(),
            get_script_prefix(),
            get_urlconf(),
            context.autoescape,
            *values.values(),
        )
        try:
            rendering = self.renderings.get(key)
        except TypeError:  # a value that cannot be a key (a dict): rendered every time
            return self.nodelist.render(context.new(values))
        if rendering is None:
            rendering = self.renderings[key] = self.nodelist.render(context.new(values))
        return rendering


# Every {% fixed %} of the compiled templates, to forget their markup when what it was made
# from changes while the process runs: the settings (in tests) or the translations (the
# development server reloads those without restarting).
FIXED_NODES = weakref.WeakSet()


def forget_fixed_markup():
    """Make every ``{% fixed %}`` again on its next use."""
    for node in list(FIXED_NODES):
        node.renderings.clear()


@receiver(setting_changed)
def _setting_changed(**kwargs):
    forget_fixed_markup()


@receiver(file_changed)
def _file_changed(file_path, **kwargs):
    if file_path.suffix == ".mo":
        forget_fixed_markup()
