"""
The search's stored text vectors on PostgreSQL: kept current by every way content is
written, never showing what visitors may not see, and a fixed number of queries.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from reversion.models import Version

from kainuu_portal.models import SearchEntry
from kainuu_portal.publishing.models import Status
from priorities.models import Priority
from tests import factories
from tests.helpers.admin import save

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the stored vectors are PostgreSQL's (CI runs the suite on PostgreSQL too)",
)


def titles(client, q, language="en"):
    with override(language):
        url = reverse("search")
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'class="result-title" href="[^"]+">(.*?)</a>', response.text)
    ]


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@on_postgresql
def test_a_save_in_any_language_is_found_at_once_and_a_delete_is_gone(client, db):
    priority = factories.make_priority(title_en="Bioeconomy", title_sv="Bioekonomi")
    assert titles(client, "bioeconomy") == ["Bioeconomy"]

    priority.title_sv = "Gruvdrift"
    priority.save()
    assert titles(client, "gruvdrift", "sv") == ["Gruvdrift"]
    assert titles(client, "bioekonomi", "sv") == []

    priority.delete()
    assert titles(client, "bioeconomy") == []
    assert not SearchEntry.objects.filter(kind="priority", object_id=priority.pk).exists()


@on_postgresql
def test_drafts_scheduled_rows_and_children_of_drafts_are_never_found(client, db):
    factories.make_page(title_en="Draft tundra", status=Status.DRAFT)
    factories.make_page(title_en="Scheduled tundra", publish_at=timezone.now() + timedelta(days=1))
    programme = factories.make_programme(title_en="Programme", status=Status.DRAFT)
    priority = factories.make_priority(programme=programme, title_en="Hidden tundra")
    factories.make_focus_area(priority=priority, title_en="Hidden tundra area")
    factories.make_page(title_en="Live tundra")

    assert titles(client, "tundra") == ["Live tundra"]

    programme.status = Status.PUBLISHED
    programme.save(update_fields=["status"])
    assert set(titles(client, "tundra")) == {"Live tundra", "Hidden tundra", "Hidden tundra area"}


@on_postgresql
def test_an_editor_saving_and_reverting_in_the_admin_keeps_the_index_current(editor_client):
    priority = factories.make_priority(title_fi="Teknologia", title_en="Technology")
    save(editor_client, priority)
    save(editor_client, priority, title_en="Wrongly named")
    assert titles(editor_client.__class__(), "wrongly") == ["Wrongly named"]

    # A revert writes the earlier version back (raw saves, then the form's save).
    Version.objects.get_for_object(priority).last().revert()
    priority.refresh_from_db()
    assert priority.title_en == "Technology"
    assert titles(editor_client.__class__(), "wrongly") == []
    assert titles(editor_client.__class__(), "technology") == ["Technology"]


@on_postgresql
def test_commands_that_write_without_signals_leave_a_current_index(client, db):
    run("load_demo_content")
    demo = set(SearchEntry.objects.values_list("kind", "object_id", "language"))
    assert demo and titles(client, "kainuu")

    run("generate_scale_data", "--scale", "2")
    generated = Priority.objects.filter(programme__region__slug__startswith="gen-").first()
    assert SearchEntry.objects.filter(kind="priority", object_id=generated.pk).count() == 3

    SearchEntry.objects.all().delete()
    assert titles(client, "kainuu") == []
    assert "entries" in run("rebuild_search_index")
    assert demo <= set(SearchEntry.objects.values_list("kind", "object_id", "language"))
    assert titles(client, "kainuu")


@on_postgresql
def test_a_search_makes_the_same_queries_however_much_content_there_is(client, db):
    run("load_demo_content")
    with override("en"):
        url = reverse("search") + "?q=kainuu"
    client.get(url)
    with CaptureQueriesContext(connection) as at_1x:
        assert client.get(url).status_code == 200

    run("generate_scale_data", "--scale", "3")
    client.get(url)
    with CaptureQueriesContext(connection) as at_3x:
        assert client.get(url).status_code == 200
    assert len(at_3x) == len(at_1x)
    ranking = next(query["sql"] for query in at_3x if "@@" in query["sql"])
    assert "kainuu_portal_searchentry" in ranking
    assert "to_tsvector" not in ranking  # the stored vectors, not computed ones


@on_postgresql
def test_the_ranking_is_planned_once_for_every_search_in_a_language(client, db):
    # Planned again for each search, the ranking cost the server more than running it.
    # Left to choose, PostgreSQL kept planning it anew for a word of few matches over a
    # hundred times the demo content; a plan made for one language's partial index only.
    run("load_demo_content")
    run("generate_scale_data", "--scale", "100")
    with override("en"):
        url = reverse("search")
    for _search in range(7):
        assert client.get(url, {"q": "kainuu"}).status_code == 200
    assert client.get(url, {"q": "tourism"}).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
            " WHERE statement LIKE %s",
            ["%kainuu_portal_searchentry%@@%"],
        )
        plans = cursor.fetchall()
    assert plans == [(7, 0)]
    assert titles(client, "kainuu")[0]


@on_postgresql
def test_a_search_reads_a_few_pages_of_its_language_s_index_after_a_rebuild(client, db):
    # GIN's "fast update" kept new entries in a list that every search read whole, and
    # that only a VACUUM empties: after a rebuild, every entry was in it.
    run("load_demo_content")
    run("generate_scale_data", "--scale", "5")
    with override("en"):
        url = reverse("search") + "?q=kainuu"
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    ranking = next(query["sql"] for query in queries if "@@" in query["sql"])
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {ranking}")
        nodes = list(plan_nodes(cursor.fetchone()[0][0]["Plan"]))
    reads = [node for node in nodes if node.get("Relation Name") == "kainuu_portal_searchentry"]
    assert "Seq Scan" not in {node["Node Type"] for node in reads}
    scans = [node for node in nodes if node.get("Index Name") == "kainuu_search_vector_en"]
    assert scans
    assert max(node["Shared Hit Blocks"] + node["Shared Read Blocks"] for node in scans) <= 4


def plan_nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite searches the tables")
def test_sqlite_searches_the_content_tables_and_keeps_no_index(client, db):
    factories.make_page(title_en="Plain tundra")
    assert titles(client, "tundra") == ["Plain tundra"]
    assert not SearchEntry.objects.exists()
    assert "nothing to rebuild" in run("rebuild_search_index")
