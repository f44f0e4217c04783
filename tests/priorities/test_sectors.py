"""The sector pages: the list of sectors and a sector's page, as visitors and staff see them."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from priorities.models import Sector
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


def test_the_list_of_sectors_escapes_names_and_summaries(client, db):
    parent = factories.make_sector(
        name_en="Wood & <b>paper</b>", summary_en="\"Trees\" <i>and</i> 'pulp'."
    )
    factories.make_sector(parent=parent, name_en="Boards <&>")
    with override("en"):
        html = client.get(reverse("priorities:sector-list")).content.decode()

    assert ">Wood &amp; &lt;b&gt;paper&lt;/b&gt;</a></h2>" in html
    assert "<p>&quot;Trees&quot; &lt;i&gt;and&lt;/i&gt; &#x27;pulp&#x27;.</p>" in html
    assert 'aria-label="Sub-sectors of Wood &amp; &lt;b&gt;paper&lt;/b&gt;"' in html
    assert ">Boards &lt;&amp;&gt;</a></li>" in html
    assert "<b>" not in html and "<i>" not in html


def test_the_list_labels_sub_sectors_in_the_active_language(client, sector):
    with override("fi"):
        html = client.get(reverse("priorities:sector-list")).content.decode()
    assert f'aria-label="{sector.name_fi or sector.name_en}: alatoimialat"' in html


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


def test_a_visitor_s_sector_page_shows_its_parent_and_texts_in_the_fallback_language(client, db):
    parent = factories.make_sector(name_en="Technology")
    sector = factories.make_sector(
        parent=parent, name_en="ICT", summary_en="Code.", body_en="<p>Software.</p>"
    )
    factories.make_sector(parent=sector, name_en="", name_fi="Ohjelmistot")
    with override("en"):
        response = client.get(sector.get_absolute_url())
        urls = [parent.get_absolute_url(), sector.get_absolute_url()]
    page = parse(response)

    assert page.find("title").text.startswith("ICT – ")
    assert page.find("meta", name="description").get("content") == "Code."
    crumbs = page.find("nav", **{"aria-label": "Breadcrumb"}).find_all("a")
    assert [(a.get("href"), a.text) for a in crumbs][-2:] == [
        (urls[0], "Technology"),
        (urls[1], "ICT"),
    ]
    text = " ".join(page.find("main").text.split())
    assert text.startswith("ICT Code. Software. Sub-sectors Ohjelmistot")


def test_scheduled_sub_sectors_and_priorities_join_a_sector_s_page_when_due(client, sector):
    publish_at = timezone.now() + timedelta(hours=1)
    factories.make_sector(parent=sector, name_en="Sensors", publish_at=publish_at)
    priority = factories.make_priority(title_en="Batteries", publish_at=publish_at)
    priority.sectors.add(sector)
    text = main_text(client, sector.get_absolute_url)
    assert "Sensors" not in text
    assert "Batteries" not in text

    with mock.patch("django.utils.timezone.now", return_value=publish_at):
        text = main_text(client, sector.get_absolute_url)
    assert "ICT Sensors" in text
    assert "Batteries (" in text


def test_unpublished_items_leave_a_sector_s_page_and_an_unpublished_sector_is_gone(client, sector):
    unpublish_at = timezone.now() + timedelta(hours=1)
    factories.make_sector(parent=sector, name_en="Sensors", unpublish_at=unpublish_at)
    priority = factories.make_priority(title_en="Batteries", unpublish_at=unpublish_at)
    priority.sectors.add(sector)
    lapland = factories.make_region(name_en="Lapland")
    factories.make_key_sector(region=lapland, sector=sector, unpublish_at=unpublish_at)
    savo = factories.make_region(name_en="Savo", **DRAFT)
    factories.make_key_sector(region=savo, sector=sector)
    text = main_text(client, sector.get_absolute_url)
    assert "ICT Sensors" in text
    assert "Batteries (" in text
    assert "In Lapland" in text
    assert "Savo" not in text

    with mock.patch("django.utils.timezone.now", return_value=unpublish_at):
        text = main_text(client, sector.get_absolute_url)
    assert "Sensors" not in text
    assert "Batteries" not in text
    assert "Lapland" not in text

    sector.unpublish_at = unpublish_at
    sector.save()
    with override("en"), mock.patch("django.utils.timezone.now", return_value=unpublish_at):
        assert client.get(sector.get_absolute_url()).status_code == 404


def test_unknown_and_draft_sectors_are_not_found_by_visitors(client, viewer_client, sector):
    draft = factories.make_sector(name_en="Hydrogen", **DRAFT)
    child = factories.make_sector(parent=draft, name_en="Fuel cells")
    with override("en"):
        unknown = reverse("priorities:sector-detail", kwargs={"slug": "no-such-sector"})
        assert client.get(unknown).status_code == 404
        assert client.get(draft.get_absolute_url()).status_code == 404
        assert client.get(child.get_absolute_url()).status_code == 404

        response = viewer_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert " ".join(parse(response).find("main").text.split()).startswith(
        "Hydrogen Sub-sectors Fuel cells"
    )


def test_a_visitor_sees_a_sector_s_image_as_staff_do(client, viewer_client, sector):
    renditions = [
        {"name": f"images/machine-{width}.webp", "width": width, "height": width // 2}
        for width in (480, 960, 1600)
    ]
    Sector.objects.filter(pk=sector.pk).update(
        image="images/machine.jpg", image_renditions=renditions, image_alt_en="A lathe"
    )

    def figure(client):
        with override("en"):
            content = client.get(sector.get_absolute_url()).content.decode()
        return re.search(r"<figure .*?</figure>", content).group(0)

    shown = figure(client)
    assert f'src="{settings.MEDIA_URL}images/machine-960.webp"' in shown
    assert f"{settings.MEDIA_URL}images/machine-1600.webp 1600w" in shown
    assert 'width="960" height="480" alt="A lathe"' in shown
    assert figure(viewer_client) == shown
