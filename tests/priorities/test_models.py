"""Sectors and programmes: what hides sub-sectors, and the database's constraints."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kainuu_portal.publishing.models import Status
from priorities.models import Priority, Programme, Sector
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_draft_parent_sector_hides_its_sub_sectors_but_roots_stay_live():
    parent = factories.make_sector()
    child = factories.make_sector(parent=parent)
    assert set(Sector.objects.live()) == {parent, child}
    parent.status = Status.DRAFT
    parent.save()
    assert list(Sector.objects.live()) == []
    # is_live agrees with live(); is_published_now looks at the sector alone.
    assert not child.is_live
    assert child.is_published_now


def test_programme_end_year_cannot_be_before_start_year():
    region = factories.make_region()
    programme = Programme(
        region=region, title_fi="Ohjelma", slug="x", start_year=2021, end_year=2018
    )
    with pytest.raises(ValidationError, match="end year"):
        programme.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        programme.save()


def test_slugs_are_unique_where_addresses_use_them():
    programme = factories.make_programme(slug="2018-2021")
    factories.make_priority(programme=programme, slug="same")
    duplicate = Priority(programme=programme, title_fi="Toinen", slug_fi="same")
    with pytest.raises(ValidationError, match="with this slug in Finnish"):
        duplicate.full_clean()
    # Unique as visitors read it: an empty Swedish slug falls back to the Finnish one.
    swedish = Priority(programme=programme, title_fi="Kolmas", slug_fi="other", slug_sv="same")
    with pytest.raises(ValidationError, match="with this slug in Swedish"):
        swedish.full_clean()
    other_region_programme = Programme(
        region=factories.make_region(),
        title_fi="B",
        slug_fi="2018-2021",
        start_year=2018,
        end_year=2021,
    )
    other_region_programme.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_sector(slug="dup")
        factories.make_sector(slug="dup")
