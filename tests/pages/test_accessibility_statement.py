"""
The accessibility statement lists, from the data itself, the live content and PDF
documents that fail the accessibility checks, with the reason, so it stays true
without editing: what is fixed or hidden drops off the list by itself.
"""

import io

import pytest
from django.test import Client
from django.utils.translation import override
from pypdf import PdfWriter

from kainuu_portal.publishing.models import Status
from pages.models import Page
from tests import factories
from tests.helpers.html import parse
from tests.helpers.pages import QUERY_BUDGET

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(db):
    return factories.make_page(
        slug="accessibility",
        title_en="Accessibility statement",
        title_fi="Saavutettavuusseloste",
        title_sv="Tillgänglighetsutlåtande",
        is_accessibility_statement=True,
    )


def checked_section(statement, language="en"):
    with override(language):
        url = statement.get_absolute_url()
    response = Client().get(url)
    assert response.status_code == 200
    return parse(response).find("section", **{"aria-labelledby": "checked-content"})


def untagged_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_the_statement_says_when_the_checks_find_nothing(statement):
    factories.make_page(body_en="<h2>Contact</h2><p>Write to us.</p>")
    section = checked_section(statement)
    assert "find no problems" in section.text


def test_failing_live_content_is_listed_with_a_link_and_the_reason(statement):
    region = factories.make_region(name_en="Kainuu")
    priority = factories.make_priority(
        title_en="Bioeconomy", body_en='<p><a href="https://a.example/">read more</a></p>'
    )
    factories.make_sector(
        name_en="Tourism", image="images/photo.jpg", image_alt_en="IMG_1234.jpg",
        image_alt_fi="Rinteet", image_alt_sv="Backar",
    )  # fmt: skip

    section = checked_section(statement)
    text = " ".join(section.text.split())
    link = section.find("a", href=priority.get_absolute_url())
    assert link is not None and link.text == "Bioeconomy"
    assert "Body (English): A link text does not say where the link leads: “read more”" in text
    assert "WCAG 2.1 success criterion 2.4.4" in text
    assert "Tourism" in text and "“IMG_1234.jpg”" in text
    assert region.name_en not in text


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("fi", "Linkkiteksti ei kerro, minne linkki vie"),
        ("sv", "En länktext säger inte vart länken leder"),
    ],
)
def test_the_list_is_in_the_language_of_the_statement(statement, language, phrase):
    factories.make_priority(body_en='<p><a href="https://a.example/">read more</a></p>')
    assert phrase in checked_section(statement, language).text


def test_drafts_and_content_of_drafts_are_not_listed(statement):
    draft = factories.make_priority(
        title_en="Draft priority",
        body_en='<p><a href="https://a.example/">here</a></p>',
        status=Status.DRAFT,
    )
    hidden_programme = factories.make_programme(status=Status.DRAFT)
    factories.make_priority(
        programme=hidden_programme,
        title_en="In a draft programme",
        body_en='<p><a href="https://a.example/">here</a></p>',
    )
    text = checked_section(statement).text
    assert draft.title_en not in text
    assert "In a draft programme" not in text
    assert "find no problems" in text


def test_fixed_content_drops_off_the_list(statement):
    priority = factories.make_priority(
        title_en="Bioeconomy", body_en='<p><a href="https://a.example/">click here</a></p>'
    )
    assert "Bioeconomy" in checked_section(statement).text
    priority.body_en = '<p><a href="https://a.example/">The bioeconomy programme</a></p>'
    priority.save()
    assert "Bioeconomy" not in checked_section(statement).text


def test_failing_pdf_documents_are_listed_with_their_reasons(statement, settings):
    from django.core.files.base import ContentFile  # noqa: PLC0415

    programme = factories.make_programme(source_document_title_en="Strategy 2022–2027")
    programme.source_document.save("strategy.pdf", ContentFile(untagged_pdf()))

    section = checked_section(statement)
    text = " ".join(section.text.split())
    link = section.find("a", href=programme.source_document.url)
    assert link is not None and link.text == "Strategy 2022–2027"
    assert "The PDF document is not tagged" in text
    assert "does not state its language" in text
    assert "has no text that can be read out" in text


def test_only_the_page_marked_as_the_statement_lists_the_results(statement):
    other = factories.make_page(slug="about")
    factories.make_priority(body_en='<p><a href="https://a.example/">here</a></p>')
    response = Client().get(other.get_absolute_url())
    assert parse(response).find("section", **{"aria-labelledby": "checked-content"}) is None


def test_one_page_only_can_be_the_statement(statement, editor_client):
    from tests.helpers.admin import change_form  # noqa: PLC0415

    other = factories.make_page(slug="about")
    url, data = change_form(editor_client, other)
    data["is_accessibility_statement"] = ["on"]
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Another page is already the accessibility statement." in response.content.decode()
    assert not Page.objects.get(pk=other.pk).is_accessibility_statement


def test_the_statement_stays_within_the_query_budget(statement, django_assert_max_num_queries):
    for n in range(3):
        factories.make_priority(body_en=f'<p><a href="https://a.example/{n}">here</a></p>')
        factories.make_municipality(name_en=f"MUNICIPALITY OF THE NORTH {n}")
    with override("en"):
        url = statement.get_absolute_url()
    with django_assert_max_num_queries(QUERY_BUDGET):
        Client().get(url)
