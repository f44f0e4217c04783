"""
WCAG 2.1 AA as axe-core checks it, on every admin page an editor uses: the login,
the index and app indexes, every change list with its add and change forms, the
history, compare and delete pages, and the password change; at 1280 pixels no
change list scrolls sideways with its filter panel open.
"""

import pytest
import reversion
from axe_playwright_python.sync_playwright import Axe
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory
from reversion.models import Version

from pages.models import Page

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


def admin_pages(user, compare_url):
    """Every admin page ``user`` may open, by a name for the failure list."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = {"index": "/admin/", "password change": "/admin/password_change/"}
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        base = f"/admin/{opts.app_label}/{opts.model_name}/"
        urls[f"{opts.app_label} index"] = f"/admin/{opts.app_label}/"
        urls[f"{opts.label} list"] = base
        if model_admin.has_add_permission(request):
            urls[f"{opts.label} add"] = f"{base}add/"
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            urls[f"{opts.label} change"] = f"{base}{obj.pk}/change/"
            urls[f"{opts.label} history"] = f"{base}{obj.pk}/history/"
            if model_admin.has_delete_permission(request, obj):
                urls[f"{opts.label} delete"] = f"{base}{obj.pk}/delete/"
    urls["compare"] = compare_url
    return urls


@pytest.fixture
def compare_url(demo):
    about = Page.objects.get(slug="about")
    for title in ("About the portal", "About this portal"):
        with reversion.create_revision():
            about.title_en = title
            about.save()
    first, second = Version.objects.get_for_object(about).order_by("pk")[:2]
    return (
        f"/admin/pages/page/{about.pk}/history/compare/"
        f"?version_id1={first.pk}&version_id2={second.pk}"
    )


def test_the_login_page_has_no_axe_violation(live_server, page):
    page.goto(f"{live_server.url}/admin/login/")
    assert axe_violations(page) == []


def test_every_admin_page_has_no_axe_violation(live_server, page, sign_in, compare_url):
    user = User.objects.create_superuser("chief", password="a password nobody types")
    sign_in(page, user)
    failures = []
    for name, path in admin_pages(user, compare_url).items():
        # The admin's scripts name the autocompletes and set up the rich-text editors
        # after the page has loaded: check the page once they have.
        response = page.goto(live_server.url + path, wait_until="networkidle")
        assert response.status == 200, (name, path)
        failures += [f"{name} ({path}) {line}" for line in axe_violations(page)]
    assert failures == [], "\n".join(failures)


def test_no_change_list_scrolls_sideways_at_1280_pixels(live_server, page, sign_in, demo):
    user = User.objects.create_superuser("chief", password="a password nobody types")
    sign_in(page, user)
    page.set_viewport_size({"width": 1280, "height": 900})
    too_wide = []
    for model in admin.site._registry:
        opts = model._meta
        page.goto(f"{live_server.url}/admin/{opts.app_label}/{opts.model_name}/")
        sizes = page.evaluate(
            """() => {
                const results = document.querySelector("#changelist .results");
                return {
                    page: document.documentElement.scrollWidth,
                    window: window.innerWidth,
                    table: results ? results.scrollWidth : 0,
                    box: results ? results.clientWidth : 0,
                };
            }"""
        )
        if sizes["page"] > sizes["window"] or sizes["table"] > sizes["box"]:
            too_wide.append(f"{opts.label}: {sizes}")
    assert too_wide == [], "\n".join(too_wide)
