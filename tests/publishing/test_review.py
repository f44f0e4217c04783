"""Review: editors submit, publishers publish or reject with a comment; nobody else publishes."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.translation import override
from reversion.models import Version

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import PendingChange, Status
from priorities.models import Priority
from tests import factories
from tests.conftest import english_client
from tests.helpers.admin import admin_url, change_form, make_staff, save


def signed_in(user):
    client = english_client()
    client.force_login(user)
    return client


@pytest.fixture
def author(db):
    user = make_staff("aino", roles.EDITORS_GROUP)
    user.email = "aino@example.fi"
    user.save()
    return user


@pytest.fixture
def author_client(author):
    return signed_in(author)


@pytest.fixture
def publisher(db):
    user = make_staff("pekka", roles.PUBLISHERS_GROUP)
    user.email = "pekka@example.fi"
    user.save()
    return user


@pytest.fixture
def publisher_client(publisher):
    return signed_in(publisher)


@pytest.fixture
def priority(db):
    return factories.make_priority(title_en="Bioeconomy", slug="bioeconomy")


def press(client, obj, button, **changes):
    url, data = change_form(client, obj)
    for name, value in changes.items():
        data[name] = [value]
    data[button] = [""]
    return client.post(url, data)


def public_text(obj):
    with override("en"):
        return Client().get(obj.get_absolute_url()).content.decode()


def reject_url(obj):
    return admin_url("priorities.priority", "reject", obj.pk)


def test_the_roles_editors_submit_publishers_publish(db):
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert "publish" in codenames(roles.PUBLISHERS_GROUP)
    assert "publish" not in codenames(roles.EDITORS_GROUP)
    assert "publish" not in codenames(roles.VIEWERS_GROUP)
    assert "change_priority" in codenames(roles.PUBLISHERS_GROUP)


def test_submitting_tells_the_publishers_and_lists_the_change_on_the_index(
    author_client, publisher_client, publisher, priority
):
    response = press(author_client, priority, "_submit", title_en="Bioeconomy and forests")

    assert response.status_code == 302
    pending = PendingChange.objects.get()
    assert pending.state == PendingChange.State.SUBMITTED
    (message,) = mail.outbox
    assert message.to == [publisher.email]
    assert "aino submitted a change to “Bioeconomy”" in message.body
    assert f"/admin/priorities/priority/{priority.pk}/change/" in message.body
    index = publisher_client.get("/admin/").content.decode()
    assert "Awaiting review" in index
    assert "submitted by aino" in index
    assert "Bioeconomy and forests" not in public_text(priority)


def test_a_rejection_needs_a_comment(author_client, publisher_client, priority):
    press(author_client, priority, "_submit", title_en="Bioeconomy and forests")

    response = publisher_client.post(reject_url(priority), {"comment": "  "})

    assert response.status_code == 200
    assert "A rejection needs a comment" in response.content.decode()
    assert PendingChange.objects.get().state == PendingChange.State.SUBMITTED


def test_a_rejection_with_a_comment_is_told_to_the_editor_and_shown_to_them(
    author_client, author, publisher_client, priority
):
    press(author_client, priority, "_submit", title_en="Bioeconomy and forests")
    mail.outbox.clear()
    # The Reject button leads to the screen that asks for the comment.
    assert press(publisher_client, priority, "_reject").url == reject_url(priority)
    assert "Comment for the editor" in publisher_client.get(reject_url(priority)).content.decode()

    response = publisher_client.post(
        reject_url(priority), {"comment": "Say forestry, not forests."}
    )

    assert response.status_code == 302
    pending = PendingChange.objects.get()
    assert pending.state == PendingChange.State.REJECTED
    (message,) = mail.outbox
    assert message.to == [author.email]
    assert "Say forestry, not forests." in message.body
    index = author_client.get("/admin/").content.decode()
    assert "Rejected" in index
    assert "Say forestry, not forests." in index
    form = author_client.get(admin_url("priorities.priority", "change", priority.pk))
    assert "Say forestry, not forests." in form.content.decode()

    # The editor fixes it and submits again; the publisher publishes it.
    press(author_client, priority, "_submit", title_en="Bioeconomy and forestry")
    assert PendingChange.objects.get().comment == ""
    mail.outbox.clear()
    assert press(publisher_client, priority, "_publish").status_code == 302

    priority.refresh_from_db()
    assert priority.title_en == "Bioeconomy and forestry"
    assert "Bioeconomy and forestry" in public_text(priority)
    assert not PendingChange.objects.exists()
    (message,) = mail.outbox
    assert message.to == [author.email]
    assert "published your change" in message.body


def test_a_never_published_draft_goes_through_review_too(author_client, publisher_client):
    priority = factories.make_priority(status=Status.DRAFT, title_en="New priority")

    press(author_client, priority, "_submit", summary_en="What it is about.")

    priority.refresh_from_db()
    assert priority.status == Status.DRAFT
    assert priority.summary_en == "What it is about."
    assert PendingChange.objects.get().state == PendingChange.State.SUBMITTED
    assert press(publisher_client, priority, "_publish").status_code == 302
    priority.refresh_from_db()
    assert priority.status == Status.PUBLISHED
    assert "New priority" in public_text(priority)
    assert not PendingChange.objects.exists()


def test_an_editor_without_the_permission_cannot_publish_by_any_path(author_client, priority):
    draft = factories.make_priority(status=Status.DRAFT, title_en="Still a draft")
    url, data = change_form(author_client, draft)

    # The Publish button, crafted.
    assert author_client.post(url, data | {"_publish": [""]}).status_code == 403
    # The status field: fixed for them.
    save(author_client, draft, status=Status.PUBLISHED)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    # The list actions.
    changelist = admin_url("priorities.priority", "changelist")
    action_form = author_client.get(changelist).context["action_form"]
    actions = action_form.fields["action"].choices if action_form else []
    assert "publish" not in [name for name, _label in actions]
    author_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    # A plain save of a published item is a draft change.
    url, data = change_form(author_client, priority)
    assert author_client.post(url, data | {"title_en": ["Changed live?"]}).status_code == 302
    priority.refresh_from_db()
    assert priority.title_en == "Bioeconomy"
    assert PendingChange.objects.filter(object_id=priority.pk).exists()
    # Taking it off the site by the status field.
    PendingChange.objects.all().delete()
    url, data = change_form(author_client, priority)
    author_client.post(url, data | {"status": [Status.DRAFT], "_save": [""]})
    priority.refresh_from_db()
    assert priority.status == Status.PUBLISHED


def test_an_editor_cannot_revert_live_content(author_client, publisher_client, priority):
    save(publisher_client, priority, title_en="First")
    save(publisher_client, priority, title_en="Second")
    older = Version.objects.get_for_object(priority).last()
    revision_url = admin_url("priorities.priority", "revision", priority.pk, older.pk)
    url, data = change_form(author_client, priority)

    response = author_client.post(revision_url, data)

    assert response.status_code == 302
    priority.refresh_from_db()
    assert priority.title_en == "Second"


def test_publishers_see_the_publish_and_reject_buttons(author_client, publisher_client, priority):
    press(author_client, priority, "_submit", title_en="Bioeconomy and forests")

    content = publisher_client.get(admin_url("priorities.priority", "change", priority.pk))
    text = content.content.decode()

    for label in ("Save draft", "Publish", "Reject", "Discard draft"):
        assert f'value="{label}"' in text
    assert 'name="_save"' in text
    assert Priority.objects.get(pk=priority.pk).title_en == "Bioeconomy"


def test_a_publishers_plain_save_of_an_editors_change_keeps_the_item_published(
    author_client, publisher_client, priority
):
    press(author_client, priority, "_save_draft", title_en="Bioeconomy and forests")

    url, data = change_form(publisher_client, priority)
    assert data["status"] == [Status.PUBLISHED]
    assert publisher_client.post(url, data | {"_save": [""]}).status_code == 302

    priority.refresh_from_db()
    assert priority.status == Status.PUBLISHED
    assert priority.title_en == "Bioeconomy and forests"
    assert not PendingChange.objects.exists()


def test_viewers_see_what_a_pending_change_makes_different(author_client, viewer_client, priority):
    press(author_client, priority, "_save_draft", title_en="Bioeconomy and forests")

    page = viewer_client.get(admin_url("priorities.priority", "change", priority.pk))

    rows = [(row.where, row.live, row.pending) for row in page.context["pending_differences"]]
    assert rows == [("Title [en]", "Bioeconomy", "Bioeconomy and forests")]
    assert 'name="_save_draft"' not in page.content.decode()


def test_an_editor_may_delete_a_draft_but_not_a_live_item(author_client, priority):
    # Deleting what visitors see takes it off the site: that is for publishers.
    assert (
        author_client.get(admin_url("priorities.priority", "delete", priority.pk)).status_code
        == 403
    )
    assert Priority.objects.filter(pk=priority.pk).exists()

    draft = factories.make_priority(
        programme=priority.programme, title_en="Draft one", slug="draft-one", status=Status.DRAFT
    )
    response = author_client.post(
        admin_url("priorities.priority", "delete", draft.pk), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Priority.objects.filter(pk=draft.pk).exists()


def test_the_list_delete_action_is_only_for_publishers(author_client, publisher_client, priority):
    changelist = admin_url("priorities.priority", "changelist")
    assert b'value="delete_selected"' not in author_client.get(changelist).content
    assert b'value="delete_selected"' in publisher_client.get(changelist).content


def test_only_publishers_put_live_rows_in_order(author_client, publisher_client, priority):
    other = factories.make_priority(programme=priority.programme, slug="other", order=99)
    update = reverse("admin:priorities_priority_sortable_update")
    moved = json.dumps({"updatedItems": [[other.pk, priority.order]]})
    changelist = admin_url("priorities.priority", "changelist")

    assert b"drag handle" not in author_client.get(changelist).content
    response = author_client.post(update, moved, content_type="application/json")
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.order == 99

    assert b"drag handle" in publisher_client.get(changelist).content
    response = publisher_client.post(update, moved, content_type="application/json")
    assert response.status_code == 200
    other.refresh_from_db()
    assert other.order == priority.order
