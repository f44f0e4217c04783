"""
The queries the region pages run on every request for visitors, as statements
(``kainuu_portal.publishing.statements``): built and compiled once per process and
language with stand-ins for the time, the address's slugs and the ids, run with each
request's own. Staff, who may see drafts, keep the ORM's querysets (``views``).
"""

import functools

from django.db import connections

from kainuu_portal.publishing.models import text_in
from kainuu_portal.publishing.statements import STAND_IN_TIME, Statement, stand_in_time

from .models import Municipality, PopulationFigure, Region, RegionLink, Strength


def live_regions(now):
    """The list of regions, live at ``now``: what a card shows of each."""
    return (
        Region.objects.live(now=now)
        .with_municipality_count(now=now)
        .order_by("-is_home", "kind", "name")
        .for_list()
    )


# Stand-ins for a region's or municipality's page address in their compiled queries:
# no slug is written so, and no row has a negative id.
STAND_IN_REGION_SLUG = "zqx-region-slug-zqx"
STAND_IN_SLUG = "zqx-municipality-slug-zqx"
STAND_IN_ID = -1

# What the pages show of a population figure, with its source in the page's language.
FIGURE_FIELDS = ("year", "value", "is_approximate", "is_preliminary", "source_url", "table_updated")


@functools.cache
def municipality_statement(using, language):
    # Compiled once per process and language (the names' fallbacks).
    municipalities = (
        Municipality.objects.live(now=STAND_IN_TIME)
        .at_address(region_slug=STAND_IN_REGION_SLUG, slug=STAND_IN_SLUG)
        .values(
            "pk",
            "name_fi",
            "name_sv",
            "code",
            "is_town",
            "website",
            "area_km2",
            "land_area_km2",
            "area_year",
            *Municipality.address.columns(),
            title=text_in("name"),
            region_name=text_in("region__name"),
        )
    )
    stand_ins = [stand_in_time(connections[using]), STAND_IN_REGION_SLUG, STAND_IN_SLUG]
    return Statement(municipalities, stand_ins, using)


@functools.cache
def figures_statement(using, language):
    # Compiled once per process and language (the sources' fallbacks).
    figures = (
        PopulationFigure.objects.live(now=STAND_IN_TIME)
        .filter(municipality=STAND_IN_ID)
        .order_by("year")
        .values(*FIGURE_FIELDS, source_text=text_in("source"))
    )
    return Statement(figures, [stand_in_time(connections[using]), STAND_IN_ID], using)


@functools.cache
def region_statement(using, language):
    # Compiled once per process and language (the texts' fallbacks).
    regions = (
        Region.objects.live(now=STAND_IN_TIME)
        .at_address(slug=STAND_IN_REGION_SLUG)
        .values(
            "pk",
            "kind",
            "country",
            "iso_code",
            "nuts_code",
            "website",
            "area_km2",
            "land_area_km2",
            "area_year",
            "image",
            "image_renditions",
            *Region.address.columns(),
            title=text_in("name"),
            lead=text_in("summary"),
            text=text_in("body"),
            centre=text_in("administrative_centre"),
            alt=text_in("image_alt"),
        )
    )
    return Statement(regions, [stand_in_time(connections[using]), STAND_IN_REGION_SLUG], using)


def _of_region(queryset, using):
    """``queryset``, of the region ``STAND_IN_ID``, as a statement."""
    return Statement(queryset, [stand_in_time(connections[using]), STAND_IN_ID], using)


@functools.cache
def strengths_statement(using, language):
    # Of a live region: the region's own conditions left out, as its prefetch does.
    strengths = (
        Strength.objects.live(known_live=("region",), now=STAND_IN_TIME)
        .filter(region=STAND_IN_ID)
        .values(heading=text_in("title"), text=text_in("description"))
    )
    return _of_region(strengths, using)


@functools.cache
def links_statement(using, language):
    links = (
        RegionLink.objects.live(known_live=("region",), now=STAND_IN_TIME)
        .filter(region=STAND_IN_ID)
        .values(heading=text_in("title"), address=text_in("url"))
    )
    return _of_region(links, using)


@functools.cache
def neighbours_statement(using, language):
    neighbours = (
        Region.objects.live(now=STAND_IN_TIME)
        .filter(neighbours=STAND_IN_ID)
        .values("kind", "country", *Region.address.columns(), title=text_in("name"))
    )
    return _of_region(neighbours, using)


@functools.cache
def municipalities_statement(using, language):
    municipalities = (
        Municipality.objects.live(known_live=("region",), now=STAND_IN_TIME)
        .filter(region=STAND_IN_ID)
        .values(
            "pk",
            "code",
            "is_town",
            "area_km2",
            "area_year",
            *Municipality.address.columns(),
            title=text_in("name"),
        )
    )
    return _of_region(municipalities, using)


@functools.cache
def region_figures_statement(using, language):
    """
    The figures of the region and of its municipalities, live or not, by year: the two
    kinds read apart and put together (``UNION ALL``), as each is found by its own index
    where one condition with ``OR`` reads every figure.
    """
    figures = PopulationFigure.objects.live(now=STAND_IN_TIME).values(
        "region", "municipality", *FIGURE_FIELDS, source_text=text_in("source")
    )
    of_region = figures.filter(region=STAND_IN_ID).order_by()
    of_municipalities = figures.filter(municipality__region=STAND_IN_ID).order_by()
    return _of_region(of_region.union(of_municipalities, all=True).order_by("year"), using)
