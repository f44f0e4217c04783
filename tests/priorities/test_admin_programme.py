"""A programme's priorities in its admin page, and the way back from a priority and its parts."""

import pytest

from kainuu_portal.publishing.models import Status
from tests import factories
from tests.helpers.admin import admin_url
from tests.helpers.html import parse


@pytest.fixture
def priority(db):
    programme = factories.make_programme(
        slug="2022-2025", start_year=2022, end_year=2025, title_en="Kainuu S3 2022–2025"
    )
    priority = factories.make_priority(
        programme=programme,
        slug="bioeconomy",
        title_fi="Biotalous",
        title_en="Bioeconomy",
        title_sv="Bioekonomi",
    )
    factories.make_focus_area(priority=priority, title_fi="Metsä")
    factories.make_focus_area(priority=priority, title_fi="Vesi", status=Status.DRAFT)
    return priority


def test_the_priorities_table_shows_every_language_and_links_to_each_priority(
    editor_client, priority
):
    response = editor_client.get(admin_url("priorities.programme", "change", priority.programme.pk))

    group = parse(response).find("div", id="priorities-group")
    row = group.find("tr", id="priorities-0")
    titles = {
        element.get("name"): element.get("value")
        for element in row.find_all("input")
        if "title" in (element.get("name") or "")
    }
    assert titles == {
        "priorities-0-title_fi": "Biotalous",
        "priorities-0-title_en": "Bioeconomy",
        "priorities-0-title_sv": "Bioekonomi",
    }
    headings = [th.text for th in group.find_all("th")]
    assert any("Title [sv]" in heading for heading in headings)
    links = {a.get("href"): a.text.strip() for a in row.find_all("a")}
    own = admin_url("priorities.priority", "change", priority.pk)
    assert links[own] == "Open “Bioeconomy”"
    assert "2 focus areas (1 draft)" in row.text


def test_a_priority_leads_back_to_its_programme(editor_client, priority):
    response = editor_client.get(admin_url("priorities.priority", "change", priority.pk))

    crumbs = parse(response).find("ol", **{"class": "breadcrumbs"})
    links = [(a.text.strip(), a.get("href")) for a in crumbs.find_all("a")]
    assert (
        "Kainuu S3 2022–2025",
        admin_url("priorities.programme", "change", priority.programme.pk),
    ) in links
    assert ("Programmes", admin_url("priorities.programme", "changelist")) in links
    current = crumbs.find("li", **{"aria-current": "page"})
    assert current.text.strip() == "Bioeconomy"


def test_a_new_priority_has_the_usual_breadcrumb(editor_client, db):
    response = editor_client.get(admin_url("priorities.priority", "add"))
    crumbs = parse(response).find("ol", **{"class": "breadcrumbs"})
    assert "Add priority" in crumbs.text


def test_a_focus_area_leads_back_to_its_priority(editor_client, priority):
    focus_area = priority.focus_areas.get(title_fi="Metsä")
    response = editor_client.get(admin_url("priorities.focusarea", "change", focus_area.pk))

    crumbs = parse(response).find("ol", **{"class": "breadcrumbs"})
    links = [(a.text.strip(), a.get("href")) for a in crumbs.find_all("a")]
    assert ("Bioeconomy", admin_url("priorities.priority", "change", priority.pk)) in links
    assert ("Priorities", admin_url("priorities.priority", "changelist")) in links
    assert crumbs.find("li", **{"aria-current": "page"}).text.strip() == str(focus_area)
