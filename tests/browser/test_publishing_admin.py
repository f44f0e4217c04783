"""
The publishing screens of the admin in Chromium: change lists at 1280 pixels with
their filters open, the draft parts of a programme, the publish-with-parts question,
a priority's way back to its programme, slugs that follow their sources, and
axe-core on each of these screens.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.management import call_command

from kainuu_portal.publishing.models import Status
from priorities.models import FocusArea, Priority, Programme
from tests.browser.test_admin_accessibility import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COLUMNS = """() => {
  const width = window.innerWidth;
  const box = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    return { left: rect.left, right: rect.right, visible: element.checkVisibility() };
  };
  const results = document.querySelector("#changelist .results");
  return {
    width,
    page: document.documentElement.scrollWidth,
    table: results ? results.scrollWidth - results.clientWidth : 0,
    filters: box("#changelist-filter"),
    status: box("#result_list th.column-status"),
    live: box("#result_list th.column-live_now"),
  };
}"""


@pytest.fixture
def chief(transactional_db):
    call_command("load_demo_content", verbosity=0)
    return User.objects.create_superuser("chief", password="a password nobody types")


def test_change_lists_show_status_and_live_now_at_1280_pixels_with_the_filters_open(
    live_server, page, sign_in, chief
):
    sign_in(page, chief)
    page.set_viewport_size({"width": 1280, "height": 900})
    problems = []
    for model in admin.site._registry:
        opts = model._meta
        page.goto(f"{live_server.url}/admin/{opts.app_label}/{opts.model_name}/")
        sizes = page.evaluate(COLUMNS)
        if sizes["page"] > sizes["width"] or sizes["table"] > 0:
            problems.append(f"{opts.label} scrolls sideways: {sizes}")
        if page.locator("#result_list th.column-status").count() == 0:
            continue  # not a content model (redirects, code lists, users)
        assert sizes["filters"] and sizes["filters"]["visible"], opts.label
        for column in ("status", "live"):
            box = sizes[column]
            if not box or not box["visible"] or box["right"] > sizes["width"]:
                problems.append(f"{opts.label}: the {column} column is out of sight: {sizes}")
            elif box["right"] > sizes["filters"]["left"] + 1:
                problems.append(f"{opts.label}: the {column} column is under the filters: {sizes}")
    assert problems == [], "\n".join(problems)


def test_the_publishing_screens_have_no_axe_violation(live_server, page, sign_in, chief):
    programme = Programme.objects.get()
    priority = programme.priorities.first()
    Programme.objects.update(status=Status.PUBLISHED)
    FocusArea.objects.filter(priority=priority).update(status=Status.DRAFT)
    Priority.objects.filter(pk=priority.pk).update(status=Status.DRAFT)
    sign_in(page, chief)
    failures = []

    def check(name, path=None):
        if path is not None:
            assert page.goto(live_server.url + path).status == 200, path
        failures.extend(f"{name}: {line}" for line in axe_violations(page))

    check("programme change form", f"/admin/priorities/programme/{programme.pk}/change/")
    assert page.locator(".draft-parts-fieldset").is_visible()
    assert "This item is published, but" in page.locator(".draft-parts-fieldset").inner_text()
    check("priority change form", f"/admin/priorities/priority/{priority.pk}/change/")
    crumb = page.locator(".breadcrumbs a", has_text=programme.title_en)
    assert crumb.count() == 1
    check("programme list", "/admin/priorities/programme/")
    check("priority list", "/admin/priorities/priority/")

    # The publish action asks first, on a page of its own.
    Programme.objects.update(status=Status.DRAFT)
    page.goto(f"{live_server.url}/admin/priorities/programme/")
    page.locator("#result_list tbody input.action-select").first.check()
    page.select_option("select[name=action]", "publish")
    page.locator("button[name=index], .actions button[type=submit]").first.click()
    page.wait_for_load_state()
    assert "Publish with their draft parts?" in page.locator("h1").inner_text()
    check("publish with parts")
    page.locator("button[name=publish_drafts]").click()
    page.wait_for_load_state()
    assert Priority.objects.filter(status=Status.DRAFT).count() == 0
    assert FocusArea.objects.filter(status=Status.DRAFT).count() == 0

    for language in ("fi", "en", "sv"):
        check(f"home ({language})", f"/{language}/")
    check("programme list (public)", "/en/programmes/")
    assert failures == [], "\n".join(failures)


def type_into(page, selector, text):
    """Types ``text`` into the field as an editor does, key by key (the admin's scripts listen)."""
    field = page.locator(selector)
    field.clear()
    field.press_sequentially(text)


def test_a_slug_follows_the_years_after_a_form_error(live_server, page, sign_in, chief):
    sign_in(page, chief)

    page.goto(f"{live_server.url}/admin/priorities/programme/add/")
    type_into(page, "#id_start_year", "2022")
    type_into(page, "#id_end_year", "2021")
    assert page.input_value("#id_slug_fi") == "2022-2021"
    type_into(page, "#id_title_fi", "Kainuun älykäs erikoistuminen")
    page.locator('input[name="_continue"]').first.click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 1  # the end year is before the start year
    assert page.input_value("#id_slug_fi") == "2022-2021"

    type_into(page, "#id_end_year", "2025")
    assert page.input_value("#id_slug_fi") == "2022-2025"
    assert page.input_value("#id_slug_en") == "2022-2025"

    # A slug the editor types is theirs: the years no longer change it.
    type_into(page, "#id_slug_sv", "kajanaland-2022")
    type_into(page, "#id_start_year", "2023")
    assert page.input_value("#id_slug_sv") == "kajanaland-2022"
    assert page.input_value("#id_slug_fi") == "2023-2025"

    page.locator('input[name="_continue"]').first.click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 0
    programme = Programme.objects.get(start_year=2023)
    assert (programme.slug_fi, programme.slug_sv) == ("2023-2025", "kajanaland-2022")


def test_a_new_priority_row_keeps_its_slug_following_after_a_form_error(
    live_server, page, sign_in, chief
):
    sign_in(page, chief)

    page.goto(f"{live_server.url}/admin/priorities/programme/add/")
    type_into(page, "#id_start_year", "2022")
    type_into(page, "#id_end_year", "2021")
    page.locator("#priorities-group .add-row a").click()
    type_into(page, "#id_priorities-0-title_fi", "Biotalous")
    assert page.input_value("#id_priorities-0-slug_fi") == "biotalous"
    page.locator('input[name="_continue"]').first.click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 1

    type_into(page, "#id_priorities-0-title_fi", "Biotalous ja kiertotalous")
    assert page.input_value("#id_priorities-0-slug_fi") == "biotalous-ja-kiertotalous"
