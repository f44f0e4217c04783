"""An item with an unpublish time leaves the public pages, the API and the feed when it passes."""

import time
from datetime import timedelta

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import User
from django.core.cache import caches
from django.utils import timezone

from kainuu_portal import pagecache
from kainuu_portal.publishing import roles
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Call for battery mineral projects"
AHEAD = timedelta(seconds=20)  # the time an editor takes to save, and a visitor to look


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production, so the test shows it follows the time too."""
    settings.PAGE_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_VERSION_SECONDS = 1
    caches["default"].clear()
    pagecache.versions.forget()
    yield
    caches["default"].clear()
    pagecache.versions.forget()


@pytest.fixture
def call(db):
    region = factories.make_region(slug="kainuu", name_en="Kainuu", is_home=True)
    programme = factories.make_programme(
        region=region, slug="2026-2029", start_year=2026, end_year=2029, title_en="S3 2026–2029"
    )
    return factories.make_priority(
        programme=programme, slug="battery-minerals", title_en=TITLE, title_fi=TITLE
    )


def test_an_item_leaves_the_site_when_its_unpublish_time_passes(
    live_server, page, browser, sign_in, page_cache, call
):
    editor = User.objects.create_user("kaisa", is_staff=True)
    # Changing live content at once (here its unpublish time) is for Publishers.
    groups = roles.sync_groups(global_apps)
    editor.groups.add(groups[roles.EDITORS_GROUP], groups[roles.PUBLISHERS_GROUP])
    sign_in(page, editor)

    # The editor gives the priority an unpublish time a few seconds ahead.
    leave_at = timezone.localtime(timezone.now() + AHEAD).replace(microsecond=0)
    page.goto(f"{live_server.url}/admin/priorities/priority/{call.pk}/change/")
    page.fill("#id_unpublish_at_0", leave_at.strftime("%Y-%m-%d"))
    page.fill("#id_unpublish_at_1", leave_at.strftime("%H:%M:%S"))
    page.locator('input[name="_continue"]').first.click()
    page.wait_for_load_state()
    assert page.locator(".errornote, .errorlist").count() == 0
    page.goto(f"{live_server.url}/admin/priorities/priority/")
    row = page.locator("#result_list tbody tr", has_text=TITLE)
    assert row.locator("td.field-leaves_site_at").inner_text() != "–"
    assert row.locator("td.field-live_now img").get_attribute("alt") == "True"

    visitor = browser.new_context(locale="en-GB").new_page()
    surfaces = {
        "priority page": call.get_absolute_url(),  # in English, as every test starts
        "programme page": call.programme.get_absolute_url(),
        "API": "/api/v1/priorities",
        "feed": "/en/feed/",
    }

    def shown():
        found = set()
        for name, path in surfaces.items():
            response = visitor.goto(live_server.url + path)
            if response.status == 200 and TITLE in response.text():
                found.add(name)
        return found

    assert shown() == set(surfaces)
    assert shown() == set(surfaces)  # now from the page cache

    time.sleep(max(0, (leave_at - timezone.now()).total_seconds()) + 1.5)

    assert shown() == set()
    assert visitor.goto(live_server.url + surfaces["priority page"]).status == 404
    assert visitor.goto(live_server.url + surfaces["programme page"]).status == 200

    page.goto(f"{live_server.url}/admin/priorities/priority/")
    row = page.locator("#result_list tbody tr", has_text=TITLE)
    assert row.locator("td.field-live_now img").get_attribute("alt") == "False"
    visitor.context.close()
