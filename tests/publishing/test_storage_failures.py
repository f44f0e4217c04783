"""
When the object store is down or stalls: pages with images still render, an
editor's upload is a form error that keeps the rest of the form, and a document
download is a friendly 503. Real boto3 clients against a closed port and against
a server that accepts connections and never answers.
"""

import re
import socket
import time

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from kainuu_portal.publishing.models import Status
from kainuu_portal.publishing.objectstorage import PrivateDocumentStorage, PublicMediaStorage
from priorities.models import Programme
from regions.models import Region
from tests import factories
from tests.helpers.uploads import ALT_TEXT, image_file, pdf_file, upload


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def stalled_port():
    """A port that takes connections (into its backlog) and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield sock.getsockname()[1]
    sock.close()


def object_store(storage_class, port, **options):
    return storage_class(
        bucket_name="kainuu-down",
        endpoint_url=f"http://127.0.0.1:{port}",
        access_key="portal",
        secret_key="portal-secret",
        region_name="eu-north-1",
        connect_timeout=0.5,
        read_timeout=0.5,
        max_attempts=1,
        **options,
    )


def use_storage(monkeypatch, model, field_name, storage):
    monkeypatch.setattr(model._meta.get_field(field_name), "storage", storage)


def test_a_page_with_an_image_renders_while_the_store_is_down(monkeypatch, closed_port, db):
    region = factories.make_region(
        status=Status.PUBLISHED, **{k: v[0] for k, v in ALT_TEXT.items()}
    )
    region.image = image_file()
    region.save()
    store = object_store(
        PublicMediaStorage,
        closed_port,
        location="media",
        custom_domain="cdn.example.fi",
        url_protocol="https:",
    )
    use_storage(monkeypatch, Region, "image", store)

    started = time.monotonic()
    response = Client().get(region.get_absolute_url())

    assert time.monotonic() - started < 1
    assert response.status_code == 200
    img = re.search(r"<img [^>]*>", response.content.decode()).group(0)
    for rendition in region.image_renditions:
        assert f"https://cdn.example.fi/media/{rendition['name']} {rendition['width']}w" in img


@pytest.mark.parametrize("port", ["closed_port", "stalled_port"], ids=["down", "stalled"])
def test_an_upload_the_store_cannot_take_is_a_form_error_and_keeps_the_rest(
    monkeypatch, editor_client, request, port
):
    region = factories.make_region()
    use_storage(
        monkeypatch,
        Region,
        "image",
        object_store(PublicMediaStorage, request.getfixturevalue(port), location="media"),
    )

    started = time.monotonic()
    response = upload(
        editor_client,
        region,
        "image",
        image_file(),
        summary_fi="Kirjoitettu tiivistelmä",
        **ALT_TEXT,
    )

    assert time.monotonic() - started < 5
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "the file storage is not answering. Nothing was saved." in " ".join(form.errors["image"])
    assert "Kirjoitettu tiivistelmä" in response.content.decode()
    region.refresh_from_db()
    assert not region.image
    assert region.summary_fi != "Kirjoitettu tiivistelmä"


def test_a_document_upload_the_store_cannot_take_is_a_form_error(
    monkeypatch, editor_client, closed_port
):
    programme = factories.make_programme()
    use_storage(
        monkeypatch,
        Programme,
        "source_document",
        object_store(PrivateDocumentStorage, closed_port, location="documents"),
    )

    response = upload(editor_client, programme, "source_document", pdf_file())

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["source_document"]
    assert "the file storage is not answering" in " ".join(errors)
    assert not Programme.objects.get(pk=programme.pk).source_document


@pytest.mark.parametrize("port", ["closed_port", "stalled_port"], ids=["down", "stalled"])
def test_a_document_download_while_the_store_fails_is_a_friendly_503(
    monkeypatch, request, db, port
):
    programme = factories.make_programme(status=Status.PUBLISHED)
    programme.source_document.save("s3.pdf", ContentFile(pdf_file().read()))
    url = programme.source_document.url
    use_storage(
        monkeypatch,
        Programme,
        "source_document",
        object_store(PrivateDocumentStorage, request.getfixturevalue(port), location="documents"),
    )

    started = time.monotonic()
    response = Client().get(url)

    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    content = response.content.decode()
    assert "the file storage is not answering" in content
    assert '<html lang="fi">' in content and 'lang="sv"' in content


def test_document_addresses_never_lead_to_the_store(closed_port):
    store = object_store(PrivateDocumentStorage, closed_port, location="documents")

    assert store.url("programmes/abc.pdf") == "/documents/programmes/abc.pdf"
    assert store.default_acl == "private"
