"""
The rows of the comparison of two programme periods, written by tags rather than by
several template variables a row: a comparison shows some dozens of them. The badge of
each change (added, kept, dropped) is written once a page, ``{% change_badges as badges %}``.
"""

import html

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
        change: mark_safe(  # noqa: S308 (the label escaped)
            f'<span class="change change-{change}">{escape(change.label)}</span>'
        )
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
        title = item.title
        if linked:
            return f'<a href="{html.escape(item.url)}">{html.escape(title)}</a>'
        return html.escape(title[:1].upper() + title[1:])  # as {{ title|capfirst }}

    written = []
    for row in rows:
        change = row.change
        written.append(ROW.format(change, cell(row.old), cell(row.new), badges[change]))
    return mark_safe("".join(written))  # noqa: S308 (each text escaped)
