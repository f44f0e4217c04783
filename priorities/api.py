"""
The open data of sectors and of the Smart Specialisation programmes with their
priorities, focus areas and cross-cutting themes, written as every list is
(``kainuu_portal.publishing.api``): from ``values()`` rows, each nested list in one
query for the page's items.
"""

import functools
from html import unescape
from typing import Annotated

from django.db.models import Exists, OuterRef
from django.utils.html import strip_tags
from ninja import Field, Query, Router, Schema

from kainuu_portal.publishing.api import (
    Addresses,
    ListParams,
    Page,
    Slug,
    filtered,
    grouped,
    list_view,
    page_addresses,
    page_response,
    page_rows,
    related_to,
    rows_of_items,
    texts_in,
    url_field,
    urls_field,
)
from kainuu_portal.publishing.models import language_order, translated_value, translations
from regions.models import Region

from .models import (
    CrossCuttingTheme,
    EconomicDomain,
    FocusArea,
    Priority,
    Programme,
    RegionKeySector,
    ScientificDomain,
    Sector,
)

router = Router()

NaceCode = Annotated[
    str,
    Field(
        pattern=r"^([A-U]|[0-9]{2})$",
        description="A NACE Rev. 2 section (A-U) or division (two digits), e.g. C or 26.",
    ),
]
NabsCode = Annotated[str, Field(pattern=r"^[0-9]{2}$", description="A NABS 2007 chapter, e.g. 06.")]


class SectorParams(ListParams):
    region: Slug | None = Field(None, description="Only the key sectors of this region.")
    parent: Slug | None = Field(None, description="Only the sub-sectors of this sector.")


class ProgrammeParams(ListParams):
    region: Slug | None = Field(None, description="Only the programmes of this region.")
    sector: Slug | None = Field(
        None, description="Only programmes with a priority that names this sector."
    )


class PriorityParams(ListParams):
    region: Slug | None = Field(None, description="Only priorities of this region's programmes.")
    programme: Slug | None = Field(
        None, description="Only priorities of programmes with this slug, e.g. 2018-2021."
    )
    sector: Slug | None = Field(None, description="Only priorities that name this sector.")
    economic_domain: NaceCode | None = Field(
        None,
        description=(
            "Only priorities with this NACE Rev. 2 code; a section (e.g. C) includes "
            "the priorities classified by its divisions."
        ),
    )
    scientific_domain: NabsCode | None = Field(
        None, description="Only priorities with this NABS 2007 chapter, e.g. 06."
    )


class DomainOut(Schema):
    code: str
    name: str = Field(description="The official name, in the language asked for.")


def economic_domains_field():
    return Field(description="The EU's S3 classification: NACE Rev. 2 sections and divisions.")


def scientific_domains_field():
    return Field(description="The EU's S3 classification: NABS 2007 chapters.")


class SectorOut(Schema):
    slug: str
    parent: str | None = Field(description="Slug of the parent sector.")
    name: str
    summary: str
    nace_codes: list[str] = Field(
        description="NACE Rev. 2 codes: the codes of economic_domains, kept for compatibility."
    )
    economic_domains: list[DomainOut] = economic_domains_field()
    scientific_domains: list[DomainOut] = scientific_domains_field()
    url: str = url_field()
    urls: Addresses = urls_field()


class FocusAreaOut(Schema):
    title: str
    description: str
    key: str = Field(description="Comparison key across programme periods; may be empty.")


class PriorityOut(Schema):
    slug: str
    order: int
    title: str
    short_title: str
    summary: str
    key: str = Field(description="Comparison key across programme periods; may be empty.")
    url: str = url_field()
    urls: Addresses = urls_field()
    sectors: list[str] = Field(description="Slugs of the sectors the priority names.")
    focus_areas: list[FocusAreaOut]
    economic_domains: list[DomainOut] = economic_domains_field()
    scientific_domains: list[DomainOut] = scientific_domains_field()


class PriorityWithProgrammeOut(PriorityOut):
    region: str = Field(description="Slug of the region.")
    programme: str = Field(description="Slug of the programme.")


class ThemeOut(Schema):
    title: str
    description: str = Field(description="Plain text.")
    key: str


class ProgrammeOut(Schema):
    slug: str
    region: str = Field(description="Slug of the region.")
    title: str
    start_year: int
    end_year: int
    summary: str
    url: str = url_field()
    urls: Addresses = urls_field()
    priorities: list[PriorityOut]
    themes: list[ThemeOut]


class SectorList(Page):
    items: list[SectorOut]


class ProgrammeList(Page):
    items: list[ProgrammeOut]


class PriorityList(Page):
    items: list[PriorityWithProgrammeOut]


def live_sector(params, now):
    return Sector.objects.live(now=now).at_address(params.lang, slug=params.sector)


