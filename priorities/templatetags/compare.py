"""
The rows of the comparison of two programme periods, written by tags rather than by
several template variables a row: a comparison shows some dozens of them. The badge of
each change (added, kept, dropped) is written once a page, ``{% change_badges as badges %}``.
"""

from html import escape

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from ..comparison import Change

register = template.Library()

# Laid out as the rows of a loop in the table's <tbody>: each on lines of its own.
ROW = """
    <tr class="change-{}">
      <td>{}</td>
      <td>{}</td>
      <td>{}</td>
    </tr>
    """
NO_ITEM = '<span class="meta">–</span>'


@register.simple_tag
def change_badges():
    """The badge of each change, in the active language."""
    return {
        change: format_html('<span class="change change-{}">{}</span>', change, change.label)
        for change in Change
    }


@register.simple_tag
def change_badge(badges, change):
    return badges[change]


@register.simple_tag
def compared_rows(rows, badges, linked=False):
    """
    The rows of a table of ``comparison.Row``: each period's item (its title linked to its
    page when ``linked``, else capitalised; "–" when the period has none) and the change.
    """

    def cell(item):
        if item is None:
            return NO_ITEM
        if linked:
            return f'<a href="{escape(item.url)}">{escape(item.title)}</a>'
        return escape(capfirst(item.title))

    return mark_safe(  # noqa: S308 (each text escaped)
        "".join(
            ROW.format(row.change, cell(row.old), cell(row.new), badges[row.change]) for row in rows
        )
    )
