"""The lists of regions and of programmes, fifty a page: each page reads its own rows."""

import pytest

from kainuu_portal.publishing.models import Status
from tests import factories
from tests.helpers.html import parse


def card_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    cards = parse(response).find_all("li", **{"class": "card"})
    return [card.find("h2").text.strip() for card in cards]


@pytest.fixture
def fifty_one_regions(db):
    for number in range(51):
        factories.make_region(slug=f"area-{number:02}", name_en=f"Area {number:02}")
    factories.make_region(slug="draft", name_en="Draft area", status=Status.DRAFT)


def test_the_region_list_pages_by_fifty(client, fifty_one_regions):
    first = card_titles(client, "/en/regions/")
    second = card_titles(client, "/en/regions/?page=2")
    assert len(first) == 50 and len(second) == 1
    assert sorted(first + second) == [f"Area {number:02}" for number in range(51)]
    assert client.get("/en/regions/?page=3").status_code == 404


def test_the_programme_list_pages_by_fifty(client, db):
    region = factories.make_region(slug="kainuu", name_en="Kainuu")
    for number in range(51):
        factories.make_programme(
            region=region,
            slug=f"p{number:02}",
            title_en=f"Period {number:02}",
            start_year=1950 + number,
        )
    first = card_titles(client, "/en/programmes/")
    second = card_titles(client, "/en/programmes/?page=2")
    assert len(first) == 50 and len(second) == 1
    # The newest first.
    assert first[0] == "Period 50" and second == ["Period 00"]
    assert client.get("/en/programmes/?page=3").status_code == 404
