"""Staff sign-in as a member meets it: two factors, session limits, throttling, reset, records."""

import json
import logging
import re
import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kainuu_portal.logs import OneLineFormatter
from kainuu_portal.signin.models import SignInEvent
from tests.helpers.html import form_values

PASSWORD = "correct horse battery staple"
ADDRESS = "198.51.100.7"

pytestmark = pytest.mark.django_db

required = override_settings(TWO_FACTOR_REQUIRED=True)


def browser(language="en"):
    return Client(headers={"accept-language": language})


@pytest.fixture
def member(db):
    return User.objects.create_user(
        "editor", email="editor@example.fi", password=PASSWORD, is_staff=True
    )


def log_in(client, password=PASSWORD, username="editor", address=ADDRESS, **data):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, **data},
        REMOTE_ADDR=address,
    )


def send_code(client, code, step="code", address=ADDRESS):
    return client.post(f"/admin/login/{step}/", {"code": code}, REMOTE_ADDR=address)


def wait_after_wrong_code():
    """django-otp makes a member wait a second or more after a wrong code: pass that time."""
    TOTPDevice.objects.update(throttling_failure_timestamp=timezone.now() - timedelta(hours=1))


def code_of(device, offset=0):
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift=offset):06d}"


def is_in_admin(client):
    return client.get("/admin/", REMOTE_ADDR=ADDRESS).status_code == 200


def enrol(client):
    """Log in the first time and set the app up, as the member does; returns the codes."""
    assert log_in(client)["Location"] == "/admin/login/set-up/"
    page = client.get("/admin/login/set-up/").content.decode()
    secret = re.search(r'id="signin-secret">([A-Z2-7 ]+)<', page).group(1)
    device = TOTPDevice.objects.get(confirmed=False)
    assert secret.replace(" ", "") in device.config_url
    response = send_code(client, code_of(device), step="set-up")
    assert response["Location"] == "/admin/login/recovery-codes/"
    page = client.get(response["Location"]).content.decode()
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)


@pytest.fixture
def enrolled(member):
    with required:
        codes = enrol(browser())
    return TOTPDevice.objects.get(user=member), codes


# --- Two factors -----------------------------------------------------------------------


@required
def test_a_password_alone_opens_nothing(member):
    client = browser()
    response = log_in(client)
    assert response.status_code == 302
    assert not is_in_admin(client)
    assert client.get("/admin/regions/region/").status_code == 302
    assert not SignInEvent.objects.filter(kind="signed-in").exists()


@required
def test_the_first_sign_in_sets_up_the_app_and_shows_recovery_codes_once(member):
    client = browser()
    codes = enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert is_in_admin(client)
    assert TOTPDevice.objects.get(user=member).confirmed
    # Shown once: the page now sends the member on.
    assert client.get("/admin/login/recovery-codes/").status_code == 302
    kinds = list(SignInEvent.objects.values_list("kind", "detail").order_by("pk"))
    assert kinds == [("enrolled", ""), ("signed-in", "authenticator")]


@required
def test_the_set_up_page_shows_a_qr_code_and_the_key_in_three_languages(member):
    for language, heading in [
        ("en", "Set up two-factor authentication"),
        ("fi", "Ota kaksivaiheinen tunnistautuminen käyttöön"),
        ("sv", "Ta i bruk tvåstegsverifiering"),
    ]:
        client = browser(language)
        log_in(client)
        page = client.get("/admin/login/set-up/").content.decode()
        assert heading in page
        assert "<svg" in page and 'role="img"' in page
        assert f'<html lang="{language}"' in page


@required
def test_a_wrong_set_up_code_is_refused_with_a_clear_message(member):
    client = browser()
    log_in(client)
    client.get("/admin/login/set-up/")
    response = send_code(client, "000000", step="set-up")
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert not is_in_admin(client)


@required
def test_later_sign_ins_ask_for_a_code_from_the_app(enrolled):
    device, _codes = enrolled
    client = browser()
    assert log_in(client)["Location"] == "/admin/login/code/"
    response = send_code(client, "123456" if code_of(device) != "123456" else "654321")
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert not is_in_admin(client)
    wait_after_wrong_code()
    response = send_code(client, code_of(device, offset=1))
    assert response["Location"] == "/admin/"
    assert is_in_admin(client)


