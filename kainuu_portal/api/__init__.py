"""
The read-only open data API under ``/api/v1/``, made with django-ninja: the
OpenAPI 3 schema at ``/api/v1/openapi.json`` is generated from this module.

Only live content is served. ``lang`` (fi, en, sv) picks the language of the
texts, with the same fallback as on the pages. Lists are paginated with
``limit`` and ``offset``. The data is licensed under CC BY 4.0.
"""

from html import unescape
from typing import Annotated, Any, Literal

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.html import strip_tags
from django.utils.translation import override
from ninja import Field, NinjaAPI, Query, Schema
from ninja.renderers import JSONRenderer

from priorities.models import (
    CrossCuttingTheme,
    FocusArea,
    Priority,
    Programme,
    RegionKeySector,
    Sector,
)
from regions.models import Municipality, PopulationFigure, Region

LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
ATTRIBUTION = "Regional Council of Kainuu (Kainuun liitto)"
MAX_LIMIT = 100
MAX_OFFSET = 100_000


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Kainuu Portal open data API",
    version="1.0.0",
    description=(
        "Read-only open data of the Kainuu Portal: regions, municipalities with their "
        "population figures, sectors, and the Smart Specialisation programmes with their "
        "priorities, focus areas and cross-cutting themes. Only published content is served. "
        f"Licence: CC BY 4.0; attribution: {ATTRIBUTION}."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url=None,  # The interactive docs load scripts from a CDN: the Open data page documents.
    renderer=Renderer(),
    openapi_extra={
        "info": {
            "license": LICENSE,
            "contact": {"name": ATTRIBUTION, "email": "kirjaamo@kainuunliitto.fi"},
        }
    },
)

Language = Literal["fi", "en", "sv"]
Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", min_length=1, max_length=100)]


# --- Parameters -----------------------------------------------------------------


class ListParams(Schema):
    lang: Language = Field("fi", description="Language of the texts: fi, en or sv.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Items per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")


class RegionParams(ListParams):
    kind: Literal["finnish", "foreign"] | None = Field(
        None, description="Only Finnish regions, or only foreign ones."
    )


class MunicipalityParams(ListParams):
    region: Slug | None = Field(None, description="Only the municipalities of this region.")


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


# --- Responses --------------------------------------------------------------------


class ValidationErrors(Schema):
    detail: list[dict[str, Any]]


class PopulationOut(Schema):
    year: int
    value: int
    approximate: bool
    source: str


class RegionOut(Schema):
    slug: str
    name: str
    kind: Literal["finnish", "foreign"]
    is_home: bool
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    iso_code: str = Field(description="ISO 3166-2 code, e.g. FI-05; may be empty.")
    nuts_code: str = Field(description="NUTS code, e.g. FI1D8; may be empty.")
    summary: str
    administrative_centre: str
    area_km2: float | None
    website: str
    url: str = Field(description="The region's page on the portal.")
    neighbours: list[str] = Field(description="Slugs of the neighbouring regions.")
    population: list[PopulationOut]


class MunicipalityOut(Schema):
    slug: str
    region: str = Field(description="Slug of the region.")
    name: str
    name_fi: str
    name_sv: str
    code: str = Field(description="Official municipality code of Statistics Finland.")
    is_town: bool
    website: str
    url: str
    population: list[PopulationOut]


class SectorOut(Schema):
    slug: str
    parent: str | None = Field(description="Slug of the parent sector.")
    name: str
    summary: str
    nace_codes: list[str] = Field(description="NACE Rev. 2 codes.")
    url: str


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
    url: str
    sectors: list[str] = Field(description="Slugs of the sectors the priority names.")
    focus_areas: list[FocusAreaOut]


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
    url: str
    priorities: list[PriorityOut]
    themes: list[ThemeOut]


class PageMeta(Schema):
    count: int = Field(description="Items in the whole list.")
    limit: int
    offset: int
    lang: Language
    license: str = "CC BY 4.0"


class RegionList(PageMeta):
    items: list[RegionOut]


class MunicipalityList(PageMeta):
    items: list[MunicipalityOut]


class SectorList(PageMeta):
    items: list[SectorOut]


class ProgrammeList(PageMeta):
    items: list[ProgrammeOut]


class PriorityList(PageMeta):
    items: list[PriorityWithProgrammeOut]


# --- Serialising ----------------------------------------------------------------


def plain(html):
    return " ".join(unescape(strip_tags(html or "")).split())


def page(request, queryset, params, serialise):
    """One page of ``queryset`` serialised in the requested language."""
    with override(params.lang):
        count = queryset.count()
        objects = queryset[params.offset : params.offset + params.limit]
        items = [serialise(request, obj) for obj in objects]
    return {
        "count": count,
        "limit": params.limit,
        "offset": params.offset,
        "lang": params.lang,
        "items": items,
    }


def absolute(request, obj):
    return request.build_absolute_uri(obj.get_absolute_url())


def population(figures):
    return [
        {
            "year": figure.year,
            "value": figure.value,
            "approximate": figure.is_approximate,
            "source": figure.source,
        }
        for figure in figures
    ]


def live_figures():
    return Prefetch("population_figures", queryset=PopulationFigure.objects.live())


def region_data(request, region):
    return {
        "slug": region.slug,
        "name": region.name,
        "kind": region.kind,
        "is_home": region.is_home,
        "country": region.country,
        "iso_code": region.iso_code,
        "nuts_code": region.nuts_code,
        "summary": region.summary,
        "administrative_centre": region.administrative_centre,
        "area_km2": float(region.area_km2) if region.area_km2 is not None else None,
        "website": region.website,
        "url": absolute(request, region),
        "neighbours": [neighbour.slug for neighbour in region.neighbours.all()],
        "population": population(region.population_figures.all()),
    }


