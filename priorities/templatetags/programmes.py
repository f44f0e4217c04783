"""
Badges of the programme pages, written by a tag rather than an ``{% include %}``: a
page shows one for each of its priorities, focus areas and themes.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def period_state(state):
    """Whether a programme's period is current, to come or ended, in words (not colour alone)."""
    return format_html(
        ' <span class="badge badge-period badge-period-{}">{}</span>', state, state.label
    )


@register.simple_tag
def draft_badge(item):
    """The badge of ``includes/draft_badge.html``: an item staff see before it is live."""
    if item.is_published_now:
        return ""
    return format_html(' <span class="badge badge-draft">{}</span>', _("Draft"))
