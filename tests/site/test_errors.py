"""The site's own error pages, and what gets logged when something goes wrong."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from kainuu_portal.logs import OneLineFormatter
from tests.helpers.faults import database_unavailable

LEAKS = ["Traceback", "SECRET_KEY", settings.SECRET_KEY, "DATABASES", "django.", 'File "']


def assert_own_error_page(response, status, heading):
    assert response.status_code == status
    content = response.content.decode()
    assert f"<h1>{heading}</h1>" in content
    assert 'class="skip-link"' in content
    assert "css/site.css" in content
    for leak in LEAKS:
        assert leak not in content, leak


@pytest.fixture
def quiet_client():
    """A client that returns error responses instead of raising the view's exception."""
    return Client(raise_request_exception=False)


def test_a_bad_host_gets_the_own_400_page(quiet_client, site):
    response = quiet_client.get("/en/regions/", headers={"Host": "evil.example"})
    assert_own_error_page(response, 400, "Bad request")


def test_a_forbidden_admin_page_gets_the_own_403_page(client, db):
    user = User.objects.create_user("someone", password="unused password 123", is_staff=True)
    client.force_login(user)
    response = client.get(reverse("admin:auth_user_changelist"))
    assert_own_error_page(response, 403, "Access denied")


def test_a_form_without_csrf_token_gets_the_own_403_page(db):
    client = Client(enforce_csrf_checks=True, headers={"accept-language": "en"})
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert_own_error_page(response, 403, "The form could not be sent")


def test_a_missing_page_gets_the_own_404_page(client, site):
    assert_own_error_page(client.get("/en/regions/no-such-region/"), 404, "Page not found")


def test_an_error_in_a_view_gets_the_own_500_page_and_is_logged(
    quiet_client, site, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure with a secret-marker")

    monkeypatch.setattr("kainuu_portal.views.render", broken)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = quiet_client.get("/en/")

    assert response.status_code == 500
    content = response.content.decode()
    assert "Server error" in content and "Palvelinvirhe" in content and "Serverfel" in content
    assert "secret-marker" not in content
    for leak in LEAKS:
        assert leak not in content, leak

    [record] = [r for r in caplog.records if r.name == "django.request"]
    line = OneLineFormatter().format(record)
    assert "\n" not in line
    event = json.loads(line)
    assert event["level"] == "ERROR"
    assert event["status"] == 500
    assert event["method"] == "GET" and event["path"] == "/en/"
    assert "secret-marker" in event["exception"]
    assert "Traceback" in event["exception"]


def test_security_events_are_logged_on_one_line(quiet_client, db, caplog):
    with caplog.at_level(logging.INFO, logger="django.security"):
        quiet_client.get("/en/", headers={"Host": "evil.example"})
    [record] = [r for r in caplog.records if r.name.startswith("django.security")]
    event = json.loads(OneLineFormatter().format(record))
    assert event["logger"] == "django.security.DisallowedHost"
    assert "evil.example" in event["message"]
    # The client's doing, not the site's: a warning, without a traceback.
    assert event["level"] == "WARNING"
    assert "exception" not in event


def test_the_site_logs_one_json_event_a_line_to_standard_output():
    code = (
        "import logging\n"
        "logging.getLogger('django.security.csrf').warning('first line\\nsecond line')\n"
        "try:\n    1 / 0\n"
        "except ZeroDivisionError:\n    logging.getLogger('django.request').exception('boom')\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kainuu_portal.test_settings"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["logger"], e["level"]) for e in events] == [
        ("django.security.csrf", "WARNING"),
        ("django.request", "ERROR"),
    ]
    assert events[0]["message"] == "first line\nsecond line"
    assert "ZeroDivisionError" in events[1]["exception"]


# --- Error pages while the database is down ---------------------------------------


def assert_rendered_without_the_database(response, status, heading):
    """The site's own page, with the footer's council facts; nothing the database holds."""
    assert_own_error_page(response, status, heading)
    content = response.content.decode()
    assert "Regional Council of Kainuu" in content
    assert f'href="mailto:{settings.COUNCIL["email"]}"' in content
    # The footer's content pages are in the database: left out, not an error.
    assert 'id="footer-about"' not in content


def test_a_bad_host_gets_the_400_page_while_the_database_is_down(quiet_client, site):
    with database_unavailable():
        response = quiet_client.get("/en/regions/", headers={"Host": "evil.example"})
    assert_rendered_without_the_database(response, 400, "Bad request")


def test_a_form_without_csrf_token_gets_the_403_page_while_the_database_is_down(db):
    client = Client(
        enforce_csrf_checks=True, raise_request_exception=False, headers={"accept-language": "en"}
    )
    with database_unavailable():
        response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert_rendered_without_the_database(response, 403, "The form could not be sent")


@pytest.mark.urls("tests.site.error_urls")
def test_a_forbidden_page_gets_the_403_page_while_the_database_is_down(quiet_client, db):
    with database_unavailable():
        response = quiet_client.get("/en/test/forbidden/")
    assert_rendered_without_the_database(response, 403, "Access denied")


def test_the_404_page_needs_no_database(quiet_client, site, settings):
    # Without the lookup of old addresses, which needs the database (see below).
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "Redirect" not in name]
    with database_unavailable():
        response = quiet_client.get("/en/no-such-page/")
    assert_rendered_without_the_database(response, 404, "Page not found")


@pytest.mark.parametrize("headers", [{}, {"cookie": f"{settings.SESSION_COOKIE_NAME}={'a' * 32}"}])
def test_an_unknown_address_answers_503_while_the_database_is_down(quiet_client, site, headers):
    # It may be an old address that redirects: that is only known when the database answers.
    with database_unavailable():
        response = quiet_client.get("/en/no-such-page/", headers=headers)
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Service temporarily unavailable" in response.content.decode()


@pytest.mark.parametrize("url", ["/en/", "/en/regions/", "/fi/alueet/kainuu/"])
def test_a_page_answers_503_while_the_database_is_down(quiet_client, site, url):
    with database_unavailable():
        response = quiet_client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Service temporarily unavailable" in response.content.decode()


def test_a_staff_member_s_request_answers_503_while_the_database_is_down(editor_client, site):
    # The session is in the database: the sign-in middleware cannot read it.
    staff = Client(raise_request_exception=False)
    staff.cookies = editor_client.cookies
    with database_unavailable():
        response = staff.get("/en/regions/")
    assert response.status_code == 503
    assert response["Retry-After"]


@pytest.mark.urls("tests.site.error_urls")
def test_an_error_in_a_view_gets_the_500_page_while_the_database_is_down(quiet_client, db):
    with database_unavailable():
        response = quiet_client.get("/en/test/broken/")
    assert response.status_code == 500
    assert "Server error" in response.content.decode()
