"""The content model: what is live, database constraints and translation fallback."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from priorities.models import FocusArea, Priority, Programme, Sector
from regions.models import Municipality, PopulationFigure, Region
from tests import factories

pytestmark = pytest.mark.django_db


def test_only_published_content_is_live():
    published = factories.make_region()
    draft = factories.make_region(status=Status.DRAFT)
    assert list(Region.objects.live()) == [published]
    assert published.is_live and not draft.is_live


def test_scheduled_content_is_live_once_its_time_has_passed():
    now = timezone.now()
    future = factories.make_region(publish_at=now + timedelta(hours=1))
    past = factories.make_region(publish_at=now - timedelta(minutes=1))
    live = set(Region.objects.live())
    assert past in live and future not in live
    assert not future.is_live and past.is_live


def test_a_draft_parent_hides_every_descendant():
    focus_area = factories.make_focus_area()
    priority = focus_area.priority
    programme = priority.programme
    assert FocusArea.objects.live().count() == 1
    programme.status = Status.DRAFT
    programme.save()
    assert not Priority.objects.live().exists()
    assert not FocusArea.objects.live().exists()
    programme.status = Status.PUBLISHED
    programme.save()
    programme.region.publish_at = timezone.now() + timedelta(days=1)
    programme.region.save()
    assert not FocusArea.objects.live().exists()
    assert not Programme.objects.live().exists()


def test_a_draft_parent_sector_hides_its_sub_sectors_but_roots_stay_live():
    parent = factories.make_sector()
    child = factories.make_sector(parent=parent)
    assert set(Sector.objects.live()) == {parent, child}
    parent.status = Status.DRAFT
    parent.save()
    assert list(Sector.objects.live()) == []
    assert child.is_live


def test_draft_region_hides_its_municipalities():
    municipality = factories.make_municipality()
    municipality.region.status = Status.DRAFT
    municipality.region.save()
    assert not Municipality.objects.live().exists()


def test_only_one_home_region_in_the_database():
    factories.make_region(is_home=True)
    second = Region(name_fi="Toinen", slug="toinen", is_home=True)
    with pytest.raises(ValidationError):
        second.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


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
    duplicate = Priority(programme=programme, title_fi="Toinen", slug="same")
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    other_region_programme = Programme(
        region=factories.make_region(),
        title_fi="B",
        slug="2018-2021",
        start_year=2018,
        end_year=2021,
    )
    other_region_programme.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_sector(slug="dup")
        factories.make_sector(slug="dup")


def test_population_figure_belongs_to_a_region_or_a_municipality():
    municipality = factories.make_municipality()
    both = PopulationFigure(
        region=municipality.region, municipality=municipality, year=2020, value=1, source="x"
    )
    with pytest.raises(ValidationError):
        both.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        PopulationFigure.objects.create(year=2020, value=1, source="x")


def test_a_blank_translation_falls_back_to_another_language():
    region = factories.make_region(name_fi="Kainuu", name_en="", name_sv="")
    with override("sv"):
        assert Region.objects.get(pk=region.pk).name == "Kainuu"
    region = factories.make_region(name_fi="", name_en="Only English", name_sv="")
    with override("fi"):
        assert Region.objects.get(pk=region.pk).name == "Only English"


def test_rich_text_is_sanitised_on_save():
    page = factories.make_page(
        body_en='<p onclick="x()">Hi<script>alert(1)</script></p>'
        + '<a href="javascript:alert(1)">x</a>'
    )
    page.refresh_from_db()
    assert "script" not in page.body_en
    assert "onclick" not in page.body_en
    assert "javascript:" not in page.body_en
    assert "<p>Hi</p>" in page.body_en