@required
def test_a_code_is_taken_once(enrolled):
    device, _codes = enrolled
    first = browser()
    log_in(first)
    code = code_of(device, offset=1)
    assert send_code(first, code).status_code == 302
    second = browser()
    log_in(second)
    assert send_code(second, code).status_code == 200
    assert not is_in_admin(second)


@required
def test_a_recovery_code_works_once(enrolled):
    _device, codes = enrolled
    client = browser()
    log_in(client)
    response = send_code(client, codes[0].upper())
    assert response.status_code == 302
    page = client.get("/admin/").content.decode()
    assert "9 are left" in page
    assert StaticToken.objects.count() == 9
    again = browser()
    log_in(again)
    assert send_code(again, codes[0]).status_code == 200
    assert SignInEvent.objects.filter(detail="recovery-code").count() == 1


@required
def test_the_second_step_keeps_the_next_address(enrolled):
    device, _codes = enrolled
    client = browser()
    log_in(client, next="/admin/regions/region/")
    assert send_code(client, code_of(device, offset=1))["Location"] == "/admin/regions/region/"


@required
def test_the_second_step_expires(enrolled, monkeypatch):
    device, _codes = enrolled
    client = browser()
    log_in(client)
    later = time.time() + 11 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    response = send_code(client, code_of(device))
    assert response["Location"] == "/admin/login/"
    assert "Signing in took too long" in client.get("/admin/login/").content.decode()


@required
def test_a_force_logged_in_session_without_a_second_factor_opens_nothing(member):
    client = browser()
    client.force_login(member)
    assert not is_in_admin(client)


def test_without_the_requirement_a_member_with_no_app_signs_in_with_the_password(member):
    client = browser()
    assert log_in(client)["Location"] == "/admin/"
    assert is_in_admin(client)


def test_without_the_requirement_a_member_with_an_app_is_still_asked(enrolled):
    device, _codes = enrolled
    client = browser()
    assert log_in(client)["Location"] == "/admin/login/code/"
    assert send_code(client, code_of(device, offset=1)).status_code == 302
    assert is_in_admin(client)


# --- Device reset by a superuser ---------------------------------------------------------


@required
def test_a_superuser_resets_a_members_device_which_ends_the_members_sessions(enrolled, member):
    device, _codes = enrolled
    session = browser()
    log_in(session)
    send_code(session, code_of(device, offset=1))
    assert is_in_admin(session)

    root = User.objects.create_superuser("root", password="root password 1234")
    superuser = browser()
    superuser.force_login(root)
    with override_settings(TWO_FACTOR_REQUIRED=False):
        response = superuser.post(
            "/admin/auth/user/",
            {"action": "reset_two_factor", "_selected_action": [member.pk]},
            follow=True,
        )
    assert "Two-factor authentication of 1 user was reset" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=member).exists()

    response = session.get("/admin/", REMOTE_ADDR=ADDRESS)
    assert response.status_code == 302
    assert (
        "two-factor authentication was reset" in session.get(response["Location"]).content.decode()
    )
    event = SignInEvent.objects.get(kind="device-reset")
    assert (event.user, event.by) == (member, root)
    # The member sets the app up again at the next sign-in.
    assert log_in(browser())["Location"] == "/admin/login/set-up/"


def test_only_superusers_reset_devices(editor, editor_client):
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    response = editor_client.post(
        "/admin/auth/user/", {"action": "reset_two_factor", "_selected_action": [editor.pk]}
    )
    assert response.status_code == 403
    assert TOTPDevice.objects.exists()


# --- Sessions ----------------------------------------------------------------------------


def signed_in(monkeypatch, start):
    now = [start]
    monkeypatch.setattr(time, "time", lambda: now[0])
    client = browser()
    assert log_in(client).status_code == 302
    return client, now


