"""
Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium).

``browser`` is one headless Chromium for the session; ``page`` is a fresh page
in its own context (no cookies shared) that records every console message and
uncaught error, across navigations, as text in ``page.console_log``. The page's
Content Security Policy violations are also in ``window.__cspViolations``
(reset by each navigation). Without Chromium the browser tests are skipped.
Mark browser tests ``@pytest.mark.browser``.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Runs in every page before its own scripts: records CSP violations as the page sees them.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile || ""}:${event.lineNumber || ""})`
  );
});
"""


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread, which
    # makes Django refuse ORM calls as if they came from async code. The tests
    # and the live server are plain synchronous code, so allow it meanwhile.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(10_000)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.console_log = []
    page.on("console", lambda msg: page.console_log.append(f"{msg.type}: {msg.text}"))
    page.on("pageerror", lambda error: page.console_log.append(f"pageerror: {error}"))
    yield page
    context.close()
