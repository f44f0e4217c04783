"""
The open data of regions and municipalities, with their live population figures.

A list answers with the JSON of its page itself: its rows are read with ``values()``,
each nested list in one query for the page's items, and written as they are, without
model instances or a validation of every item against its schema. The schemas describe
that JSON in the OpenAPI schema (``tests/site/test_open_data.py`` validates the pages
against them). The helpers in the first part are shared with the other apps' lists.
"""

import functools
import json
from collections import defaultdict
from datetime import datetime
from typing import Literal

from django.db.models import Count, Q, Window
from django.http import HttpResponse
from django.utils.translation import override
from modeltranslation.utils import resolution_order
from ninja import Field, Query, Router, Schema
from ninja.responses import NinjaJSONEncoder

from kainuu_portal.publishing.api import (
    LICENSE,
    Addresses,
    ListParams,
    Page,
    Slug,
    ValidationErrors,
    filtered,
    url_field,
    urls_field,
)
from kainuu_portal.publishing.models import LANGUAGES

from .models import Municipality, PopulationFigure, Region

router = Router()


# --- What the lists share ---------------------------------------------------------


def list_view(router, path, page, tag):
    """
    Register a list view at ``path`` that answers with ``page_response()``: ``page``
    describes that JSON in the schema, and a bad parameter gets a 422.
    """
    return router.get(path, response={200: page, 422: ValidationErrors}, tags=[tag])


def page_rows(queryset, params, *fields):
    """
    The number of rows of ``queryset`` and its rows on the page that ``params`` asks for
    (``limit``, ``offset``), as dicts of ``fields``.
    """
    # The number comes with each row, counted in the same query; a page past the end
    # has no row to bring it.
    rows = list(
        queryset.raw_values(*fields, total_count=Window(Count("pk")))[
            params.offset : params.offset + params.limit
        ]
    )
    return (rows[0]["total_count"] if rows else queryset.count()), rows


def related_to(relation, ids):
    """
    Rows whose ``relation`` is one of the page's items ``ids``, as a filter: ``pk__in``
    compares plain numbers, without the related lookup's checks of every id.
    """
    return Q(**{f"{relation}__pk__in": ids})


def translations(*lookups):
    """The columns of translated fields in every language, for ``values()``: ``name_fi``..."""
    return [f"{lookup}_{code}" for lookup in lookups for code in LANGUAGES]


@functools.cache
def _fallback_columns(lookup, language):
    return tuple(f"{lookup}_{code}" for code in resolution_order(language))


def shown(row, lookup, language):
    """
    A translated field (or a lookup to one) in ``language`` from a row with its
    ``translations()``, as visitors read it: the language's own text, else the first
    fallback's, else empty (what modeltranslation gives).
    """
    for column in _fallback_columns(lookup, language):
        if row[column]:
            return row[column]
    return ""


def address_fields(address):
    """What ``page_addresses()`` reads from each row for ``address``."""
    return translations(*address.lookups.values())


def page_addresses(request, address, rows):
    """
    ``{language: absolute address}`` of the page of each of ``rows`` (with their
    ``address_fields()``), from the route's template per language (``Address.url``).
    """
    # The addresses are paths with slugs in them, which build_absolute_uri() would leave
    # as they are: only the scheme and host are added, the same for every address.
    origin = request.build_absolute_uri("/")[:-1]
    lookups = address.lookups.items()
    addresses = [{} for _row in rows]
    for code in LANGUAGES:
        with override(code):
            for row, urls in zip(rows, addresses, strict=True):
                values = {name: shown(row, lookup, code) for name, lookup in lookups}
                urls[code] = origin + address.url(values)
    return addresses


def grouped(pairs):
    """``{key: [value, ...]}`` of ``(key, value)`` pairs, in their order."""
    groups = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return groups


