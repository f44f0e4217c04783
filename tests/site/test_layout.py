"""The layout's fixed markup ({% fixed %}): made once per language, the same as rendered."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils.translation import override


class Counted:
    """A value that counts how often it is shown."""

    def __init__(self, text):
        self.text = text
        self.shown = 0

    def __str__(self):
        self.shown += 1
        return self.text


def test_fixed_markup_is_made_once_per_language_and_values():
    template = Template(
        "{% load i18n portal %}"
        '{% fixed value=value %}<a href="{% route "home" %}">{% translate "Home" %}</a> '
        "{{ value }}{% endfixed %}"
    )
    value = Counted("&")
    with override("en"):
        first = template.render(Context({"value": value}))
        again = template.render(Context({"value": value}))
    assert first == again == '<a href="/en/">Home</a> &amp;'
    assert value.shown == 1
    with override("fi"):
        assert template.render(Context({"value": value})) == '<a href="/fi/">Etusivu</a> &amp;'
    assert value.shown == 2
    with override("en"):
        other = template.render(Context({"value": Counted("other")}))
    assert other == '<a href="/en/">Home</a> other'


def test_fixed_markup_sees_only_the_values_it_names():
    template = Template("{% load portal %}[{% fixed %}{{ page }}{% endfixed %}]")
    assert template.render(Context({"page": "from the database"})) == "[]"


def test_fixed_takes_only_named_values():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load portal %}{% fixed section %}{% endfixed %}")


def test_fixed_markup_is_made_again_when_the_settings_change(settings):
    template = Template(
        "{% load static portal %}{% fixed %}{% static 'css/site.css' %}{% endfixed %}"
    )
    assert template.render(Context()) == "/static/css/site.css"
    settings.STATIC_URL = "/files/"
    assert template.render(Context()) == "/files/css/site.css"


def test_fixed_markup_with_a_value_that_cannot_be_a_key_is_rendered_each_time():
    template = Template("{% load portal %}{% fixed facts=facts %}{{ facts.name }}{% endfixed %}")
    with override("en"):
        assert template.render(Context({"facts": {"name": "Kainuu"}})) == "Kainuu"
        assert template.render(Context({"facts": {"name": "Kajaani"}})) == "Kajaani"
