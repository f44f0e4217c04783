"""The home page and the programme list say which programme period is current and which ended."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories
from tests.helpers.html import parse

ENDED = {"fi": "Kausi päättynyt", "en": "Period ended", "sv": "Perioden har avslutats"}
CURRENT = {"fi": "Nykyinen kausi", "en": "Current period", "sv": "Nuvarande period"}


@pytest.fixture
def first_of_december_2026(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2026, 12, 1))


@pytest.fixture
def region(db):
    return factories.make_region(slug="kainuu", name_en="Kainuu", is_home=True)


def programme(region, start, end):
    return factories.make_programme(
        region=region,
        slug=f"{start}-{end}",
        start_year=start,
        end_year=end,
        title_en=f"S3 {start}–{end}",
        title_fi=f"Älykäs erikoistuminen {start}–{end}",
    )


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_the_home_page_marks_a_period_that_has_ended(
    client, region, first_of_december_2026, language
):
    programme(region, 2022, 2025)

    section = parse(client.get(f"/{language}/")).find(
        "section", **{"aria-labelledby": "current-programme"}
    )

    note = section.find("p", **{"class": "period-note"})
    assert ENDED[language] in note.text
    assert "2022–2025" in note.text
    assert "2025" in note.text


def test_the_home_page_says_the_period_is_current(client, region, first_of_december_2026):
    programme(region, 2022, 2025)
    programme(region, 2026, 2029)

    section = parse(client.get("/en/")).find("section", **{"aria-labelledby": "current-programme"})

    assert "S3 2026–2029" in section.find("h2").text
    assert "Current period" in section.text
    assert "The programme period 2026–2029 is under way." in " ".join(section.text.split())


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_the_programme_list_marks_each_period(client, region, first_of_december_2026, language):
    programme(region, 2018, 2021)
    programme(region, 2026, 2029)

    with translation.override(language):
        page = parse(client.get(reverse("priorities:programme-list")))
    cards = {
        card.find("h2").text.strip(): card.text for card in page.find_all("li", **{"class": "card"})
    }
    assert len(cards) == 2
    ended = next(text for title, text in cards.items() if "2018" in title)
    current = next(text for title, text in cards.items() if "2026" in title)
    assert ENDED[language] in ended
    assert CURRENT[language] in current


def test_the_period_is_computed_from_todays_date(client, region, monkeypatch):
    programme(region, 2022, 2025)
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2025, 6, 1))
    assert "Current period" in client.get("/en/").content.decode()
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2026, 1, 1))
    assert "Period ended" in client.get("/en/").content.decode()
