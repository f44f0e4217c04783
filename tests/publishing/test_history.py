"""History through the admin: who changed what and when, compare, revert and recover."""

import pytest
from reversion.models import Version

from priorities.models import FocusArea, Priority, Programme
from tests import factories
from tests.helpers.admin import admin_url, content_models, save
from tests.helpers.html import form_values


@pytest.fixture
def priority(db):
    priority = factories.make_priority(title_fi="Teknologiateollisuus", title_en="Technology")
    factories.make_focus_area(priority=priority, title_fi="Mittaustekniikka")
    return priority


def test_every_content_model_keeps_its_history():
    import reversion

    for model in content_models():
        assert reversion.is_registered(model), model


def test_the_history_shows_who_changed_what_and_when(editor_client, priority):
    save(editor_client, priority, title_fi="Uusi otsikko")

    response = editor_client.get(admin_url("priorities.priority", "history", priority.pk))

    content = response.content.decode()
    assert response.status_code == 200
    assert "editor" in content
    assert "title [fi]" in content.lower()  # the change message names the field and language
    (action,) = response.context["action_list"]
    assert action["revision"].user.username == "editor"
    assert action["revision"].date_created is not None


def test_compare_shows_two_versions_field_by_field_in_every_language(editor_client, priority):
    save(editor_client, priority)
    save(editor_client, priority, title_fi="Uusi otsikko", title_sv="Ny rubrik")
    newer, older = Version.objects.get_for_object(priority).values_list("pk", flat=True)

    response = editor_client.get(
        admin_url("priorities.priority", "compare", priority.pk),
        {"version_id1": older, "version_id2": newer},
    )

    assert response.status_code == 200
    compared = {
        str(diff["field"].verbose_name): diff["diff"] for diff in response.context["compare_data"]
    }
    assert set(compared) == {"title [fi]", "title [sv]"}
    assert "Teknologiateollisuus" in compared["title [fi]"]
    assert "Uusi otsikko" in compared["title [fi]"]
    assert "Ny rubrik" in compared["title [sv]"]


def test_revert_brings_back_an_earlier_version_in_every_language(editor_client, priority):
    save(editor_client, priority)
    save(editor_client, priority, title_fi="Väärä otsikko", title_en="Wrong title")
    first_version = Version.objects.get_for_object(priority).last()
    revision_url = admin_url("priorities.priority", "revision", priority.pk, first_version.pk)

    page = editor_client.get(revision_url, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    data = form_values(page.content.decode(), "priority_form")
    assert data["title_fi"] == ["Teknologiateollisuus"]
    response = editor_client.post(revision_url, data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    priority.refresh_from_db()
    assert (priority.title_fi, priority.title_en) == ("Teknologiateollisuus", "Technology")
    assert priority.focus_areas.get().title_fi == "Mittaustekniikka"
    latest = Version.objects.get_for_object(priority).first()
    assert "Reverted to previous version" in latest.revision.comment


def test_a_deleted_programme_is_recovered_with_its_priorities(editor_client):
    programme = factories.make_programme(
        title_fi="Poistettava ohjelma", title_en="Programme to delete"
    )
    priority = factories.make_priority(programme=programme, title_fi="Painopiste")
    factories.make_focus_area(priority=priority, title_fi="Painoala")
    save(editor_client, programme)
    delete_url = admin_url("priorities.programme", "delete", programme.pk)
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Programme.objects.exists() and not Priority.objects.exists()

    recover_list = editor_client.get(admin_url("priorities.programme", "recoverlist"))
    assert "Programme to delete" in recover_list.content.decode()
    (version,) = recover_list.context["deleted"]
    recover_url = admin_url("priorities.programme", "recover", version.pk)
    page = editor_client.get(recover_url)
    response = editor_client.post(recover_url, form_values(page.content.decode(), "programme_form"))

    assert response.status_code == 302
    recovered = Programme.objects.get(pk=programme.pk)
    assert recovered.title_fi == "Poistettava ohjelma"
    assert recovered.priorities.get().title_fi == "Painopiste"
    assert FocusArea.objects.get().title_fi == "Painoala"


def test_the_changelist_links_to_recover_deleted_items(editor_client):
    response = editor_client.get(admin_url("priorities.priority", "changelist"))
    assert admin_url("priorities.priority", "recoverlist") in response.content.decode()


def test_viewers_see_the_history_and_compare_but_cannot_revert(
    viewer_client, editor_client, priority
):
    save(editor_client, priority)
    save(editor_client, priority, title_fi="Uusi")
    newer, older = Version.objects.get_for_object(priority).values_list("pk", flat=True)

    assert (
        viewer_client.get(admin_url("priorities.priority", "history", priority.pk)).status_code
        == 200
    )
    compare = viewer_client.get(
        admin_url("priorities.priority", "compare", priority.pk),
        {"version_id1": older, "version_id2": newer},
    )
    assert compare.status_code == 200
    revision_url = admin_url("priorities.priority", "revision", priority.pk, older)
    page = editor_client.get(revision_url)
    data = form_values(page.content.decode(), "priority_form")
    assert viewer_client.post(revision_url, data).status_code == 403
    priority.refresh_from_db()
    assert priority.title_fi == "Uusi"
