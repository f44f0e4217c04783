"""Setting up two-factor authentication and signing in with it, in a real browser."""

from base64 import b32decode

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from django.test import override_settings
from django_otp.oath import totp

PASSWORD = "browser sign-in password 42"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

axe = Axe()


def axe_violations(page):
    results = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']}: {node['target']} {node['failureSummary']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def code(secret, step=0):
    """The code an authenticator app shows for the key typed in from the page."""
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key, drift=step):06d}"


def enter_password(page, url):
    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", "kaisa")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_setting_up_the_app_and_signing_in_with_its_codes(live_server, page):
    User.objects.create_user("kaisa", password=PASSWORD, is_staff=True)
    url = live_server.url

    enter_password(page, url)
    page.wait_for_url(f"{url}/admin/login/set-up/")
    assert page.get_by_role("img", name="QR code of the key for the authenticator app").is_visible()
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert axe_violations(page) == [], scheme
    secret = page.inner_text("#signin-secret")
    page.fill("#id_code", code(secret))
    page.click("input[type=submit]")

    page.wait_for_url(f"{url}/admin/login/recovery-codes/")
    codes = page.locator(".signin-codes code").all_inner_texts()
    assert len(codes) == 10
    assert axe_violations(page) == []
    page.get_by_role("link", name="I have kept my codes, continue").click()
    page.wait_for_url(f"{url}/admin/")
    assert page.get_by_role("heading", level=1).is_visible()

    page.get_by_role("button", name="Log out").click()
    enter_password(page, url)
    page.wait_for_url(f"{url}/admin/login/code/")
    assert axe_violations(page) == []
    # The code of the next time step: the first one was used for the set-up.
    page.fill("#id_code", code(secret, step=1))
    page.click("input[type=submit]")
    page.wait_for_url(f"{url}/admin/")
