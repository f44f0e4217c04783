"""Comparing two programme periods of a region, over HTTP and in the matching rules."""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from priorities.comparison import Change, match, normalise
from tests import factories
from tests.helpers.pages import QUERY_BUDGET


def compare_url(region, language="en", **params):
    with override(language):
        url = reverse("priorities:programme-compare", kwargs={"region_slug": region.slug})
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


@pytest.fixture
def periods(db):
    """Kainuu with two programme periods whose priorities, focus areas and themes differ."""
    region = factories.make_region(slug="kainuu", name_en="Kainuu", is_home=True)
    old = factories.make_programme(
        region=region, slug="2018-2021", start_year=2018, end_year=2021, title_en="S3 2018"
    )
    new = factories.make_programme(
        region=region, slug="2022-2025", start_year=2022, end_year=2025, title_en="S3 2022"
    )
    # Kept by key although the title changed.
    old_mining = factories.make_priority(
        programme=old, key="mining", title_fi="Kaivannaisala", title_en="Mining industry"
    )
    new_mining = factories.make_priority(
        programme=new,
        key="mining",
        title_fi="Kestävä kaivostoiminta",
        title_en="Sustainable mining",
    )
    # Kept by title (no keys), the title differing only in case and punctuation.
    old_tourism = factories.make_priority(
        programme=old, title_fi="Matkailu", title_en="Tourism", slug="matkailu"
    )
    new_tourism = factories.make_priority(
        programme=new, title_fi="matkailu.", title_en="Tourism.", slug="matkailu"
    )
    # Dropped and added.
    factories.make_priority(programme=old, title_fi="Puunjalostus", title_en="Wood processing")
    factories.make_priority(programme=new, title_fi="Vety", title_en="Hydrogen economy")
    # A draft priority of the new period never shows.
    factories.make_priority(
        programme=new, title_fi="Salainen", title_en="Secret priority", status=Status.DRAFT
    )
    factories.make_focus_area(priority=old_mining, title_fi="Malminetsintä", title_en="Prospecting")
    factories.make_focus_area(priority=new_mining, title_fi="Malminetsintä", title_en="Exploration")
    factories.make_focus_area(priority=new_mining, title_fi="Kiertotalous", title_en="Tailings")
    factories.make_focus_area(priority=old_tourism, title_fi="Hiihto", title_en="Skiing")
    factories.make_focus_area(priority=new_tourism, title_fi="Luonto", title_en="Nature trips")
    factories.make_theme(programme=old, title_fi="Saavutettavuus", title_en="Accessibility")
    factories.make_theme(programme=new, title_fi="Saavutettavuus", title_en="Accessibility")
    factories.make_theme(programme=new, title_fi="Digitalisaatio", title_en="Digitalisation")
    factories.make_theme(programme=old, title_fi="Kansainvälisyys", title_en="Internationality")
    return SimpleNamespace(region=region, old=old, new=new)


def rows(content, caption):
    """(first period cell, second period cell, change) of the table with this caption."""
    table = content.split(f"<caption>{caption}</caption>")[1].split("</table>")[0]
    cells = re.findall(r"<tr[^>]*>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", table, re.S)
    strip = lambda html: re.sub(r"<[^>]+>", "", html).strip()  # noqa: E731
    return [tuple(strip(cell) for cell in row) for row in cells]


def test_the_two_newest_periods_side_by_side_marked_added_kept_dropped(client, periods):
    response = client.get(compare_url(periods.region))
    assert response.status_code == 200
    content = response.content.decode()

    assert rows(content, "Priorities of the two periods") == [
        ("Mining industry", "Sustainable mining", "Kept"),
        ("Tourism", "Tourism.", "Kept"),
        ("–", "Hydrogen economy", "Added"),
        ("Wood processing", "–", "Dropped"),
    ]
    assert "Secret priority" not in content
    assert "1 added, 2 kept, 1 dropped." in content
    # Focus areas are compared within each pair of priorities (here by the Finnish title).
    assert rows(content, "Focus areas of “Sustainable mining”") == [
        ("Prospecting", "Exploration", "Kept"),
        ("–", "Tailings", "Added"),
    ]
    assert rows(content, "Focus areas of “Tourism.”") == [
        ("–", "Nature trips", "Added"),
        ("Skiing", "–", "Dropped"),
    ]
    assert rows(content, "Cross-cutting themes of the two periods") == [
        ("Accessibility", "Accessibility", "Kept"),
        ("–", "Digitalisation", "Added"),
        ("Internationality", "–", "Dropped"),
    ]
    assert '<th scope="col">2018–2021</th>' in content


def test_the_earlier_period_comes_first_whatever_the_order_of_the_parameters(client, periods):
    content = client.get(compare_url(periods.region, a="2022-2025", b="2018-2021")).content
    assert rows(content.decode(), "Priorities of the two periods")[0] == (
        "Mining industry",
        "Sustainable mining",
        "Kept",
    )


