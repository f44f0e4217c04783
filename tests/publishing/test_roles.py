"""Each role walked through the admin URLs it may and may not open."""

import json

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import Group, User
from django.test import Client
from reversion.models import Version

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import Redirect, Status
from priorities.models import FocusArea
from tests import factories
from tests.helpers.admin import admin_url, content_models, make_staff, save

OK, FORBIDDEN, LOGIN = 200, 403, 302


@pytest.fixture
def objects(db):
    """A programme with two versions, a focus area, and another staff user."""
    programme = factories.make_programme(status=Status.DRAFT)
    focus_area = factories.make_focus_area()
    superuser = User.objects.create_superuser("root", password="not-used-in-tests")
    root = Client()
    root.force_login(superuser)
    save(root, programme)
    save(root, programme, title_fi="Uusi nimi")
    versions = list(Version.objects.get_for_object(programme).values_list("pk", flat=True))
    other = make_staff("someone", roles.EDITORS_GROUP)
    return {
        "programme": programme,
        "focus_area": focus_area,
        "versions": versions,
        "other": other,
        "root": root,
    }


def walk(objects):
    """(name, url, expected status for viewer, editor and superuser)."""
    pk = objects["programme"].pk
    newer, older = objects["versions"]
    other = objects["other"].pk
    group = Group.objects.get(name=roles.EDITORS_GROUP).pk
    return [
        ("index", "/admin/", OK, OK, OK),
        ("changelist", admin_url("priorities.programme", "changelist"), OK, OK, OK),
        ("add", admin_url("priorities.programme", "add"), FORBIDDEN, OK, OK),
        ("change", admin_url("priorities.programme", "change", pk), OK, OK, OK),
        ("delete", admin_url("priorities.programme", "delete", pk), FORBIDDEN, OK, OK),
        ("history", admin_url("priorities.programme", "history", pk), OK, OK, OK),
        (
            "compare",
            admin_url("priorities.programme", "compare", pk)
            + f"?version_id1={older}&version_id2={newer}",
            OK,
            OK,
            OK,
        ),
        ("recover list", admin_url("priorities.programme", "recoverlist"), FORBIDDEN, OK, OK),
        ("users", "/admin/auth/user/", FORBIDDEN, FORBIDDEN, OK),
        ("add user", "/admin/auth/user/add/", FORBIDDEN, FORBIDDEN, OK),
        ("change user", f"/admin/auth/user/{other}/change/", FORBIDDEN, FORBIDDEN, OK),
        ("user password", f"/admin/auth/user/{other}/password/", FORBIDDEN, FORBIDDEN, OK),
        ("groups", "/admin/auth/group/", FORBIDDEN, FORBIDDEN, OK),
        ("change group", f"/admin/auth/group/{group}/change/", FORBIDDEN, FORBIDDEN, OK),
    ]


@pytest.mark.parametrize("role", ["anonymous", "viewer", "editor", "superuser"])
def test_each_role_opens_only_what_it_may(objects, role, viewer_client, editor_client):
    clients = {
        "anonymous": Client(),
        "viewer": viewer_client,
        "editor": editor_client,
        "superuser": objects["root"],
    }
    client = clients[role]
    for name, url, *expected in walk(objects):
        want = (
            LOGIN
            if role == "anonymous"
            else dict(zip(["viewer", "editor", "superuser"], expected, strict=True))[role]
        )
        response = client.get(url)
        assert response.status_code == want, (role, name, url, response.status_code)
        if role == "anonymous":
            assert response["Location"].startswith("/admin/login/"), name


def test_a_viewer_cannot_change_publish_or_reorder(objects, viewer_client):
    programme = objects["programme"]
    change_url = admin_url("priorities.programme", "change", programme.pk)
    page = viewer_client.get(change_url)
    assert 'name="_save"' not in page.content.decode()

    assert viewer_client.post(change_url, {"title_fi": "Ei saa"}).status_code == FORBIDDEN
    viewer_client.post(
        admin_url("priorities.programme", "changelist"),
        {"action": "publish", "_selected_action": [programme.pk]},
    )
    update = viewer_client.post(
        admin_url("priorities.focusarea", "sortable_update"),
        json.dumps({"updatedItems": [[objects["focus_area"].pk, 99]]}),
        content_type="application/json",
    )

    assert update.status_code == FORBIDDEN
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT
    assert programme.title_fi == "Uusi nimi"
    assert FocusArea.objects.get().order != 99


def test_a_viewer_previews_drafts_on_the_site(objects, viewer_client):
    url = objects["programme"].get_absolute_url()
    assert Client().get(url).status_code == 404
    assert "preview-banner" in viewer_client.get(url).content.decode()


def test_the_viewers_group_has_exactly_the_view_permissions(db):
    group = Group.objects.get(name=roles.VIEWERS_GROUP)
    granted = set(group.permissions.values_list("content_type__model", "codename"))
    expected = {
        (model._meta.model_name, f"view_{model._meta.model_name}")
        for model in [*content_models(), Redirect]
    }
    assert granted == expected
    assert roles.sync_groups(global_apps)[roles.VIEWERS_GROUP] == group
