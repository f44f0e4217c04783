"""The open data of regions and municipalities, with their live population figures."""

from datetime import datetime
from typing import Literal

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
    approximate: bool = Field(alias="is_approximate")
    preliminary: bool = Field(alias="is_preliminary")
    source: str
    source_url: str = Field(description="Where to read the figure; may be empty.")
    imported: bool = Field(
        description="Imported from Statistics Finland's table, rather than entered by an editor."
    )
    table: str = Field(alias="table_id", description="The statistical table; may be empty.")
    table_updated: datetime | None = Field(description="When that table was last updated.")

    @staticmethod
    def resolve_imported(figure):
        return figure.origin == PopulationFigure.Origin.IMPORT


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
    population: list[PopulationOut] = Field(alias="population_figures")

    resolve_url = staticmethod(absolute_url)
    resolve_urls = staticmethod(absolute_urls)

    @staticmethod
    def resolve_neighbours(region):
        return [neighbour.slug for neighbour in region.neighbours.all()]


class MunicipalityOut(AreaOut):
    slug: str
    region: str = Field(alias="region.slug", description="Slug of the region.")
    name: str
    name_fi: str
    name_sv: str
    code: str = Field(description="Official municipality code of Statistics Finland.")
    is_town: bool
    website: str
    url: str = url_field()
    urls: Addresses = urls_field()
    population: list[PopulationOut] = Field(alias="population_figures")

    @staticmethod
    def resolve_name_fi(municipality):
        return municipality.name_fi or ""

    @staticmethod
    def resolve_name_sv(municipality):
        return municipality.name_sv or ""

    resolve_url = staticmethod(absolute_url)
    resolve_urls = staticmethod(absolute_urls)


class RegionList(Page):
    items: list[RegionOut]


class MunicipalityList(Page):
    items: list[MunicipalityOut]


@list_endpoint(router, "/regions", RegionList, "regions")
def list_regions(request, params: Query[RegionParams]):
    """Regions: the home region (Kainuu) first, then the others by name."""
    regions = (
        Region.objects.live()
        .order_by("-is_home", "name", "pk")
        .prefetch_related(
            visible("neighbours", Region.objects),
            visible("population_figures", PopulationFigure.objects),
        )
    )
    return filtered(regions, params, kind="kind")


@list_endpoint(router, "/municipalities", MunicipalityList, "regions")
def list_municipalities(request, params: Query[MunicipalityParams]):
    """Municipalities with their population figures, by name."""
    municipalities = (
        Municipality.objects.live()
        .select_related("region")
        .order_by("name", "pk")
        .prefetch_related(visible("population_figures", PopulationFigure.objects))
    )
    return filtered(municipalities, params, region="region__slug")
