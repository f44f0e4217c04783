"""
The EU's S3 classification: the NACE Rev. 2 and NABS 2007 code lists, chosen in the
admin, shown on priority and sector pages and on the page of priorities by economic
domain; the sectors' old NACE text moved onto the code list by a migration.
"""

import json
from datetime import timedelta
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from priorities.models import EconomicDomain, Priority, ScientificDomain, Sector
from tests import factories
from tests.helpers.admin import admin_url, change_form
from tests.helpers.html import parse

DATA = Path(__file__).resolve().parents[2] / "priorities" / "data"


def codes(model, *wanted):
    return list(model.objects.filter(code__in=wanted))


# --- The code lists -----------------------------------------------------------------


def test_the_code_lists_are_complete(db):
    sections = EconomicDomain.objects.filter(section=None)
    assert [s.code for s in sections] == list("ABCDEFGHIJKLMNOPQRSTU")
    divisions = EconomicDomain.objects.exclude(section=None)
    assert divisions.count() == 88
    assert EconomicDomain.objects.get(code="26").section.code == "C"
    assert EconomicDomain.objects.get(code="99").section.code == "U"
    assert [d.code for d in ScientificDomain.objects.all()] == [f"{n:02d}" for n in range(1, 15)]


def test_the_code_lists_carry_the_official_names_from_the_shipped_files(db):
    nace = json.loads((DATA / "nace-rev2.json").read_text())
    c = next(section for section in nace["sections"] if section["code"] == "C")
    assert c["name"]["en"] == "Manufacturing"
    manufacturing = EconomicDomain.objects.get(code="C")
    assert (manufacturing.name_en, manufacturing.name_fi) == ("Manufacturing", "Teollisuus")
    health = ScientificDomain.objects.get(code="07")
    assert (health.name_en, health.name_fi, health.name_sv) == ("Health", "", "")
    with override("fi"):
        # A name not available in Finnish reads in English.
        assert str(ScientificDomain.objects.get(code="07")) == "07 Health"


# Migrating takes the test out of a transaction; the serialized rollback restores the
# migrations' rows (the code lists, the groups) for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_moves_a_sectors_nace_text_onto_the_code_list():
    executor = MigrationExecutor(connection)
    before = [("priorities", "0004_s3_code_lists")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldSector = old_apps.get_model("priorities", "Sector")
    OldSector.objects.create(
        name="Metal", name_fi="Metalli", slug="old-metal", nace_codes="24, 25.1,7", order=1
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    # The slugs per language came later: the English one keeps today's slug.
    sector = Sector.objects.get(slug_en="old-metal")
    assert sorted(d.code for d in sector.economic_domains.all()) == ["07", "24", "25"]


# --- The admin ----------------------------------------------------------------------


def test_an_editor_classifies_a_priority_in_the_admin(editor_client, db):
    priority = factories.make_priority(title_en="Technology")
    url, data = change_form(editor_client, priority)
    data["economic_domains"] = [str(d.pk) for d in codes(EconomicDomain, "26", "62")]
    data["scientific_domains"] = [str(d.pk) for d in codes(ScientificDomain, "06")]

    response = editor_client.post(url, data)

    assert response.status_code == 302
    assert sorted(d.code for d in priority.economic_domains.all()) == ["26", "62"]
    assert [d.code for d in priority.scientific_domains.all()] == ["06"]


def test_the_admin_offers_every_code_to_choose_from(editor_client, db):
    priority = factories.make_priority()
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "priorities",
            "model_name": "priority",
            "field_name": "economic_domains",
            "term": "manufacture of comp",
        },
    )
    assert response.status_code == 200, priority
    assert [item["text"] for item in response.json()["results"]] == [
        "26 Manufacture of computer, electronic and optical products"
    ]


def test_the_code_lists_are_read_only_in_the_admin(editor_client, db):
    domain = EconomicDomain.objects.get(code="26")
    assert (
        editor_client.get(admin_url("priorities.economicdomain", "changelist")).status_code == 200
    )
    assert editor_client.get(admin_url("priorities.economicdomain", "add")).status_code == 403
    assert (
        editor_client.post(
            admin_url("priorities.economicdomain", "change", domain.pk), {"code": "X"}
        ).status_code
        == 403
    )
    assert (
        editor_client.post(admin_url("priorities.scientificdomain", "delete", 1), {"post": "yes"})
    ).status_code == 403


