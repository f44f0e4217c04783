"""The open data of regions and municipalities, with their live population figures."""

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
    year: int
    value: int
    approximate: bool = Field(alias="is_approximate")
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
    url: str = url_field()
    urls: Addresses = urls_field()
    neighbours: list[str] = Field(description="Slugs of the neighbouring regions.")
    population: list[PopulationOut] = Field(alias="population_figures")

    resolve_url = staticmethod(absolute_url)
    resolve_urls = staticmethod(absolute_urls)

    @staticmethod
    def resolve_neighbours(region):
        return [neighbour.slug for neighbour in region.neighbours.all()]


class MunicipalityOut(Schema):
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
