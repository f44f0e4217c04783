"""
Malformed requests to every URL pattern: odd paths, query strings and methods.
Whatever arrives, the answer is never a server error.
"""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils.translation import override

from tests.helpers.pages import LANGUAGES, new_page_urls, page_urls

BAD_SUFFIXES = [
    "%FF",
    "%C0%AF",
    "%00",
    "%0D%0ASet-Cookie:%20x=1",
    "%E2%80%AE",
    "..%2F..%2Fetc%2Fpasswd",
    "%252e%252e%252f",
    "<script>alert(1)</script>",
    "a" * 2000,
    "\x07",
    "ä",
    "/",
    "//",
    "index.php",
]

BAD_QUERIES = [
    "page=abc",
    "page=-1",
    "page=0",
    "page=99999",
    "page=1e9",
    "page=" + "9" * 60,
    "page=%FF",
    "page=1&page=2",
    "page=last",
    "p=abc",
    "p=-5",
    "q=%00",
    "q=" + "x" * 10_000,
    "%FF=%FF",
    "utm_source=x&lang=de&format=json",
    "next=//evil.example",
    "=&=&&",
    "a=%0D%0A%07%1B",
    "o=zz&ot=x&e=1",
    "_changelist_filters=%FF",
    "&".join(f"field{n}=x" for n in range(1500)),
]

FORM = "application/x-www-form-urlencoded"
METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE"]


def every_pattern(resolver=None):
    """Every URL pattern, the admin's included, as {view function: readable name}."""
    resolver = resolver or get_resolver()
    patterns = {}
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            patterns |= every_pattern(pattern)
        elif isinstance(pattern, URLPattern):
            patterns[pattern.callback] = f"{pattern.name} ({pattern.lookup_str})"
    return patterns


def admin_urls(site):
    urls = [
        "/admin/",
        "/admin/login/",
        "/admin/logout/",
        "/admin/password_change/",
        "/admin/password_change/done/",
        "/admin/jsi18n/",
        "/admin/autocomplete/",
        "/admin/r/1/1/",
        "/admin/auth/user/1/password/",
        "/admin/no-such-app/",
        # Signing in: the second step, the set-up, the recovery codes, the password reset.
        "/admin/login/code/",
        "/admin/login/set-up/",
        "/admin/login/recovery-codes/",
        "/admin/password_reset/",
        "/admin/password_reset/done/",
        "/admin/reset/MQ/set-password/",
        "/admin/reset/x/y/",
        "/admin/reset/done/",
    ]
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        pk = site.get(model._meta.model_name).pk if model._meta.model_name in site else 1
        urls += [base, f"{base}add/", f"{base}{pk}/change/", f"{base}{pk}/history/"]
        urls += [f"{base}{pk}/delete/", f"{base}{pk}/", f"{base}abc/change/"]
        # History (django-reversion): compare, one version, deleted items to recover.
        urls += [f"{base}{pk}/history/compare/", f"{base}{pk}/history/compare/?version_id1=x"]
        urls += [f"{base}{pk}/history/999/", f"{base}recover/", f"{base}recover/999/"]
        # Drag-and-drop reordering (django-admin-sortable2), on ordered models.
        urls.append(f"{base}adminsortable2_update/")
        # Rejecting a change submitted for review.
        urls.append(f"{base}{pk}/reject/")
        urls.append(f"/admin/{model._meta.app_label}/")
    return urls


@pytest.fixture
def public_urls(site):
    """Every public page type once (in English), the machine-readable files and the root."""
    urls = ["/", "/healthz", "/robots.txt", "/.well-known/security.txt", "/sitemap.xml"]
    urls += ["/documents/no-such-file.pdf"]
    # The open data API, the feed and a programme's CSV download.
    urls += ["/api/v1/", "/api/v1/openapi.json"]
    urls += [f"/api/v1/{name}" for name in ("regions", "municipalities", "sectors")]
    urls += [f"/api/v1/{name}" for name in ("programmes", "priorities")]
    programme = site["programme"]
    with override("en"):
        urls.append(reverse("feed"))
        urls.append(
            reverse(
                "priorities:programme-csv",
                kwargs={"region_slug": programme.region.slug, "slug": programme.slug},
            )
        )
    urls += new_page_urls(site, "en").values()
    return urls + ["/favicon.ico", *page_urls(site, "en").values()]


def view_of(url):
    try:
        return resolve(url).func
    except Resolver404:
        return None


def test_the_urls_here_cover_every_url_pattern(site, public_urls):
    urls = public_urls + admin_urls(site)
    for language in LANGUAGES:
        urls += page_urls(site, language).values()
    covered = {view_of(url) for url in urls}
    missing = [name for view, name in every_pattern().items() if view not in covered]
    assert missing == []


def check(client, method, url, failures, **kwargs):
    response = client.generic(method, url, **kwargs)
    if response.status_code >= 500:
        failures.append((method, url[:120], response.status_code))
    return response


def test_malformed_requests_get_no_server_error_as_a_visitor(site, public_urls):
    client = Client(raise_request_exception=False)
    failures = []
    for url in public_urls:
        base = url if url.endswith("/") else url + "/"
        check(client, "GET", url, failures)
        for suffix in BAD_SUFFIXES:
            check(client, "GET", base + suffix, failures)
        for query in BAD_QUERIES:
            check(client, "GET", f"{url}?{query}", failures)
        for method in METHODS:
            check(client, method, url, failures)
        check(client, "POST", url, failures, data=b"\xff\xfe", content_type="text/plain")
        check(client, "GET", url, failures, headers={"Accept-Language": "x" * 5000})
        check(client, "GET", url, failures, headers={"Cookie": "__Host-sessionid=%FF; ="})
    for language in ("fi", "sv"):
        for url in page_urls(site, language).values():
            check(client, "GET", url + "?page=-1", failures)
            check(client, "GET", url + "%FF", failures)
    # The admin's addresses, to a visitor: the login page or a redirect to it.
    for url in admin_urls(site):
        check(client, "GET", url + "?q=%00&o=zz", failures)
        check(client, "POST", url, failures, data="a=%FF&b", content_type=FORM)
    assert failures == []


def test_malformed_requests_get_no_server_error_as_an_admin(site, admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    failures = []
    for url in admin_urls(site):
        if url.endswith("/change/") or url.endswith("/add/"):
            check(client, "GET", url, failures)
            check(client, "POST", url, failures, data="a=%FF&b", content_type=FORM)
        elif url.count("/") == 4 and "/r/" not in url:  # a changelist
            for query in BAD_QUERIES:
                check(client, "GET", f"{url}?{query}", failures)
        else:
            check(client, "GET", url + "?page=abc", failures)
    assert failures == []
