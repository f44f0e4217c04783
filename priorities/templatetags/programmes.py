"""
The period badge of the programme pages and the home page's programme, written by a
tag rather than an ``{% include %}``: the programme list shows one for each programme.
The home page keeps an empty line after the tag, where the former include file ended
with a line break, so the page is as it was. A priority's sectors on a programme's page,
written by a tag rather than three variables for each sector.
"""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


def period_badge(state):
    """Whether a programme's period is current, to come or ended, in words (not colour alone)."""
    return format_html(
        ' <span class="badge badge-period badge-period-{}">{}</span>', state, state.label
    )


register.simple_tag(period_badge, name="period_state")


@register.simple_tag
def sector_links(sectors):
    """
    Links to ``sectors`` (rows of ``name`` and ``get_absolute_url``), separated by commas.
    Each value escaped, as ``format_html()`` escapes text not marked safe, in one join.
    """
    return mark_safe(
        ", ".join(
            f'<a href="{escape(sector["get_absolute_url"])}">{escape(sector["name"])}</a>'
            for sector in sectors
        )
    )
