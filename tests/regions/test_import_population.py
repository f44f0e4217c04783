"""
manage.py import_population: Statistics Finland's table 11ra in JSON-stat2, from a file
or from a PxWeb API (a small server the tests start on a spare port).
"""

import json
import socket
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command

from regions.models import PopulationFigure
from tests import factories
from tests.helpers.admin import admin_url, save

DATA = Path(__file__).resolve().parent / "data"
TABLE = "statfin_vaerak_pxt_11ra"
UPDATED = datetime(2025, 3, 28, 5, 0, tzinfo=UTC)


@pytest.fixture
def kainuu(db):
    region = factories.make_region(slug="kainuu", name_en="Kainuu", code="18", is_home=True)
    municipalities = {
        code: factories.make_municipality(region=region, code=code, name_en=name, slug=name.lower())
        for code, name in [("205", "Kajaani"), ("765", "Sotkamo"), ("999", "Nowhere")]
    }
    return region, municipalities


def run(*args):
    out = StringIO()
    call_command("import_population", *args, stdout=out)
    return out.getvalue()


def figures():
    return {
        (str(figure.region or figure.municipality), figure.year): figure.value
        for figure in PopulationFigure.objects.select_related("region", "municipality")
    }


def test_a_file_adds_the_figures_with_their_source_and_the_tables_date(kainuu):
    output = run(str(DATA / "11ra-kainuu.json"))

    assert figures() == {
        ("Kainuu", 2022): 70521,
        ("Kainuu", 2023): 70210,
        ("Kainuu", 2024): 69810,
        ("Kajaani", 2022): 36600,
        ("Kajaani", 2023): 36513,
        ("Kajaani", 2024): 36480,
        ("Sotkamo", 2022): 10300,
        ("Sotkamo", 2023): 10250,
        ("Sotkamo", 2024): 10210,
    }
    figure = PopulationFigure.objects.get(municipality__code="205", year=2024)
    assert figure.origin == PopulationFigure.Origin.IMPORT
    assert figure.source_en == "Statistics Finland, population structure"
    assert figure.table_id == "11ra"
    assert figure.table_updated == UPDATED
    assert figure.is_live
    assert "Statistics Finland table 11ra, updated 2025-03-28" in output
    assert "Added Kajaani 2024: 36480" in output
    assert "Not in the table: Nowhere (KU999)" in output
    assert "9 added, 0 changed, 0 unchanged" in output


def test_importing_again_changes_nothing(kainuu):
    run(str(DATA / "11ra-kainuu.json"))
    before = list(PopulationFigure.objects.values().order_by("pk"))

    output = run(str(DATA / "11ra-kainuu.json"))

    assert list(PopulationFigure.objects.values().order_by("pk")) == before
    assert "0 added, 0 changed, 9 unchanged" in output


def test_a_newer_table_changes_the_imported_figures_and_says_what_changed(kainuu, tmp_path):
    run(str(DATA / "11ra-kainuu.json"))
    newer = json.loads((DATA / "11ra-kainuu.json").read_text())
    newer["updated"] = "2026-03-27T05:00:00Z"
    newer["value"][2] = 69800  # Kainuu 2024, revised
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(newer))

    output = run(str(path))

    assert "Changed Kainuu 2024: 69810 → 69800" in output
    assert figures()["Kainuu", 2024] == 69800
    assert set(PopulationFigure.objects.values_list("table_updated", flat=True)) == {
        datetime(2026, 3, 27, 5, 0, tzinfo=UTC)
    }


def test_a_figure_an_editor_entered_is_never_changed_or_deleted(kainuu):
    region, _municipalities = kainuu
    typed = factories.make_population(
        region=region, year=2023, value=70000, source_en="Regional Council of Kainuu"
    )
    older = factories.make_population(region=region, year=2018, value=73600, is_approximate=True)

    output = run(str(DATA / "11ra-kainuu.json"))

    typed.refresh_from_db()
    assert typed.value == 70000
    assert typed.origin == PopulationFigure.Origin.EDITOR
    assert typed.source_en == "Regional Council of Kainuu"
    assert typed.table_updated is None
    assert PopulationFigure.objects.filter(pk=older.pk).exists()
    assert "Kept as an editor entered it: Kainuu 2023: 70000 (the table gives 70210)" in output
    assert "8 added, 0 changed, 0 unchanged, 1 kept" in output


