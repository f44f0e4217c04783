"""
Addresses in every language, on the demo content: a crawl of every page finds no broken
link and no chain of redirects, the language switcher always lands on the same item at
that language's own address, and the sitemap, feeds, search, JSON-LD and the API give
each language's address.
"""

import json
import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language_from_path, override

from pages.models import Page
from priorities.models import Priority, Programme, Sector
from regions.models import Municipality, Region
from tests import factories
from tests.helpers.html import parse
from tests.helpers.pages import LANGUAGES

pytestmark = pytest.mark.usefixtures("demo")

# Demo items and their slug in each language (kainuu_portal/demo/content/).
NATURAL_SLUGS = {
    (Sector, "tourism"): {"fi": "matkailu", "en": "tourism", "sv": "turism"},
    (Region, "north-karelia"): {
        "fi": "pohjois-karjala",
        "en": "north-karelia",
        "sv": "norra-karelen",
    },
    (Region, "kainuu"): {"fi": "kainuu", "en": "kainuu", "sv": "kajanaland"},
    (Municipality, "kajaani"): {"fi": "kajaani", "en": "kajaani", "sv": "kajana"},
    (Page, "about"): {"fi": "tietoa-portaalista", "en": "about", "sv": "om-portalen"},
}
LINK = re.compile(r"""(?:href|src|action)=["']([^"'#][^"']*)["']""")
SKIPPED = ("/admin/", "/static/", "/media/")