def test_one_parameter_picks_the_other_period(client, periods):
    response = client.get(compare_url(periods.region, b="2018-2021"))
    assert response.status_code == 200
    assert "Hydrogen economy" in response.content.decode()


def test_different_keys_keep_items_apart_even_with_the_same_title(client, periods):
    factories.make_theme(programme=periods.old, title_en="Climate", key="climate-adaptation")
    factories.make_theme(programme=periods.new, title_en="Climate", key="climate-mitigation")
    content = client.get(compare_url(periods.region)).content.decode()
    themes = rows(content, "Cross-cutting themes of the two periods")
    assert ("–", "Climate", "Added") in themes
    assert ("Climate", "–", "Dropped") in themes


def test_the_page_is_translated_by_the_active_language(client, periods):
    content = client.get(compare_url(periods.region, "fi")).content.decode()
    assert "Kestävä kaivostoiminta" in content
    assert "Kaivannaisala" in content


def test_with_one_period_the_page_says_so(client, periods):
    periods.new.status = Status.DRAFT
    periods.new.save()
    response = client.get(compare_url(periods.region))
    assert response.status_code == 200
    content = response.content.decode()
    assert "has only one programme period so far (2018–2021)" in content
    assert "<table" not in content


def test_with_no_period_the_page_says_so(client, db):
    region = factories.make_region(name_en="Lonely")
    content = client.get(compare_url(region)).content.decode()
    assert "No programme periods of Lonely have been published yet." in content


@pytest.mark.parametrize("value", ["1999-2000", "x" * 3000, "%00", "<script>", "'", "2018–2021"])
def test_an_unknown_period_is_a_friendly_404(client, periods, value):
    response = client.get(compare_url(periods.region, a=value))
    assert response.status_code == 404
    content = response.content.decode()
    assert "has no programme period called" in content
    assert '<select id="compare-a" name="a">' in content
    assert "<script>" not in content


def test_the_same_period_twice_asks_for_two_different_periods(client, periods):
    response = client.get(compare_url(periods.region, a="2018-2021", b="2018-2021"))
    assert response.status_code == 200
    assert "Choose two different periods to compare." in response.content.decode()


def test_a_draft_or_unknown_region_is_a_404(client, periods):
    assert client.get(compare_url(SimpleNamespace(slug="nowhere"))).status_code == 404
    periods.region.status = Status.DRAFT
    periods.region.save()
    assert client.get(compare_url(periods.region)).status_code == 404


def test_the_comparison_stays_within_the_query_budget(
    client, periods, django_assert_max_num_queries
):
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get(compare_url(periods.region)).status_code == 200


def test_the_programme_page_links_to_the_comparison_only_with_two_periods(client, periods):
    with override("fi"):
        url = periods.new.get_absolute_url()
    assert compare_url(periods.region, "fi") + "?b=2022-2025" in client.get(url).content.decode()
    periods.old.status = Status.DRAFT
    periods.old.save()
    assert "?b=2022-2025" not in client.get(url).content.decode()


def test_staff_previewing_a_draft_region_get_no_link_to_its_comparison(admin_client, periods):
    url = periods.new.get_absolute_url()
    assert "?b=2022-2025" in admin_client.get(url).content.decode()
    periods.region.status = Status.DRAFT
    periods.region.save()
    content = admin_client.get(url).content.decode()
    assert "preview-banner" in content
    assert "?b=2022-2025" not in content
    assert admin_client.get(compare_url(periods.region)).status_code == 404


def test_an_editor_sets_a_comparison_key_in_the_admin(admin_client, periods):
    priority = periods.new.priorities.get(title_en="Hydrogen economy")
    url = reverse("admin:priorities_priority_change", args=[priority.pk])
    content = admin_client.get(url).content.decode()
    assert 'name="key"' in content
    assert "comparison page" in content


