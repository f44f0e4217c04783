"""
The publishing flow by keyboard alone: an editor opens a page from the admin index,
edits it, saves it as a draft and publishes it, pressing only keys.
"""

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import User
from django.utils.translation import override

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import Status
from pages.models import Page
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Tabbing through a whole change form takes a few hundred stops at most.
MAX_TAB_STOPS = 400


def tab_to(page, selector):
    """Press Tab until the focus is on the element ``selector`` matches; fail if it never is."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focus_is_visible(page):
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
                || style.boxShadow !== "none";
        }"""
    )


@pytest.fixture
def editor(transactional_db):
    user = User.objects.create_user("kaisa", is_staff=True)
    groups = roles.sync_groups(global_apps)  # an editor who also publishes
    user.groups.add(groups[roles.EDITORS_GROUP], groups[roles.PUBLISHERS_GROUP])
    return user


def test_open_edit_save_a_draft_and_publish_by_keyboard(live_server, page, sign_in, editor):
    item = factories.make_page(
        slug="opening-hours", title_en="Opening hours", title_fi="Aukioloajat",
        status=Status.DRAFT,
    )  # fmt: skip
    sign_in(page, editor)

    # Open: from the index to the list of pages, then the page itself.
    tab_to(page, 'a[href="/admin/pages/page/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/pages/page/")
    tab_to(page, f'#result_list a[href="/admin/pages/page/{item.pk}/change/"]')
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/pages/page/{item.pk}/change/")

    # Edit and save as a draft.
    tab_to(page, "#id_title_en")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Opening hours of the office")
    tab_to(page, 'input[name="_continue"]')
    assert focus_is_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".messagelist .success").count() == 1
    item.refresh_from_db()
    assert (item.title_en, item.status) == ("Opening hours of the office", Status.DRAFT)

    # Publish: choose "Published" in the status field, then save.
    tab_to(page, "#id_status")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_status").input_value() == Status.PUBLISHED
    tab_to(page, 'input[name="_save"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url("**/admin/pages/page/")
    item = Page.objects.get(pk=item.pk)
    assert item.status == Status.PUBLISHED

    with override("en"):
        url = item.get_absolute_url()
    visitor = page.context.browser.new_context()
    try:
        response = visitor.new_page().goto(live_server.url + url)
        assert response.status == 200
    finally:
        visitor.close()
