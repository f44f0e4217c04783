"""The sector pages: the list of sectors and a sector's page, as visitors and staff see them."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from tests import factories
from tests.helpers.html import parse

DRAFT = {"status": Status.DRAFT}


@pytest.fixture
def sector(db):
    sector = factories.make_sector(name_en="Technology", summary_en="Machines and code.")
    factories.make_sector(parent=sector, name_en="ICT")
    factories.make_sector(parent=sector, name_en="Robotics", **DRAFT)
    kainuu = factories.make_region(name_en="Kainuu")
    factories.make_key_sector(region=kainuu, sector=sector, description_en="<p>Kajaani.</p>")
    oulu = factories.make_region(name_en="Oulu")
    factories.make_key_sector(region=oulu, sector=sector, description_en="<p>Oulu.</p>", **DRAFT)
    programme = factories.make_programme(region=kainuu, start_year=2022, end_year=2025)
    factories.make_priority(programme=programme, title_en="Industry").sectors.add(sector)
    factories.make_priority(programme=programme, title_en="Plans", **DRAFT).sectors.add(sector)
    return sector


def main_text(client, url):
    with override("en"):
        response = client.get(url() if callable(url) else url)
    assert response.status_code == 200
    return " ".join(parse(response).find("main").text.split())


def test_the_list_shows_live_sectors_with_their_live_sub_sectors(client, sector):
    text = main_text(client, lambda: reverse("priorities:sector-list"))

    assert "Technology Machines and code. ICT" in text
    assert "Robotics" not in text


def test_visitors_see_what_is_live_on_a_sector_s_page(client, sector):
    text = main_text(client, sector.get_absolute_url)

    assert "ICT" in text
    assert "In Kainuu Kajaani." in text
    assert "Industry (Kainuu, 2022–2025)" in text
    for draft in ("Robotics", "Oulu", "Plans"):
        assert draft not in text


def test_staff_see_the_drafts_on_a_sector_s_page(viewer_client, sector):
    text = main_text(viewer_client, sector.get_absolute_url)

    assert "ICT Robotics Draft" in text
    assert "In Oulu Oulu." in text
    assert "Plans (Kainuu, 2022–2025)" in text
