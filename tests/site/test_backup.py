"""Backup and restore: export all content, empty the database, import it: the same site."""

import io
import subprocess
from io import StringIO

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from kainuu_portal.publishing.archives import stored_names
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


def upload_storages():
    """The storages uploads go to: images and PDFs (local folders, or the object store)."""
    return {
        "media": Region._meta.get_field("image").storage,
        "documents": Programme._meta.get_field("source_document").storage,
    }


def empty(storage):
    for name in list(stored_names(storage)):
        storage.delete(name)
    assert not list(stored_names(storage))


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "#3a6ea5").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name="castle.jpg")


@pytest.fixture(autouse=True)
def _empty_storages():
    """Each test starts with no uploaded file, whatever tests before it stored."""
    for storage in upload_storages().values():
        empty(storage)


@pytest.fixture
def full_site(site):
    """The site fixture plus a document, an image, an editor with history, and Swedish text."""
    programme = site["programme"]
    programme.source_document.save("s3.pdf", ContentFile(b"%PDF-1.4 test\n"), save=False)
    programme.title_sv = "S3 2018–2021 på svenska"
    programme.save()
    region = site["region"]
    region.image = jpeg()
    region.image_alt_fi = region.image_alt_en = region.image_alt_sv = "Kajaanin linna"
    region.save()
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
        "image": Region.objects.get(is_home=True).image_renditions,
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
    # The document, the image and its three resized copies (480, 960 and 1200 pixels wide).
    assert "5 uploaded file(s)" in output

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
def test_a_restore_onto_a_new_server_gives_back_every_page_image_and_pdf(
    client, full_site, tmp_path
):
    """What deploy/backup archives, restored as docs/deploy.md says into empty everything."""
    before = render_site(client, full_site)
    programme = Programme.objects.get()
    document_url = programme.source_document.url
    document = client.get(document_url)
    assert document.status_code == 200
    media = upload_storages()["media"]
    image_files = {
        name: media.open(name).read()
        for name in [Region.objects.get(is_home=True).image.name]
        + [copy["name"] for copy in Region.objects.get(is_home=True).image_renditions]
    }

    backup = tmp_path / "backup"
    backup.mkdir()
    run("export_content", str(backup / "content.json.gz"))
    exported = run("export_files", str(backup))
    assert "media.tar.gz: 4 file(s)" in exported and "documents.tar.gz: 1 file(s)" in exported

    # The new server: an empty database and empty storages.
    call_command("flush", interactive=False, verbosity=0)
    for storage in upload_storages().values():
        empty(storage)

    run("import_content", str(backup / "content.json.gz"))
    assert "4 file(s) stored, 0 already there" in run("import_files", str(backup))
    assert "0 file(s) stored, 4 already there" in run("import_files", str(backup))

    assert render_site(client, full_site) == before
    restored = client.get(document_url)
    assert restored.status_code == 200
    assert b"".join(restored.streaming_content) == b"".join(document.streaming_content)
    for name, content in image_files.items():
        assert media.open(name).read() == content, name


def test_the_file_archives_are_plain_tar_files_of_the_stored_names(full_site, tmp_path):
    run("export_files", str(tmp_path))

    listing = subprocess.run(
        ["tar", "-tzf", tmp_path / "documents.tar.gz"], check=True, capture_output=True, text=True
    ).stdout.split()
    assert listing == [f"./{full_site['programme'].source_document.name}"]


def test_export_and_import_of_files_refuse_a_missing_folder(db, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        run("export_files", str(tmp_path / "nope"))
    with pytest.raises(CommandError, match="holds neither media.tar.gz nor documents.tar.gz"):
        run("import_files", str(tmp_path))


@EMPTIES_THE_DATABASE
def test_import_names_the_uploaded_files_that_are_missing(full_site, tmp_path):
    backup = tmp_path / "backup.json"
    run("export_content", str(backup))
    call_command("flush", interactive=False, verbosity=0)
    document = Programme._meta.get_field("source_document").storage
    name = full_site["programme"].source_document.name
    document.delete(name)

    output = run("import_content", str(backup))
    assert (
        "1 uploaded file(s) the content refers to are not in their storage (MEDIA_ROOT and "
        "DOCUMENTS_ROOT, or the object store)" in output
    )
    assert name in output


def test_import_of_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run("import_content", str(tmp_path / "nope.json"))
