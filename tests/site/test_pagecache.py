"""The page cache over HTTP: hits without queries, never stale, never for staff or drafts."""

import time
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import caches
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kainuu_portal import pagecache
from kainuu_portal.models import ContentVersion
from kainuu_portal.publishing.models import Status
from pages.models import Page
from tests import factories
from tests.helpers.admin import change_form
from tests.helpers.pages import QUERY_BUDGET, page_urls

HEADER = "X-Page-Cache"


@pytest.fixture
def page_cache(settings):
    """
    The page cache on and empty; this process has not read the content version yet,
    and reads it again only after its own changes (a test sets a shorter period).
    """
    settings.PAGE_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_VERSION_SECONDS = 60
    caches["default"].clear()
    pagecache.versions.forget()
    pagecache.cache_guard.down_until = -float("inf")
    yield
    caches["default"].clear()
    pagecache.versions.forget()
    pagecache.cache_guard.down_until = -float("inf")


@pytest.fixture
def test_views(settings):
    settings.ROOT_URLCONF = "tests.site.pagecache_urls"


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def staff(db):
    user = User.objects.create_user("staff", password="not-used-here-123", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__startswith="view_")
        | Permission.objects.filter(content_type__app_label="pages")
        # Their edits go live at once (without it they would be pending changes).
        | Permission.objects.filter(content_type__app_label="publishing", codename="publish")
    )
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def get_twice(client, url):
    first = client.get(url)
    second = client.get(url)
    return first, second


# --- Hits ----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_a_cached_page_makes_no_query(
    page_cache, visitor, site, language, django_assert_num_queries
):
    for name, url in page_urls(site, language).items():
        first = visitor.get(url)
        assert first.status_code == 200, name
        assert first[HEADER] == "miss", name
        with django_assert_num_queries(0):
            second = visitor.get(url)
        assert second[HEADER] == "hit", name
        assert second.content == first.content, name
        assert second["Content-Type"] == first["Content-Type"], name


def test_the_sitemap_is_cached_too(page_cache, visitor, site, django_assert_num_queries):
    assert visitor.get("/sitemap.xml")[HEADER] == "miss"
    with django_assert_num_queries(0):
        assert visitor.get("/sitemap.xml")[HEADER] == "hit"


def test_a_miss_costs_no_more_queries_than_the_page_itself(
    page_cache, visitor, site, django_assert_max_num_queries
):
    # The content version is read once a second, not per page: read it first.
    visitor.get("/fi/")
    for name, url in page_urls(site, "en").items():
        with django_assert_max_num_queries(QUERY_BUDGET):
            assert visitor.get(url)[HEADER] == "miss", name


def test_each_language_has_its_own_entry(page_cache, visitor, site):
    fi = visitor.get("/fi/")
    en = visitor.get("/en/")
    assert en[HEADER] == "miss"
    assert '<html lang="fi"' in visitor.get("/fi/").content.decode()
    assert '<html lang="en"' in visitor.get("/en/").content.decode()
    assert fi.content != en.content


def test_head_is_answered_from_the_cache(page_cache, visitor, site, django_assert_num_queries):
    visitor.get("/en/")
    with django_assert_num_queries(0):
        response = visitor.head("/en/")
    assert response.status_code == 200
    assert response[HEADER] == "hit"


def test_head_on_the_api_answers_as_get_before_and_after_the_cache_holds_it(
    page_cache, visitor, site
):
    url = "/api/v1/regions?lang=fi"
    first = visitor.head(url)
    assert first.status_code == 200
    assert HEADER not in first  # An answer to HEAD is never stored.
    get = visitor.get(url)
    assert get[HEADER] == "miss"
    second = visitor.head(url)
    assert second[HEADER] == "hit"
    for response in (first, second):
        assert response["Content-Type"] == get["Content-Type"]
        assert response["Content-Length"] == str(len(get.content))
        assert response.content == b""
    assert visitor.head("/api/v1/regions?limit=0").status_code == 422