def municipality_data(request, municipality):
    return {
        "slug": municipality.slug,
        "region": municipality.region.slug,
        "name": municipality.name,
        "name_fi": municipality.name_fi or "",
        "name_sv": municipality.name_sv or "",
        "code": municipality.code,
        "is_town": municipality.is_town,
        "website": municipality.website,
        "url": absolute(request, municipality),
        "population": population(municipality.population_figures.all()),
    }


def sector_data(request, sector):
    return {
        "slug": sector.slug,
        "parent": sector.parent.slug if sector.parent else None,
        "name": sector.name,
        "summary": sector.summary,
        "nace_codes": [code.strip() for code in sector.nace_codes.split(",") if code.strip()],
        "url": absolute(request, sector),
    }


def priority_data(request, priority):
    return {
        "slug": priority.slug,
        "order": priority.order,
        "title": priority.title,
        "short_title": priority.short_title,
        "summary": priority.summary,
        "key": priority.key,
        "url": absolute(request, priority),
        "sectors": [sector.slug for sector in priority.sectors.all()],
        "focus_areas": [
            {"title": area.title, "description": area.description, "key": area.key}
            for area in priority.focus_areas.all()
        ],
    }


def priority_with_programme_data(request, priority):
    return priority_data(request, priority) | {
        "region": priority.programme.region.slug,
        "programme": priority.programme.slug,
    }


def programme_data(request, programme):
    return {
        "slug": programme.slug,
        "region": programme.region.slug,
        "title": programme.title,
        "start_year": programme.start_year,
        "end_year": programme.end_year,
        "summary": programme.summary,
        "url": absolute(request, programme),
        "priorities": [priority_data(request, priority) for priority in programme.priorities.all()],
        "themes": [
            {"title": theme.title, "description": plain(theme.description), "key": theme.key}
            for theme in programme.themes.all()
        ],
    }


def live_sector(slug):
    return Sector.objects.live().filter(slug=slug)


def priority_children():
    return [
        Prefetch("sectors", queryset=Sector.objects.live()),
        Prefetch("focus_areas", queryset=FocusArea.objects.live()),
    ]


# --- Endpoints --------------------------------------------------------------------

RESPONSES = {422: ValidationErrors}


@api.get("/regions", response={200: RegionList, **RESPONSES}, tags=["regions"])
def list_regions(request, params: Query[RegionParams]):
    """Regions: the home region (Kainuu) first, then the others by name."""
    regions = (
        Region.objects.live()
        .order_by("-is_home", "name", "pk")
        .prefetch_related(
            Prefetch("neighbours", queryset=Region.objects.live()),
            live_figures(),
        )
    )
    if params.kind:
        regions = regions.filter(kind=params.kind)
    return page(request, regions, params, region_data)


@api.get("/municipalities", response={200: MunicipalityList, **RESPONSES}, tags=["regions"])
def list_municipalities(request, params: Query[MunicipalityParams]):
    """Municipalities with their population figures, by name."""
    municipalities = (
        Municipality.objects.live()
        .select_related("region")
        .order_by("name", "pk")
        .prefetch_related(live_figures())
    )
    if params.region:
        municipalities = municipalities.filter(region__slug=params.region)
    return page(request, municipalities, params, municipality_data)


@api.get("/sectors", response={200: SectorList, **RESPONSES}, tags=["sectors"])
def list_sectors(request, params: Query[SectorParams]):
    """Sectors, a tree: each names its parent sector."""
    sectors = Sector.objects.live().select_related("parent").order_by("order", "pk")
    if params.region:
        key_sectors = RegionKeySector.objects.live().filter(
            sector=OuterRef("pk"), region__slug=params.region
        )
        sectors = sectors.filter(Exists(key_sectors))
    if params.parent:
        sectors = sectors.filter(parent__slug=params.parent)
    return page(request, sectors, params, sector_data)


@api.get("/programmes", response={200: ProgrammeList, **RESPONSES}, tags=["programmes"])
def list_programmes(request, params: Query[ProgrammeParams]):
    """Smart Specialisation programmes with their priorities, focus areas and themes."""
    programmes = (
        Programme.objects.live()
        .select_related("region")
        .order_by("region__slug", "-start_year", "pk")
        .prefetch_related(
            Prefetch(
                "priorities",
                queryset=Priority.objects.live().prefetch_related(*priority_children()),
            ),
            Prefetch("themes", queryset=CrossCuttingTheme.objects.live()),
        )
    )
    if params.region:
        programmes = programmes.filter(region__slug=params.region)
    if params.sector:
        naming = Priority.objects.live().filter(
            programme=OuterRef("pk"), sectors__in=live_sector(params.sector)
        )
        programmes = programmes.filter(Exists(naming))
    return page(request, programmes, params, programme_data)


@api.get("/priorities", response={200: PriorityList, **RESPONSES}, tags=["programmes"])
def list_priorities(request, params: Query[PriorityParams]):
    """Priorities of every programme, with their focus areas and sectors."""
    priorities = (
        Priority.objects.live()
        .select_related("programme__region")
        .order_by("programme__region__slug", "-programme__start_year", "order", "pk")
        .prefetch_related(*priority_children())
    )
    if params.region:
        priorities = priorities.filter(programme__region__slug=params.region)
    if params.programme:
        priorities = priorities.filter(programme__slug=params.programme)
    if params.sector:
        naming = Priority.sectors.through.objects.filter(
            priority=OuterRef("pk"), sector__in=live_sector(params.sector)
        )
        priorities = priorities.filter(Exists(naming))
    return page(request, priorities, params, priority_with_programme_data)