def own_links(response):
    """The addresses on this site that a page links to (no query string kept for assets)."""
    body = response.content.decode()
    for url in LINK.findall(body):
        url = url.replace("&amp;", "&")
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
            continue
        if not parts.path.startswith("/") or parts.path.startswith(SKIPPED):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client):
    """Every page reachable from each language's home page and the sitemap: {url: response}."""
    sitemap = client.get("/sitemap.xml").content.decode()
    start = ["/fi/", "/en/", "/sv/", "/sitemap.xml"]
    start += [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    start += [urlsplit(url).path for url in re.findall(r'href="(http[^"]+)"', sitemap)]
    queue, seen = deque(start), {}
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response
        content_type = response.get("Content-Type", "")
        if response.status_code == 200 and ("html" in content_type or "xml" in content_type):
            queue.extend(link for link in own_links(response) if link not in seen)
    return seen


def item_at(path):
    """(model, pk) of the content item whose page is at ``path``, or the route's name."""
    language = get_language_from_path(path)
    with override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        for model in (Region, Municipality, Sector, Programme, Priority, Page):
            if model.address.url_name == match.view_name:
                obj = model.objects.at_address(**match.kwargs).get()
                return model, obj.pk
        return match.view_name, tuple(sorted(match.kwargs.items()))


def switcher(response):
    """The language switcher's links: {language: address}."""
    nav = parse(response).find("nav", **{"class": "language-switcher"})
    return {link.get("hreflang"): link.get("href") for link in nav.find_all("a")}


@pytest.fixture(scope="module")
def crawled(django_db_blocker, _demo_content_for_the_module):
    with django_db_blocker.unblock():
        return crawl(Client())


def test_every_demo_item_has_its_own_slug_in_each_language():
    for (model, english), slugs in NATURAL_SLUGS.items():
        obj = model.objects.get(slug_en=english)
        for language, slug in slugs.items():
            with override(language):
                assert obj.slug == slug
                assert f"/{slug}/" in obj.get_absolute_url()


def test_the_crawl_of_every_page_in_every_language_finds_no_broken_link(crawled, client):
    pages = [url for url in crawled if url.startswith(("/fi/", "/en/", "/sv/"))]
    for language in LANGUAGES:
        assert sum(url.startswith(f"/{language}/") for url in pages) > 30, language
    broken = {url: r.status_code for url, r in crawled.items() if r.status_code >= 400}
    assert broken == {}
    for url, response in crawled.items():
        if response.status_code in (301, 302):
            target = client.get(response["Location"])
            assert target.status_code == 200, f"{url} leads to a redirect chain"


def test_no_page_links_to_an_address_that_redirects(crawled):
    redirects = [url for url, r in crawled.items() if r.status_code in (301, 302)]
    assert "/" in redirects
    # Only addresses without a language (the sitemap's x-default) lead to the visitor's one.
    assert [url for url in redirects if get_language_from_path(url)] == []


def test_the_switcher_on_every_page_lands_on_the_same_item(crawled, client):
    html_pages = {
        url: response
        for url, response in crawled.items()
        if response.status_code == 200 and "html" in response.get("Content-Type", "")
    }
    assert len(html_pages) > 90
    for url, response in html_pages.items():
        links = switcher(response)
        assert sorted(links) == sorted(LANGUAGES), url
        here = item_at(urlsplit(url).path)
        for language, address in links.items():
            path = urlsplit(address).path
            assert path.startswith(f"/{language}/"), (url, address)
            assert item_at(path) == here, (url, address)
        # The other language's page switches back to exactly this one.
        other = next(code for code in LANGUAGES if not url.startswith(f"/{code}/"))
        back = switcher(client.get(links[other]))[get_language_from_path(url)]
        assert urlsplit(back).path == urlsplit(url).path, (url, links[other], back)


def test_the_switcher_keeps_the_two_periods_of_a_comparison(client):
    region = Region.objects.get(slug_en="kainuu")
    factories.make_programme(region=region, slug="2022-2025", start_year=2022, end_year=2025)
    with override("sv"):
        url = reverse("priorities:programme-compare", kwargs={"region_slug": region.slug})
    links = switcher(client.get(url, {"a": "2018-2021", "b": "2022-2025"}))
    assert links["fi"] == "/fi/ohjelmat/kainuu/vertaa/?a=2018-2021&b=2022-2025"
    assert links["sv"].startswith("/sv/program/kajanaland/")
    assert client.get(links["fi"]).status_code == 200


def test_the_sitemap_gives_each_language_its_own_address_as_alternates(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for language, slug in NATURAL_SLUGS[(Sector, "tourism")].items():
        with override(language):
            address = Sector.objects.get(slug_en="tourism").get_absolute_url()
        assert slug in address
        assert f"<loc>http://testserver{address}</loc>" in sitemap
        assert f'hreflang="{language}" href="http://testserver{address}"' in sitemap


def test_the_feeds_link_each_language_to_its_own_address(client):
    for language, slug in NATURAL_SLUGS[(Sector, "tourism")].items():
        with override(language):
            feed = client.get(reverse("feed")).content.decode()
        links = re.findall(r'<link href="([^"]+)"', feed)
        assert f"http://testserver/{language}/" in " ".join(links)
        assert any(link.endswith(f"/{slug}/") for link in links), (language, links)


def test_search_results_lead_to_the_language_s_own_address(client):
    for language, query, slug in [("fi", "Matkailu", "matkailu"), ("sv", "Turism", "turism")]:
        with override(language):
            url = reverse("search")
        page = client.get(url, {"q": query}).content.decode()
        assert re.search(rf'href="/{language}/[^"]*/{slug}/"', page), language


def test_json_ld_carries_the_language_s_own_address(client):
    region = Region.objects.get(slug_en="kainuu")
    with override("sv"):
        url = region.get_absolute_url()
    data = json.loads(parse(client.get(url)).find("script", type="application/ld+json").text)
    assert data["url"] == "http://testserver/sv/regioner/kajanaland/"
    assert "http://testserver/sv/regioner/kajanaland/kajana/" in [
        place["url"] for place in data["containsPlace"]
    ]


def test_the_api_gives_an_item_s_address_in_every_language(client):
    items = client.get("/api/v1/sectors", {"lang": "sv", "limit": 100}).json()["items"]
    tourism = next(item for item in items if item["slug"] == "turism")
    assert tourism["url"] == "http://testserver/sv/branscher/turism/"
    assert tourism["urls"] == {
        "fi": "http://testserver/fi/toimialat/matkailu/",
        "en": "http://testserver/en/sectors/tourism/",
        "sv": "http://testserver/sv/branscher/turism/",
    }
    for item in items:
        assert set(item["urls"]) == set(LANGUAGES)


def test_api_filters_take_the_slug_in_the_language_of_the_list(client):
    swedish = client.get("/api/v1/municipalities", {"lang": "sv", "region": "kajanaland"}).json()
    finnish = client.get("/api/v1/municipalities", {"lang": "fi", "region": "kainuu"}).json()
    assert swedish["count"] == finnish["count"] == 8
    assert client.get("/api/v1/priorities", {"lang": "fi", "sector": "ict"}).json()["count"]
    assert client.get("/api/v1/priorities", {"lang": "sv", "sector": "ikt"}).json()["count"]


def test_the_schema_describes_the_addresses_in_every_language(client):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    assert set(components["Addresses"]["properties"]) == set(LANGUAGES)
    for name in ("RegionOut", "MunicipalityOut", "SectorOut", "ProgrammeOut", "PriorityOut"):
        assert "urls" in components[name]["properties"], name
        assert components[name]["properties"]["urls"]["description"]