def test_the_query_parameters_a_view_reads_are_part_of_the_key(page_cache, test_views, visitor, db):
    first = visitor.get("/en/test/reads-page/?page=1")
    other = visitor.get("/en/test/reads-page/?page=2")
    again = visitor.get("/en/test/reads-page/?page=1")
    assert first.content != other.content
    assert again.content == first.content
    assert again[HEADER] == "hit"


def test_query_parameters_a_page_does_not_read_make_no_entries(page_cache, visitor, site):
    first = visitor.get("/en/")
    for junk in ("?utm=1", "?utm=2&x=%00", "?page=2"):
        response = visitor.get(f"/en/{junk}")
        assert response[HEADER] == "hit", junk
        assert response.content == first.content
    search = visitor.get("/en/search/?q=kainuu&utm=1")
    assert visitor.get("/en/search/?utm=2&q=kainuu")[HEADER] == "hit"
    assert "utm" not in search.content.decode()


def test_a_view_that_declares_nothing_is_not_cached_with_a_query_string(
    page_cache, test_views, visitor, db
):
    assert visitor.get("/en/test/counter/")[HEADER] == "miss"
    first, second = get_twice(visitor, "/en/test/counter/?x=1")
    assert HEADER not in first and HEADER not in second
    assert first.content != second.content


@pytest.mark.parametrize(
    "host", ["testserver.", "TESTSERVER", "testserver:99999", "testserver:8080", "[::1]:1"]
)
def test_host_variants_never_reach_the_cache(page_cache, visitor, site, settings, host):
    settings.ALLOWED_HOSTS = ["testserver", "[::1]"]
    visitor.get("/en/")
    response = visitor.get("/en/", headers={"host": host})
    assert HEADER not in response
    assert len(caches["default"]._cache) == 1


def test_an_entry_larger_than_the_limit_is_served_but_not_stored(
    page_cache, visitor, site, settings
):
    settings.PAGE_CACHE_MAX_ENTRY_BYTES = 1000
    first, second = get_twice(visitor, "/en/")
    assert first.status_code == second.status_code == 200
    assert HEADER not in second


def test_a_response_that_varies_is_served_only_to_a_matching_request(
    page_cache, test_views, visitor, db
):
    finnish = visitor.get("/en/test/vary-language/", headers={"accept-language": "fi"})
    swedish = visitor.get("/en/test/vary-language/", headers={"accept-language": "sv"})
    assert finnish.content == b"<p>fi</p>"
    assert swedish.content == b"<p>sv</p>"
    assert swedish[HEADER] == "miss"


def test_the_page_cache_can_be_turned_off(settings, page_cache, visitor, site):
    settings.PAGE_CACHE_SECONDS = 0
    get_twice(visitor, "/en/")
    assert HEADER not in visitor.get("/en/")


# --- Never cached --------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/en/test/cookie/",
        "/en/test/nonce/",
        "/en/test/never/",
        "/en/test/vary-star/",
        "/en/test/not-found/",
    ],
)
def test_responses_that_are_for_one_request_only_are_never_stored(
    settings, page_cache, test_views, visitor, db, path
):
    # Django's CSP middleware gives each request its own nonce.
    settings.MIDDLEWARE = ["django.middleware.csp.ContentSecurityPolicyMiddleware"] + list(
        settings.MIDDLEWARE
    )
    settings.SECURE_CSP = {"script-src": ["'self'", "<CSP_NONCE_SENTINEL>"]}
    first, second = get_twice(visitor, path)
    assert HEADER not in first
    assert HEADER not in second
    assert first.content != second.content


def test_a_page_without_the_nonce_is_stored_under_a_csp(settings, page_cache, visitor, site):
    settings.MIDDLEWARE = ["django.middleware.csp.ContentSecurityPolicyMiddleware"] + list(
        settings.MIDDLEWARE
    )
    settings.SECURE_CSP = {"script-src": ["'self'", "<CSP_NONCE_SENTINEL>"]}
    first, second = get_twice(visitor, "/en/")
    assert second[HEADER] == "hit"
    assert second["Content-Security-Policy"] == "script-src 'self'"


