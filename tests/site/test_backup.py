"""Backup and restore: export all content, empty the database, import it: the same site."""

from io import StringIO

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError

from kainuu_portal.publishing.roles import EDITORS_GROUP
from priorities.models import Programme
from regions.models import Region
from tests.helpers.pages import LANGUAGES, page_urls


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def render_site(client, site):
    pages = {}
    for language in LANGUAGES:
        for url in page_urls(site, language).values():
            response = client.get(url)
            assert response.status_code == 200, url
            pages[url] = response.content.decode()
    pages["/sitemap.xml"] = client.get("/sitemap.xml").content.decode()
    return pages


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    return settings.MEDIA_ROOT


@pytest.fixture
def full_site(site, media):
    """The site fixture plus a document, an editor with history, and Swedish text."""
    programme = site["programme"]
    (media / "documents" / "s3-2018-2021.pdf").write_bytes(b"%PDF-1.4 test\n")
    programme.source_document = "documents/s3-2018-2021.pdf"
    programme.title_sv = "S3 2018–2021 på svenska"
    programme.save()
    editor = User.objects.create_user("editor", password="an editor password 1", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    LogEntry.objects.log_actions(
        editor.pk,
        [programme],
        CHANGE,
        change_message=[{"changed": {"fields": ["Title"]}}],
        single_object=True,
    )
    return site


def snapshot():
    editor = User.objects.get(username="editor")
    return {
        "history": list(
            LogEntry.objects.values_list(
                "user__username", "content_type__model", "object_id", "change_message"
            )
        ),
        "password": editor.password,
        "groups": list(editor.groups.values_list("name", flat=True)),
        "group_permissions": sorted(
            Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename", flat=True)
        ),
        "document": Programme.objects.get().source_document.name,
        "swedish": Programme.objects.get().title_sv,
    }


# These tests empty the database with flush, which PostgreSQL cannot do inside
# the test's transaction; the serialized rollback restores the migrations' rows.
EMPTIES_THE_DATABASE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@EMPTIES_THE_DATABASE
def test_export_empty_and_import_gives_the_same_site(client, full_site, tmp_path):
    before = render_site(client, full_site)
    state = snapshot()
    backup = tmp_path / "backup.json.gz"

    output = run("export_content", str(backup))
    assert "1 uploaded file(s)" in output

    call_command("flush", interactive=False, verbosity=0)
    assert not Region.objects.exists() and not User.objects.exists()
    assert client.get(page_urls(full_site, "en")["region"]).status_code == 404

    output = run("import_content", str(backup))
    assert "account(s)" in output
    assert "not in MEDIA_ROOT" not in output

    after = render_site(client, full_site)
    assert after.keys() == before.keys()
    for url, html in before.items():
        assert after[url] == html, url
    assert snapshot() == state
    assert state["history"] and state["group_permissions"]


def test_import_refuses_a_database_with_content(full_site, tmp_path):
    backup = tmp_path / "backup.json"
    run("export_content", str(backup))
    with pytest.raises(CommandError, match="not empty"):
        run("import_content", str(backup))
    assert Region.objects.count() == 2


@EMPTIES_THE_DATABASE
def test_import_names_the_uploaded_files_that_are_missing(full_site, media, tmp_path):
    backup = tmp_path / "backup.json"
    run("export_content", str(backup))
    call_command("flush", interactive=False, verbosity=0)
    (media / "documents" / "s3-2018-2021.pdf").unlink()

    output = run("import_content", str(backup))
    assert "1 uploaded file(s) the content refers to are not in MEDIA_ROOT" in output
    assert "documents/s3-2018-2021.pdf" in output


def test_import_of_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run("import_content", str(tmp_path / "nope.json"))
