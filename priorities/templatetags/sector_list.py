"""
The cards of the list of sectors, written by a tag rather than several template
variables and a ``{% blocktranslate %}`` a card: a page shows 50 of them, each with its
sub-sectors. Laid out as the loop it replaces wrote them, each card on lines of its own.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

CARD = """
  <li class="card">
    <h2><a href="{url}">{name}</a></h2>
    {summary}
    {sub_sectors}
  </li>
  """
SUB_SECTORS = """
    <ul class="sub-list" aria-label="{label}">
      {items}
    </ul>
    """
SUB_SECTOR = """
      <li><a href="{url}">{name}</a></li>
      """


@register.simple_tag
def sector_cards(sectors):
    """
    The cards of ``sectors`` (``{"url", "name", "summary", "sub_sectors"}``, each
    sub-sector ``{"url", "name"}``): each sector's name linked to its page, its summary
    and its sub-sectors' links, labelled in the active language (translated once a page).
    """
    label = gettext("Sub-sectors of %(name)s")
    written = []
    for sector in sectors:
        name = escape(sector["name"])
        summary = sector["summary"]
        sub_sectors = sector["sub_sectors"]
        if sub_sectors:
            items = "".join(
                SUB_SECTOR.format(
                    url=escape(child["url"]),
                    name=escape(child["name"]),
                )
                for child in sub_sectors
            )
            sub_sectors = SUB_SECTORS.format(label=label % {"name": name}, items=items)
        written.append(
            CARD.format(
                url=escape(sector["url"]),
                name=name,
                summary=f"<p>{escape(summary)}</p>" if summary else "",
                sub_sectors=sub_sectors or "",
            )
        )
    return mark_safe("".join(written))  # noqa: S308 (each text escaped)
