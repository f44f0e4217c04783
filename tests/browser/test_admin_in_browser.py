"""The admin in a real browser, under the site's Content Security Policy."""

import pytest
from django.contrib.auth.models import User

from tests import factories

PASSWORD = "browser test password 123"

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; the rollback keeps the migrations' rows.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def csp_problems(page):
    """CSP violations seen by the page and reported on the console, so far."""
    from_console = [line for line in page.console_log if "Content Security Policy" in line]
    return from_console + page.evaluate("window.__cspViolations")


def log_in(page, live_server):
    User.objects.create_superuser("admin", password=PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_the_rich_text_editor_works_under_the_policy(page, live_server):
    region = factories.make_region(slug="kainuu", body_en="<p>Lakes and forests.</p>")
    log_in(page, live_server)
    assert csp_problems(page) == []

    page.goto(f"{live_server.url}/admin/regions/region/{region.pk}/change/")
    for language in ("fi", "en", "sv"):
        page.locator(
            f".prose-editor:has(#id_body_{language}) [role=textbox].ProseMirror"
        ).wait_for()
    editor = page.locator(".prose-editor:has(#id_body_en) [role=textbox].ProseMirror")
    assert editor.get_attribute("contenteditable") == "true"
    assert editor.inner_text().strip() == "Lakes and forests."
    # The editor's own menu is there, and typing changes the field.
    assert page.locator(".prose-editor:has(#id_body_en) .prose-menubar").is_visible()
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" More text.")
    assert "More text." in editor.inner_text()
    assert "More text." in page.input_value("#id_body_en")
    assert csp_problems(page) == [], page.console_log


def test_admin_pages_with_scripts_work_under_the_policy(page, live_server):
    region = factories.make_region(slug="kainuu")
    factories.make_municipality(region=region)
    log_in(page, live_server)
    for path in [
        "/admin/",
        "/admin/regions/region/",
        "/admin/regions/region/add/",
        f"/admin/regions/region/{region.pk}/change/",
        "/admin/priorities/programme/add/",
        "/admin/regions/municipality/",
        f"/admin/regions/region/{region.pk}/history/",
        f"/admin/regions/region/{region.pk}/delete/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert csp_problems(page) == [], (path, page.console_log)
    assert [line for line in page.console_log if line.startswith(("error", "pageerror"))] == []
