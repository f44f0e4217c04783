"""
The open data of sectors and of the Smart Specialisation programmes with their
priorities, focus areas and cross-cutting themes.
"""

from html import unescape
from typing import Annotated

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.html import strip_tags
from ninja import Field, Query, Router, Schema

from kainuu_portal.publishing.api import (
    Addresses,
    ListParams,
    Page,
    Slug,
    absolute_url,
    absolute_urls,
    filtered,
    list_endpoint,
    url_field,
    urls_field,
)
from kainuu_portal.publishing.models import visible
from regions.models import Region

from .models import CrossCuttingTheme, Priority, Programme, RegionKeySector, Sector

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

    @staticmethod
    def resolve_parent(sector):
        return sector.parent.slug if sector.parent else None

    @staticmethod
    def resolve_nace_codes(sector):
        return [domain.code for domain in sector.economic_domains.all()]

    resolve_url = staticmethod(absolute_url)
    resolve_urls = staticmethod(absolute_urls)


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

    resolve_url = staticmethod(absolute_url)
    resolve_urls = staticmethod(absolute_urls)

    @staticmethod
    def resolve_sectors(priority):
        return [sector.slug for sector in priority.sectors.all()]


class PriorityWithProgrammeOut(PriorityOut):
    region: str = Field(alias="programme.region.slug", description="Slug of the region.")
    programme: str = Field(alias="programme.slug", description="Slug of the programme.")


class ThemeOut(Schema):
    title: str
    description: str = Field(description="Plain text.")
    key: str

    @staticmethod
    def resolve_description(theme):
        return " ".join(unescape(strip_tags(theme.description or "")).split())


class ProgrammeOut(Schema):
    slug: str
    region: str = Field(alias="region.slug", description="Slug of the region.")
    title: str
    start_year: int
    end_year: int
    summary: str
    url: str = url_field()
    urls: Addresses = urls_field()
    priorities: list[PriorityOut]
    themes: list[ThemeOut]

    resolve_url = staticmethod(absolute_url)
    resolve_urls = staticmethod(absolute_urls)


class SectorList(Page):
    items: list[SectorOut]


class ProgrammeList(Page):
    items: list[ProgrammeOut]


class PriorityList(Page):
    items: list[PriorityWithProgrammeOut]


def live_sector(params):
    return Sector.objects.live().at_address(params.lang, slug=params.sector)


@list_endpoint(router, "/sectors", SectorList, "sectors")
def list_sectors(request, params: Query[SectorParams]):
    """Sectors, a tree: each names its parent sector."""
    sectors = (
        Sector.objects.live().select_related("parent").with_classification().order_by("order", "pk")
    )
    if params.region:
        key_sectors = RegionKeySector.objects.live().filter(
            sector=OuterRef("pk"),
            region__in=Region.objects.at_address(params.lang, slug=params.region),
        )
        sectors = sectors.filter(Exists(key_sectors))
    return filtered(sectors, params, parent="parent__slug")


@list_endpoint(router, "/programmes", ProgrammeList, "programmes")
def list_programmes(request, params: Query[ProgrammeParams]):
    """Smart Specialisation programmes with their priorities, focus areas and themes."""
    programmes = (
        Programme.objects.live()
        .select_related("region")
        .order_by("region__slug", "-start_year", "pk")
        .prefetch_related(
            Prefetch(
                "priorities",
                queryset=Priority.objects.live()
                .with_focus_areas_and_sectors()
                .with_classification(),
            ),
            visible("themes", CrossCuttingTheme.objects),
        )
    )
    programmes = filtered(programmes, params, region="region__slug")
    if params.sector:
        naming = Priority.objects.live().filter(
            programme=OuterRef("pk"), sectors__in=live_sector(params)
        )
        programmes = programmes.filter(Exists(naming))
    return programmes


@list_endpoint(router, "/priorities", PriorityList, "programmes")
def list_priorities(request, params: Query[PriorityParams]):
    """Priorities of every programme, with their focus areas and sectors."""
    priorities = (
        Priority.objects.live()
        .select_related("programme__region")
        .order_by("programme__region__slug", "-programme__start_year", "order", "pk")
        .with_focus_areas_and_sectors()
        .with_classification()
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
            priority=OuterRef("pk"), sector__in=live_sector(params)
        )
        priorities = priorities.filter(Exists(naming))
    return priorities
