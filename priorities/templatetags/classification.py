"""
The entries of the page of priorities by economic domain, written in Python rather than
by several template variables an entry: the page lists every live priority, some under
several sections, each with the divisions it names. The view writes each priority's link
and each division once a page (``priority_link``, ``division_item``); the tags lay the
entries out as the loops they replace wrote them, each on lines of its own.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

ENTRY = "\n    <li>{}\n      {}\n    </li>\n    "
ITEM = "\n    <li>{}</li>\n    "


def priority_link(card):
    """A priority's title linked to its page, with its programme's region and period."""
    return (
        f'<a href="{escape(card["url"])}">{escape(card["title"])}</a>'
        f' <span class="meta">({escape(card["region"])}, {escape(card["period"])})</span>'
    )


def division_item(code, name):
    """A division a priority names, with its code."""
    return f'<li><span class="code">{escape(code)}</span> {escape(name)}</li>'


@register.simple_tag
def priority_entries(entries):
    """
    A section's entries, ``{"link", "divisions"}``: each priority's link with the list of
    the divisions it names in the section, if any.
    """
    written = (
        ENTRY.format(
            entry["link"],
            f'<ul class="codes">{"".join(entry["divisions"])}</ul>' if entry["divisions"] else "",
        )
        for entry in entries
    )
    return mark_safe("".join(written))  # noqa: S308 (each text escaped)


@register.simple_tag
def priority_items(links):
    """The priorities' ``links``, each a list item."""
    return mark_safe("".join(ITEM.format(link) for link in links))  # noqa: S308 (each text escaped)
