"""Template helpers shared by every app."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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
