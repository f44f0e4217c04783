"""Images and PDF documents uploaded in the admin: checks, names, sizes, alt text and serving."""

import re

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from reversion.models import Version

from kainuu_portal.publishing.models import Status
from priorities.models import Programme, Sector
from regions.models import Region
from tests import factories
from tests.helpers.admin import admin_url
from tests.helpers.html import form_values
from tests.helpers.uploads import ALT_TEXT, image_file, pdf_file, upload

# --- Images -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("image_format", "suffix"), [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp")]
)
def test_an_image_gets_a_server_made_name_and_sizes_for_every_screen(
    editor_client, image_format, suffix
):
    region = factories.make_region()

    response = upload(
        editor_client,
        region,
        "image",
        image_file("My Holiday Photo (1).JPG", image_format),
        **ALT_TEXT,
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    region.refresh_from_db()
    assert re.fullmatch(rf"images/[0-9a-f]{{32}}\{suffix}", region.image.name)
    widths = [rendition["width"] for rendition in region.image_renditions]
    assert widths == [480, 960, 1600]
    for rendition in region.image_renditions:
        with region.image.storage.open(rendition["name"]) as file, Image.open(file) as stored:
            assert stored.format == "WEBP"
            assert stored.size == (rendition["width"], rendition["height"])

    page = Client().get(region.get_absolute_url()).content.decode()
    img = re.search(r"<img [^>]*>", page[page.index("<main") :]).group(0)
    assert 'alt="The ruins of Kajaani castle in winter"' in img or "Kajaanin linnan" in img
    for rendition in region.image_renditions:
        assert f"{settings.MEDIA_URL}{rendition['name']} {rendition['width']}w" in img
    assert region.image.name not in page  # the full-size original is never sent
    assert 'width="960" height="480"' in img


def test_revert_brings_back_the_earlier_image_and_its_sizes(editor_client):
    region = factories.make_region()
    upload(editor_client, region, "image", image_file(size=(1200, 800)), **ALT_TEXT)
    first = Region.objects.get(pk=region.pk)
    upload(editor_client, region, "image", image_file(size=(800, 800)), **ALT_TEXT)
    assert Region.objects.get(pk=region.pk).image.name != first.image.name
    first_version = Version.objects.get_for_object(region).last()
    revision_url = admin_url("regions.region", "revision", region.pk, first_version.pk)

    data = form_values(editor_client.get(revision_url).content.decode(), "region_form")
    response = editor_client.post(revision_url, data)

    assert response.status_code == 302
    region.refresh_from_db()
    assert region.image.name == first.image.name
    assert region.image_renditions == first.image_renditions
    page = Client().get(region.get_absolute_url()).content.decode()
    for rendition in first.image_renditions:
        assert region.image.storage.url(rendition["name"]) in page
        assert region.image.storage.exists(rendition["name"])


def test_a_small_image_is_never_enlarged(editor_client):
    sector = factories.make_sector()

    upload(editor_client, sector, "image", image_file(size=(600, 400)), **ALT_TEXT)

    sector.refresh_from_db()
    assert [r["width"] for r in sector.image_renditions] == [480, 600]


def test_an_image_named_jpg_that_is_a_png_is_stored_as_png(editor_client):
    programme = factories.make_programme()

    upload(editor_client, programme, "image", image_file("photo.jpg", "PNG"), **ALT_TEXT)

    programme.refresh_from_db()
    assert programme.image.name.endswith(".png")


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (image_file("anim.gif", "GIF", mode="P"), "This file is not a JPEG, PNG or WebP image."),
        (
            SimpleUploadedFile("page.jpg", b"<html><script>alert(1)</script></html>"),
            "This file is not a JPEG, PNG or WebP image.",
        ),
        (
            SimpleUploadedFile(
                "logo.svg",
                b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
            ),
            "This file is not a JPEG, PNG or WebP image.",
        ),
        (SimpleUploadedFile("setup.exe", b"MZ\x90\x00" + b"\x00" * 512), "not a JPEG, PNG"),
        (
            SimpleUploadedFile("cut.jpg", image_file().read()[:2000]),
            "This file is not a JPEG, PNG or WebP image.",
        ),
        (
            SimpleUploadedFile(
                "huge.png", image_file(image_format="PNG").read() + b"\0" * (5 * 1024 * 1024)
            ),
            "MB; the largest allowed is 5.0 MB.",
        ),
        (
            image_file("tall.png", "PNG", size=(100, 17000), mode="1"),
            "The image is 100 × 17000 pixels: too tall for its width. "
            "Crop it to at most 16383 pixels tall",
        ),
        (
            image_file("tall.jpg", size=(1800, 20000), mode="L"),
            "too tall for its width. Crop it to at most 18430 pixels tall",
        ),
        (
            image_file("big.png", "PNG", size=(5000, 4000), mode="1"),
            "The image is 5000 × 4000 pixels, more than the 16 million pixels allowed",
        ),
        (
            image_file("bomb.png", "PNG", size=(9000, 9000), mode="1"),
            "The image has more than 40 million pixels, too many to open safely.",
        ),
    ],
    ids=[
        "gif",
        "html",
        "svg",
        "exe",
        "truncated",
        "over-5-mb",
        "tall",
        "tall-jpeg",
        "png-16mp",
        "bomb",
    ],
)
def test_a_wrong_or_oversize_image_is_a_form_error_and_nothing_typed_is_lost(
    editor_client, file, message
):
    region = factories.make_region()

    response = upload(editor_client, region, "image", file, summary_fi="Kirjoitettu tiivistelmä")

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert message in " ".join(form.errors["image"])
    assert "Kirjoitettu tiivistelmä" in response.content.decode()
    region.refresh_from_db()
    assert not region.image
    assert region.summary_fi != "Kirjoitettu tiivistelmä"


