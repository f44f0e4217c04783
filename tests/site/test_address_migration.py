"""
The upgrade to slugs per language: content from before (one slug, the English one, in
every language's address) gets Finnish and Swedish slugs from its names, and the
addresses it had keep working.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

BEFORE = [
    ("regions", "0002_media"),
    ("priorities", "0003_comparison_keys"),
    ("pages", "0001_initial"),
    ("kainuu_portal", "0002_viewers_group"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


# Migrating needs a database outside the test's transaction; the serialized rollback
# restores the migrations' rows (the groups) afterwards, as for the other tests that empty it.
MIGRATES = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def old_site():
    """The small site as the portal stored it before slugs were translated."""
    apps = migrate(BEFORE)
    Region = apps.get_model("regions", "Region")
    Municipality = apps.get_model("regions", "Municipality")
    Sector = apps.get_model("priorities", "Sector")
    Programme = apps.get_model("priorities", "Programme")
    Priority = apps.get_model("priorities", "Priority")
    Page = apps.get_model("pages", "Page")
    published = {"status": "published"}
    kainuu = Region.objects.create(
        slug="kainuu", name_fi="Kainuu", name_en="Kainuu", name_sv="Kajanaland", **published
    )
    Municipality.objects.create(
        region=kainuu, slug="kajaani", name_fi="Kajaani", name_sv="Kajana", **published
    )
    Sector.objects.create(
        slug="tourism", name_fi="Matkailu", name_en="Tourism", name_sv="Turism", **published
    )
    programme = Programme.objects.create(
        region=kainuu, slug="2018-2021", start_year=2018, end_year=2021, title_fi="S3", **published
    )
    # Made in Finnish: its Finnish slug was in the English address too.
    Priority.objects.create(
        programme=programme,
        slug="hyvinvointi-ja-tyollisyys",
        title_fi="Hyvinvointi ja työllisyys",
        title_sv="Välfärd och sysselsättning",
        **published,
    )
    Page.objects.create(slug="about", title_fi="Tietoa portaalista", title_en="About", **published)
    yield
    migrate(latest())


def assert_leads_to(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    assert client.get(new).status_code == 200, new


@MIGRATES
def test_today_s_addresses_lead_to_the_new_ones_after_the_migration(old_site):
    migrate(latest())
    client = Client()

    assert_leads_to(client, "/sv/regioner/kainuu/", "/sv/regioner/kajanaland/")
    assert_leads_to(client, "/sv/regioner/kainuu/kajaani/", "/sv/regioner/kajanaland/kajana/")
    assert_leads_to(client, "/fi/toimialat/tourism/", "/fi/toimialat/matkailu/")
    assert_leads_to(client, "/sv/branscher/tourism/", "/sv/branscher/turism/")
    assert_leads_to(client, "/sv/program/kainuu/2018-2021/", "/sv/program/kajanaland/2018-2021/")
    assert_leads_to(
        client,
        "/sv/program/kainuu/2018-2021/hyvinvointi-ja-tyollisyys/",
        "/sv/program/kajanaland/2018-2021/valfard-och-sysselsattning/",
    )
    assert_leads_to(client, "/fi/sivut/about/", "/fi/sivut/tietoa-portaalista/")
    # Addresses that were right already stay as they are.
    for unchanged in (
        "/fi/alueet/kainuu/",
        "/fi/alueet/kainuu/kajaani/",
        "/en/sectors/tourism/",
        "/en/pages/about/",
        "/fi/ohjelmat/kainuu/2018-2021/hyvinvointi-ja-tyollisyys/",
        "/en/programmes/kainuu/2018-2021/hyvinvointi-ja-tyollisyys/",
    ):
        assert client.get(unchanged).status_code == 200, unchanged
