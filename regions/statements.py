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

from .models import Municipality, PopulationFigure, Region


def live_regions(now):
    """The list of regions, live at ``now``: what a card shows of each."""
    return (
        Region.objects.live(now=now)
        .with_municipality_count(now=now)
        .order_by("-is_home", "kind", "name")
        .for_list()
    )


# Stand-ins for a municipality page's address in its compiled queries: no slug is
# written so, and no row has a negative id.
STAND_IN_REGION_SLUG = "zqx-region-slug-zqx"
STAND_IN_SLUG = "zqx-municipality-slug-zqx"
STAND_IN_ID = -1


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
        .values(
            "year",
            "value",
            "is_approximate",
            "is_preliminary",
            "source_url",
            "table_updated",
            source_text=text_in("source"),
        )
    )
    return Statement(figures, [stand_in_time(connections[using]), STAND_IN_ID], using)
