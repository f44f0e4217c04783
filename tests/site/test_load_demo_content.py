"""The load_demo_content command: what it loads, and loading again over it or over edits."""

from io import StringIO

import pytest
from django.core.management import call_command

from kainuu_portal.publishing.models import Status
from pages.models import Page
from priorities.models import (
    CrossCuttingTheme,
    FocusArea,
    Priority,
    Programme,
    ProgrammeLink,
    RegionKeySector,
    Sector,
)
from regions.models import Municipality, PopulationFigure, Region, RegionLink, Strength

CONTENT_MODELS = [
    Region,
    Municipality,
    PopulationFigure,
    Strength,
    RegionLink,
    Sector,
    RegionKeySector,
    Programme,
    ProgrammeLink,
    Priority,
    FocusArea,
    CrossCuttingTheme,
    Page,
]

EXPECTED_COUNTS = {
    "Region": 5,
    "Municipality": 8,
    "PopulationFigure": 12,  # the region's three, one a municipality, two for Paltamo
    "Strength": 3,
    "RegionLink": 1,
    "Sector": 7,
    "RegionKeySector": 4,
    "Programme": 1,
    "ProgrammeLink": 1,
    "Priority": 3,
    "FocusArea": 8,
    "CrossCuttingTheme": 4,
    "Page": 3,
    "Region.neighbours": 8,  # four neighbours, stored both ways
    "Priority.sectors": 7,
    "Priority.economic_domains": 13,
    "Priority.scientific_domains": 6,
    "Sector.economic_domains": 9,
}


def row_counts():
    counts = {model.__name__: model.objects.count() for model in CONTENT_MODELS}
    counts["Region.neighbours"] = Region.neighbours.through.objects.count()
    counts["Priority.sectors"] = Priority.sectors.through.objects.count()
    counts["Priority.economic_domains"] = Priority.economic_domains.through.objects.count()
    counts["Priority.scientific_domains"] = Priority.scientific_domains.through.objects.count()
    counts["Sector.economic_domains"] = Sector.economic_domains.through.objects.count()
    return counts


def load(*args):
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_loads_the_expected_rows():
    output = load()
    assert row_counts() == EXPECTED_COUNTS
    assert "Demo content loaded" in output


@pytest.mark.django_db
def test_running_twice_creates_no_duplicates():
    load()
    first = row_counts()
    output = load()
    assert row_counts() == first
    assert "0 rows created" in output


@pytest.mark.django_db
def test_if_empty_loads_into_an_empty_database():
    load("--if-empty")
    assert row_counts() == EXPECTED_COUNTS


@pytest.mark.django_db
def test_if_empty_skips_when_a_region_exists():
    load()
    Page.objects.filter(slug="about").delete()
    Region.objects.filter(slug="kainuu").update(name_en="Edited")
    output = load("--if-empty")
    assert "not loaded" in output
    assert not Page.objects.filter(slug="about").exists()
    assert Region.objects.get(slug="kainuu").name_en == "Edited"


@pytest.mark.django_db
def test_reloading_restores_edited_content():
    load()
    Region.objects.filter(slug="kainuu").update(name_en="Edited", status=Status.DRAFT)
    load()
    kainuu = Region.objects.get(slug="kainuu")
    assert (kainuu.name_en, kainuu.status) == ("Kainuu", Status.PUBLISHED)
