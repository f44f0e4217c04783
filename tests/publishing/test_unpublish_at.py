"""An unpublish-at time: set by an editor, it takes an item off every public surface by itself."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from kainuu_portal import pagecache
from kainuu_portal.publishing.models import Status
from priorities.models import FocusArea, Priority, Programme
from tests import factories
from tests.helpers.admin import admin_url, change_form

TITLE = "Call for projects in battery minerals"


def split(name, value):
    local = timezone.localtime(value)
    return {f"{name}_0": [local.strftime("%Y-%m-%d")], f"{name}_1": [local.strftime("%H:%M:%S")]}


@pytest.fixture
def call(site):
    return factories.make_priority(
        programme=site["programme"], slug="call-for-projects", title_en=TITLE
    )


def public_surfaces(site, priority):
    """Where a visitor may meet the priority: its page, lists, API, feed, search, sitemap, CSV."""
    programme = site["programme"]
    return {
        "programme page": programme.get_absolute_url(),
        "API": "/api/v1/priorities",
        "feed": "/en/feed/",
        "search": "/en/search/?q=battery",
        "sitemap": "/sitemap.xml",
        "CSV": programme.get_csv_url(),
    }


def seen_on(visitor, site, priority):
    """The surfaces that show the priority (by its title or its address)."""
    address = priority.get_absolute_url()
    shown = set()
    for name, url in public_surfaces(site, priority).items():
        body = visitor.get(url).content.decode()
        if TITLE in body or address in body:
            shown.add(name)
    if visitor.get(address).status_code == 200:
        shown.add("own page")
    return shown


ALL_SURFACES = {"own page", "programme page", "API", "feed", "search", "sitemap", "CSV"}


def test_an_item_leaves_every_public_surface_at_its_unpublish_time(
    editor_client, site, call, monkeypatch
):
    leave_at = timezone.now() + timedelta(hours=2)
    url, data = change_form(editor_client, call)
    data |= split("unpublish_at", leave_at)
    assert editor_client.post(url, data).status_code == 302
    call.refresh_from_db()
    assert call.unpublish_at == leave_at.replace(microsecond=0)

    visitor = Client()
    assert seen_on(visitor, site, call) == ALL_SURFACES

    monkeypatch.setattr(timezone, "now", lambda: leave_at + timedelta(seconds=1))
    assert seen_on(visitor, site, call) == set()
    # Only the priority left: its programme is still there.
    assert visitor.get(site["programme"].get_absolute_url()).status_code == 200


def test_an_unpublished_parent_takes_its_parts_with_it(site, monkeypatch):
    programme = site["programme"]
    now = timezone.now()
    Programme.objects.filter(pk=programme.pk).update(unpublish_at=now + timedelta(minutes=5))
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(minutes=6))
    visitor = Client()
    assert visitor.get(programme.get_absolute_url()).status_code == 404
    assert visitor.get(site["priority"].get_absolute_url()).status_code == 404
    assert "metal industry" not in visitor.get("/api/v1/priorities").content.decode()


@pytest.mark.parametrize(
    ("status", "publish_in", "unpublish_in"),
    [
        (Status.PUBLISHED, None, None),
        (Status.PUBLISHED, None, 60),
        (Status.PUBLISHED, None, -60),
        (Status.PUBLISHED, -120, -60),
        (Status.PUBLISHED, -60, 60),
        (Status.PUBLISHED, 60, 120),
        (Status.DRAFT, None, 60),
    ],
)
def test_live_and_is_live_agree(site, status, publish_in, unpublish_in):
    now = timezone.now()

    def at(minutes):
        return None if minutes is None else now + timedelta(minutes=minutes)

    area = factories.make_focus_area(
        priority=site["priority"],
        status=status,
        publish_at=at(publish_in),
        unpublish_at=at(unpublish_in),
    )
    live = FocusArea.objects.live().filter(pk=area.pk).exists()
    assert area.is_live == live
    assert area.is_published_now == live
    expected = status == Status.PUBLISHED and (publish_in or 0) <= 0 and (unpublish_in or 1) > 0
    assert live == expected


def test_the_change_list_shows_the_unpublish_time_and_live_now_agrees(
    editor_client, call, monkeypatch
):
    leave_at = timezone.now() + timedelta(hours=1)
    Priority.objects.filter(pk=call.pk).update(unpublish_at=leave_at)
    changelist = admin_url("priorities.priority", "changelist")

    response = editor_client.get(changelist, {"q": "battery"})
    page = response.content.decode()
    assert "Unpublish at" in page
    assert "column-leaves_site_at" in page
    assert [row.is_live_now for row in response.context["cl"].result_list] == [True]

    monkeypatch.setattr(timezone, "now", lambda: leave_at + timedelta(seconds=1))
    response = editor_client.get(changelist, {"q": "battery"})
    assert [row.is_live_now for row in response.context["cl"].result_list] == [False]
    assert 'alt="False"' in response.content.decode()


def test_an_unpublish_time_before_the_publish_time_is_a_clear_error(editor_client, call):
    publish_at = timezone.now() + timedelta(days=2)
    url, data = change_form(editor_client, call)
    data |= split("publish_at", publish_at) | split("unpublish_at", publish_at - timedelta(days=1))
    data["title_en"] = ["Call for projects, renamed"]

    response = editor_client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.has_error("unpublish_at", code="unpublish_before_publish")
    assert "must be after the publishing time" in response.content.decode()
    assert 'value="Call for projects, renamed"' in response.content.decode()
    call.refresh_from_db()
    assert call.unpublish_at is None


def test_an_unpublish_time_already_passed_is_a_clear_error(editor_client, call):
    url, data = change_form(editor_client, call)
    data |= split("unpublish_at", timezone.now() - timedelta(hours=1))

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("unpublish_at", code="past_unpublish_at")
    call.refresh_from_db()
    assert call.unpublish_at is None


def test_a_passed_unpublish_time_does_not_block_other_edits(editor_client, call):
    Priority.objects.filter(pk=call.pk).update(unpublish_at=timezone.now() - timedelta(days=3))
    url, data = change_form(editor_client, call)
    data["title_en"] = ["The call that closed"]
    assert editor_client.post(url, data).status_code == 302


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_VERSION_SECONDS = 60
    caches["default"].clear()
    pagecache.versions.forget()
    yield
    caches["default"].clear()
    pagecache.versions.forget()


def test_the_page_cache_follows_the_unpublish_time(page_cache, site, call):
    now = timezone.now()
    call.unpublish_at = now + timedelta(hours=1)
    call.save()
    pagecache.versions.forget()
    visitor = Client()
    url = site["programme"].get_absolute_url()
    visitor.get(url)
    cached = visitor.get(url)
    assert cached[pagecache.HEADER] == "hit"
    assert TITLE in cached.content.decode()

    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(hours=1, seconds=1)):
        later = visitor.get(url)
    assert later[pagecache.HEADER] == "miss"
    assert TITLE not in later.content.decode()


def test_the_next_scheduled_change_is_the_earliest_publish_or_unpublish_time(site, call):
    now = timezone.now()
    assert pagecache.next_scheduled_change(now) is None
    Priority.objects.filter(pk=call.pk).update(unpublish_at=now + timedelta(hours=3))
    factories.make_page(slug="soon", publish_at=now + timedelta(hours=5))
    assert pagecache.next_scheduled_change(now) == now + timedelta(hours=3)
    factories.make_focus_area(priority=call, unpublish_at=now + timedelta(hours=2))
    assert pagecache.next_scheduled_change(now) == now + timedelta(hours=2)
    # A draft's times change nothing visitors see.
    factories.make_theme(
        programme=site["programme"], status=Status.DRAFT, unpublish_at=now + timedelta(hours=1)
    )
    assert pagecache.next_scheduled_change(now) == now + timedelta(hours=2)


def test_live_at_another_time_follows_the_schedule(site):
    now = timezone.now()
    area = factories.make_focus_area(
        priority=site["priority"],
        publish_at=now + timedelta(hours=1),
        unpublish_at=now + timedelta(hours=2),
    )

    def live_at(minutes):
        when = now + timedelta(minutes=minutes)
        return FocusArea.objects.live(now=when).filter(pk=area.pk).exists()

    assert [live_at(0), live_at(61), live_at(121)] == [False, True, False]
