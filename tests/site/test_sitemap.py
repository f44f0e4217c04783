"""sitemap.xml over HTTP: what Django's sitemap framework writes of the same sections."""

import functools
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import django.contrib.sitemaps
import pytest
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage
from django.template import Context, Engine
from django.urls import reverse
from django.utils import timezone

from kainuu_portal.publishing.models import Status
from kainuu_portal.publishing.sitemaps import LiveContentSitemap, PortalSitemap, RouteSitemap
from kainuu_portal.sitemaps import sitemaps
from tests import factories

DJANGO_TEMPLATE = Path(django.contrib.sitemaps.__file__).parent / "templates" / "sitemap.xml"


class DjangoSitemap(Sitemap):
    """A section of the portal's sitemap as Django's own framework lists it."""

    i18n = True
    alternates = True
    x_default = True

    def __init__(self, section):
        self.section = section()
        self.limit = self.section.limit

    def items(self):
        if isinstance(self.section, RouteSitemap):
            return list(self.section.routes)
        return list(self.section.rows(timezone.now()))

    def location(self, item):
        if isinstance(self.section, RouteSitemap):
            return reverse(item)
        address = self.section.address or self.section.model.address
        kwargs = {
            name: functools.reduce(getattr, lookup.split("__"), item)
            for name, lookup in address.lookups.items()
        }
        return reverse(address.url_name, kwargs=kwargs)

    def lastmod(self, item):
        field = getattr(self.section, "lastmod_field", None)
        return getattr(item, field) if field else None


def django_sitemap(page=1):
    """The body of sitemap.xml as Django's sitemap view and template write it."""
    urls = []
    for section in sitemaps.values():
        urls += DjangoSitemap(section).get_urls(
            page=page, site=SimpleNamespace(domain="testserver"), protocol="http"
        )
    template = Engine.get_default().from_string(DJANGO_TEMPLATE.read_text())
    return template.render(Context({"urlset": urls}))


@pytest.fixture
def site(db):
    region = factories.make_region(slug="kainuu", slug_sv="kajanaland", is_home=True)
    factories.make_municipality(region=region, slug="kajaani", slug_en="", slug_sv="kajana")
    programme = factories.make_programme(region=region, slug="2018-2021", start_year=2018)
    factories.make_programme(region=region, slug="2022-2025", start_year=2022)
    # Saved late on the 4th UTC: the 5th in Helsinki.
    with mock.patch(
        "django.utils.timezone.now", return_value=datetime(2026, 3, 4, 23, 30, tzinfo=UTC)
    ):
        factories.make_priority(programme=programme, slug="tech", slug_en="technology")
    factories.make_priority(programme=programme, slug="secret", status=Status.DRAFT)
    factories.make_sector(slug="tourism", slug_sv="turism")
    factories.make_page(slug="tietoa", slug_en="about", slug_sv="")


def test_the_sitemap_is_what_djangos_framework_writes(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert "Last-Modified" not in response  # the site-wide pages have no last change
    content = response.content.decode()
    assert content == django_sitemap()
    # The Swedish address of a page without a Swedish slug falls back to the English one.
    assert "<loc>http://testserver/sv/sidor/about/</loc>" in content
    assert (
        "<loc>http://testserver/fi/ohjelmat/kainuu/2018-2021/tech/</loc><lastmod>2026-03-05"
        in content
    )
    assert "secret" not in content


@pytest.mark.parametrize("limit", [1, 2, 4, 5])
def test_each_page_of_the_sitemap_is_what_djangos_framework_writes(client, site, limit):
    # Pages that start and end inside an item's elements (one per language) and on its edges.
    with mock.patch.object(PortalSitemap, "limit", limit):
        page = 1
        while True:
            try:
                expected = django_sitemap(page=page)
            except EmptyPage:
                break
            response = client.get("/sitemap.xml", {"p": str(page)})
            assert response.content.decode() == expected
            page += 1
        assert page > 1
        # Past the last page of the smallest section, Django's view answers 404.
        assert client.get("/sitemap.xml", {"p": str(page)}).status_code == 404


def test_a_page_that_is_not_a_page_is_not_found(client, site):
    for page in ["2", "0", "x", "1.5"]:
        assert client.get("/sitemap.xml", {"p": page}).status_code == 404


def test_a_section_with_times_on_every_item_has_its_latest(site):
    section = sitemaps["priorities"]()
    assert issubclass(sitemaps["priorities"], LiveContentSitemap)
    section.get_urls(site=SimpleNamespace(domain="testserver"), protocol="http")
    assert section.latest_lastmod == datetime(2026, 3, 4, 23, 30, tzinfo=UTC)
    assert not hasattr(sitemaps["static"](), "latest_lastmod")


def test_the_sitemap_answers_a_conditional_request_until_its_content_changes(client, site):
    first = client.get("/sitemap.xml")
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    unchanged = client.get("/sitemap.xml", headers={"if-none-match": etag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    factories.make_sector(slug="energy", slug_sv="energi")
    changed = client.get("/sitemap.xml", headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert "/energy/" in changed.content.decode()
    assert changed["ETag"] != etag


def test_without_a_url_template_each_address_is_reversed_to_the_same_sitemap(client, site):
    with mock.patch("kainuu_portal.publishing.sitemaps.url_template", return_value=None):
        response = client.get("/sitemap.xml")
    assert response.content.decode() == django_sitemap()