def page_response(params, count, items):
    """
    The page of a list as the API writes JSON (``kainuu_portal.api.Renderer``): the
    envelope of ``Page`` with ``items``, dicts with the fields of the item schema in order.
    """
    page = {
        "count": count,
        "limit": params.limit,
        "offset": params.offset,
        "lang": params.lang,
        "license": LICENSE["name"],
        "items": items,
    }
    return HttpResponse(
        json.dumps(page, cls=NinjaJSONEncoder, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )


def area(value):
    """A ``DecimalField`` area as the schema's number."""
    return None if value is None else float(value)


# --- Regions and municipalities -----------------------------------------------------


class RegionParams(ListParams):
    kind: Literal["finnish", "foreign"] | None = Field(
        None, description="Only Finnish regions, or only foreign ones."
    )


class MunicipalityParams(ListParams):
    region: Slug | None = Field(None, description="Only the municipalities of this region.")


class PopulationOut(Schema):
    year: int = Field(description="The figure is for the end of this year.")
    value: int
    approximate: bool
    preliminary: bool
    source: str
    source_url: str = Field(description="Where to read the figure; may be empty.")
    imported: bool = Field(
        description="Imported from Statistics Finland's table, rather than entered by an editor."
    )
    table: str = Field(description="The statistical table; may be empty.")
    table_updated: datetime | None = Field(description="When that table was last updated.")


class AreaOut(Schema):
    area_km2: float | None = Field(description="Total area in km², inland waters included.")
    land_area_km2: float | None = Field(description="Land area in km².")
    area_year: int | None = Field(description="The year the areas refer to (1 January).")


class RegionOut(AreaOut):
    slug: str
    name: str
    kind: Literal["finnish", "foreign"]
    is_home: bool
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    iso_code: str = Field(description="ISO 3166-2 code, e.g. FI-05; may be empty.")
    nuts_code: str = Field(description="NUTS code, e.g. FI1D8; may be empty.")
    code: str = Field(description="Statistics Finland's region code, e.g. 18; may be empty.")
    summary: str
    administrative_centre: str
    website: str
    url: str = url_field()
    urls: Addresses = urls_field()
    neighbours: list[str] = Field(description="Slugs of the neighbouring regions.")
    population: list[PopulationOut]


class MunicipalityOut(AreaOut):
    slug: str
    region: str = Field(description="Slug of the region.")
    name: str
    name_fi: str
    name_sv: str
    code: str = Field(description="Official municipality code of Statistics Finland.")
    is_town: bool
    website: str
    url: str = url_field()
    urls: Addresses = urls_field()
    population: list[PopulationOut]


class RegionList(Page):
    items: list[RegionOut]


class MunicipalityList(Page):
    items: list[MunicipalityOut]


AREA_FIELDS = ("area_km2", "land_area_km2", "area_year")


def population_series(language, owner, ids):
    """
    ``{id: [figure, ...]}``: the live population figures of each of ``ids`` of
    ``owner`` (``"region"`` or ``"municipality"``), by year.
    """
    figures = (
        PopulationFigure.objects.live()
        .filter(related_to(owner, ids))
        .raw_values(
            owner,
            "year",
            "value",
            "is_approximate",
            "is_preliminary",
            *translations("source"),
            "source_url",
            "origin",
            "table_id",
            "table_updated",
        )
    )
    imported = PopulationFigure.Origin.IMPORT
    series = defaultdict(list)
    for figure in figures:
        series[figure[owner]].append(
            {
                "year": figure["year"],
                "value": figure["value"],
                "approximate": figure["is_approximate"],
                "preliminary": figure["is_preliminary"],
                "source": shown(figure, "source", language),
                "source_url": figure["source_url"],
                "imported": figure["origin"] == imported,
                "table": figure["table_id"],
                "table_updated": figure["table_updated"],
            }
        )
    return series


@list_view(router, "/regions", RegionList, "regions")
def list_regions(request, params: Query[RegionParams]):
    """Regions: the home region (Kainuu) first, then the others by name."""
    lang = params.lang
    live = Region.objects.live()
    regions = filtered(live.order_by("-is_home", "name", "pk"), params, kind="kind")
    count, rows = page_rows(
        regions,
        params,
        "id",
        *AREA_FIELDS,
        *translations("name", "summary", "administrative_centre"),
        "kind",
        "is_home",
        "country",
        "iso_code",
        "nuts_code",
        "code",
        "website",
        *address_fields(Region.address),
    )
    ids = [row["id"] for row in rows]
    # The neighbours of the page's regions, in the regions' order: ``neighbours`` of a
    # neighbour is the region it neighbours (the relation is symmetrical).
    neighbours = grouped(
        (neighbour["neighbours"], shown(neighbour, "slug", lang))
        for neighbour in live.filter(related_to("neighbours", ids)).raw_values(
            "neighbours", *translations("slug")
        )
    )
    population = population_series(lang, "region", ids)
    addresses = page_addresses(request, Region.address, rows)
    items = [
        {
            "area_km2": area(row["area_km2"]),
            "land_area_km2": area(row["land_area_km2"]),
            "area_year": row["area_year"],
            "slug": shown(row, "slug", lang),
            "name": shown(row, "name", lang),
            "kind": row["kind"],
            "is_home": row["is_home"],
            "country": row["country"],
            "iso_code": row["iso_code"],
            "nuts_code": row["nuts_code"],
            "code": row["code"],
            "summary": shown(row, "summary", lang),
            "administrative_centre": shown(row, "administrative_centre", lang),
            "website": row["website"],
            "url": urls[lang],
            "urls": urls,
            "neighbours": neighbours.get(row["id"], []),
            "population": population.get(row["id"], []),
        }
        for row, urls in zip(rows, addresses, strict=True)
    ]
    return page_response(params, count, items)


@list_view(router, "/municipalities", MunicipalityList, "regions")
def list_municipalities(request, params: Query[MunicipalityParams]):
    """Municipalities with their population figures, by name."""
    lang = params.lang
    municipalities = filtered(
        Municipality.objects.live().order_by("name", "pk"), params, region="region__slug"
    )
    count, rows = page_rows(
        municipalities,
        params,
        "id",
        *AREA_FIELDS,
        *translations("name"),
        "code",
        "is_town",
        "website",
        *address_fields(Municipality.address),
    )
    population = population_series(lang, "municipality", [row["id"] for row in rows])
    addresses = page_addresses(request, Municipality.address, rows)
    items = [
        {
            "area_km2": area(row["area_km2"]),
            "land_area_km2": area(row["land_area_km2"]),
            "area_year": row["area_year"],
            "slug": shown(row, "slug", lang),
            "region": shown(row, "region__slug", lang),
            "name": shown(row, "name", lang),
            # The names as entered, without a fallback.
            "name_fi": row["name_fi"] or "",
            "name_sv": row["name_sv"] or "",
            "code": row["code"],
            "is_town": row["is_town"],
            "website": row["website"],
            "url": urls[lang],
            "urls": urls,
            "population": population.get(row["id"], []),
        }
        for row, urls in zip(rows, addresses, strict=True)
    ]
    return page_response(params, count, items)