def test_a_published_image_needs_alt_text_in_every_language(editor_client):
    region = factories.make_region(status=Status.PUBLISHED)

    response = upload(
        editor_client,
        region,
        "image",
        image_file(),
        image_alt_fi=["Kajaanin linna"],
        summary_en=["Typed summary"],
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert set(form.errors) == {"image_alt_en", "image_alt_sv"}
    assert "alt text in every language" in form.errors["image_alt_en"][0]
    content = response.content.decode()
    assert "Kajaanin linna" in content and "Typed summary" in content
    assert not Region.objects.get(pk=region.pk).image


def test_a_draft_may_have_an_image_without_alt_text_but_cannot_be_published(editor_client):
    sector = factories.make_sector(status=Status.DRAFT)

    response = upload(editor_client, sector, "image", image_file())
    assert response.status_code == 302

    response = editor_client.post(
        admin_url("priorities.sector", "changelist"),
        {"action": "publish", "_selected_action": [sector.pk]},
        follow=True,
    )
    assert Sector.objects.get(pk=sector.pk).status == Status.DRAFT
    assert "Not published, because something is missing" in response.content.decode()


# --- PDF documents ------------------------------------------------------------


def test_a_pdf_is_stored_outside_media_and_sent_only_as_a_download(editor_client):
    programme = factories.make_programme(slug="2022-2025")

    response = upload(editor_client, programme, "source_document", pdf_file("<b>evil</b>.pdf"))

    assert response.status_code == 302, response.context["adminform"].form.errors
    programme.refresh_from_db()
    name = programme.source_document.name
    assert re.fullmatch(r"programmes/[0-9a-f]{32}\.pdf", name)
    assert storages["documents"].exists(name)
    assert not storages["default"].exists(name)

    page = Client().get(programme.get_absolute_url()).content.decode()
    url = programme.source_document.url
    assert url == f"/documents/{name}"
    assert f'href="{url}"' in page

    download = Client().get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == (
        f'attachment; filename="{programme.region.slug}-2022-2025.pdf"'
    )
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_document_of_a_draft_programme_is_hidden_from_visitors(editor_client):
    programme = factories.make_programme(status=Status.DRAFT)
    upload(editor_client, programme, "source_document", pdf_file())
    programme.refresh_from_db()
    url = programme.source_document.url

    assert Client().get(url).status_code == 404
    preview = editor_client.get(url)
    assert preview.status_code == 200
    assert preview["Cache-Control"] == "private, no-store"


def test_an_unknown_document_is_a_404(client, db):
    assert client.get("/documents/programmes/nope.pdf").status_code == 404
    assert client.get("/documents/../settings.py").status_code == 404


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            SimpleUploadedFile("strategy.pdf", b"<html><script>alert(1)</script></html>"),
            "This file is not a PDF document.",
        ),
        (
            SimpleUploadedFile("strategy.html", b"<html><script>alert(1)</script></html>"),
            "Only PDF files can be uploaded here",
        ),
        (
            SimpleUploadedFile("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
            "Only PDF files can be uploaded here",
        ),
        (SimpleUploadedFile("setup.exe", b"MZ\x90\x00" + b"\0" * 512), "Only PDF files"),
        (
            SimpleUploadedFile("broken.pdf", b"%PDF-1.7\n%garbage that is no PDF at all\n"),
            "This PDF file is damaged and cannot be read.",
        ),
        (
            SimpleUploadedFile("huge.pdf", pdf_file().read() + b"\0" * (20 * 1024 * 1024)),
            "MB; the largest allowed is 20.0 MB.",
        ),
    ],
    ids=["html-named-pdf", "html", "svg", "exe", "unreadable", "over-20-mb"],
)
def test_anything_but_a_readable_pdf_is_a_form_error(editor_client, file, message):
    programme = factories.make_programme()

    response = upload(
        editor_client, programme, "source_document", file, summary_fi="Kirjoitettu teksti"
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert message in " ".join(form.errors["source_document"])
    assert "Kirjoitettu teksti" in response.content.decode()
    assert not Programme.objects.get(pk=programme.pk).source_document