# --- The public pages ---------------------------------------------------------------


@pytest.fixture
def classified(db):
    region = factories.make_region(slug="kainuu", name_en="Kainuu", is_home=True)
    old = factories.make_programme(region=region, slug="2018-2021", start_year=2018, end_year=2021)
    new = factories.make_programme(region=region, slug="2022-2025", start_year=2022, end_year=2025)
    tech = factories.make_priority(programme=old, slug="tech", title_en="Technology industry")
    tech.economic_domains.set(codes(EconomicDomain, "24", "26"))
    tech.scientific_domains.set(codes(ScientificDomain, "06"))
    metal = factories.make_priority(programme=new, slug="metal", title_en="Metal")
    metal.economic_domains.set(codes(EconomicDomain, "C"))
    travel = factories.make_priority(programme=new, slug="travel", title_en="Tourism")
    travel.economic_domains.set(codes(EconomicDomain, "55"))
    factories.make_priority(programme=new, slug="open", title_en="Open question")
    hidden = factories.make_priority(
        programme=new, slug="hidden", title_en="Hidden draft", status=Status.DRAFT
    )
    hidden.economic_domains.set(codes(EconomicDomain, "01"))
    sector = factories.make_sector(slug="metal-sector", name_en="Metal sector")
    sector.economic_domains.set(codes(EconomicDomain, "24", "25"))
    return {"tech": tech, "sector": sector}


def words(text):
    return " ".join(text.split())


class Page:
    """A public page's main content: its headings and the text of its sections."""

    def __init__(self, response):
        self.main = parse(response).find("main")
        self.text = words(self.main.text)

    def headings(self, level):
        return [words(heading.text) for heading in self.main.find_all(f"h{level}")]

    def section(self, heading):
        for section in self.main.find_all("section"):
            if words(section.find("h2").text) == heading:
                return words(section.text)
        raise AssertionError(f"no section {heading!r}: {self.headings(2)}")


def english(client, url):
    with override("en"):
        response = client.get(url())
    assert response.status_code == 200
    return Page(response)


def test_the_priority_page_shows_its_codes(client, classified):
    page = english(client, classified["tech"].get_absolute_url)

    section = page.section("EU S3 classification")
    assert "24 Manufacture of basic metals" in section
    assert "26 Manufacture of computer, electronic and optical products" in section
    assert "06 Industrial production and technology" in section


def test_the_sector_page_shows_its_codes(client, classified):
    page = english(client, classified["sector"].get_absolute_url)

    section = page.section("EU S3 classification")
    assert "25 Manufacture of fabricated metal products, except machinery and equipment" in section
    assert "Scientific domains" not in section


def test_the_page_of_priorities_by_economic_domain_groups_every_period(client, classified):
    page = english(client, lambda: reverse("priorities:economic-domains"))

    assert page.headings(2) == [
        "C Manufacturing",
        "I Accommodation and food service activities",
        "Not classified yet",
    ]
    manufacturing = page.section("C Manufacturing")
    assert "Technology industry (Kainuu, 2018–2021)" in manufacturing
    assert "24 Manufacture of basic metals" in manufacturing
    assert "Metal (Kainuu, 2022–2025)" in manufacturing
    assert "Tourism (Kainuu, 2022–2025)" in page.section(
        "I Accommodation and food service activities"
    )
    assert "Open question" in page.section("Not classified yet")
    assert "Hidden draft" not in page.text


def test_a_scheduled_priority_joins_the_page_by_economic_domain_once_its_time_has_come(
    client, classified
):
    publish_at = timezone.now() + timedelta(hours=1)
    later = factories.make_priority(
        programme=classified["tech"].programme,
        slug="later",
        title_en="Batteries",
        publish_at=publish_at,
    )
    later.economic_domains.set(codes(EconomicDomain, "55"))
    assert "Batteries" not in english(client, lambda: reverse("priorities:economic-domains")).text

    with mock.patch("django.utils.timezone.now", return_value=publish_at):
        page = english(client, lambda: reverse("priorities:economic-domains"))
    assert "Batteries (Kainuu, 2018–2021)" in page.section(
        "I Accommodation and food service activities"
    )