@functools.cache
def _domains_of(model, relation, languages):
    """
    ``build`` of ``rows_of_items()``: the S3 domains of ``model`` of ``relation``'s ids,
    named in ``languages`` (``texts_in()``).
    """

    def build(ids, now):
        return model.objects.filter(related_to(relation, ids)).raw_values(
            relation, "code", **texts_in(languages, "name")
        )

    return build


def domains(model, relation, ids, language):
    """
    ``{id: [domain, ...]}``: the S3 domains of ``model`` (``EconomicDomain`` or
    ``ScientificDomain``) of each of ``ids`` of ``relation`` (``"sectors"`` or
    ``"priorities"``), in the code list's order.
    """
    build = _domains_of(model, relation, language_order(language))
    return grouped(
        (row[relation], {"code": row["code"], "name": row["name_text"]})
        for row in rows_of_items(build, ids)
    )


def plain_text(html):
    """A rich text as plain text, on one line."""
    return " ".join(unescape(strip_tags(html)).split())


def live_sectors(params, now):
    """``build`` of ``page_rows()``: the sectors live at ``now``, in their order."""
    sectors = Sector.objects.live(now=now).order_by("order", "pk")
    if params.region:
        key_sectors = RegionKeySector.objects.live(now=now).filter(
            sector=OuterRef("pk"),
            region__in=Region.objects.at_address(params.lang, slug=params.region),
        )
        sectors = sectors.filter(Exists(key_sectors))
    return filtered(sectors, params, parent="parent__slug")


@list_view(router, "/sectors", SectorList, "sectors")
def list_sectors(request, params: Query[SectorParams]):
    """Sectors, a tree: each names its parent sector."""
    lang = params.lang
    count, rows = page_rows(
        live_sectors,
        params,
        "id",
        "parent",
        *translations("parent__slug"),
        *Sector.address.columns(),
        texts=("name", "summary"),
    )
    ids = [row["id"] for row in rows]
    economic = domains(EconomicDomain, "sectors", ids, lang)
    scientific = domains(ScientificDomain, "sectors", ids, lang)
    addresses = page_addresses(request, Sector.address, rows)
    items = []
    for row, urls in zip(rows, addresses, strict=True):
        economic_domains = economic.get(row["id"], [])
        items.append(
            {
                "slug": translated_value(row, "slug", lang),
                "parent": None
                if row["parent"] is None
                else translated_value(row, "parent__slug", lang),
                "name": row["name_text"],
                "summary": row["summary_text"],
                "nace_codes": [domain["code"] for domain in economic_domains],
                "economic_domains": economic_domains,
                "scientific_domains": scientific.get(row["id"], []),
                "url": urls[lang],
                "urls": urls,
            }
        )
    return page_response(request, params, count, items)


# What a priority's item is made of, in the programmes' list and in the priorities':
# these fields and these texts (``texts_in()``).
PRIORITY_FIELDS = ("id", "programme", "order", "key", *Priority.address.columns())
PRIORITY_TEXTS = ("title", "short_title", "summary")


@functools.cache
def _live_sectors_of_priorities(languages):
    """
    ``build`` of ``rows_of_items()``: the live sectors that the priorities ``ids`` name,
    with their slugs in ``languages`` (``texts_in()``).
    """

    def build(ids, now):
        return (
            Sector.objects.live(now=now)
            .filter(related_to("priorities", ids))
            .raw_values("priorities", **texts_in(languages, "slug"))
        )

    return build


@functools.cache
def _live_focus_areas(languages):
    """
    ``build`` of ``rows_of_items()``: the live focus areas of the live priorities ``ids``
    (whose programmes and regions are live too), with their texts in ``languages``.
    """

    def build(ids, now):
        return (
            FocusArea.objects.live(known_live=FocusArea.live_parents, now=now)
            .filter(related_to("priority", ids))
            .raw_values("priority", "key", **texts_in(languages, "title", "description"))
        )

    return build


def priority_items(request, rows, language):
    """The items (``PriorityOut``) of live priorities' ``rows`` of ``PRIORITY_FIELDS``."""
    ids = [row["id"] for row in rows]
    languages = language_order(language)
    sectors = grouped(
        (sector["priorities"], sector["slug_text"])
        for sector in rows_of_items(_live_sectors_of_priorities(languages), ids)
    )
    focus_areas = grouped(
        (
            area["priority"],
            {
                "title": area["title_text"],
                "description": area["description_text"],
                "key": area["key"],
            },
        )
        for area in rows_of_items(_live_focus_areas(languages), ids)
    )
    economic = domains(EconomicDomain, "priorities", ids, language)
    scientific = domains(ScientificDomain, "priorities", ids, language)
    addresses = page_addresses(request, Priority.address, rows)
    return [
        {
            "slug": translated_value(row, "slug", language),
            "order": row["order"],
            "title": row["title_text"],
            "short_title": row["short_title_text"],
            "summary": row["summary_text"],
            "key": row["key"],
            "url": urls[language],
            "urls": urls,
            "sectors": sectors.get(row["id"], []),
            "focus_areas": focus_areas.get(row["id"], []),
            "economic_domains": economic.get(row["id"], []),
            "scientific_domains": scientific.get(row["id"], []),
        }
        for row, urls in zip(rows, addresses, strict=True)
    ]


