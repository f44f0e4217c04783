"""
Uploaded PDF documents are examined for accessibility: tags, language, title and
whether readers show it, page count and text. The admin shows the result at the
field and in the change list, and a public link to the PDF says what it is.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils.translation import override
from pypdf import PdfWriter
from pypdf.generic import (
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

from priorities.models import Programme
from tests import factories
from tests.helpers.admin import admin_url, change_form
from tests.helpers.html import parse

pytestmark = pytest.mark.django_db


def make_pdf(text="Kainuun strategia", tagged=True, language="fi-FI", title="Strategia",
             show_title=True, pages=1):  # fmt: skip
    """A PDF written with pypdf: with text on each page, tags, language and title, or not."""
    writer = PdfWriter()
    for _ in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        if text:
            font = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject("/Helvetica"),
                }
            )
            page[NameObject("/Resources")] = DictionaryObject(
                {
                    NameObject("/Font"): DictionaryObject(
                        {NameObject("/F1"): writer._add_object(font)}
                    )
                }
            )
            content = DecodedStreamObject()
            content.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())
            page[NameObject("/Contents")] = writer._add_object(content)
    root = writer._root_object
    if tagged:
        root[NameObject("/StructTreeRoot")] = writer._add_object(
            DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        )
        root[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)}
        )
    if language:
        root[NameObject("/Lang")] = TextStringObject(language)
    if title:
        writer.add_metadata({"/Title": title})
    if show_title:
        root[NameObject("/ViewerPreferences")] = DictionaryObject(
            {NameObject("/DisplayDocTitle"): BooleanObject(True)}
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile("strategy.pdf", buffer.getvalue())


def by_class(document, name):
    return next(e for e in document.find_all() if name in (e.get("class") or "").split())


def first_row(response):
    return parse(response).find("table", id="result_list").find("tbody").find("tr")


def upload(client, programme, file):
    url, data = change_form(client, programme)
    data["source_document"] = file
    response = client.post(url, data, follow=True)
    assert response.redirect_chain, response.context["adminform"].form.errors
    programme.refresh_from_db()
    return response


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def codes(programme):
    return [p["code"] for p in programme.accessibility_problems if p["field"] == "source_document"]


def test_an_accessible_pdf_passes_and_the_admin_says_so(editor_client):
    programme = factories.make_programme()
    response = upload(editor_client, programme, make_pdf(pages=3))

    report = programme.source_document_report
    assert report["readable"] and report["tagged"] and report["has_text"]
    assert (report["pages"], report["language"], report["title"]) == (3, "fi-FI", "Strategia")
    assert codes(programme) == []
    assert not any("accessibility checks found" in text for text in messages_of(response))

    form = editor_client.get(admin_url("priorities.programme", "change", programme.pk))
    field = by_class(parse(form), "field-source_document_check")
    assert "The document passes the accessibility checks." in field.text
    assert "fi-FI" in field.text


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"tagged": False}, ["pdf_untagged"]),
        ({"language": ""}, ["pdf_no_language"]),
        ({"title": ""}, ["pdf_no_title"]),
        ({"show_title": False}, ["pdf_title_not_shown"]),
        ({"text": ""}, ["pdf_no_text"]),
        (
            {"tagged": False, "language": "", "title": "", "text": ""},
            ["pdf_untagged", "pdf_no_language", "pdf_no_title", "pdf_no_text"],
        ),
    ],
)
def test_what_a_pdf_lacks_is_named_on_save_at_the_field_and_in_the_list(
    editor_client, options, expected
):
    programme = factories.make_programme(title_en="Smart Specialisation 2022–2027")
    response = upload(editor_client, programme, make_pdf(**options))

    assert codes(programme) == expected
    warning = next(text for text in messages_of(response) if "accessibility checks found" in text)
    assert "Source document (PDF)" in warning

    form = editor_client.get(admin_url("priorities.programme", "change", programme.pk))
    field = by_class(parse(form), "field-source_document_check")
    assert "To make the document accessible:" in field.text

    listing = editor_client.get(admin_url("priorities.programme", "changelist"))
    row = first_row(listing)
    count = len(expected)
    assert f"{count} problem{'s' if count > 1 else ''}" in row.text


def test_the_public_link_to_a_pdf_states_that_it_is_a_pdf_its_size_and_language(editor_client):
    programme = factories.make_programme(source_document_title_en="The strategy")
    upload(editor_client, programme, make_pdf(language="fi-FI"))
    size = programme.source_document_report["size"]

    for language, phrase in [("en", "in Finnish"), ("fi", "kieli: suomi"), ("sv", "på finska")]:
        with override(language):
            url = programme.get_absolute_url()
        html = Client().get(url).content.decode()
        link = parse(html).find("a", href=programme.source_document.url)
        assert link.get("type") == "application/pdf"
        assert link.get("hreflang") == "fi"
        item = link.parent.text
        assert "PDF" in item and phrase in item
        assert f"{size}\xa0" in item  # a document this small is a few hundred bytes


def test_a_pdf_without_a_language_is_linked_without_one(editor_client):
    programme = factories.make_programme()
    upload(editor_client, programme, make_pdf(language=""))
    html = Client().get(programme.get_absolute_url()).content.decode()
    link = parse(html).find("a", href=programme.source_document.url)
    assert link.get("hreflang") is None
    assert "(PDF, " in link.parent.text


def test_removing_the_document_removes_its_report(editor_client):
    programme = factories.make_programme()
    upload(editor_client, programme, make_pdf(tagged=False))
    url, data = change_form(editor_client, programme)
    data["source_document-clear"] = ["on"]
    editor_client.post(url, data)
    programme.refresh_from_db()
    assert not programme.source_document
    assert programme.source_document_report == {}
    assert codes(programme) == []


def test_the_check_command_examines_documents_and_content_saved_before_the_checks(editor_client):
    programme = factories.make_programme(body_en='<p><a href="https://a.example/">here</a></p>')
    upload(editor_client, programme, make_pdf(tagged=False))
    Programme.objects.filter(pk=programme.pk).update(
        accessibility_problems=[], source_document_report={}
    )

    out = io.StringIO()
    call_command("check_accessibility", stdout=out)

    programme.refresh_from_db()
    assert sorted(p["code"] for p in programme.accessibility_problems) == [
        "link_vague",
        "pdf_untagged",
    ]
    assert programme.source_document_report["tagged"] is False
    assert "with accessibility problems" in out.getvalue()
