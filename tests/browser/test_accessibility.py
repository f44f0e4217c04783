"""
WCAG 2.1 AA as axe-core checks it, on every public page type in every language, in the
light and the dark colour scheme, on a draft preview and on the admin; every request a
page makes goes to its own origin. Screenshots of every page type are written to
artifacts/screenshots/ (git ignores the folder) for people to look at.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.models import User

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import Status
from pages.models import Page
from priorities.models import FocusArea, Priority
from regions.models import Municipality
from tests.helpers.pages import LANGUAGES, public_page_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "mobile": 375}
PASSWORD = "correct horse battery staple"

axe = Axe()


def axe_violations(page):
    """axe-core's WCAG 2.1 A and AA violations on the page, as readable lines."""
    results = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']}: {node['target']} {node['failureSummary']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def record_requests(page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    return requested


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")


@pytest.fixture
def editor(transactional_db):
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(roles.sync_editors_group(global_apps))
    return user


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_type_has_no_axe_violation_in_either_colour_scheme(
    live_server, demo, page, language
):
    requested = record_requests(page)
    failures = []
    for name, path in public_page_urls(language).items():
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
            response = page.goto(live_server.url + path)
            assert response.status == (404 if name == "not-found" else 200), path
            failures += [f"{path} ({scheme}) {line}" for line in axe_violations(page)]
            folder = SCREENSHOTS / language
            folder.mkdir(parents=True, exist_ok=True)
            if scheme == "light":
                for label, width in WIDTHS.items():
                    page.set_viewport_size({"width": width, "height": 900})
                    page.screenshot(path=folder / f"{name}-{label}.png", full_page=True)
            else:
                page.screenshot(path=folder / f"{name}-desktop-dark.png", full_page=True)
    assert failures == []
    assert requested
    assert {origin(url) for url in requested} == {live_server.url}


def test_a_draft_preview_has_no_axe_violation(live_server, demo, editor, page):
    priority = Priority.objects.order_by("order").first()
    priority.status = Status.DRAFT
    priority.save()
    FocusArea.objects.filter(priority__programme=priority.programme).update(status=Status.DRAFT)
    Municipality.objects.filter(slug="kajaani").update(status=Status.DRAFT)
    log_in(page, live_server, "editor")
    requested = record_requests(page)

    for url in (
        priority.get_absolute_url(),
        priority.programme.get_absolute_url(),
        Municipality.objects.get(slug="kajaani").get_absolute_url(),
        Municipality.objects.get(slug="kajaani").region.get_absolute_url(),
    ):
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.goto(live_server.url + url)
            assert axe_violations(page) == [], (url, scheme)

    page.goto(live_server.url + priority.get_absolute_url())
    assert page.get_by_role("status").is_visible()
    page.screenshot(path=SCREENSHOTS / "draft-preview-desktop.png", full_page=True)
    assert {origin(url) for url in requested} == {live_server.url}


def test_the_admin_login_page_and_a_change_form_have_no_axe_violation(
    live_server, demo, editor, page
):
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(f"{live_server.url}/admin/login/")
        assert axe_violations(page) == [], scheme

    log_in(page, live_server, "editor")
    municipality = Municipality.objects.get(slug="kajaani")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(f"{live_server.url}/admin/regions/municipality/{municipality.pk}/change/")
        assert page.get_by_role("heading", level=1).is_visible()
        assert axe_violations(page) == [], scheme

    # A change form with rich-text editors: each editor is named by its field's label.
    about = Page.objects.get(slug="about")
    page.goto(f"{live_server.url}/admin/pages/page/{about.pk}/change/")
    editors = page.locator('.ProseMirror[role="textbox"]')
    editors.first.wait_for(state="attached")
    assert editors.count() == 3  # the body in fi, en and sv
    for index in range(editors.count()):
        assert editors.nth(index).get_attribute("aria-labelledby")
    assert axe_violations(page) == []
