"""
The link to a priority on the page of priorities by economic domain, written by a tag
rather than four variables: the page lists every live priority, some under several
sections.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def priority_link(card):
    """A priority's title linked to its page, with its programme's region and period."""
    return format_html(
        '<a href="{}">{}</a> <span class="meta">({}, {})</span>',
        card["url"],
        card["title"],
        card["region"],
        card["period"],
    )
