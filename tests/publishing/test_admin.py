"""The editors' admin over HTTP: the Editors group, every content admin, the local admin."""

import re
import subprocess
from io import StringIO

import pytest
from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import Redirect, Status
from tests import factories
from tests.helpers.admin import MAKERS, admin_url, content_models
from tests.helpers.pages import LANGUAGES

ACTIONS = ("add", "change", "delete", "view")


# --- The Editors group --------------------------------------------------------


def test_the_migration_created_the_editors_group_with_exactly_the_content_permissions(db):
    group = Group.objects.get(name=roles.EDITORS_GROUP)

    granted = set(
        group.permissions.values_list("content_type__app_label", "content_type__model", "codename")
    )
    expected = {
        (model._meta.app_label, model._meta.model_name, f"{action}_{model._meta.model_name}")
        for model in [*content_models(), Redirect]
        for action in ACTIONS
    }
    assert len(content_models()) == len(MAKERS) == 13
    assert granted == expected
    assert not group.permissions.filter(content_type__app_label__in=["auth", "contenttypes"])


def test_syncing_the_group_again_changes_nothing(db):
    group = Group.objects.get(name=roles.EDITORS_GROUP)
    before = set(group.permissions.all())
    group.permissions.add(Permission.objects.get(codename="add_user"))

    roles.sync_editors_group(global_apps)

    assert set(Group.objects.get(name=roles.EDITORS_GROUP).permissions.all()) == before
    assert Group.objects.filter(name=roles.EDITORS_GROUP).count() == 1


@pytest.mark.parametrize(
    "url",
    ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/", "/admin/auth/group/add/"],
)
def test_an_editor_cannot_manage_users_or_groups(editor_client, url):
    assert editor_client.get(url).status_code == 403


def test_the_admin_index_lists_every_content_model_and_no_auth_model(editor_client):
    response = editor_client.get(reverse("admin:index"))

    assert response.status_code == 200
    for model in content_models():
        assert admin_url(model._meta.label_lower, "changelist") in response.content.decode()
    assert reverse("admin:auth_user_changelist") not in response.content.decode()


# --- Every content admin ------------------------------------------------------


