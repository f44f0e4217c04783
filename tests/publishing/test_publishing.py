"""Drafts, publishing, unpublishing and scheduling through the admin, as editors use it."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from kainuu_portal.publishing.models import Status
from priorities.models import Programme
from tests import factories
from tests.helpers.admin import admin_url, change_form, programme_post_data, region_post_data


def split_datetime(value):
    local = timezone.localtime(value)
    return {
        "publish_at_0": [local.strftime("%Y-%m-%d")],
        "publish_at_1": [local.strftime("%H:%M:%S")],
    }


@pytest.fixture
def programme(db):
    region = factories.make_region(slug="kainuu")
    return factories.make_programme(
        region=region, slug="2022-2025", start_year=2022, end_year=2025, status=Status.DRAFT
    )


def test_a_draft_is_hidden_until_an_editor_publishes_it(editor_client, programme):
    visitor = Client()
    assert visitor.get(programme.get_absolute_url()).status_code == 404

    url, data = change_form(editor_client, programme)
    data["status"] = [Status.PUBLISHED]
    assert editor_client.post(url, data).status_code == 302

    assert visitor.get(programme.get_absolute_url()).status_code == 200


def test_a_scheduled_item_goes_live_at_its_time_without_any_job(
    editor_client, programme, monkeypatch
):
    publish_at = timezone.now() + timedelta(hours=2)
    url, data = change_form(editor_client, programme)
    data |= {"status": [Status.PUBLISHED], **split_datetime(publish_at)}
    assert editor_client.post(url, data).status_code == 302

    visitor = Client()
    assert visitor.get(programme.get_absolute_url()).status_code == 404
    changelist = editor_client.get(admin_url("priorities.programme", "changelist"))
    assert [row.is_live_now for row in changelist.context["cl"].result_list] == [False]

    later = publish_at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert visitor.get(programme.get_absolute_url()).status_code == 200
    changelist = editor_client.get(admin_url("priorities.programme", "changelist"))
    assert [row.is_live_now for row in changelist.context["cl"].result_list] == [True]


def test_the_change_list_shows_status_and_live_now(editor_client, programme):
    factories.make_programme(region=programme.region, title_en="Live one")

    response = editor_client.get(admin_url("priorities.programme", "changelist"))

    content = response.content.decode()
    assert "column-status" in content
    assert "column-live_now" in content
    assert 'alt="True"' in content and 'alt="False"' in content


def test_an_editor_unpublishes_several_items_at_once(editor_client):
    pages = [factories.make_page(), factories.make_page(), factories.make_page()]

    response = editor_client.post(
        admin_url("pages.page", "changelist"),
        {"action": "unpublish", "_selected_action": [page.pk for page in pages[:2]]},
        follow=True,
    )

    assert response.status_code == 200
    statuses = [type(page).objects.get(pk=page.pk).status for page in pages]
    assert statuses == [Status.DRAFT, Status.DRAFT, Status.PUBLISHED]
    # The change is in each item's history.
    for page in pages[:2]:
        assert Version.objects.get_for_object(page).count() == 1


def test_bulk_publish_records_each_item_in_its_history(editor_client):
    programmes = [factories.make_programme(status=Status.DRAFT) for _ in range(2)]

    editor_client.post(
        admin_url("priorities.programme", "changelist"),
        {"action": "publish", "_selected_action": [p.pk for p in programmes]},
    )

    for programme in programmes:
        programme.refresh_from_db()
        assert programme.status == Status.PUBLISHED
        version = Version.objects.get_for_object(programme).get()
        assert version.field_dict["status"] == Status.PUBLISHED
        assert version.revision.user.username == "editor"


def test_view_on_site_opens_the_draft_preview_for_staff(editor_client, programme):
    content_type = ContentType.objects.get_for_model(Programme)
    change_page = editor_client.get(admin_url("priorities.programme", "change", programme.pk))
    view_on_site = reverse("admin:view_on_site", args=[content_type.pk, programme.pk])
    assert view_on_site in change_page.content.decode()

    response = editor_client.get(view_on_site, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith(programme.get_absolute_url())
    content = response.content.decode()
    assert "preview-banner" in content
    assert programme.title in content
    assert Client().get(programme.get_absolute_url()).status_code == 404


def test_a_past_publish_at_on_a_draft_is_explained_and_nothing_typed_is_lost(editor_client):
    region = factories.make_region()
    past = timezone.now() - timedelta(days=3)
    data = programme_post_data(region, status=Status.DRAFT, **split_datetime(past))
    data = {name: value[0] if isinstance(value, list) else value for name, value in data.items()}

    response = editor_client.post(admin_url("priorities.programme", "add"), data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.has_error("publish_at", code="past_publish_at_on_draft")
    message = str(form.errors["publish_at"][0])
    assert "A draft is never shown to visitors" in message
    assert "choose “Published”" in message
    content = response.content.decode()
    assert "Kainuun älykäs erikoistuminen 2022–2027" in content
    assert "Strategian tiivistelmä." in content
    assert not Programme.objects.exists()


def test_a_past_publish_at_is_fine_when_publishing(editor_client):
    region = factories.make_region()
    past = timezone.now() - timedelta(days=3)
    data = programme_post_data(region, status=Status.PUBLISHED, **split_datetime(past))
    data = {name: value[0] if isinstance(value, list) else value for name, value in data.items()}

    response = editor_client.post(admin_url("priorities.programme", "add"), data)

    assert response.status_code == 302
    assert Programme.objects.get().is_live


def test_an_old_publish_at_does_not_block_editing_an_unpublished_item(editor_client):
    """Unpublishing keeps the old time; saving the draft with the time untouched is fine."""
    page = factories.make_page(publish_at=timezone.now() - timedelta(days=30))
    editor_client.post(
        admin_url("pages.page", "changelist"),
        {"action": "unpublish", "_selected_action": [page.pk]},
    )
    url, data = change_form(editor_client, type(page).objects.get(pk=page.pk))
    data["title_en"] = ["Changed title"]

    assert editor_client.post(url, data).status_code == 302
    assert type(page).objects.get(pk=page.pk).title_en == "Changed title"


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        (
            {"start_year": "2027", "end_year": "2022"},
            "The end year cannot be before the start year.",
        ),
        ({"slug_fi": "taken"}, "This region already has a programme with this slug in Finnish."),
    ],
    ids=["end-before-start", "duplicate-slug"],
)
def test_bad_programme_input_is_a_clear_error_and_nothing_typed_is_lost(
    editor_client, fields, error
):
    region = factories.make_region()
    factories.make_programme(region=region, slug="taken")
    data = programme_post_data(
        region,
        title_sv="Smart specialisering i Kajanaland",
        aims_en="<p>Typed aims</p>",
        **fields,
    )

    response = editor_client.post(admin_url("priorities.programme", "add"), data)

    assert response.status_code == 200
    content = response.content.decode()
    assert error in content
    for typed in ("Kainuun älykäs erikoistuminen 2022–2027", "Smart specialisering i Kajanaland"):
        assert typed in content
    assert "Typed aims" in content
    assert Programme.objects.filter(region=region).count() == 1


def test_a_duplicate_region_slug_is_a_clear_error(editor_client):
    factories.make_region(slug="kainuu")

    response = editor_client.post(admin_url("regions.region", "add"), region_post_data())

    assert response.status_code == 200
    assert "Another region already has this slug in Finnish." in response.content.decode()
    assert "Kajanaland" in response.content.decode()


@pytest.mark.parametrize("character", ["\x0b", "\x01", "\x1f"])
def test_a_control_character_in_a_text_is_a_clear_error(editor_client, character):
    # A vertical tab often comes with text pasted from a word processor; the feed (XML)
    # could not carry it.
    page = factories.make_page(title_en="Before", summary_en="Summary before")
    url, data = change_form(editor_client, page)
    data |= {"title_en": [f"Typed{character}title"], "summary_en": ["Typed summary"]}

    response = editor_client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.has_error("title_en", code="control_character")
    assert not form.has_error("summary_en")
    assert "holds an invisible control character" in response.content.decode()
    assert "Typed summary" in response.content.decode()
    saved = type(page).objects.get(pk=page.pk)
    assert (saved.title_en, saved.summary_en) == ("Before", "Summary before")


def test_tabs_and_line_breaks_in_a_text_are_kept(editor_client):
    page = factories.make_page(title_en="Before")
    url, data = change_form(editor_client, page)
    data |= {"summary_en": ["Line one\r\n\tLine two"]}

    assert editor_client.post(url, data).status_code == 302

    assert type(page).objects.get(pk=page.pk).summary_en == "Line one\r\n\tLine two"


@pytest.mark.parametrize("field", ["publish_at", "unpublish_at"])
@pytest.mark.parametrize("date", ["0001-01-01", "1999-12-31"])
def test_a_time_before_the_year_2000_is_a_clear_error(editor_client, field, date):
    # 1 January of year 1 at midnight in Helsinki is before the earliest time in UTC: it
    # could not be stored at all.
    page = factories.make_page(title_en="Before")
    url, data = change_form(editor_client, page)
    data |= {f"{field}_0": [date], f"{field}_1": ["00:00:00"], "title_en": ["Typed title"]}

    response = editor_client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.has_error(field, code="time_too_early")
    assert "Give a time in the year 2000 or later." in response.content.decode()
    assert 'value="Typed title"' in response.content.decode()
    assert type(page).objects.get(pk=page.pk).title_en == "Before"