def test_scheduled_items_join_the_comparison_when_their_time_comes(client, periods, monkeypatch):
    # The page's queries are compiled once per process: the page asked for first, then
    # again when the scheduled rows' time has come, shows what is live each time.
    later = timezone.now() + timedelta(hours=1)
    mining = periods.new.priorities.get(key="mining")
    factories.make_priority(
        programme=periods.new, title_fi="Akut", title_en="Batteries", publish_at=later
    )
    factories.make_focus_area(
        priority=mining, title_fi="Rikastus", title_en="Enrichment", publish_at=later
    )
    factories.make_theme(
        programme=periods.old, title_fi="Ilmasto", title_en="Climate", publish_at=later
    )
    factories.make_programme(
        region=periods.region,
        slug="2026-2029",
        start_year=2026,
        end_year=2029,
        title_en="S3 2026",
        publish_at=later,
    )
    url = compare_url(periods.region, a="2018-2021", b="2022-2025")
    content = client.get(url).content.decode()
    assert "Batteries" not in content
    assert "Enrichment" not in content
    assert "Climate" not in content
    assert "2026-2029" not in content

    monkeypatch.setattr(timezone, "now", lambda: later + timedelta(seconds=1))
    content = client.get(url).content.decode()
    assert ("–", "Batteries", "Added") in rows(content, "Priorities of the two periods")
    assert ("–", "Enrichment", "Added") in rows(content, "Focus areas of “Sustainable mining”")
    assert ("Climate", "–", "Dropped") in rows(content, "Cross-cutting themes of the two periods")
    assert '<option value="2026-2029">2026–2029 – S3 2026</option>' in content
    # Without parameters, the two newest periods.
    content = client.get(compare_url(periods.region)).content.decode()
    assert '<th scope="col">2026–2029</th>' in content
    assert '<th scope="col">2018–2021</th>' not in content


def test_unpublished_items_leave_the_comparison(client, periods):
    url = compare_url(periods.region)
    content = client.get(url).content.decode()
    assert "Hydrogen economy" in content
    assert "Tailings" in content
    assert "Internationality" in content

    hydrogen = periods.new.priorities.get(title_en="Hydrogen economy")
    hydrogen.status = Status.DRAFT
    hydrogen.save()
    periods.new.priorities.get(key="mining").focus_areas.filter(title_en="Tailings").update(
        unpublish_at=timezone.now() - timedelta(minutes=1)
    )
    periods.old.themes.filter(title_en="Internationality").update(status=Status.DRAFT)
    content = client.get(url).content.decode()
    assert "Hydrogen economy" not in content
    assert "Tailings" not in content
    assert "Internationality" not in content
    assert "0 added, 2 kept, 1 dropped." in content


def test_the_focus_areas_of_a_draft_priority_never_show(client, periods):
    secret = periods.new.priorities.get(title_en="Secret priority")
    factories.make_focus_area(priority=secret, title_fi="Salaisuus", title_en="Secret focus")
    assert "Secret focus" not in client.get(compare_url(periods.region)).content.decode()


def test_an_unpublished_period_leaves_the_choice_of_periods(client, periods):
    factories.make_programme(
        region=periods.region, slug="2026-2029", start_year=2026, end_year=2029
    )
    assert '<option value="2026-2029"' in client.get(compare_url(periods.region)).content.decode()
    periods.region.programmes.filter(slug_fi="2026-2029").update(status=Status.DRAFT)
    response = client.get(compare_url(periods.region, a="2026-2029"))
    assert response.status_code == 404
    assert '<option value="2026-2029"' not in response.content.decode()


def test_the_language_links_lead_to_the_same_periods_in_each_language(client, periods):
    periods.new.slug_sv = "2022-2025-sv"
    periods.new.save()
    periods.region.slug_sv = "kajanaland"
    periods.region.save()
    content = client.get(compare_url(periods.region, b="2018-2021")).content.decode()
    assert 'href="/sv/program/kajanaland/jamfor/?a=2018-2021&amp;b=2022-2025-sv"' in content
    assert 'href="/fi/ohjelmat/kainuu/vertaa/?a=2018-2021&amp;b=2022-2025"' in content
    # The region's address in Swedish, its periods by their Swedish slugs.
    response = client.get("/sv/program/kajanaland/jamfor/?b=2022-2025-sv")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<option value="2022-2025-sv" selected>' in content
    assert '<th scope="col">2018–2021</th>' in content


# --- The matching rules --------------------------------------------------------


def item(title, key=""):
    return SimpleNamespace(title=title, title_fi=title, key=key)


def test_normalise_ignores_case_punctuation_and_spacing():
    assert normalise("  Kestävä  KAIVOStoiminta! ") == "kestävä kaivostoiminta"
    assert normalise(None) == ""


def test_match_by_key_first_then_by_title():
    a, b, c = item("Matkailu", "tourism"), item("Metsä"), item("Vety")
    x, y, z = item("Elämysmatkailu", "tourism"), item("metsä"), item("Akut")
    result = [(row.old, row.new, row.change) for row in match([a, b, c], [x, y, z])]
    assert result == [
        (a, x, Change.KEPT),
        (b, y, Change.KEPT),
        (None, z, Change.ADDED),
        (c, None, Change.DROPPED),
    ]


def test_an_item_with_a_key_still_matches_a_keyless_item_by_title():
    old, new = item("Matkailu"), item("Matkailu", "tourism")
    assert [row.change for row in match([old], [new])] == [Change.KEPT]


def test_each_item_is_matched_once():
    old = item("Matkailu")
    new_rows = match([old], [item("Matkailu"), item("matkailu")])
    assert [row.change for row in new_rows] == [Change.KEPT, Change.ADDED]
