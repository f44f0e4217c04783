"""Machine-readable extras over HTTP: the Atom feed, JSON-LD and the sitemap's new pages."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext, override

from kainuu_portal.feeds import UpdatesFeed, newest_updates
from kainuu_portal.publishing.models import Status, translated_value
from priorities.models import Priority
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site(db):
    region = factories.make_region(
        slug="kainuu", name_fi="Kainuu", name_en="Kainuu", is_home=True, iso_code="FI-05"
    )
    municipality = factories.make_municipality(region=region, slug="kajaani", name_en="Kajaani")
    programme = factories.make_programme(
        region=region,
        slug="2018-2021",
        start_year=2018,
        end_year=2021,
        title_en="S3 2018–2021",
        summary_en="Three choices.",
    )
    priority = factories.make_priority(
        programme=programme, slug="tech", title_en="Technology </script><script>alert(1)"
    )
    factories.make_focus_area(priority=priority, title_en="metal industry")
    return {"region": region, "municipality": municipality, "programme": programme}


def feed_url(language):
    with override(language):
        return reverse("feed")


def entries(client, language="en"):
    response = client.get(feed_url(language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


# --- Feed -----------------------------------------------------------------------


def test_the_feed_lists_live_content_newest_first(client, site):
    Priority.objects.filter(slug_fi="tech").update(updated_at=timezone.now() + timedelta(hours=1))
    factories.make_page(slug="secret", title_en="Secret page", status=Status.DRAFT)
    root, items = entries(client)
    titles = [entry.find(f"{ATOM}title").text for entry in items]
    assert titles[0].startswith("Technology </script>")
    assert any(title.startswith("S3 2018–2021") for title in titles)
    assert any(title.startswith("Kajaani") for title in titles)
    assert not any("Secret" in title for title in titles)
    link = items[0].find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver/en/programmes/kainuu/2018-2021/tech/")
    assert items[0].find(f"{ATOM}updated") is not None
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_a_control_character_saved_outside_the_admin_leaves_the_feed_readable(client, site):
    # The admin refuses one (tests/publishing); an import or a raw update does not.
    Priority.objects.filter(slug_fi="tech").update(
        title_en="Tech\x0bnology", updated_at=timezone.now() + timedelta(hours=1)
    )

    _root, items = entries(client)

    assert items[0].find(f"{ATOM}title").text == "Technology (priority)"


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_there_is_a_feed_per_language(client, site, language):
    root, items = entries(client, language)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    for entry in items:
        assert f"/{language}/" in entry.find(f"{ATOM}link").get("href")


def test_the_feed_is_linked_from_every_page(client, site):
    for language in ["fi", "en", "sv"]:
        with override(language):
            page = client.get(reverse("home")).content.decode()
        link = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', page)
        assert f'href="{feed_url(language)}"' in link.group()
        assert 'title="' in link.group()


def titles_in(client):
    return [entry.find(f"{ATOM}title").text for entry in entries(client)[1]]


def test_a_scheduled_item_joins_the_feed_when_its_time_comes(client, site):
    publish_at = timezone.now() + timedelta(hours=1)
    factories.make_page(slug="later", title_en="Later", publish_at=publish_at)
    assert not any(title.startswith("Later") for title in titles_in(client))
    with mock.patch("django.utils.timezone.now", return_value=publish_at):
        assert any(title.startswith("Later") for title in titles_in(client))


def test_an_item_leaves_the_feed_when_it_is_unpublished(client, site):
    unpublish_at = timezone.now() + timedelta(hours=1)
    factories.make_page(slug="until", title_en="Until", unpublish_at=unpublish_at)
    assert any(title.startswith("Until") for title in titles_in(client))
    with mock.patch("django.utils.timezone.now", return_value=unpublish_at):
        assert not any(title.startswith("Until") for title in titles_in(client))


def test_each_entry_carries_its_own_times(client, site):
    publish_at = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
    saved_at = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    with mock.patch("django.utils.timezone.now", return_value=saved_at):
        factories.make_page(slug="dated", title_en="Dated", publish_at=publish_at)
    entry = next(
        entry for entry in entries(client)[1] if entry.find(f"{ATOM}title").text == "Dated (page)"
    )
    assert entry.find(f"{ATOM}updated").text == "2026-03-04T05:06:07+00:00"
    assert entry.find(f"{ATOM}published").text == "2026-02-01T08:00:00+00:00"


class DjangosAtomFeed(Feed):
    """The feed as Django's syndication framework writes it, from the same rows."""

    feed_type = Atom1Feed

    def title(self):
        return gettext("Kainuu Portal: updates")

    def subtitle(self):
        return gettext("Recently published or changed content of the Kainuu Portal.")

    def link(self):
        return reverse("home")

    def feed_url(self):
        return reverse("feed")

    def author_name(self):
        return gettext(settings.COUNCIL["name"])

    def feed_copyright(self):
        return settings.COUNCIL["license"]

    def items(self):
        return newest_updates()

    def item_title(self, item):
        row, kind = item
        return f"{translated_value(row, kind.title)} ({kind.name})"

    def item_description(self, item):
        row, kind = item
        return translated_value(row, kind.summary) if kind.summary else ""

    def item_link(self, item):
        row, kind = item
        return kind.url(row)

    def item_pubdate(self, item):
        return item[0]["published_at"]

    def item_updateddate(self, item):
        return item[0]["updated_at"]

    def item_categories(self, item):
        return [item[1].category]


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_the_feed_is_the_document_djangos_atom_feed_writes(site, language):
    factories.make_page(
        slug="marks",
        title_en="Q&A: \"quoted\", 'single' <b>bold</b>",
        title_fi="K&V <i>",
        summary_en='Less < more & greater > "all"',
        publish_at=timezone.now() - timedelta(days=1),
    )
    factories.make_page(slug="plain", title_en="Plain", summary_en="")
    with override(language):
        request = RequestFactory().get(feed_url(language))
        ours = UpdatesFeed()(request)
        djangos = DjangosAtomFeed()(request)
    assert ours.content == djangos.content
    assert ours["Content-Type"] == djangos["Content-Type"]
    assert ours["Last-Modified"] == djangos["Last-Modified"]
    # Text to escape, and an entry without a summary, were written.
    assert b"&amp;" in ours.content and b"&lt;" in ours.content
    assert b'<summary type="html"/>' in ours.content