def test_an_imported_figure_an_editor_changes_becomes_the_editors(kainuu, editor_client):
    run(str(DATA / "11ra-kainuu.json"))
    figure = PopulationFigure.objects.get(region__code="18", year=2024)

    response = save(editor_client, figure, value=69900)
    assert response.status_code == 302, response.content.decode()[:2000]
    output = run(str(DATA / "11ra-kainuu.json"))

    figure.refresh_from_db()
    assert figure.value == 69900
    assert figure.origin == PopulationFigure.Origin.EDITOR
    assert "Kept as an editor entered it: Kainuu 2024: 69900 (the table gives 69810)" in output
    page = editor_client.get(admin_url("regions.populationfigure", "change", figure.pk))
    assert "an editor" in page.content.decode()


def test_the_dimensions_are_found_by_what_they_hold_not_by_their_names(kainuu):
    run(str(DATA / "11ra-kainuu-renamed.json"))

    assert figures()["Kajaani", 2023] == 36513
    assert len(figures()) == 9


def test_a_malformed_file_gets_a_clear_error_and_changes_nothing(kainuu):
    region, _municipalities = kainuu
    factories.make_population(region=region, year=2023, value=70000)
    before = list(PopulationFigure.objects.values().order_by("pk"))

    with pytest.raises(CommandError) as error:
        run(str(DATA / "11ra-malformed.json"))

    assert str(error.value) == (
        "The dataset has 23 values; its dimensions make 27. Nothing was changed."
    )
    assert list(PopulationFigure.objects.values().order_by("pk")) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not JSON"),
        ("[1, 2]", "not a JSON-stat2 dataset"),
        ('{"class": "collection"}', "a JSON-stat2 'collection', not a dataset"),
    ],
)
def test_other_bad_files_get_a_clear_error(kainuu, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)

    with pytest.raises(CommandError, match=message):
        run(str(path))
    assert not PopulationFigure.objects.exists()


def test_a_region_without_its_statistics_code_is_refused(db):
    factories.make_region(slug="kainuu", is_home=True, code="")

    with pytest.raises(CommandError, match="has no Statistics Finland region code"):
        run(str(DATA / "11ra-kainuu.json"))


def test_a_missing_file_gets_a_clear_error(kainuu):
    with pytest.raises(CommandError, match="No such file"):
        run("no-such-file.json")


# --- --fetch, from a PxWeb API --------------------------------------------------


def sliced(table, selection):
    """``table`` (a whole JSON-stat2 dataset) cut to ``selection``, as PxWeb answers."""
    chosen = {}
    for dimension in table["id"]:
        codes = list(table["dimension"][dimension]["category"]["index"])
        wanted = selection.get(dimension, ["*"])
        chosen[dimension] = codes if wanted == ["*"] else [c for c in codes if c in wanted]
    ids, sizes = table["id"], table["size"]
    strides = [1] * len(ids)
    for position in range(len(ids) - 2, -1, -1):
        strides[position] = strides[position + 1] * sizes[position + 1]
    values = [None]

    def walk(depth, offset):
        if depth == len(ids):
            values.append(table["value"][offset])
            return
        codes = list(table["dimension"][ids[depth]]["category"]["index"])
        for code in chosen[ids[depth]]:
            walk(depth + 1, offset + codes.index(code) * strides[depth])

    walk(0, 0)
    answer = json.loads(json.dumps(table))
    answer["size"] = [len(chosen[dimension]) for dimension in ids]
    for dimension in ids:
        category = answer["dimension"][dimension]["category"]
        category["index"] = {code: i for i, code in enumerate(chosen[dimension])}
        category["label"] = {code: category["label"][code] for code in chosen[dimension]}
    answer["value"] = values[1:]
    return answer


class PxWeb(BaseHTTPRequestHandler):
    """The two requests of the PxWeb API v2 the import makes: metadata, then data."""

    table = json.loads((DATA / "11ra-table.json").read_text())
    metadata = json.loads((DATA / "11ra-metadata.json").read_text())
    sources = {
        "fi": "Tilastokeskus, väestörakenne",
        "en": "Statistics Finland, population structure",
        "sv": "Statistikcentralen, befolkningsstruktur",
    }

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlsplit(self.path)
        self.server.requests.append(("GET", self.path, None))
        if url.path != f"/api/v2/tables/{TABLE}/metadata":
            return self.answer(404, {"type": "Not found", "title": "No such table"})
        language = parse_qs(url.query).get("lang", ["en"])[0]
        return self.answer(200, {**self.metadata, "source": self.sources[language]})

    def do_POST(self):
        url = urlsplit(self.path)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(("POST", self.path, body))
        query = parse_qs(url.query)
        if url.path != f"/api/v2/tables/{TABLE}/data" or query.get("outputFormat") != [
            "json-stat2"
        ]:
            return self.answer(400, {"title": "Bad request"})
        selection = {item["variableCode"]: item["valueCodes"] for item in body["selection"]}
        if set(selection) - set(self.table["id"]):
            return self.answer(400, {"title": "Unknown variable"})
        return self.answer(200, sliced(self.table, selection))


