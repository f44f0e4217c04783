"""Regions, their municipalities and population figures added through the admin's forms."""

import pytest
from django.db import connection

from kainuu_portal.publishing.models import Status
from regions.models import Municipality, PopulationFigure, Region
from tests import factories
from tests.helpers.admin import admin_url, change_form, management_form, region_post_data
from tests.helpers.html import parse

MUNICIPALITY_ROW = {
    **management_form("municipalities", total=1),
    "municipalities-0-name_fi": "Kajaani",
    "municipalities-0-slug_fi": "kajaani",
    "municipalities-0-code": "205",
    "municipalities-0-is_town": "on",
    "municipalities-0-status": Status.PUBLISHED,
}
POPULATION_ROW = {
    **management_form("population_figures", total=1),
    "population_figures-0-year": "2018",
    "population_figures-0-value": "73600",
    "population_figures-0-source_fi": "Tilastokeskus",
    "population_figures-0-status": Status.PUBLISHED,
}


def test_an_editor_adds_a_region_with_a_municipality(editor_client):
    response = editor_client.post(
        admin_url("regions.region", "add"), region_post_data(**MUNICIPALITY_ROW)
    )

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    region = Region.objects.get(slug_fi="kainuu")
    assert region.country == "FI"
    assert region.name_sv == "Kajanaland"
    assert Municipality.objects.get(region=region).name_fi == "Kajaani"


def test_an_editor_adds_a_population_figure_to_a_region(editor_client):
    region = factories.make_region(slug="kainuu")

    response = editor_client.post(
        admin_url("regions.region", "change", region.pk), region_post_data(**POPULATION_ROW)
    )

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert PopulationFigure.objects.get(region=region).value == 73600


def test_an_editor_adds_a_new_region_with_its_population(editor_client):
    response = editor_client.post(
        admin_url("regions.region", "add"), region_post_data(**POPULATION_ROW)
    )

    assert response.status_code == 302
    assert PopulationFigure.objects.get(region__slug_fi="kainuu").value == 73600


def test_a_strength_leads_back_to_its_region(editor_client):
    strength = factories.make_strength(region=factories.make_region(name_en="Kainuu"))
    response = editor_client.get(admin_url("regions.strength", "change", strength.pk))

    crumbs = parse(response).find("ol", **{"class": "breadcrumbs"})
    links = [(a.text.strip(), a.get("href")) for a in crumbs.find_all("a")]
    assert ("Kainuu", admin_url("regions.region", "change", strength.region.pk)) in links
    assert ("Regions", admin_url("regions.region", "changelist")) in links


def test_a_new_strength_has_the_usual_breadcrumb(editor_client):
    response = editor_client.get(admin_url("regions.strength", "add"))
    crumbs = parse(response).find("ol", **{"class": "breadcrumbs"})
    assert "Add strength" in crumbs.text


TOO_LARGE_FOR_SQLITE = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's driver takes no integer over 64 bits: the form field's own lookup fails "
    "there (the development database only)",
)


@pytest.mark.parametrize(
    "posted", ["abc", "1.5", pytest.param("9" * 30, marks=TOO_LARGE_FOR_SQLITE)]
)
def test_a_posted_value_that_is_no_key_is_a_form_error(editor_client, posted):
    # The autocompletes post ids; anything else (a hand-made request) used to answer 500
    # when the form came back with its errors.
    municipality = factories.make_municipality(name_en="Before")
    url, data = change_form(editor_client, municipality)
    data |= {"region": [posted], "name_en": ["Typed name"]}

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("region", code="invalid_choice")
    assert 'value="Typed name"' in response.content.decode()

    region = factories.make_region()
    url, data = change_form(editor_client, region)
    data["neighbours"] = [posted]
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("neighbours")