def test_the_feed_makes_a_query_per_type(client, site, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        entries(client)


# --- JSON-LD --------------------------------------------------------------------


def json_ld(client, obj, language="en"):
    with override(language):
        url = obj.get_absolute_url()
    content = client.get(url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert len(blocks) == 1
    return blocks[0], json.loads(blocks[0])


def test_the_region_page_describes_an_administrative_area(client, site):
    _raw, data = json_ld(client, site["region"])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "AdministrativeArea"
    assert data["name"] == "Kainuu"
    assert data["url"] == "http://testserver/en/regions/kainuu/"
    assert {"@type": "PropertyValue", "propertyID": "ISO 3166-2", "value": "FI-05"} in data[
        "identifier"
    ]
    assert data["containsPlace"][0]["name"] == "Kajaani"


def test_the_region_page_queries_do_not_grow_with_its_municipalities(
    client, site, django_assert_max_num_queries
):
    for n in range(10):
        factories.make_municipality(region=site["region"], slug=f"town-{n}")
    with override("en"):
        url = site["region"].get_absolute_url()
    with django_assert_max_num_queries(8):
        content = client.get(url).content.decode()
    assert content.count('"@type": "AdministrativeArea", "name": "Municipality') == 10


def test_the_programme_page_describes_a_creative_work_with_its_priorities(client, site):
    raw, data = json_ld(client, site["programme"])
    assert data["@type"] == "CreativeWork"
    assert data["temporalCoverage"] == "2018/2021"
    assert data["spatialCoverage"]["name"] == "Kainuu"
    assert data["inLanguage"] == "en"
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    [part] = data["hasPart"]
    assert part["keywords"] == ["metal industry"]
    # Nothing in the data can end the element early.
    assert part["name"] == "Technology </script><script>alert(1)"
    assert "</script>" not in raw and "\\u003C/script\\u003E" in raw


def test_other_pages_have_no_json_ld(client, site):
    with override("en"):
        content = client.get(site["municipality"].get_absolute_url()).content.decode()
    assert "application/ld+json" not in content


# --- Sitemap --------------------------------------------------------------------


def test_the_sitemap_lists_the_open_data_page_and_comparisons_in_every_language(client, site):
    content = client.get("/sitemap.xml").content.decode()
    for language in ["fi", "en", "sv"]:
        with override(language):
            assert f"http://testserver{reverse('open-data')}" in content
    compare = "programmes/kainuu/compare/"
    assert compare not in content  # one programme period: nothing to compare
    factories.make_programme(
        region=site["region"], slug="2026-2029", start_year=2026, status=Status.DRAFT
    )
    assert compare not in client.get("/sitemap.xml").content.decode()  # a draft is no period
    factories.make_programme(region=site["region"], slug="2022-2025", start_year=2022)
    content = client.get("/sitemap.xml").content.decode()
    with override("sv"):
        url = reverse("priorities:programme-compare", kwargs={"region_slug": "kainuu"})
    assert f"http://testserver{url}" in content
    assert 'hreflang="sv"' in content


def test_a_scheduled_item_joins_the_sitemap_when_its_time_comes(client, site):
    publish_at = timezone.now() + timedelta(hours=1)
    saved_at = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)
    with mock.patch("django.utils.timezone.now", return_value=saved_at):
        page = factories.make_page(slug="later", title_en="Later", publish_at=publish_at)
    with override("en"):
        url = f"<loc>http://testserver{page.get_absolute_url()}</loc>"
    assert url not in client.get("/sitemap.xml").content.decode()
    with mock.patch("django.utils.timezone.now", return_value=publish_at):
        content = client.get("/sitemap.xml").content.decode()
    # Its last change as a day of the site's time zone (Helsinki: the 5th at 01:30).
    assert f"{url}<lastmod>2026-03-05</lastmod>" in content