def test_a_session_ends_after_two_hours_without_activity(member, monkeypatch):
    client, now = signed_in(monkeypatch, 1_000_000.0)
    now[0] += 119 * 60
    assert is_in_admin(client)
    now[0] += 119 * 60  # active again just before: still in
    assert is_in_admin(client)
    now[0] += 121 * 60
    assert not is_in_admin(client)
    page = client.get("/admin/login/").content.decode()
    assert "signed out after 120 minutes without activity" in page
    assert SignInEvent.objects.filter(kind="signed-out", detail="idle").exists()


def test_a_session_ends_after_twelve_hours_whatever_the_activity(member, monkeypatch):
    client, now = signed_in(monkeypatch, 1_000_000.0)
    for _hour in range(11):
        now[0] += 60 * 60
        assert is_in_admin(client)
    now[0] += 61 * 60
    assert not is_in_admin(client)
    assert SignInEvent.objects.filter(kind="signed-out", detail="time-limit").exists()


@override_settings(SESSION_IDLE_MINUTES=5, SESSION_LIMIT_HOURS=1)
def test_the_limits_are_settings(member, monkeypatch):
    client, now = signed_in(monkeypatch, 1_000_000.0)
    now[0] += 6 * 60
    assert not is_in_admin(client)


def test_a_password_change_ends_the_members_other_sessions(member):
    other = browser()
    log_in(other)
    client = browser()
    log_in(client)
    response = client.post(
        "/admin/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a new long passphrase 2026",
            "new_password2": "a new long passphrase 2026",
        },
    )
    assert response.status_code == 302
    assert is_in_admin(client)
    assert not is_in_admin(other)
    assert SignInEvent.objects.filter(kind="password-changed", user=member).exists()


def test_signing_out_is_recorded(member):
    client = browser()
    log_in(client)
    client.post("/admin/logout/")
    assert SignInEvent.objects.filter(kind="signed-out", user=member).exists()


# --- Throttling --------------------------------------------------------------------------


def test_twenty_failures_from_one_address_lock_it_for_every_user_name(member):
    client = browser()
    for n in range(20):
        response = log_in(client, "wrong password", username=f"guess{n}")
        assert response.status_code in (200, 429)
    response = log_in(client)
    assert response.status_code == 429
    content = response.content.decode()
    assert "too many failed login attempts from your address" in content
    assert "Try again in 60 minutes" in content
    assert int(response["Retry-After"]) > 3500
    # The member elsewhere is not affected.
    assert log_in(browser(), address="203.0.113.9").status_code == 302
    assert SignInEvent.objects.filter(kind="locked-out", detail="address").count() == 1


def test_nineteen_failures_from_one_address_do_not_lock_it(member):
    client = browser()
    for n in range(19):
        log_in(client, "wrong password", username=f"guess{n}")
    assert log_in(client).status_code == 302


def spread_failures(count, username="editor"):
    for n in range(count):
        response = log_in(browser(), "wrong password", username=username, address=f"10.0.0.{n}")
        assert response.status_code == 200


def test_failures_from_many_addresses_slow_a_user_name_down_without_locking_it(member):
    spread_failures(10)
    response = log_in(browser(), address="10.0.1.1")
    assert response.status_code == 429
    assert "one attempt at a time" in response.content.decode()
    seconds = int(response["Retry-After"])
    assert 0 < seconds <= 30
    # The refused attempt did not count: after the wait, the right password gets in.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(seconds=31))
    client = browser()
    assert log_in(client, address="10.0.1.1").status_code == 302
    assert is_in_admin(client)


def test_an_address_the_member_signed_in_from_is_not_slowed_down(member):
    log_in(browser(), address="192.0.2.50")
    assert AccessLog.objects.filter(ip_address="192.0.2.50").exists()
    spread_failures(10)
    assert log_in(browser(), address="10.0.1.1").status_code == 429
    assert log_in(browser(), address="192.0.2.50").status_code == 302


@required
def test_wrong_codes_count_as_failures(enrolled):
    client = browser()
    log_in(client)
    for _n in range(4):
        assert send_code(client, "999999").status_code == 200
        wait_after_wrong_code()
    response = send_code(client, "999999")
    assert response.status_code == 429
    assert SignInEvent.objects.filter(kind="failed", detail="wrong-code").count() == 5


