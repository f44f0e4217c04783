"""
Uploads in S3-compatible object storage, against a real server: where each file
lands, who may read it, and what visitors' pages point at. These run when the
settings name a bucket, as scripts/object-storage-test does (it starts the server);
the media, document, history and backup tests run against the same server then.
"""

import re
import urllib.request

import pytest
from django.conf import settings
from django.test import Client

from kainuu_portal.publishing.models import Status
from priorities.models import Programme
from regions.models import Region
from tests import factories
from tests.helpers.uploads import ALT_TEXT, image_file, pdf_file, upload

pytestmark = pytest.mark.skipif(
    not settings.OBJECT_STORAGE, reason="needs an object store (scripts/object-storage-test)"
)

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def s3_client(storage):
    return storage.connection.meta.client


def readers(storage, name):
    """Who the object's ACL lets read it: the grantees' group URIs."""
    acl = s3_client(storage).get_object_acl(
        Bucket=storage.bucket_name, Key=storage._normalize_name(name)
    )
    return {grant["Grantee"].get("URI") for grant in acl["Grants"] if grant["Permission"] == "READ"}


def keys(storage):
    listing = s3_client(storage).list_objects_v2(Bucket=storage.bucket_name)
    return {entry["Key"] for entry in listing.get("Contents", ())}


def test_images_are_public_in_the_bucket_and_pages_point_at_it(editor_client):
    region = factories.make_region(status=Status.PUBLISHED)
    upload(editor_client, region, "image", image_file(), **ALT_TEXT)
    region.refresh_from_db()
    storage = region.image.storage

    assert f"{storage.location}/{region.image.name}" in keys(storage)
    page = Client().get(region.get_absolute_url())
    img = re.search(r"<img [^>]*>", page.content.decode()).group(0)
    assert f"img-src 'self' {settings.MEDIA_ORIGIN}" in page["Content-Security-Policy"]
    for rendition in region.image_renditions:
        url = f"{settings.MEDIA_URL}{rendition['name']}"
        assert f"{url} {rendition['width']}w" in img
        assert ALL_USERS in readers(storage, rendition["name"])
        # What a visitor's browser does: fetch it from the store, without credentials.
        with urllib.request.urlopen(url, timeout=5) as response:
            body = response.read()
            assert response.headers["Content-Type"] == "image/webp"
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert body[:4] == b"RIFF" and body[8:12] == b"WEBP"


def test_documents_are_private_in_their_own_bucket_and_only_the_view_sends_them(editor_client):
    programme = factories.make_programme(status=Status.PUBLISHED)
    upload(editor_client, programme, "source_document", pdf_file())
    programme.refresh_from_db()
    storage = programme.source_document.storage
    media = Region._meta.get_field("image").storage
    name = programme.source_document.name

    assert f"{storage.location}/{name}" in keys(storage)
    assert storage.bucket_name != media.bucket_name
    assert not any(key.endswith(name) for key in keys(media))
    assert ALL_USERS not in readers(storage, name)
    page = Client().get(programme.get_absolute_url()).content.decode()
    assert storage.bucket_name not in page
    assert f'href="/documents/{name}"' in page

    download = Client().get(f"/documents/{name}")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_missing_document_object_is_a_404(db):
    programme = factories.make_programme(status=Status.PUBLISHED)
    Programme.objects.filter(pk=programme.pk).update(source_document="programmes/gone.pdf")

    assert Client().get("/documents/programmes/gone.pdf").status_code == 404
