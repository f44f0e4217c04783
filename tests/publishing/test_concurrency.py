"""Two editors, one record: a save never silently overwrites someone else's newer save."""

from tests import factories
from tests.helpers.admin import change_form
from tests.helpers.html import form_values


def test_the_second_save_is_stopped_with_the_changed_fields_named(
    editor_client, second_editor_client
):
    priority = factories.make_priority(title_fi="Alkuperäinen", summary_fi="Tiivistelmä")
    url, mine = change_form(editor_client, priority)
    _url, theirs = change_form(second_editor_client, priority)

    theirs["title_fi"] = ["Toisen muokkaajan otsikko"]
    assert second_editor_client.post(url, theirs).status_code == 302

    mine["summary_fi"] = ["Minun tiivistelmäni"]
    mine["title_en"] = ["My English title"]
    response = editor_client.post(url, mine)

    assert response.status_code == 200
    priority.refresh_from_db()
    assert priority.title_fi == "Toisen muokkaajan otsikko"
    assert priority.summary_fi == "Tiivistelmä"
    form = response.context["adminform"].form
    assert form.changed_by_others == ["title_fi"]
    assert form.has_error("title_fi", code="concurrent_change")
    content = response.content.decode()
    assert "second-editor saved this item at" in content
    assert "after you opened it, and changed: " in content
    assert "Toisen muokkaajan otsikko" in content  # their value, to review
    # Nothing the editor typed is lost.
    assert "Minun tiivistelmäni" in content
    assert "My English title" in content


def test_saving_again_after_the_review_keeps_the_editors_version(
    editor_client, second_editor_client
):
    priority = factories.make_priority(title_fi="Alkuperäinen")
    url, mine = change_form(editor_client, priority)
    _url, theirs = change_form(second_editor_client, priority)
    theirs["title_fi"] = ["Heidän otsikkonsa"]
    second_editor_client.post(url, theirs)
    mine["title_fi"] = ["Minun otsikkoni"]
    first = editor_client.post(url, mine)
    assert first.status_code == 200

    # The form came back with a fresh token: the same values saved again go through.
    again = form_values(first.content.decode(), "priority_form")
    assert again["title_fi"] == ["Minun otsikkoni"]
    response = editor_client.post(url, again)

    assert response.status_code == 302
    priority.refresh_from_db()
    assert priority.title_fi == "Minun otsikkoni"


def test_a_change_only_in_related_items_is_also_reported(editor_client, second_editor_client):
    priority = factories.make_priority()
    url, mine = change_form(editor_client, priority)
    _url, theirs = change_form(second_editor_client, priority)
    # The other editor adds a focus area in the inline and saves the priority unchanged.
    theirs |= {
        "focus_areas-TOTAL_FORMS": ["1"],
        "focus_areas-0-title_fi": ["Uusi painoala"],
        "focus_areas-0-status": ["published"],
    }
    assert second_editor_client.post(url, theirs).status_code == 302

    response = editor_client.post(url, mine)

    assert response.status_code == 200
    assert "their changes are in its related items" in response.content.decode()
    assert priority.focus_areas.get().title_fi == "Uusi painoala"


def test_saves_one_after_another_are_not_conflicts(editor_client):
    priority = factories.make_priority()
    url, data = change_form(editor_client, priority)
    data["title_fi"] = ["Ensimmäinen"]
    assert editor_client.post(url, data).status_code == 302
    url, data = change_form(editor_client, priority)
    data["title_fi"] = ["Toinen"]
    assert editor_client.post(url, data).status_code == 302
    priority.refresh_from_db()
    assert priority.title_fi == "Toinen"
