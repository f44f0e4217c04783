"""
The badge of an item that is not live, on the pages staff see with drafts
(``visible_to()``): ``{% load drafts %}`` ... ``{% draft_badge item %}``. A tag, not an
``{% include %}``, as a page shows one for each of its rows. The templates keep a line
break after the tag, where the former include file ended with one, so the pages are as
they were.
"""

from collections.abc import Mapping

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def draft_badge(item):
    """
    “Draft” after an item visitors do not see (a draft, or published for later). A row
    of values (a visitor's page, read by a statement of live rows only) has none.
    """
    if isinstance(item, Mapping) or item.is_published_now:
        return ""
    return format_html(' <span class="badge badge-draft">{}</span>', _("Draft"))
