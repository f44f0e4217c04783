"""Regions and municipalities: what hides them, and the database's constraints."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kainuu_portal.publishing.models import Status
from regions.models import Municipality, PopulationFigure, Region
from tests import factories

pytestmark = pytest.mark.django_db


def test_draft_region_hides_its_municipalities():
    municipality = factories.make_municipality()
    municipality.region.status = Status.DRAFT
    municipality.region.save()
    assert not Municipality.objects.live().exists()


def test_municipality_count_counts_live_municipalities_only():
    region, empty = factories.make_region(), factories.make_region()
    factories.make_municipality(region=region, name_en="B")
    factories.make_municipality(region=region, name_en="A")
    factories.make_municipality(region=region, status=Status.DRAFT)
    counts = dict(Region.objects.with_municipality_count().values_list("pk", "municipality_count"))
    assert counts == {region.pk: 2, empty.pk: 0}


def test_only_one_home_region_in_the_database():
    factories.make_region(is_home=True)
    second = Region(name_fi="Toinen", slug="toinen", is_home=True)
    with pytest.raises(ValidationError):
        second.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_population_figure_belongs_to_a_region_or_a_municipality():
    municipality = factories.make_municipality()
    both = PopulationFigure(
        region=municipality.region, municipality=municipality, year=2020, value=1, source="x"
    )
    with pytest.raises(ValidationError):
        both.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        PopulationFigure.objects.create(year=2020, value=1, source="x")
