"""The public pages over HTTP: every page type in every language, drafts, 404s and query counts."""

import threading
import time
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone
from django.utils.translation import override

from kainuu_portal import views
from kainuu_portal.publishing.models import Status
from tests import factories
from tests.helpers.html import parse
from tests.helpers.pages import LANGUAGES, QUERY_BUDGET, new_page_urls, page_urls


def hreflangs(document):
    """The languages the page names alternates in."""
    return {
        link.get("hreflang")
        for link in document.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders_with_the_shared_layout(client, site, language):
    urls = page_urls(site, language) | new_page_urls(site, language)
    for name, url in urls.items():
        assert url.startswith(f"/{language}/"), name
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        document = parse(response)
        assert document.find("html").get("lang") == language, name
        assert len(list(document.find_all("h1"))) == 1, name
        assert document.find("a").get("href") == "#main-content", name
        assert document.find(id="main-content") is not None, name
        assert hreflangs(document) == set(LANGUAGES), name
        assert response.cookies == {}, name


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_public_page_stays_within_the_query_budget(
    client, site, language, django_assert_max_num_queries
):
    urls = page_urls(site, language) | new_page_urls(site, language)
    for url in urls.values():
        with django_assert_max_num_queries(QUERY_BUDGET):
            assert client.get(url).status_code == 200


def test_language_switcher_keeps_the_page(client, site):
    with override("fi"):
        fi_url = site["programme"].get_absolute_url()
    with override("sv"):
        sv_url = site["programme"].get_absolute_url()
    response = client.get(fi_url)
    assert f'href="{sv_url}" lang="sv"' in response.content.decode()
    assert sv_url != fi_url and sv_url.startswith("/sv/")


def test_root_redirects_by_accept_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")
    assert response["Location"] == "/fi/"


def test_home_page_shows_the_region_at_a_glance(client, site):
    response = client.get("/en/")
    content = response.content.decode()
    assert "73,600" in content and "2018" in content
    assert "infrastructure".capitalize() in content
    assert "Technology industries" in content
    assert "S3 2018-2021" in content


def test_home_page_shows_what_is_scheduled_once_its_time_comes(client, site):
    at = timezone.now() + timedelta(hours=1)
    factories.make_strength(region=site["region"], title_en="tourism", publish_at=at)
    factories.make_priority(programme=site["programme"], title_en="Bioeconomy", publish_at=at)
    factories.make_population(region=site["region"], year=2024, value=70_400, publish_at=at)
    factories.make_strength(region=site["region"], title_en="forestry", unpublish_at=at)
    content = client.get("/en/").content.decode()
    assert "Tourism" not in content and "Bioeconomy" not in content
    assert "73,600" in content and "70,400" not in content
    assert "Forestry" in content
    with mock.patch("django.utils.timezone.now", return_value=at):
        content = client.get("/en/").content.decode()
    assert "Tourism" in content and "Bioeconomy" in content
    assert "70,400" in content
    assert "Forestry" not in content


@pytest.mark.parametrize(
    ("today", "badge", "sentence"),
    [
        (datetime(2017, 6, 1, tzinfo=UTC), "Upcoming period", "begins in 2018"),
        (datetime(2020, 6, 1, tzinfo=UTC), "Current period", "is under way"),
        (datetime(2026, 6, 1, tzinfo=UTC), "Period ended", "ended in 2021"),
    ],
)
def test_home_page_writes_the_programmes_period_as_of_today(client, site, today, badge, sentence):
    with mock.patch("django.utils.timezone.now", return_value=today):
        content = client.get("/en/").content.decode()
        finnish = client.get("/fi/").content.decode()
    assert f">{badge}</span>" in content
    assert f"The programme period 2018–2021 {sentence}." in content
    assert badge not in finnish


def test_home_page_shows_no_region_once_it_is_unpublished(client, site):
    assert "Kainuu at a glance" in client.get("/en/").content.decode()
    site["region"].unpublish_at = timezone.now()
    site["region"].save()
    content = client.get("/en/").content.decode()
    assert "at a glance" not in content
    assert "No content has been published yet." in content


@pytest.mark.parametrize(
    "path",
    [
        "/en/regions/no-such-region/",
        "/en/programmes/kainuu/1999-2000/",
        "/en/programmes/kainuu/2018-2021/no-such-priority/",
        "/en/sectors/nope/",
        "/en/pages/nope/",
        "/de/",
        "/xx/regions/",
        "/en/regions/%00/",
        "/en/regions/kainuu/%E2%80%AE/",
        "/en/" + "a" * 3000 + "/",
    ],
)
def test_unknown_addresses_get_the_sites_own_404(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    content = response.content.decode()
    assert 'class="skip-link"' in content
    assert "<h1>" in content


def test_404_is_translated(client, site):
    assert "Page not found" in client.get("/en/regions/nope/").content.decode()
    assert "Sivua ei löytynyt" in client.get("/fi/alueet/nope/").content.decode()
    assert "Sidan hittades inte" in client.get("/sv/regioner/nope/").content.decode()


DRAFT_CASES = ["region", "municipality", "programme", "priority", "sector", "page"]


@pytest.mark.parametrize("kind", DRAFT_CASES)
def test_a_draft_is_a_404_for_visitors(client, site, kind):
    obj = site[kind]
    url = obj.get_absolute_url()
    type(obj).objects.filter(pk=obj.pk).update(status=Status.DRAFT)
    assert client.get(url).status_code == 404


def test_a_draft_parent_hides_its_children(client, site):
    programme = site["programme"]
    priority_url = site["priority"].get_absolute_url()
    programme.status = Status.DRAFT
    programme.save()
    assert client.get(priority_url).status_code == 404
    site["region"].status = Status.DRAFT
    site["region"].save()
    assert client.get(site["municipality"].get_absolute_url()).status_code == 404


@pytest.mark.parametrize("kind", DRAFT_CASES)
def test_staff_preview_a_draft_with_a_banner_and_noindex(viewer_client, site, kind):
    obj = site[kind]
    type(obj).objects.filter(pk=obj.pk).update(status=Status.DRAFT)
    response = viewer_client.get(obj.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "preview-banner" in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert response["X-Robots-Tag"] == "noindex"


def test_a_live_page_has_no_preview_banner_for_staff(viewer_client, site):
    content = viewer_client.get(site["programme"].get_absolute_url()).content.decode()
    assert "preview-banner" not in content
    assert "noindex" not in content


def test_healthz_checks_the_database_and_the_cache(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_names_the_dependency_that_failed(client, db):
    with mock.patch.dict(views.HEALTH_CHECKS, database=mock.Mock(side_effect=OperationalError)):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "cache": "ok"}


def test_healthz_answers_within_a_second_when_a_dependency_hangs(client, db):
    release = threading.Event()
    with mock.patch.dict(views.HEALTH_CHECKS, cache=lambda: release.wait(5)):
        started = time.monotonic()
        response = client.get("/healthz")
        elapsed = time.monotonic() - started
        release.set()
    assert response.status_code == 503
    assert response.json()["cache"] == "timeout"
    assert elapsed < 1


@pytest.mark.parametrize("url", ["/en/", "/en/regions/"])
def test_a_page_answers_503_with_retry_after_when_the_database_is_unavailable(client, db, url):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Service temporarily unavailable" in response.content.decode()


def test_the_api_answers_503_in_json_when_the_database_is_unavailable(client, db):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        response = client.get("/api/v1/regions")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"]
    assert "detail" in response.json()


def test_robots_txt_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_security_txt(client, db):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert "Contact: mailto:" in response.content.decode()
    assert "Expires: " in response.content.decode()


def test_sitemap_lists_live_pages_with_hreflang_alternates(client, site):
    draft = factories.make_priority(programme=site["programme"], slug="secret", status="draft")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    content = response.content.decode()
    for language in LANGUAGES:
        for url in page_urls(site, language).values():
            assert f"http://testserver{url}" in content
    assert 'hreflang="sv"' in content
    assert draft.slug not in content
