"""Publishing a programme or a priority with its draft parts, in the change form and the list."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from reversion.models import Version

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import Status
from priorities.models import CrossCuttingTheme, FocusArea, Priority, Programme, ProgrammeLink
from tests import factories
from tests.conftest import english_client
from tests.helpers.admin import admin_url, change_form, make_staff
from tests.helpers.html import parse

DRAFT = {"status": Status.DRAFT}


@pytest.fixture
def programme(db):
    """A programme with a part of every kind, all drafts."""
    region = factories.make_region(slug="kainuu")
    programme = factories.make_programme(
        region=region, slug="2026-2029", start_year=2026, end_year=2029, **DRAFT
    )
    priority = factories.make_priority(
        programme=programme, slug="bioeconomy", title_en="Bioeconomy", **DRAFT
    )
    factories.make_focus_area(
        priority=priority, title_fi="Metsädata", title_en="Forest data", **DRAFT
    )
    factories.make_theme(
        programme=programme, title_fi="Kiertotalous", title_en="Circular economy", **DRAFT
    )
    factories.make_programme_link(programme=programme, title_en="Strategy PDF", **DRAFT)
    return programme


def statuses():
    return {
        model.__name__: sorted(model.objects.values_list("status", flat=True))
        for model in (Programme, Priority, FocusArea, CrossCuttingTheme, ProgrammeLink)
    }


ALL_PUBLISHED = {
    name: [Status.PUBLISHED]
    for name in ("Programme", "Priority", "FocusArea", "CrossCuttingTheme", "ProgrammeLink")
}


def test_the_change_form_lists_the_draft_parts_and_publishes_them_in_the_same_save(
    editor_client, programme
):
    url, data = change_form(editor_client, programme)
    page = editor_client.get(url).content.decode()
    assert "Draft parts" in page
    assert "These parts of the item are drafts" in page
    for title in ("Bioeconomy", "Forest data", "Circular economy", "Strategy PDF"):
        assert title in page
    focus_area = FocusArea.objects.get()
    assert f'href="{admin_url("priorities.focusarea", "change", focus_area.pk)}"' in page
    assert "Publish its 4 draft parts too when saving as published" in page

    data |= {"status": [Status.PUBLISHED], "publish_drafts": ["on"]}
    response = editor_client.post(url, data, follow=True)

    assert response.status_code == 200
    assert "4 draft parts were published with it." in response.content.decode()
    assert statuses() == ALL_PUBLISHED
    visitor = Client()
    programme_page = visitor.get(programme.get_absolute_url()).content.decode()
    for title in ("Bioeconomy", "Circular economy", "Strategy PDF"):
        assert title in programme_page
    assert "Forest data" in visitor.get(Priority.objects.get().get_absolute_url()).content.decode()
    # Each part's history says it was published.
    version = Version.objects.get_for_object(focus_area).get()
    assert version.field_dict["status"] == Status.PUBLISHED
    assert version.revision.user.username == "editor"


def test_without_the_checkbox_the_parts_stay_drafts_and_the_form_flags_them(
    editor_client, programme
):
    url, data = change_form(editor_client, programme)
    data["status"] = [Status.PUBLISHED]
    assert editor_client.post(url, data).status_code == 302
    assert statuses()["Priority"] == [Status.DRAFT]

    page = editor_client.get(url).content.decode()
    assert "This item is published, but these parts of it are drafts" in page


def test_publishing_the_parts_of_a_draft_is_a_clear_error(editor_client, programme):
    url, data = change_form(editor_client, programme)
    data |= {"publish_drafts": ["on"], "title_en": ["Renamed programme"]}

    response = editor_client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.has_error("publish_drafts", code="parts_without_parent")
    assert 'value="Renamed programme"' in response.content.decode()
    assert statuses()["Priority"] == [Status.DRAFT]


def test_a_priority_is_published_with_its_focus_areas(editor_client, programme):
    Programme.objects.update(status=Status.PUBLISHED)
    priority = Priority.objects.get()
    url, data = change_form(editor_client, priority)
    assert "Publish its 1 draft part too when saving as published" in (
        editor_client.get(url).content.decode()
    )
    data |= {"status": [Status.PUBLISHED], "publish_drafts": ["on"]}
    assert editor_client.post(url, data).status_code == 302
    assert statuses()["FocusArea"] == [Status.PUBLISHED]
    assert statuses()["CrossCuttingTheme"] == [Status.DRAFT]


def test_the_publish_action_asks_about_the_draft_parts_first(editor_client, programme):
    changelist = admin_url("priorities.programme", "changelist")
    selected = {"action": "publish", ACTION_CHECKBOX_NAME: [programme.pk], "index": "0"}

    question = editor_client.post(changelist, selected)

    assert question.status_code == 200
    page = question.content.decode()
    assert "Publish with their draft parts?" in page
    for title in ("Bioeconomy", "Forest data", "Circular economy", "Strategy PDF"):
        assert title in page
    assert statuses()["Programme"] == [Status.DRAFT]  # nothing done yet
    form = next(form for form in parse(page).find_all("form") if form.find("input", name="action"))
    names = {element.get("name") for element in form.find_all("input", "button")}
    assert {"publish_confirmed", "publish_drafts", ACTION_CHECKBOX_NAME, "action"} <= names

    confirmed = {
        "action": "publish",
        ACTION_CHECKBOX_NAME: [programme.pk],
        "publish_confirmed": "yes",
        "publish_drafts": "yes",
    }
    response = editor_client.post(changelist, confirmed, follow=True)
    assert "1 item was published." in response.content.decode()
    assert "4 draft parts were published with it." in response.content.decode()
    assert statuses() == ALL_PUBLISHED


def test_the_publish_action_can_leave_the_parts_as_drafts(editor_client, programme):
    changelist = admin_url("priorities.programme", "changelist")
    confirmed = {
        "action": "publish",
        ACTION_CHECKBOX_NAME: [programme.pk],
        "publish_confirmed": "yes",
    }
    assert editor_client.post(changelist, confirmed).status_code == 302
    assert statuses()["Programme"] == [Status.PUBLISHED]
    assert statuses()["Priority"] == [Status.DRAFT]


def test_the_publish_action_asks_nothing_when_there_are_no_draft_parts(editor_client, programme):
    for model in (Priority, FocusArea, CrossCuttingTheme, ProgrammeLink):
        model.objects.update(status=Status.PUBLISHED)
    changelist = admin_url("priorities.programme", "changelist")
    selected = {"action": "publish", ACTION_CHECKBOX_NAME: [programme.pk], "index": "0"}
    assert editor_client.post(changelist, selected).status_code == 302
    assert statuses() == ALL_PUBLISHED


def test_the_change_list_flags_a_published_programme_with_draft_parts(editor_client, programme):
    factories.make_programme(region=programme.region, title_en="Complete programme")
    Programme.objects.filter(pk=programme.pk).update(status=Status.PUBLISHED)

    response = editor_client.get(admin_url("priorities.programme", "changelist"))

    page = response.content.decode()
    assert "Draft parts" in page
    rows = {row.title_en: row.draft_children_count for row in response.context["cl"].result_list}
    assert rows[programme.title_en] == 4
    assert rows["Complete programme"] == 0
    assert 'class="draft-parts-flag">4 drafts</strong>' in page


def test_a_viewer_sees_the_draft_parts_without_the_checkbox(viewer_client, programme):
    page = viewer_client.get(admin_url("priorities.programme", "change", programme.pk))
    assert page.status_code == 200
    text = page.content.decode()
    assert "These parts of the item are drafts" in text
    assert 'name="publish_drafts"' not in text


def test_an_editor_who_submits_sees_the_draft_parts_without_the_checkbox(db, programme):
    client = english_client()
    client.force_login(make_staff("aino", roles.EDITORS_GROUP))
    text = client.get(admin_url("priorities.programme", "change", programme.pk)).content.decode()
    assert "These parts of the item are drafts:" in text
    assert 'name="publish_drafts"' not in text


def test_parts_ticked_in_a_draft_change_are_published_when_the_change_is(editor_client, programme):
    Programme.objects.filter(pk=programme.pk).update(status=Status.PUBLISHED)
    url, data = change_form(editor_client, programme)
    data |= {"publish_drafts": ["on"], "_save_draft": [""]}
    response = editor_client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "draft parts were published" not in response.content.decode()
    assert statuses()["Priority"] == [Status.DRAFT]

    url, data = change_form(editor_client, programme)
    assert data.get("publish_drafts") == ["on"]
    response = editor_client.post(url, data | {"_publish": [""]}, follow=True)
    assert "4 draft parts were published with it." in response.content.decode()
    assert statuses() == ALL_PUBLISHED
