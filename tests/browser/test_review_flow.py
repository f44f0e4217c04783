"""
The review of a change to live content, in a real browser with two staff members:
an editor changes a published priority and one of its focus areas as a draft,
previews and submits it; a publisher rejects it with a comment; the editor fixes
and resubmits it; the publisher publishes it. A visitor sees the old version until
then and the new one at once after (page cache on). axe-core checks the new screens.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import caches
from django.urls import reverse
from django.utils.translation import override

from kainuu_portal import pagecache
from kainuu_portal.publishing import roles
from tests import factories
from tests.helpers.admin import make_staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
axe = Axe()


def axe_violations(page):
    results = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    caches["default"].clear()
    pagecache.versions.forget()
    yield
    caches["default"].clear()
    pagecache.versions.forget()


@pytest.fixture
def priority(db):
    region = factories.make_region(slug="kainuu", name_fi="Kainuu", name_en="Kainuu", is_home=True)
    programme = factories.make_programme(region=region, slug="2022-2025", start_year=2022)
    priority = factories.make_priority(
        programme=programme,
        slug="teknologia",
        title_fi="Teknologiateollisuus",
        title_en="Technology industry",
    )
    factories.make_focus_area(
        priority=priority, title_fi="Mittaustekniikka", title_en="Measurement technology"
    )
    return priority


def new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(15_000)
    return context.new_page()


def press(page, name):
    page.locator(f'input[name="{name}"]').first.click()
    page.wait_for_load_state()


def test_an_editor_and_a_publisher_review_a_change(
    live_server, page, browser, sign_in, priority, page_cache
):
    site = live_server.url
    with override("en"):
        public = site + priority.get_absolute_url()
    change = site + reverse("admin:priorities_priority_change", args=[priority.pk])
    editor = make_staff("aino", roles.EDITORS_GROUP)
    publisher_user = make_staff("pekka", roles.PUBLISHERS_GROUP)
    visitor = new_page(browser)
    publisher = new_page(browser)
    failures = []

    def check(where, tab):
        failures.extend(f"{where}: {line}" for line in axe_violations(tab))

    visitor.goto(public)
    assert "Technology industry" in visitor.locator("h1").inner_text()
    # The page is in the page cache (asked without the browser's own cache).
    assert visitor.context.request.get(public).headers["x-page-cache"] == "hit"

    # The editor changes the priority's title and its focus area's, as a draft.
    sign_in(page, editor)
    page.goto(change)
    assert page.locator('input[name="_save"]').count() == 0
    page.fill("#id_title_en", "Technology and ICT industry")
    page.fill("#id_focus_areas-0-title_en", "Measurement and sensor technology")
    press(page, "_save_draft")
    assert "saved as a draft" in page.locator(".messagelist").inner_text()
    panel = page.locator(".pending-change")
    assert "Pending change" in panel.inner_text()
    table = page.locator(".pending-differences").inner_text()
    assert "Technology and ICT industry" in table
    assert "Measurement and sensor technology" in table
    assert page.locator("#id_title_en").input_value() == "Technology and ICT industry"
    check("change form with a pending change", page)

    # The preview shows the change; visitors still see the live version.
    page.goto(public)
    assert "Draft preview" in page.locator(".preview-banner").inner_text()
    assert "Technology and ICT industry" in page.locator("h1").inner_text()
    assert "Measurement and sensor technology" in page.content()
    visitor.goto(public)
    assert "Technology industry" == visitor.locator("h1").inner_text().strip()

    page.goto(change)
    press(page, "_submit")
    assert "submitted for review" in page.locator(".messagelist").inner_text()
    visitor.goto(public)
    assert "Technology and ICT" not in visitor.content()

    # The publisher finds it on the index and rejects it with a comment.
    sign_in(publisher, publisher_user)
    assert "Awaiting review" in publisher.locator(".review-lists").inner_text()
    check("admin index with the review lists", publisher)
    publisher.locator(".review-lists a", has_text="Technology industry").click()
    publisher.wait_for_load_state()
    press(publisher, "_reject")
    check("reject screen", publisher)
    publisher.locator('input[name="_reject"]').click()
    publisher.wait_for_load_state()
    assert "A rejection needs a comment" in publisher.locator(".errorlist").inner_text()
    check("reject screen with an error", publisher)
    publisher.fill("#id_comment", "Write “ICT” out in full in every language.")
    publisher.locator('input[name="_reject"]').click()
    publisher.wait_for_load_state()
    assert "was rejected" in publisher.locator(".messagelist").inner_text()

    # The editor reads the comment, fixes the change and submits it again.
    page.goto(f"{site}/admin/")
    assert "Write “ICT” out in full" in page.locator(".review-lists").inner_text()
    page.goto(change)
    assert "Write “ICT” out in full" in page.locator(".pending-change-comment").inner_text()
    check("change form of a rejected change", page)
    page.fill("#id_title_en", "Technology and information technology industry")
    press(page, "_submit")

    # The publisher publishes it; the visitor sees it at once.
    publisher.goto(change)
    assert (
        publisher.locator("#id_title_en").input_value()
        == "Technology and information technology industry"
    )
    press(publisher, "_publish")
    assert "is published" in publisher.locator(".messagelist").inner_text()
    assert "Technology and information" in visitor.context.request.get(public).text()
    visitor.goto(public)
    assert "Technology and information technology industry" in visitor.locator("h1").inner_text()
    assert "Measurement and sensor technology" in visitor.content()

    assert failures == [], "\n".join(failures)
