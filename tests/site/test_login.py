"""The admin login: throttling, logging, password rules, accounts and safe redirects."""

import logging
import re
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

PASSWORD = "correct horse battery staple"
LOGIN_URL = "/admin/login/"


@pytest.fixture
def staff(db):
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(client, password, username="editor", address="198.51.100.7", **data):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, **data},
        REMOTE_ADDR=address,
    )


def is_logged_in(client):
    return client.get(reverse("admin:index")).status_code == 200


def fail_five_times(client, **kwargs):
    for attempt in range(5):
        response = log_in(client, f"wrong password {attempt}", **kwargs)
        assert response.status_code in (200, 429)


def test_five_failures_lock_the_user_out_from_that_address_with_a_429_page(staff):
    client = Client(headers={"accept-language": "en"})
    for attempt in range(4):
        response = log_in(client, f"wrong password {attempt}")
        assert response.status_code == 200
        assert 'class="errornote"' in response.content.decode()
    response = log_in(client, "wrong password 5")
    assert response.status_code == 429

    # Now even the right password is refused, with a clear page.
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    content = response.content.decode()
    assert "Too many failed login attempts" in content
    assert "After 5 failed attempts" in content
    assert "Try again in 60 minutes" in content
    assert not is_logged_in(client)


def test_the_lockout_is_for_that_user_from_that_address_only(staff):
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    fail_five_times(Client(headers={"accept-language": "en"}))

    elsewhere = Client(headers={"accept-language": "en"})
    assert log_in(elsewhere, PASSWORD, address="203.0.113.9").status_code == 302
    assert is_logged_in(elsewhere)

    other_user = Client(headers={"accept-language": "en"})
    assert log_in(other_user, PASSWORD, username="other").status_code == 302
    assert is_logged_in(other_user)


def test_the_lockout_ends_after_an_hour(staff):
    client = Client(headers={"accept-language": "en"})
    fail_five_times(client)
    assert log_in(client, PASSWORD).status_code == 429

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=61)
    )
    assert log_in(client, PASSWORD).status_code == 302
    assert is_logged_in(client)


@override_settings(PROXY_COUNT=1)
def test_behind_the_proxy_the_forwarded_address_counts(staff):
    """Visitors behind the one trusted proxy are told apart by the address it forwards."""
    client = Client(headers={"accept-language": "en"})
    for attempt in range(5):
        client.post(
            LOGIN_URL,
            {"username": "editor", "password": f"wrong {attempt}"},
            REMOTE_ADDR="127.0.0.1",
            headers={"X-Forwarded-For": f"10.9.9.{attempt}, 198.51.100.7"},
        )
    attempt = AccessAttempt.objects.get()
    assert attempt.ip_address == "198.51.100.7"
    assert attempt.failures_since_start == 5
    # Another visitor through the same proxy is not locked out.
    response = client.post(
        LOGIN_URL,
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        headers={"X-Forwarded-For": "203.0.113.9"},
    )
    assert response.status_code == 302


def test_failed_and_successful_logins_are_logged(staff, caplog):
    client = Client(headers={"accept-language": "en"})
    with caplog.at_level(logging.INFO, logger="axes"):
        log_in(client, "wrong password")
        log_in(client, PASSWORD)
    messages = [record.getMessage() for record in caplog.records if record.name.startswith("axes")]
    assert any("login failure" in m.lower() and "editor" in m for m in messages), messages
    assert any("successful login" in m.lower() and "editor" in m for m in messages), messages
    assert AccessLog.objects.filter(username="editor", ip_address="198.51.100.7").exists()


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",  # lower case letters and spaces only
        "481516234248",  # digits only: no composition rules
        "passwordpassword",
        "kainuu-lakes-and-forests",
        "ÅÄÖ åäö ÅÄÖ åäö",  # any characters
    ],
)
def test_passwords_of_twelve_or_more_characters_are_accepted(password):
    validate_password(password)


@pytest.mark.parametrize("password", ["short pass!", "a" * 11, "password1234", "qwertyuiop123"])
def test_short_and_common_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_no_account_exists_after_migrating_and_loading_the_demo_content(db):
    call_command("load_demo_content", verbosity=0)
    assert not User.objects.exists()


def assert_on_this_site(location):
    """The redirect stays on this host, read the lenient way browsers read it."""
    browser_view = re.sub(r"[\t\n\r]", "", location).strip().replace("\\", "/")
    assert browser_view.startswith("/") and not browser_view.startswith("//"), location
    assert urlsplit(urljoin("https://testserver/admin/login/", browser_view)).netloc == (
        "testserver"
    )


OFFSITE_NEXT = [
    "//evil.example",
    "//evil.example/admin/",
    "https://evil.example",
    "http://evil.example/",
    "https:evil.example",
    "https:/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "https:\\\\evil.example",
    "/%09/evil.example",
    " //evil.example",
    "\t//evil.example",
    "///evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "https://testserver@evil.example/",
    "//testserver.evil.example",
]


@pytest.mark.parametrize("next_url", OFFSITE_NEXT)
def test_login_never_redirects_to_another_host(staff, next_url):
    client = Client(headers={"accept-language": "en"})
    response = log_in(client, PASSWORD, next=next_url)
    assert response.status_code == 302
    assert_on_this_site(response["Location"])
    assert is_logged_in(client)


@pytest.mark.parametrize("next_url", OFFSITE_NEXT)
def test_a_logged_in_user_opening_the_login_page_stays_on_the_site(staff, next_url):
    client = Client(headers={"accept-language": "en"})
    client.force_login(staff)
    response = client.get(LOGIN_URL, {"next": next_url})
    assert response.status_code == 302
    assert_on_this_site(response["Location"])


def test_a_same_site_next_is_followed(staff):
    response = log_in(
        Client(headers={"accept-language": "en"}), PASSWORD, next="/admin/regions/region/"
    )
    assert response["Location"] == "/admin/regions/region/"