@pytest.fixture
def pxweb():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PxWeb)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def api_url(server):
    return f"http://127.0.0.1:{server.server_address[1]}/api/v2"


def test_fetch_posts_the_query_the_tables_metadata_allows(kainuu, pxweb):
    output = run("--fetch", "--api-url", api_url(pxweb))

    posts = [body for method, _path, body in pxweb.requests if method == "POST"]
    assert posts == [
        {
            "selection": [
                {"variableCode": "Alue", "valueCodes": ["MK18", "KU205", "KU765"]},
                {"variableCode": "Vuosi", "valueCodes": ["*"]},
                {"variableCode": "Tiedot", "valueCodes": ["vaesto"]},
            ]
        }
    ]
    assert figures()["Kainuu", 2024] == 69810
    assert figures()["Sotkamo", 2022] == 10300
    assert len(figures()) == 9
    figure = PopulationFigure.objects.get(municipality__code="205", year=2023)
    assert (figure.source_fi, figure.source_en, figure.source_sv) == tuple(PxWeb.sources.values())
    assert figure.table_updated == UPDATED
    assert "9 added" in output
    assert "Not in the table: Nowhere (KU999)" in output


def test_fetch_follows_renamed_dimensions_and_contents(kainuu, pxweb, monkeypatch):
    renamed = {"Alue": "Area", "Tiedot": "Information", "Vuosi": "Year"}

    def rename(dataset):
        dataset = json.loads(json.dumps(dataset).replace('"vaesto"', '"pop_3112"'))
        dataset["id"] = [renamed[name] for name in dataset["id"]]
        dataset["dimension"] = {renamed[k]: v for k, v in dataset["dimension"].items()}
        dataset["role"] = {k: [renamed[n] for n in v] for k, v in dataset["role"].items()}
        return dataset

    monkeypatch.setattr(PxWeb, "table", rename(PxWeb.table))
    monkeypatch.setattr(PxWeb, "metadata", rename(PxWeb.metadata))

    run("--fetch", "--api-url", api_url(pxweb))

    (body,) = [body for method, _path, body in pxweb.requests if method == "POST"]
    assert [item["variableCode"] for item in body["selection"]] == ["Area", "Year", "Information"]
    assert body["selection"][2]["valueCodes"] == ["pop_3112"]
    assert figures()["Kajaani", 2023] == 36513


def test_fetch_from_an_api_that_refuses_gets_a_clear_error(kainuu, pxweb):
    with pytest.raises(CommandError, match=r"answered 404 Not Found.*Nothing was changed"):
        run("--fetch", "--api-url", api_url(pxweb), "--table", "no_such_table")
    assert not PopulationFigure.objects.exists()


def test_fetch_from_a_stopped_api_gets_a_clear_error(kainuu):
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    # Nothing listens on the port any more.
    with pytest.raises(CommandError, match=r"Could not reach .*Nothing was changed"):
        run("--fetch", "--api-url", f"http://127.0.0.1:{port}/api/v2")
    assert not PopulationFigure.objects.exists()


def test_the_population_is_found_among_the_tables_contents_by_its_label(kainuu):
    # The whole table: every area, and besides the population its change and its change in %.
    run(str(DATA / "11ra-table.json"))

    assert figures()["Kajaani", 2024] == 36480
    assert len(figures()) == 9


def test_contents_the_import_cannot_tell_apart_ask_for_measure(kainuu, tmp_path):
    table = json.loads((DATA / "11ra-table.json").read_text())
    table["dimension"]["Tiedot"]["category"]["label"]["vaesto"] = "Inhabitants"
    path = tmp_path / "unlabelled.json"
    path.write_text(json.dumps(table))

    with pytest.raises(CommandError, match="name it with --measure. The contents are: vaesto"):
        run(str(path))
    assert not PopulationFigure.objects.exists()

    run(str(path), "--measure", "vaesto")
    assert figures()["Kajaani", 2024] == 36480