@functools.cache
def _live_priorities_of_programmes(languages):
    """
    ``build`` of ``rows_of_items()``: the live priorities of the programmes ``ids``,
    with their texts in ``languages``.
    """

    def build(ids, now):
        return (
            Priority.objects.live(now=now)
            .filter(related_to("programme", ids))
            .raw_values(*PRIORITY_FIELDS, **texts_in(languages, *PRIORITY_TEXTS))
        )

    return build


def live_themes(ids, now):
    """
    ``build`` of ``rows_of_items()``: the live cross-cutting themes of the live programmes
    ``ids`` (whose regions are live too).
    """
    return (
        CrossCuttingTheme.objects.live(known_live=CrossCuttingTheme.live_parents, now=now)
        .filter(related_to("programme", ids))
        .raw_values("programme", *translations("title", "description"), "key")
    )


def live_programmes(params, now):
    """``build`` of ``page_rows()``: the programmes live at ``now``, by region and period."""
    programmes = Programme.objects.live(now=now).order_by("region__slug", "-start_year", "pk")
    programmes = filtered(programmes, params, region="region__slug")
    if params.sector:
        naming = Priority.objects.live(now=now).filter(
            programme=OuterRef("pk"), sectors__in=live_sector(params, now)
        )
        programmes = programmes.filter(Exists(naming))
    return programmes


@list_view(router, "/programmes", ProgrammeList, "programmes")
def list_programmes(request, params: Query[ProgrammeParams]):
    """Smart Specialisation programmes with their priorities, focus areas and themes."""
    lang = params.lang
    count, rows = page_rows(
        live_programmes,
        params,
        "id",
        "start_year",
        "end_year",
        *Programme.address.columns(),
        texts=("title", "summary"),
    )
    ids = [row["id"] for row in rows]
    priority_rows = rows_of_items(_live_priorities_of_programmes(language_order(lang)), ids)
    priorities = grouped(
        zip(
            (row["programme"] for row in priority_rows),
            priority_items(request, priority_rows, lang),
            strict=True,
        )
    )
    themes = grouped(
        (
            theme["programme"],
            {
                "title": translated_value(theme, "title", lang),
                "description": plain_text(translated_value(theme, "description", lang)),
                "key": theme["key"],
            },
        )
        for theme in rows_of_items(live_themes, ids)
    )
    addresses = page_addresses(request, Programme.address, rows)
    items = [
        {
            "slug": translated_value(row, "slug", lang),
            "region": translated_value(row, "region__slug", lang),
            "title": row["title_text"],
            "start_year": row["start_year"],
            "end_year": row["end_year"],
            "summary": row["summary_text"],
            "url": urls[lang],
            "urls": urls,
            "priorities": priorities.get(row["id"], []),
            "themes": themes.get(row["id"], []),
        }
        for row, urls in zip(rows, addresses, strict=True)
    ]
    return page_response(request, params, count, items)


def live_priorities(params, now):
    """``build`` of ``page_rows()``: the priorities live at ``now``, by programme."""
    priorities = Priority.objects.live(now=now).order_by(
        "programme__region__slug", "-programme__start_year", "order", "pk"
    )
    priorities = filtered(
        priorities, params, region="programme__region__slug", programme="programme__slug"
    )
    if params.economic_domain:
        priorities = priorities.in_economic_domain(params.economic_domain)
    if params.scientific_domain:
        priorities = priorities.in_scientific_domain(params.scientific_domain)
    if params.sector:
        naming = Priority.sectors.through.objects.filter(
            priority=OuterRef("pk"), sector__in=live_sector(params, now)
        )
        priorities = priorities.filter(Exists(naming))
    return priorities


@list_view(router, "/priorities", PriorityList, "programmes")
def list_priorities(request, params: Query[PriorityParams]):
    """Priorities of every programme, with their focus areas and sectors."""
    lang = params.lang
    count, rows = page_rows(live_priorities, params, *PRIORITY_FIELDS, texts=PRIORITY_TEXTS)
    items = priority_items(request, rows, lang)
    for row, item in zip(rows, items, strict=True):
        item["region"] = translated_value(row, "programme__region__slug", lang)
        item["programme"] = translated_value(row, "programme__slug", lang)
    return page_response(request, params, count, items)
