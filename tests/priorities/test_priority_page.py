"""
A priority's page: what visitors see of it, read through statements compiled once, at
the time of each request; and staff's previews of drafts.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from priorities.models import EconomicDomain, FocusArea
from tests import factories
from tests.helpers.html import parse


def url_of(item):
    with override("en"):
        return item.get_absolute_url()


@pytest.fixture
def priority(site):
    priority = site["priority"]
    priority.economic_domains.add(EconomicDomain.objects.get(code="62"))
    return priority


def test_a_visitor_sees_the_priority_with_its_programme_and_lists(client, site, priority):
    response = client.get(url_of(priority))
    assert response.status_code == 200
    page = parse(response)
    assert page.find("h1").text == priority.title_en
    assert page.find("p", **{"class": "meta"}).text == "Kainuu · 2018–2021"
    focus_areas = page.find("ul", **{"class": "focus-areas"})
    assert [item.text.strip() for item in focus_areas.find_all("li")] == ["Metal industry"]
    assert page.find("a", href="/en/sectors/ict/").text == "ICT"
    codes = [code.text for code in page.find_all("span", **{"class": "code"})]
    assert codes == ["62"]
    back = page.find("main").find_all("a")
    assert [a.text for a in back if a.get("href") == url_of(site["programme"])] == [
        f"Back to {site['programme'].title_en}"
    ]
    alternates = {
        link.get("hreflang"): link.get("href") for link in page.find_all("link", rel="alternate")
    }
    for language, address in priority.addresses_in_every_language().items():
        assert alternates[language] == f"http://testserver{address}"


def test_a_scheduled_focus_area_and_sector_appear_when_their_time_comes(client, priority):
    at = timezone.now() + timedelta(hours=1)
    factories.make_focus_area(priority=priority, title_en="later focus", publish_at=at)
    priority.sectors.add(factories.make_sector(slug="later-sector", publish_at=at))
    url = url_of(priority)

    content = client.get(url).content.decode()
    assert "Later focus" not in content
    assert 'href="/en/sectors/later-sector/"' not in content

    with mock.patch("django.utils.timezone.now", return_value=at):
        content = client.get(url).content.decode()
    assert "Later focus" in content
    assert 'href="/en/sectors/later-sector/"' in content
    assert "badge-draft" not in content


def test_an_unpublished_focus_area_leaves_the_page(client, priority):
    at = timezone.now() + timedelta(hours=1)
    factories.make_focus_area(priority=priority, title_en="until focus", unpublish_at=at)
    drafted = factories.make_focus_area(priority=priority, title_en="drafted focus")
    url = url_of(priority)

    content = client.get(url).content.decode()
    assert "Until focus" in content and "Drafted focus" in content

    FocusArea.objects.filter(pk=drafted.pk).update(status=Status.DRAFT)
    with mock.patch("django.utils.timezone.now", return_value=at):
        content = client.get(url).content.decode()
    assert "Until focus" not in content and "Drafted focus" not in content
    assert "Metal industry" in content


@pytest.mark.parametrize(
    "path",
    [
        "/en/programmes/kainuu/2018-2021/no-such-priority/",
        "/en/programmes/kainuu/1999-2000/technology-industry/",
        "/en/programmes/north-karelia/2018-2021/technology-industry/",
    ],
)
def test_an_unknown_address_is_not_found(client, priority, path):
    assert client.get(path).status_code == 404


def test_a_priority_leaves_visitors_with_its_programme(client, site, priority):
    url = url_of(priority)
    assert client.get(url).status_code == 200
    type(site["programme"]).objects.filter(pk=site["programme"].pk).update(status=Status.DRAFT)
    assert client.get(url).status_code == 404


def test_staff_preview_a_draft_priority_with_its_draft_focus_area(client, viewer_client, site):
    draft = factories.make_priority(
        programme=site["programme"], slug="draft", title_en="Draft priority", status=Status.DRAFT
    )
    factories.make_focus_area(priority=draft, title_en="draft focus", status=Status.DRAFT)
    url = url_of(draft)

    assert client.get(url).status_code == 404
    response = viewer_client.get(url)
    assert response.status_code == 200
    assert response.headers["X-Robots-Tag"] == "noindex"
    page = parse(response)
    assert page.find("h1").text == "Draft priority"
    assert page.find("div", **{"class": "preview-banner"}) is not None
    focus_areas = page.find("ul", **{"class": "focus-areas"})
    badges = focus_areas.find_all("span", **{"class": "badge badge-draft"})
    assert [badge.parent.find("strong").text for badge in badges] == ["Draft focus"]