def test_paths_outside_the_language_prefixes_are_not_cached(page_cache, visitor, db):
    first, second = get_twice(visitor, "/robots.txt")
    assert HEADER not in first and HEADER not in second


def test_post_is_never_answered_from_the_cache(page_cache, test_views, visitor, db):
    visitor.get("/en/test/counter/")
    response = visitor.post("/en/test/counter/")
    assert HEADER not in response


def test_staff_are_never_served_from_the_cache_nor_stored(
    page_cache, visitor, staff, site, django_assert_max_num_queries
):
    url = site["programme"].get_absolute_url()
    staff_page = staff.get(url)
    assert HEADER not in staff_page
    assert visitor.get(url)[HEADER] == "miss"
    assert visitor.get(url)[HEADER] == "hit"
    response = staff.get(url)
    assert HEADER not in response
    assert response.status_code == 200


def test_a_draft_preview_is_never_cached(page_cache, visitor, staff, site):
    page = site["page"]
    Page.objects.filter(pk=page.pk).update(status=Status.DRAFT)
    url = page.get_absolute_url()
    preview, again = get_twice(staff, url)
    assert "preview-banner" in again.content.decode()
    assert HEADER not in preview and HEADER not in again
    assert visitor.get(url).status_code == 404
    assert visitor.get(url).status_code == 404


# --- Never stale ---------------------------------------------------------------


def test_an_edit_in_the_admin_shows_on_the_next_anonymous_request(
    page_cache, visitor, staff, site, django_capture_on_commit_callbacks
):
    page = site["page"]
    url = page.get_absolute_url()
    get_twice(visitor, url)
    assert visitor.get(url)[HEADER] == "hit"

    change_url, data = change_form(staff, page)
    data["title_en"] = ["About the portal, edited"]
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(change_url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""

    fresh = visitor.get(url)
    assert fresh[HEADER] == "miss"
    assert "About the portal, edited" in fresh.content.decode()


def test_unpublishing_in_the_admin_removes_the_page_at_once(
    page_cache, visitor, staff, site, django_capture_on_commit_callbacks
):
    page = site["page"]
    url = page.get_absolute_url()
    get_twice(visitor, url)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            reverse("admin:pages_page_changelist"),
            {"action": "unpublish", "_selected_action": [page.pk]},
        )
    assert visitor.get(url).status_code == 404
    # The footer of every other page lost its link too.
    assert url not in visitor.get("/en/").content.decode()


def test_a_write_by_staff_that_sends_no_signal_still_clears_the_cache(
    page_cache, test_views, visitor, staff, site, django_capture_on_commit_callbacks
):
    url = site["page"].get_absolute_url()
    get_twice(visitor, url)
    with django_capture_on_commit_callbacks(execute=True):
        assert staff.post("/test/rename-pages/").status_code == 200
    assert "Renamed in bulk" in visitor.get(url).content.decode()


def test_saving_deleting_and_relating_content_each_clear_the_cache(
    page_cache, visitor, site, django_capture_on_commit_callbacks
):
    url = site["programme"].get_absolute_url()
    priority = site["priority"]

    get_twice(visitor, url)
    with django_capture_on_commit_callbacks(execute=True):
        priority.title_en = "Renamed priority"
        priority.save()
    assert "Renamed priority" in visitor.get(url).content.decode()

    sector = factories.make_sector(slug="mining", name_en="Mining")
    get_twice(visitor, url)
    with django_capture_on_commit_callbacks(execute=True):
        priority.sectors.add(sector)
    assert "Mining" in visitor.get(url).content.decode()

    get_twice(visitor, url)
    with django_capture_on_commit_callbacks(execute=True):
        priority.focus_areas.all().delete()
    assert "metal industry" not in visitor.get(url).content.decode()