@pytest.mark.parametrize("model_label", sorted(MAKERS))
def test_an_editor_opens_every_admin_page_of_every_content_model(editor_client, model_label):
    obj = MAKERS[model_label]()

    for url in [
        admin_url(model_label, "changelist"),
        admin_url(model_label, "changelist") + "?q=a&status__exact=published",
        admin_url(model_label, "add"),
        admin_url(model_label, "change", obj.pk),
        admin_url(model_label, "history", obj.pk),
        admin_url(model_label, "delete", obj.pk),
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model_label", sorted(MAKERS))
def test_admin_pages_load_nothing_from_another_host(editor_client, model_label):
    obj = MAKERS[model_label]()

    for url in [admin_url(model_label, "add"), admin_url(model_label, "change", obj.pk)]:
        html = editor_client.get(url).content.decode()
        tags = re.findall(r"<(?:script|link)\b[^>]*>", html)
        assert tags, url
        for tag in tags:
            assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", tag), tag
        importmaps = re.findall(r'<script type="importmap"[^>]*>(.*?)</script>', html, re.S)
        for importmap in importmaps:
            assert "//" not in importmap


@pytest.mark.parametrize("model_label", sorted(MAKERS))
def test_every_change_page_has_a_view_on_site_link(editor_client, model_label):
    obj = MAKERS[model_label]()

    response = editor_client.get(admin_url(model_label, "change", obj.pk))

    assert reverse("admin:view_on_site", args=[_content_type_id(obj), obj.pk]) in (
        response.content.decode()
    )


def _content_type_id(obj):
    return ContentType.objects.get_for_model(obj).pk


@pytest.mark.parametrize("model_label", sorted(MAKERS))
def test_changelist_queries_do_not_grow_with_the_rows(editor_client, model_label):
    url = admin_url(model_label, "changelist")
    MAKERS[model_label]()
    editor_client.get(url)  # Warm the content type cache.
    with CaptureQueriesContext(connection) as one_row:
        assert editor_client.get(url).status_code == 200

    for _ in range(3):
        MAKERS[model_label]()
    with CaptureQueriesContext(connection) as four_rows:
        assert editor_client.get(url).status_code == 200

    assert len(four_rows) == len(one_row), [query["sql"] for query in four_rows]


def test_translated_fields_are_grouped_per_language(editor_client):
    response = editor_client.get(admin_url("priorities.programme", "add"))

    fieldsets = list(response.context["adminform"])
    per_language = [
        [_field_name(field) for line in fieldset for field in line] for fieldset in fieldsets
    ]
    translated = ["title", "summary", "body", "aims", "source_document_title"]
    assert per_language[1:4] == [[f"{name}_{lang}" for name in translated] for lang in LANGUAGES]
    assert per_language[-2:] == [
        ["status", "publish_at", "unpublish_at", "concurrency_token"],
        ["created_at", "updated_at"],
    ]


def _field_name(admin_field):
    """The name of an AdminField (a bound field) or an AdminReadonlyField (a dict)."""
    field = admin_field.field
    return field["name"] if isinstance(field, dict) else field.name


def test_the_live_now_column_follows_the_parents(editor_client):
    draft_region = factories.make_region(status=Status.DRAFT)
    hidden = factories.make_municipality(region=draft_region, name_fi="Piilokunta")
    shown = factories.make_municipality(name_fi="Näkyvä kunta")

    response = editor_client.get(admin_url("regions.municipality", "changelist"))

    rows = {obj.pk: obj.is_live_now for obj in response.context["cl"].result_list}
    assert rows == {hidden.pk: False, shown.pk: True}


def test_the_changelist_filters_by_status_and_region(editor_client):
    region = factories.make_region()
    factories.make_programme(region=region, status=Status.DRAFT)
    factories.make_programme(region=region)
    factories.make_programme()

    response = editor_client.get(
        admin_url("priorities.programme", "changelist"),
        {"status__exact": "draft", "region__id__exact": region.pk},
    )

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_the_publish_action_publishes_and_logs(editor_client):
    page = factories.make_page(status=Status.DRAFT)

    response = editor_client.post(
        admin_url("pages.page", "changelist"),
        {"action": "publish", "_selected_action": [page.pk]},
        follow=True,
    )

    assert response.status_code == 200
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED
    assert page.is_live
    history = editor_client.get(admin_url("pages.page", "history", page.pk))
    assert "Status" in history.content.decode()


def test_the_region_admin_has_its_inlines_including_key_sectors(editor_client):
    region = factories.make_region()

    response = editor_client.get(admin_url("regions.region", "change", region.pk))

    prefixes = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert prefixes == {"municipalities", "strengths", "population_figures", "links", "key_sectors"}


# --- ensure_local_admin -------------------------------------------------------


def run_ensure_local_admin():
    out = StringIO()
    call_command("ensure_local_admin", stdout=out)
    return out.getvalue()


def test_ensure_local_admin_creates_one_superuser_with_a_random_password(db):
    output = run_ensure_local_admin()

    user = User.objects.get(is_superuser=True)
    assert user.username == "admin"
    assert user.is_staff
    assert "http://127.0.0.1:8000/admin/" in output
    assert "admin" in output
    assert "only this once" in output
    password = re.search(r"Password:\s+(\S+)", output).group(1)
    assert len(password) >= 16
    assert user.check_password(password)


def test_ensure_local_admin_makes_a_new_password_each_time(db):
    first = re.search(r"Password:\s+(\S+)", run_ensure_local_admin()).group(1)
    User.objects.all().delete()
    second = re.search(r"Password:\s+(\S+)", run_ensure_local_admin()).group(1)

    assert first != second


def test_ensure_local_admin_again_creates_no_second_user_and_shows_no_password(db):
    run_ensure_local_admin()
    password_hash = User.objects.get(username="admin").password

    output = run_ensure_local_admin()

    assert User.objects.count() == 1
    assert User.objects.get(username="admin").password == password_hash
    assert "Password:" not in output
    assert "http://127.0.0.1:8000/admin/" in output
    assert "changepassword admin" in output


def test_the_new_local_admin_can_log_in(client, db):
    output = run_ensure_local_admin()
    password = re.search(r"Password:\s+(\S+)", output).group(1)

    response = client.post(
        reverse("admin:login"),
        {"username": "admin", "password": password, "next": reverse("admin:index")},
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_ensure_local_admin_refuses_to_reuse_a_plain_user_named_admin(db):
    User.objects.create_user("admin", password="a-plain-user-password")

    with pytest.raises(CommandError, match="not a superuser"):
        run_ensure_local_admin()

    assert not User.objects.filter(is_superuser=True).exists()


def test_ensure_local_admin_names_the_address_the_server_answers_at(db):
    out = StringIO()
    call_command("ensure_local_admin", "--origin", "http://127.0.0.1:8010", stdout=out)
    assert "http://127.0.0.1:8010/admin/" in out.getvalue()


def test_make_run_on_another_port_serves_and_prints_that_port():
    root = settings.BASE_DIR
    commands = subprocess.run(
        ["make", "--dry-run", "run", "PORT=8010"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "runserver 127.0.0.1:8010" in commands
    assert "ensure_local_admin --origin http://127.0.0.1:8010" in commands
    assert "Serving the portal at http://127.0.0.1:8010/" in commands
    assert ":8000" not in commands
