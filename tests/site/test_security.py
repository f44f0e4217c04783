"""Security headers, Content Security Policy, HTTPS settings and cookies, over HTTP."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import reverse

from tests.helpers.pages import LANGUAGES, page_urls

PASSWORD = "a long enough test password"


def csp_directives(response):
    """The Content-Security-Policy header as {directive: [values]}."""
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in directives, f"{name} twice in {policy}"
        directives[name] = values
    return directives


def other_urls():
    """Responses that are not pages: machine-readable files, static files, the admin, errors."""
    return {
        "root-redirect": "/",
        "healthz": "/healthz",
        "robots": "/robots.txt",
        "favicon": "/favicon.ico",
        "security-txt": "/.well-known/security.txt",
        "sitemap": "/sitemap.xml",
        "static": "/static/css/site.css",
        "admin-login": "/admin/login/",
        "admin-redirect": "/admin/",
        "not-found": "/en/no-such-page/",
    }


@pytest.fixture
def every_url(site):
    urls = other_urls()
    for language in LANGUAGES:
        urls.update({f"{name}-{language}": url for name, url in page_urls(site, language).items()})
    return urls


def test_every_response_has_the_security_headers(client, every_url):
    for name, url in every_url.items():
        response = client.get(url)
        assert response.status_code in (200, 301, 302, 404), (name, response.status_code)
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["X-Frame-Options"] == "DENY", name
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", name
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", name
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", name
        permissions = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment"):
            assert f"{feature}=()" in permissions, name
        assert "Content-Security-Policy" in response, name


def test_every_response_has_the_content_security_policy(client, every_url):
    for name, url in every_url.items():
        directives = csp_directives(client.get(url))
        assert directives["default-src"] == ["'self'"], name
        assert directives["object-src"] == ["'none'"], name
        assert directives["base-uri"] == ["'none'"], name
        assert directives["frame-ancestors"] == ["'none'"], name
        assert directives["form-action"] == ["'self'"], name
        for value in directives["script-src"]:
            assert value == "'self'" or re.fullmatch(r"'nonce-[\w-]+'", value), (name, value)
        # Inline styles only with the nonce or a fixed hash; nothing from other hosts.
        for value in directives.get("style-src", []):
            assert value == "'self'" or re.fullmatch(r"'(nonce|sha256)-[\w+/=-]+'", value), (
                name,
                value,
            )


def test_public_pages_need_no_nonce(client, site):
    """Visitors' pages run no script at all (JSON-LD is data), so their policy carries no nonce."""
    for url in page_urls(site, "fi").values():
        response = client.get(url)
        assert "nonce-" not in response["Content-Security-Policy"]
        scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
        assert all('type="application/ld+json"' in tag for tag in scripts), scripts


def test_admin_scripts_carry_the_nonce_of_the_policy(admin_client):
    response = admin_client.get(reverse("admin:regions_region_add"))
    assert response.status_code == 200
    nonces = {value for value in csp_directives(response)["script-src"] if "nonce-" in value}
    assert len(nonces) == 1
    nonce = nonces.pop().removeprefix("'nonce-").removesuffix("'")
    content = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", content)
    assert scripts
    for tag in scripts:
        assert f'nonce="{nonce}"' in tag, tag
    # The rich-text editor's import map is an inline script: it has the nonce too.
    assert re.search(rf'<script type="importmap" nonce="{nonce}">', content) or re.search(
        rf'<script nonce="{nonce}" type="importmap">', content
    )
    # Each request gets a new nonce.
    again = admin_client.get(reverse("admin:regions_region_add"))
    assert nonce not in again["Content-Security-Policy"]


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https(client, site):
    response = client.get("/en/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/"
    assert "Strict-Transport-Security" not in response
    # The health check answers over HTTP for a load balancer on the inside.
    assert client.get("/healthz").status_code == 200


@override_settings(SECURE_SSL_REDIRECT=True)
def test_https_responses_have_hsts_of_a_year_with_subdomains(client, site):
    response = client.get("/en/", secure=True)
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= 365 * 24 * 60 * 60
    assert "includeSubDomains" in hsts


@override_settings(
    SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_a_request_from_the_https_proxy_is_not_redirected(client, site):
    response = client.get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response
    assert client.get("/en/", headers={"X-Forwarded-Proto": "http"}).status_code == 301


def test_visitors_pages_set_no_cookie(client, every_url):
    for name, url in every_url.items():
        if name.startswith("admin"):
            continue
        response = client.get(url, headers={"Accept-Language": "sv"})
        assert response.cookies == {}, (name, response.cookies)
    assert client.cookies == {}


def test_visitors_pages_set_no_cookie_after_an_error(site):
    client = Client(raise_request_exception=False)
    for response in [
        client.get("/en/regions/nope/"),
        client.get("/en/regions/?page=abc"),
        client.post("/en/"),
        client.get("/en/", headers={"Host": "evil.example"}),
    ]:
        assert response.status_code in (400, 403, 404, 405)
        assert response.cookies == {}


def test_staff_cookies_are_secure_httponly_and_host_prefixed(client, db):
    User.objects.create_superuser("admin", password=PASSWORD)
    response = client.get(reverse("admin:login"))
    response = client.post(
        reverse("admin:login"),
        {"username": "admin", "password": PASSWORD, "next": "/admin/"},
        secure=True,
        headers={"Referer": "https://testserver/admin/login/"},
    )
    assert response.status_code == 302
    assert set(client.cookies) == {"__Host-sessionid", "__Host-csrftoken"}
    for morsel in client.cookies.values():
        assert morsel["secure"] is True
        assert morsel["httponly"] is True
        assert morsel["samesite"] == "Lax"
        assert morsel["path"] == "/"
        assert morsel["domain"] == ""


def test_favicon_ico_redirects_to_the_icon(client, db):
    """The admin's pages have no icon link; the browser's guess gets no 404."""
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
    assert client.get(response["Location"]).status_code == 200


def test_the_password_change_form_is_never_stored(admin_client):
    response = admin_client.get("/admin/password_change/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("method", ["options", "trace"])
@pytest.mark.parametrize("url", ["/sitemap.xml", "/documents/programmes/none.pdf"])
def test_files_answer_only_get_and_head(client, db, method, url):
    assert getattr(client, method)(url).status_code == 405


@pytest.mark.parametrize(
    "query",
    ["?status__exact=%00", "?q=%00", "?o=1&a%00b=1"],
)
def test_a_nul_in_the_admins_query_string_is_a_clear_400(admin_client, query):
    response = admin_client.get("/admin/regions/region/" + query)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    autocomplete = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": "\x00",
            "app_label": "priorities",
            "model_name": "priority",
            "field_name": "sectors",
        },
    )
    assert autocomplete.status_code == 400