def test_a_change_bumps_the_content_version_in_its_own_transaction(page_cache, site):
    before = ContentVersion.current().version
    with pytest.raises(RuntimeError), transaction.atomic():
        site["priority"].title_en = "Never saved"
        site["priority"].save()
        assert ContentVersion.current().version > before
        raise RuntimeError
    assert ContentVersion.current().version == before
    site["priority"].save()
    assert ContentVersion.current().version > before


def test_a_scheduled_item_appears_when_its_time_comes(page_cache, visitor, site):
    now = timezone.now()
    factories.make_priority(
        programme=site["programme"],
        title_en="Scheduled priority",
        publish_at=now + timedelta(hours=1),
    )
    url = site["programme"].get_absolute_url()
    first, second = get_twice(visitor, url)
    assert "Scheduled priority" not in second.content.decode()
    assert second[HEADER] == "hit"

    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(hours=2)):
        later = visitor.get(url)
    assert later[HEADER] == "miss"
    assert "Scheduled priority" in later.content.decode()


def test_the_cache_is_fresh_again_the_next_day(page_cache, visitor, site):
    first, second = get_twice(visitor, "/en/")
    assert second[HEADER] == "hit"
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=1)):
        assert visitor.get("/en/")[HEADER] == "miss"


def test_a_change_made_by_another_host_is_seen_within_the_version_period(
    page_cache, visitor, site, settings
):
    settings.PAGE_CACHE_VERSION_SECONDS = 0.3
    get_twice(visitor, "/en/")
    # What a save on another host leaves in the shared database (nothing in this cache).
    ContentVersion.objects.update(version=F("version") + 1)
    time.sleep(0.35)
    assert visitor.get("/en/")[HEADER] == "miss"
    assert visitor.get("/en/")[HEADER] == "hit"


def test_cached_pages_are_served_stale_while_the_database_is_unavailable(
    page_cache, visitor, site, settings
):
    settings.PAGE_CACHE_VERSION_SECONDS = 0
    first, _second = get_twice(visitor, "/en/")
    with mock.patch.object(pagecache, "_read_version", side_effect=OperationalError("down")):
        stale = visitor.get("/en/")
        # Not in the cache: rendered, but not stored under a version nobody confirmed.
        other = visitor.get("/sv/")
    assert stale.status_code == 200
    assert stale[HEADER] == "stale"
    assert stale.content == first.content
    assert other.status_code == 200
    assert HEADER not in other


def test_pages_are_rendered_without_a_cache_that_fails(page_cache, visitor, site):
    broken = mock.Mock(get=mock.Mock(side_effect=ConnectionError("cache down")))
    with mock.patch.object(pagecache, "_cache", return_value=broken):
        first = visitor.get("/en/")
        second = visitor.get("/en/")
    assert first.status_code == second.status_code == 200
    assert HEADER not in first and HEADER not in second
    # After the first failure the cache is left alone for a while.
    assert broken.get.call_count == 1


def test_clear_page_cache_makes_every_page_stale(page_cache, visitor, site):
    get_twice(visitor, "/en/")
    out = StringIO()
    call_command("clear_page_cache", stdout=out)
    assert "cleared" in out.getvalue()
    assert visitor.get("/en/")[HEADER] == "miss"


# --- Validators ----------------------------------------------------------------


@pytest.mark.parametrize("cached", [False, True])
def test_a_conditional_request_gets_304(page_cache, visitor, site, cached):
    first = visitor.get("/en/")
    if cached:
        visitor.get("/en/")
    assert first["ETag"]
    assert first["Cache-Control"] == "no-cache"
    response = visitor.get("/en/", headers={"if-none-match": first["ETag"]})
    assert response.status_code == 304
    assert response.content == b""
    changed = visitor.get("/en/", headers={"if-none-match": '"something-else"'})
    assert changed.status_code == 200