def test_the_page_by_economic_domain_falls_back_on_a_missing_translation(client, classified):
    EconomicDomain.objects.filter(code__in=["C", "24"]).update(name_sv="")
    with override("sv"):
        response = client.get(reverse("priorities:economic-domains"))
        address = classified["tech"].get_absolute_url()
    page = Page(response)

    assert page.headings(2)[0] == "C Manufacturing"
    manufacturing = page.section("C Manufacturing")
    assert "Technology industry (Kainuu, 2018–2021)" in manufacturing
    assert "24 Manufacture of basic metals" in manufacturing
    assert f'href="{address}"' in response.content.decode()


TRICKY = """Fish & <b>chips</b> "fried" 'n' more"""
TRICKY_ESCAPED = "Fish &amp; &lt;b&gt;chips&lt;/b&gt; &quot;fried&quot; &#x27;n&#x27; more"


def test_the_page_by_economic_domain_escapes_the_texts_it_lists(client, classified):
    region = factories.make_region(slug="ampersand", name_en="Ahola & <i>Co</i>")
    programme = factories.make_programme(region=region, slug="2022-2025", start_year=2022)
    factories.make_priority(
        programme=programme, slug="named", title_en=TRICKY
    ).economic_domains.set(codes(EconomicDomain, "24"))
    factories.make_priority(programme=programme, slug="unnamed", title_en=TRICKY)
    EconomicDomain.objects.filter(code="24").update(name_en="Metals <&> 'basic'")
    with override("en"):
        html = client.get(reverse("priorities:economic-domains")).content.decode()

    assert html.count(f">{TRICKY_ESCAPED}</a>") == 2  # under C and not classified
    assert "(Ahola &amp; &lt;i&gt;Co&lt;/i&gt;, 2022–2025)" in html
    assert '<span class="code">24</span> Metals &lt;&amp;&gt; &#x27;basic&#x27;</li>' in html
    assert "<b>" not in html
    assert "<i>" not in html
    page = english(client, lambda: reverse("priorities:economic-domains"))
    assert f"{TRICKY} (Ahola & <i>Co</i>, 2022–2025) 24 Metals" in page.section("C Manufacturing")
    assert TRICKY in page.section("Not classified yet")


def test_the_programme_list_links_the_page_by_economic_domain(client, classified):
    for language in ("fi", "en", "sv"):
        with override(language):
            html = client.get(reverse("priorities:programme-list")).content.decode()
            assert f'href="{reverse("priorities:economic-domains")}"' in html


def test_the_sitemap_lists_the_page_by_economic_domain_in_every_language(client, classified):
    content = client.get("/sitemap.xml").content.decode()
    for language in ("fi", "en", "sv"):
        with override(language):
            assert f"http://testserver{reverse('priorities:economic-domains')}" in content


def test_the_page_by_economic_domain_makes_few_queries(
    client, classified, django_assert_max_num_queries
):
    for _ in range(5):
        priority = factories.make_priority(programme=classified["tech"].programme)
        priority.economic_domains.set(codes(EconomicDomain, "61", "J", "A"))
    with override("en"), django_assert_max_num_queries(3):
        client.get(reverse("priorities:economic-domains"))


def test_a_draft_priority_keeps_its_codes_out_of_the_api(client, classified):
    body = client.get("/api/v1/priorities", {"economic_domain": "01"}).json()
    assert body["count"] == 0
    assert Priority.objects.filter(economic_domains__code="01").count() == 1


def test_loading_the_code_lists_again_restores_a_changed_name(db):
    EconomicDomain.objects.filter(code="26").update(name_en="Changed")
    out = StringIO()

    call_command("load_classifications", stdout=out)

    assert EconomicDomain.objects.get(code="26").name_en == (
        "Manufacture of computer, electronic and optical products"
    )
    assert "EconomicDomain: 0 created, 109 updated" in out.getvalue()
    assert "ScientificDomain: 0 created, 14 updated" in out.getvalue()