def test_a_refused_attempt_is_logged_but_not_stored(member, caplog):
    for _n in range(5):
        log_in(browser(), "wrong password")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="kainuu_portal.signin"):
        for _n in range(3):
            assert log_in(browser()).status_code == 429
    assert SignInEvent.objects.filter(kind="locked-out").count() == 1
    refused = [r for r in caplog.records if r.name == "kainuu_portal.signin"]
    assert len(refused) == 3


def test_a_very_long_user_name_gets_a_clear_form_error(db):
    response = log_in(browser(), username="a" * 256)
    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert not AccessAttempt.objects.exists()


# --- Password reset ----------------------------------------------------------------------


def test_the_login_page_links_to_the_password_reset(db):
    page = browser().get("/admin/login/").content.decode()
    assert 'href="/admin/password_reset/"' in page


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_the_password_reset_pages_look_like_the_admin(db, language):
    page = browser(language).get("/admin/password_reset/").content.decode()
    assert 'id="site-name"' in page
    assert f'<html lang="{language}"' in page


def request_reset(email, address=ADDRESS):
    return browser().post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)


def test_a_reset_link_sets_a_new_password(member):
    response = request_reset("editor@example.fi")
    assert response["Location"] == "/admin/password_reset/done/"
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/admin/reset/\S+/)", message.body).group(1)
    client = browser()
    form_page = client.get(link, follow=True)
    new = "another long passphrase 77"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response["Location"] == "/admin/reset/done/"
    assert 'href="/admin/login/"' in client.get("/admin/reset/done/").content.decode()
    assert log_in(browser(), new).status_code == 302
    kinds = set(SignInEvent.objects.values_list("kind", flat=True))
    assert {"password-reset-requested", "password-reset"} <= kinds


def test_a_reset_says_the_same_whether_or_not_the_address_is_known(member):
    known = request_reset("editor@example.fi")
    unknown = request_reset("nobody@example.fi", address="203.0.113.9")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def test_password_resets_are_throttled_per_address_and_per_e_mail_address(member):
    for n in range(5):
        assert request_reset(f"someone{n}@example.fi").status_code == 302
    response = request_reset("editor@example.fi")
    assert response.status_code == 429
    assert "Too many password reset requests" in response.content.decode()
    for n in range(3):
        assert request_reset("editor@example.fi", address=f"10.1.0.{n}").status_code == 302
    assert request_reset("EDITOR@example.fi", address="10.1.0.9").status_code == 429
    assert len(mail.outbox) == 3


# --- The record ------------------------------------------------------------------------


def test_events_go_to_the_json_log(member, caplog):
    with caplog.at_level(logging.INFO, logger="kainuu_portal.signin"):
        log_in(browser(), "wrong password")
        log_in(browser())
    lines = [json.loads(OneLineFormatter().format(r)) for r in caplog.records]
    lines = [line for line in lines if line["logger"] == "kainuu_portal.signin"]
    assert [(line["event"], line["user"], line["address"]) for line in lines] == [
        ("failed", "editor", ADDRESS),
        ("signed-in", "editor", ADDRESS),
    ]


def test_superusers_see_recent_events_in_the_admin_read_only(member, admin_client):
    log_in(browser(), "wrong password")
    page = admin_client.get("/admin/signin/signinevent/")
    assert page.status_code == 200
    assert "Failed sign-in" in page.content.decode()
    event = SignInEvent.objects.get(kind="failed")
    assert admin_client.get(f"/admin/signin/signinevent/{event.pk}/change/").status_code == 200
    data = form_values(
        admin_client.get(f"/admin/signin/signinevent/{event.pk}/change/").content.decode(),
        "signinevent_form",
    )
    assert "username" not in data
    assert admin_client.get("/admin/signin/signinevent/add/").status_code == 403


def test_editors_do_not_see_the_events(editor_client):
    assert editor_client.get("/admin/signin/signinevent/").status_code == 403
