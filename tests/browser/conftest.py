"""
Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium); it never
downloads a browser. Tests marked ``browser`` are skipped where that Chromium
is missing, except under CI (``.ci/run`` installs it). Use pytest-django's
``live_server``.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Every page records the Content Security Policy violations it sees, for tests to read
# from ``window.__cspViolations``.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile || ""}:${event.lineNumber || ""})`
  );
});
"""

# Playwright's sync API runs an event loop in this thread; the Django ORM calls
# made by the tests themselves are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    if CHROMIUM.exists():
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        raise pytest.UsageError(
            f"CI runs the browser tests, but there is no Chromium at {CHROMIUM}"
        )
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own context (no cookies), in English; a JS error fails the test."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", accept_downloads=True
    )
    context.set_default_timeout(15_000)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    errors = []
    # Every console message and uncaught error, across navigations, for tests to inspect.
    page.console_log = []
    page.on("console", lambda msg: page.console_log.append(f"{msg.type}: {msg.text}"))
    page.on("pageerror", lambda error: page.console_log.append(f"pageerror: {error}"))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


SIGN_IN_PASSWORD = "a long password for signing in staff"


@pytest.fixture
def demo(transactional_db):
    """The demo content, loaded for one test, where the live server's thread sees it."""
    call_command("load_demo_content", verbosity=0)


@pytest.fixture
def sign_in(live_server):
    """
    Sign a staff user in to the admin in a browser page: ``sign_in(page, user)``,
    through the login form, leaving the page at the admin index. The one place
    that knows how staff sign in; tests that are not about the login form use it.
    """

    def sign_in(page, user):
        user.set_password(SIGN_IN_PASSWORD)
        user.save(update_fields=["password"])
        page.goto(f"{live_server.url}/admin/login/")
        page.locator("#id_username").fill(user.get_username())
        page.locator("#id_password").fill(SIGN_IN_PASSWORD)
        page.locator("#login-form [type=submit]").click()
        page.wait_for_url(f"{live_server.url}/admin/")

    return sign_in
