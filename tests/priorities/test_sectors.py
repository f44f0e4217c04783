"""The sector pages: the list of sectors and a sector's page, as visitors and staff see them."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
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


def test_a_scheduled_sector_joins_the_list_once_its_time_has_come(client, sector):
    publish_at = timezone.now() + timedelta(hours=1)
    later = factories.make_sector(name_en="Batteries", publish_at=publish_at)
    factories.make_sector(parent=sector, name_en="Sensors", publish_at=publish_at)
    factories.make_sector(parent=later, name_en="Cells")
    text = main_text(client, lambda: reverse("priorities:sector-list"))
    assert "Batteries" not in text
    assert "Sensors" not in text

    with mock.patch("django.utils.timezone.now", return_value=publish_at):
        text = main_text(client, lambda: reverse("priorities:sector-list"))
    assert "Batteries Cells" in text
    assert "ICT Sensors" in text


def test_the_list_of_sectors_is_paginated(client, db):
    for number in range(51):
        factories.make_sector(
            slug=f"sector-{number:02}", name_en=f"Sector {number:02}", order=number
        )
    with override("en"):
        first = client.get(reverse("priorities:sector-list")).content.decode()
        second = client.get(reverse("priorities:sector-list") + "?page=2").content.decode()
        beyond = client.get(reverse("priorities:sector-list") + "?page=3")
    assert "Sector 49" in first
    assert "Sector 50" not in first
    assert "Page 1 of 2" in first
    assert "Sector 50" in second
    assert "Sector 49" not in second
    assert beyond.status_code == 404


def test_the_list_says_when_no_sector_is_published(client, db):
    assert "No sectors have been published yet." in main_text(
        client, lambda: reverse("priorities:sector-list")
    )


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
