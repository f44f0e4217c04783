"""
The open data of regions and municipalities, with their live population figures,
written as every list is (``kainuu_portal.publishing.api``): from ``values()`` rows,
each nested list in one query for the page's items.
"""

import functools
from collections import defaultdict
from datetime import datetime
from typing import Literal

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

from .models import Municipality, PopulationFigure, Region

router = Router()


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


def area(value):
    """A ``DecimalField`` area as the schema's number."""
    return None if value is None else float(value)


def areas(row):
    """The ``AREA_FIELDS`` of an area's item, from its row."""
    return {
        "area_km2": area(row["area_km2"]),
        "land_area_km2": area(row["land_area_km2"]),
        "area_year": row["area_year"],
    }


@functools.cache
def _population_figures(owner, languages):
    """
    ``build`` of ``rows_of_items()``: the live population figures of ``owner``'s ids,
    with their source in ``languages`` (``texts_in()``).
    """

    def build(ids, now):
        return (
            PopulationFigure.objects.live(now=now)
            .filter(related_to(owner, ids))
            .raw_values(owner, *PopulationFigure.DETAILS, **texts_in(languages, "source"))
        )

    return build


# The columns of a figure's row that ``population_series`` writes, in its order.
FIGURE_OUT = (
    "year",
    "value",
    "is_approximate",
    "is_preliminary",
    "source_text",
    "source_url",
    "origin",
    "table_id",
    "table_updated",
)


def population_series(language, owner, ids):
    """
    ``{id: [figure, ...]}``: the live population figures of each of ``ids`` of
    ``owner`` (``"region"`` or ``"municipality"``), by year.
    """
    imported = PopulationFigure.Origin.IMPORT
    build = _population_figures(owner, language_order(language))
    series = defaultdict(list)
    # Tuples: a page of the list has hundreds of figures.
    for (
        item,
        year,
        value,
        approximate,
        preliminary,
        source,
        source_url,
        origin,
        table,
        table_updated,
    ) in rows_of_items(build, ids, fields=(owner, *FIGURE_OUT)):
        series[item].append(
            {
                "year": year,
                "value": value,
                "approximate": approximate,
                "preliminary": preliminary,
                "source": source,
                "source_url": source_url,
                "imported": origin == imported,
                "table": table,
                "table_updated": table_updated,
            }
        )
    return series


@functools.cache
def _live_neighbours(languages):
    """
    ``build`` of ``rows_of_items()``: the live neighbours of the regions ``ids``, each
    with the region it neighbours as ``neighbours`` (the relation is symmetrical), with
    their slugs in ``languages`` (``texts_in()``).
    """

    def build(ids, now):
        return (
            Region.objects.live(now=now)
            .filter(related_to("neighbours", ids))
            .raw_values("neighbours", **texts_in(languages, "slug"))
        )

    return build


def live_regions(params, now):
    """``build`` of ``page_rows()``: the regions live at ``now``, the home region first."""
    regions = Region.objects.live(now=now).order_by("-is_home", "name", "pk")
    return filtered(regions, params, kind="kind")


@list_view(router, "/regions", RegionList, "regions")
def list_regions(request, params: Query[RegionParams]):
    """Regions: the home region (Kainuu) first, then the others by name."""
    lang = params.lang
    count, rows = page_rows(
        live_regions,
        params,
        "id",
        *AREA_FIELDS,
        "kind",
        "is_home",
        "country",
        "iso_code",
        "nuts_code",
        "code",
        "website",
        *Region.address.columns(),
        texts=("name", "summary", "administrative_centre"),
    )
    ids = [row["id"] for row in rows]
    # The neighbours of the page's regions, in the regions' order.
    neighbours = grouped(
        (neighbour["neighbours"], neighbour["slug_text"])
        for neighbour in rows_of_items(_live_neighbours(language_order(lang)), ids)
    )
    population = population_series(lang, "region", ids)
    addresses = page_addresses(request, Region.address, rows)
    items = [
        {
            **areas(row),
            "slug": translated_value(row, "slug", lang),
            "name": row["name_text"],
            "kind": row["kind"],
            "is_home": row["is_home"],
            "country": row["country"],
            "iso_code": row["iso_code"],
            "nuts_code": row["nuts_code"],
            "code": row["code"],
            "summary": row["summary_text"],
            "administrative_centre": row["administrative_centre_text"],
            "website": row["website"],
            "url": urls[lang],
            "urls": urls,
            "neighbours": neighbours.get(row["id"], []),
            "population": population.get(row["id"], []),
        }
        for row, urls in zip(rows, addresses, strict=True)
    ]
    return page_response(request, params, count, items)


def live_municipalities(params, now):
    """``build`` of ``page_rows()``: the municipalities live at ``now``, by name."""
    municipalities = Municipality.objects.live(now=now).order_by("name", "pk")
    return filtered(municipalities, params, region="region__slug")


@list_view(router, "/municipalities", MunicipalityList, "regions")
def list_municipalities(request, params: Query[MunicipalityParams]):
    """Municipalities with their population figures, by name."""
    lang = params.lang
    count, rows = page_rows(
        live_municipalities,
        params,
        "id",
        *AREA_FIELDS,
        *translations("name"),
        "code",
        "is_town",
        "website",
        *Municipality.address.columns(),
    )
    population = population_series(lang, "municipality", [row["id"] for row in rows])
    addresses = page_addresses(request, Municipality.address, rows)
    items = [
        {
            **areas(row),
            "slug": translated_value(row, "slug", lang),
            "region": translated_value(row, "region__slug", lang),
            "name": translated_value(row, "name", lang),
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
    return page_response(request, params, count, items)
