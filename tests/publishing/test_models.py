"""The publishing bases: what is live, scheduling, translation fallback and clean rich text."""

import copy
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import override
from modeltranslation.utils import fallbacks, resolution_order

from kainuu_portal.publishing.models import Status, language_order, translated_value, visible
from priorities.models import FocusArea, Priority, Programme
from regions.models import Region, Strength
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


def test_a_visible_prefetch_in_a_list_holds_only_live_rows():
    region = factories.make_region()
    shown = factories.make_strength(region=region)
    factories.make_strength(region=region, status=Status.DRAFT)
    prefetch = visible("strengths", Strength.objects, to_attr="shown")
    [fetched] = Region.objects.live().prefetch_related(prefetch)
    assert fetched.shown == [shown]


def test_a_copied_visible_prefetch_builds_its_queryset_when_it_runs():
    prefetch = visible("strengths", Strength.objects)
    copied = copy.copy(prefetch)
    assert prefetch._queryset is None and copied._queryset is None
    assert copied.queryset.query.where


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


def test_is_live_agrees_with_live_for_every_kind_of_content():
    region = factories.make_region()
    strength = factories.make_strength(region=region)
    programme = factories.make_programme(region=region)
    priority = factories.make_priority(programme=programme)
    area = factories.make_focus_area(priority=priority)
    theme = factories.make_theme(programme=programme)
    content = [region, strength, programme, priority, area, theme]
    assert all(item.is_live for item in content)
    for draft in (None, priority, programme, region):
        if draft is not None:
            draft.status = Status.DRAFT
            draft.save()
        for item in content:
            fresh = type(item).objects.get(pk=item.pk)  # its parents read from the database
            expected = type(item).objects.live().filter(pk=item.pk).exists()
            assert fresh.is_live == expected, (item, draft)


def test_a_child_shown_on_its_parents_page_links_to_that_page():
    priority = factories.make_priority()
    area = factories.make_focus_area(priority=priority)
    theme = factories.make_theme(programme=priority.programme)
    assert area.get_absolute_url() == priority.get_absolute_url()
    assert theme.get_absolute_url() == priority.programme.get_absolute_url()
    assert priority.get_absolute_url().startswith(priority.programme.get_absolute_url())


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_the_language_order_is_the_translation_apps_with_fallbacks_on_and_off(language):
    expected = resolution_order(language)
    assert len(expected) == 3 and expected[0] == language
    with fallbacks(False):
        assert language_order(language) == resolution_order(language) == (language,)
        assert language_order(language, fallbacks=True) == expected
    assert language_order(language) == expected
    assert language_order(language, fallbacks=False) == (language,)


def test_a_translated_value_without_fallbacks_leaves_the_fallback_of_later_reads_alone():
    row = {"title_fi": "Otsikko", "title_en": "", "title_sv": ""}
    with fallbacks(False):
        assert translated_value(row, "title", "en") == ""
    assert translated_value(row, "title", "en") == "Otsikko"
