"""
The accessibility checks in the admin, as an editor meets them: a save is never
blocked, the message after it lists each problem with where it is and how to fix
it, and the change lists can be filtered to items with problems.
"""

import pytest

from pages.models import Page
from tests import factories
from tests.helpers.admin import admin_url, change_form
from tests.helpers.html import parse

pytestmark = pytest.mark.django_db


def save_and_follow(client, obj, **changes):
    url, data = change_form(client, obj)
    for name, value in changes.items():
        data[name] = [value]
    response = client.post(url, data, follow=True)
    assert response.redirect_chain, response.context["adminform"].form.errors
    return response


def warnings(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


def test_a_save_with_problems_is_kept_and_the_problems_are_listed(editor_client):
    page = factories.make_page()
    response = save_and_follow(
        editor_client,
        page,
        body_fi='<p><a href="https://kainuunliitto.fi/">lue lisää</a></p>',
        body_sv="<h3>Finansiering</h3>",
        title_en="ABOUT THE PORTAL NOW",
    )

    page.refresh_from_db()
    assert page.body_fi.startswith("<p><a")  # saved, not blocked
    [warning] = warnings(response)
    assert "found 3 problems" in warning
    items = [li.text for li in parse(warning).find_all("li")]
    assert items[0].startswith("Body (Finnish): A link text does not say where the link leads")
    assert "makes sense alone" in items[0]  # how to fix it
    assert items[1].startswith("Title (English): Text is written in capitals")
    assert items[2].startswith("Body (Swedish): A heading skips a level: “Finansiering”")


def test_a_save_without_problems_has_no_warning(editor_client):
    page = factories.make_page()
    response = save_and_follow(editor_client, page, body_en="<h2>Contact</h2><p>Write to us.</p>")
    assert warnings(response) == []
    page.refresh_from_db()
    assert page.accessibility_problems == []


def test_adding_an_item_with_problems_lists_them_too(editor_client):
    data = {
        "slug_fi": "new-page",
        "title_fi": "Uusi sivu",
        "body_fi": '<p><a href="https://a.example/">tästä</a></p>',
        "status": "draft",
        "order": "0",
        "publish_at_0": "",
        "publish_at_1": "",
    }
    response = editor_client.post(admin_url("pages.page", "add"), data, follow=True)
    assert Page.objects.filter(slug_fi="new-page").exists()
    [warning] = warnings(response)
    assert "“tästä”" in warning


def test_the_change_list_filters_items_with_accessibility_problems(editor_client):
    good = factories.make_page(title_en="Contact details")
    bad = factories.make_page(title_en="Read about us", body_en='<p><a href="/x">here</a></p>')
    url = admin_url("pages.page", "changelist")

    def titles(query):
        table = parse(editor_client.get(url + query)).find("table", id="result_list")
        return {row.find("th").text.strip() for row in table.find("tbody").find_all("tr")}

    assert titles("?accessibility=problems") == {bad.title_en}
    assert titles("?accessibility=ok") == {good.title_en}
    assert titles("") == {good.title_en, bad.title_en}
    filters = parse(editor_client.get(url)).find("search", id="changelist-filter")
    assert "Has accessibility problems" in filters.text


@pytest.mark.parametrize("label", ["regions.region", "priorities.priority", "pages.page"])
def test_every_content_list_has_the_filter(editor_client, label):
    response = editor_client.get(admin_url(label, "changelist") + "?accessibility=problems")
    assert response.status_code == 200
    assert "Has accessibility problems" in response.content.decode()
