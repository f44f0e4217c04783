"""Every entry of the admin index has a name of its own."""

from collections import Counter

from django.contrib import admin

from tests.helpers.html import parse


def test_no_two_admin_entries_share_a_name():
    names = Counter(str(model._meta.verbose_name_plural).lower() for model in admin.site._registry)
    assert [name for name, count in names.items() if count > 1] == []


def test_the_index_names_region_links_and_programme_links_apart(admin_client):
    page = parse(admin_client.get("/admin/"))
    entries = [
        link.text.strip() for table in page.find_all("table") for link in table.find_all("th")
    ]
    assert "Region links" in entries
    assert "Programme links" in entries
    assert "Links" not in entries
