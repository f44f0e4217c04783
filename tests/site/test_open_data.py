"""Open data over HTTP: the JSON API and its schema, CORS, CSV downloads and the Open data page."""

import csv
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from kainuu_portal.api import api
from kainuu_portal.publishing.models import Status
from priorities.api import PriorityList, ProgrammeList, SectorList
from priorities.models import EconomicDomain, ScientificDomain
from regions.api import MunicipalityList, RegionList
from tests import factories
from tests.helpers.pages import QUERY_BUDGET


def domains(model, *codes):
    return list(model.objects.filter(code__in=codes))


@pytest.fixture
def data(db):
    region = factories.make_region(
        slug="kainuu",
        name_fi="Kainuu",
        name_en="Kainuu",
        name_sv="Kajanaland",
        is_home=True,
        iso_code="FI-05",
    )
    other = factories.make_region(slug="north-karelia", name_en="North Karelia", kind="finnish")
    region.neighbours.add(other)
    kajaani = factories.make_municipality(
        region=region, slug="kajaani", name_fi="Kajaani", name_sv="Kajana", code="205"
    )
    factories.make_municipality(region=other, slug="joensuu", name_fi="Joensuu")
    factories.make_population(municipality=kajaani, year=2010, value=38000)
    factories.make_population(municipality=kajaani, year=2020, value=36800, is_approximate=True)
    factories.make_population(municipality=kajaani, year=2021, value=1, status=Status.DRAFT)
    parent = factories.make_sector(slug="technology", name_en="Technology")
    parent.economic_domains.set(domains(EconomicDomain, "26", "62"))
    ict = factories.make_sector(parent=parent, slug="ict", name_en="ICT", name_sv="IKT")
    tourism = factories.make_sector(slug="tourism", name_en="Tourism")
    factories.make_key_sector(region=region, sector=tourism)
    old = factories.make_programme(
        region=region, slug="2018-2021", start_year=2018, end_year=2021, title_en="S3 2018"
    )
    new = factories.make_programme(
        region=region, slug="2022-2025", start_year=2022, end_year=2025, title_en="S3 2022"
    )
    factories.make_programme(region=other, slug="2018-2021", start_year=2018, end_year=2021)
    tech = factories.make_priority(
        programme=old, slug="technology", title_en="Technology industry", key="tech"
    )
    tech.sectors.add(ict)
    tech.economic_domains.set(domains(EconomicDomain, "24", "26"))
    tech.scientific_domains.set(domains(ScientificDomain, "06"))
    factories.make_focus_area(priority=tech, title_en="metal industry", key="metal")
    factories.make_focus_area(priority=tech, title_en="secret area", status=Status.DRAFT)
    travel = factories.make_priority(programme=new, slug="travel", title_en="Tourism =SUM(A1)")
    travel.sectors.add(tourism)
    travel.economic_domains.set(domains(EconomicDomain, "I"))
    factories.make_priority(programme=new, slug="draft", title_en="Draft", status=Status.DRAFT)
    factories.make_theme(
        programme=old, title_en="Circular economy", description_en="<p>Less &amp; less waste.</p>"
    )
    return {"region": region, "old": old, "new": new}


def get(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


# --- The API --------------------------------------------------------------------


def test_regions_in_the_requested_language(client, data):
    body = get(client, "regions", lang="sv")
    assert body["count"] == 2 and body["lang"] == "sv" and body["license"] == "CC BY 4.0"
    kainuu = body["items"][0]
    assert kainuu["name"] == "Kajanaland" and kainuu["is_home"] is True
    assert kainuu["iso_code"] == "FI-05"
    assert kainuu["neighbours"] == ["north-karelia"]
    with override("sv"):
        assert kainuu["url"] == "http://testserver" + data["region"].get_absolute_url()


def test_the_default_language_is_finnish(client, data):
    assert get(client, "regions")["lang"] == "fi"


def test_a_text_missing_in_the_language_falls_back_as_on_the_pages(client, data):
    # Swedish falls back to English, then Finnish; English to Finnish.
    factories.make_priority(programme=data["new"], slug="wood", title_fi="Puu", title_en="")
    regions = {item["slug"]: item for item in get(client, "regions", lang="sv")["items"]}
    assert regions["north-karelia"]["name"] == "North Karelia"
    priorities = get(client, "priorities", lang="en", programme="2022-2025")["items"]
    # (Their order is the factories' sequence, not what this test is about.)
    assert sorted(item["title"] for item in priorities) == ["Puu", "Tourism =SUM(A1)"]
    programmes = get(client, "programmes", lang="sv", region="kainuu")["items"]
    (technology,) = next(item for item in programmes if item["slug"] == "2018-2021")["priorities"]
    assert technology["title"] == "Technology industry"
    assert technology["focus_areas"][0]["title"] == "metal industry"
    assert technology["sectors"] == ["ict"]
    assert get(client, "municipalities", lang="sv")["items"][0]["population"][0]["source"] == (
        "Statistics Finland"
    )


def test_municipalities_with_their_live_population_figures(client, data):
    body = get(client, "municipalities", region="kainuu")
    assert [item["slug"] for item in body["items"]] == ["kajaani"]
    kajaani = body["items"][0]
    assert kajaani["name_sv"] == "Kajana" and kajaani["code"] == "205"
    figure = {
        "preliminary": False,
        "source": "Statistics Finland",
        "source_url": "",
        "imported": False,
        "table": "",
        "table_updated": None,
    }
    assert kajaani["population"] == [
        {"year": 2010, "value": 38000, "approximate": False, **figure},
        {"year": 2020, "value": 36800, "approximate": True, **figure},
    ]
    assert (kajaani["area_km2"], kajaani["land_area_km2"], kajaani["area_year"]) == (
        None,
        None,
        None,
    )
    assert get(client, "municipalities")["count"] == 2


def test_sectors_filtered_by_region_and_parent(client, data):
    assert [s["slug"] for s in get(client, "sectors", region="kainuu")["items"]] == ["tourism"]
    children = get(client, "sectors", parent="technology", lang="sv")["items"]
    assert children == [
        {
            "slug": "ict",
            "parent": "technology",
            "name": "IKT",
            "summary": "",
            "nace_codes": [],
            "economic_domains": [],
            "scientific_domains": [],
            "url": "http://testserver/sv/branscher/ict/",
            "urls": {
                "fi": "http://testserver/fi/toimialat/ict/",
                "en": "http://testserver/en/sectors/ict/",
                "sv": "http://testserver/sv/branscher/ict/",
            },
        }
    ]
    technology = next(s for s in get(client, "sectors")["items"] if s["slug"] == "technology")
    assert technology["nace_codes"] == ["26", "62"]
    assert technology["economic_domains"] == [
        {"code": "26", "name": "Tietokoneiden sekä elektronisten ja optisten tuotteiden valmistus"},
        {"code": "62", "name": "Ohjelmistot, konsultointi ja siihen liittyvä toiminta"},
    ]


def test_programmes_with_priorities_focus_areas_and_themes(client, data):
    body = get(client, "programmes", region="kainuu", lang="en")
    assert [p["slug"] for p in body["items"]] == ["2022-2025", "2018-2021"]
    old = body["items"][1]
    assert old["start_year"] == 2018 and old["region"] == "kainuu"
    [priority] = old["priorities"]
    assert priority["title"] == "Technology industry" and priority["key"] == "tech"
    assert priority["sectors"] == ["ict"]
    assert priority["focus_areas"] == [
        {"title": "metal industry", "description": "", "key": "metal"}
    ]
    assert priority["economic_domains"] == [
        {"code": "24", "name": "Manufacture of basic metals"},
        {"code": "26", "name": "Manufacture of computer, electronic and optical products"},
    ]
    assert priority["scientific_domains"] == [
        {"code": "06", "name": "Industrial production and technology"}
    ]
    assert old["themes"] == [
        {"title": "Circular economy", "description": "Less & less waste.", "key": ""}
    ]
    new = body["items"][0]
    assert [p["slug"] for p in new["priorities"]] == ["travel"]


def test_programmes_filtered_by_sector(client, data):
    body = get(client, "programmes", sector="tourism")
    assert [p["slug"] for p in body["items"]] == ["2022-2025"]


def test_priorities_filtered_by_region_programme_and_sector(client, data):
    assert get(client, "priorities")["count"] == 2
    body = get(client, "priorities", region="kainuu", programme="2018-2021")
    assert [(p["region"], p["programme"], p["slug"]) for p in body["items"]] == [
        ("kainuu", "2018-2021", "technology")
    ]
    assert [p["slug"] for p in get(client, "priorities", sector="ict")["items"]] == ["technology"]
    assert get(client, "priorities", sector="nope")["count"] == 0


def test_priorities_filtered_by_their_s3_codes(client, data):
    def slugs(**params):
        return [p["slug"] for p in get(client, "priorities", **params)["items"]]

    assert slugs(economic_domain="26") == ["technology"]
    # A section holds the priorities classified by its divisions.
    assert slugs(economic_domain="C") == ["technology"]
    assert slugs(economic_domain="I") == ["travel"]
    assert slugs(economic_domain="55") == []
    assert slugs(scientific_domain="06") == ["technology"]
    assert slugs(scientific_domain="07") == []


@pytest.mark.parametrize(
    "query",
    ["economic_domain=c", "economic_domain=261", "economic_domain=Z", "scientific_domain=6"],
)
def test_a_malformed_code_gets_a_422(client, data, query):
    response = client.get(f"/api/v1/priorities?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", query.split("=")[0]]


def test_pagination_with_limit_and_offset(client, data):
    first = get(client, "municipalities", limit=1)
    second = get(client, "municipalities", limit=1, offset=1)
    assert first["count"] == second["count"] == 2
    assert first["items"][0]["slug"] != second["items"][0]["slug"]
    assert get(client, "municipalities", offset=100)["items"] == []


def test_drafts_and_children_of_drafts_are_never_served(client, data):
    data["old"].status = Status.DRAFT
    data["old"].save()
    assert [p["slug"] for p in get(client, "programmes", region="kainuu")["items"]] == ["2022-2025"]
    assert get(client, "priorities", programme="2018-2021", region="kainuu")["count"] == 0
    data["region"].status = Status.DRAFT
    data["region"].save()
    assert [r["slug"] for r in get(client, "regions")["items"]] == ["north-karelia"]
    assert get(client, "municipalities", region="kainuu")["count"] == 0


def test_scheduled_items_appear_in_the_lists_when_their_time_comes(client, data, monkeypatch):
    # Each list's queries are compiled once per process: the lists asked for first, then
    # again when the scheduled rows' time has come, answer with what is live each time.
    later = timezone.now() + timedelta(hours=1)
    factories.make_region(slug="lapland", name_en="Lapland", publish_at=later)
    kajaani = data["region"].municipalities.get(slug_fi="kajaani")
    factories.make_population(municipality=kajaani, year=2022, value=36500, publish_at=later)
    tech = data["old"].priorities.get(slug_fi="technology")
    factories.make_focus_area(priority=tech, title_en="batteries", publish_at=later)
    factories.make_priority(programme=data["new"], slug="mining", publish_at=later)

    def shown():
        return {
            "regions": [item["slug"] for item in get(client, "regions")["items"]],
            "figures": [
                figure["year"]
                for figure in get(client, "municipalities", region="kainuu")["items"][0][
                    "population"
                ]
            ],
            "focus areas": [
                area["title"]
                for priority in get(client, "priorities", lang="en", programme="2018-2021")["items"]
                for area in priority["focus_areas"]
            ],
            "priorities": get(client, "priorities", programme="2022-2025")["count"],
        }

    assert shown() == {
        "regions": ["kainuu", "north-karelia"],
        "figures": [2010, 2020],
        "focus areas": ["metal industry"],
        "priorities": 1,
    }
    monkeypatch.setattr(timezone, "now", lambda: later + timedelta(seconds=1))
    assert shown() == {
        "regions": ["kainuu", "lapland", "north-karelia"],
        "figures": [2010, 2020, 2022],
        "focus areas": ["metal industry", "batteries"],
        "priorities": 2,
    }


@pytest.mark.parametrize(
    "query",
    [
        "lang=de",
        "lang=",
        "limit=0",
        "limit=101",
        "limit=abc",
        "offset=-1",
        "offset=99999999999999999999",
        "region=%00",
        "region=a%20b",
        "region=" + "a" * 101,
        "kind=other",
    ],
)
def test_bad_parameters_get_a_422_with_the_reason(client, data, query):
    path = "municipalities" if query.startswith("region=") else "regions"
    response = client.get(f"/api/v1/{path}?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_the_api_is_read_only(client, data):
    response = client.post("/api/v1/regions", {})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert client.delete("/api/v1/regions").status_code == 405


def headers_of(response):
    # ConditionalGetMiddleware tags the answers to GET only, as on the pages.
    return {name: value for name, value in response.items() if name != "ETag"}


@pytest.mark.parametrize(
    "query",
    [
        "regions?lang=fi",
        "municipalities?lang=en&region=kainuu",
        "sectors?lang=sv",
        "programmes",
        "priorities?limit=1&offset=1",
        "regions?limit=0",
        "municipalities?region=a%20b",
        "priorities?lang=de",
    ],
)
def test_head_answers_as_get(client, data, settings, query):
    # Without the page cache: the view itself answers HEAD.
    settings.PAGE_CACHE_SECONDS = 0
    get = client.get(f"/api/v1/{query}")
    head = client.head(f"/api/v1/{query}")
    assert head.status_code == get.status_code
    assert head.status_code in (200, 422)
    assert headers_of(head) == headers_of(get)
    assert head["Content-Type"] == "application/json; charset=utf-8"
    assert head["Content-Length"] == str(len(get.content))
    assert head.content == b""


def test_an_unknown_api_address_is_a_json_404(client, db, settings):
    settings.DEBUG = False
    response = client.get("/api/v1/nope")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_the_api_stays_within_a_small_number_of_queries(
    client, data, django_assert_max_num_queries
):
    # The programmes: the count, then programmes, priorities, their focus areas, sectors,
    # economic and scientific domains, and the themes; one query each, however many rows.
    for path in ["regions", "municipalities", "sectors", "programmes", "priorities"]:
        with django_assert_max_num_queries(QUERY_BUDGET):
            get(client, path)


@pytest.mark.parametrize(
    "path, page",
    [
        ("regions", RegionList),
        ("municipalities", MunicipalityList),
        ("sectors", SectorList),
        ("programmes", ProgrammeList),
        ("priorities", PriorityList),
    ],
)
def test_each_list_is_what_its_schema_describes(client, data, path, page):
    # A list writes its JSON itself. Validated against the page's schema (the one in
    # the OpenAPI schema) and written as the API writes a validated page, it is the same
    # to the byte: every field is there, in order, with the type the schema states.
    data["region"].area_km2, data["region"].land_area_km2 = Decimal("22687.86"), Decimal("0.5")
    data["region"].save()
    factories.make_population(
        region=data["region"],
        year=2023,
        value=70000,
        origin="import",
        table_id="11ra",
        table_updated=datetime(2024, 3, 1, 8, 0, 5, 123456, tzinfo=UTC),
        source_fi="Tilastokeskus",
    )
    for language in ("fi", "en", "sv"):
        response = client.get(f"/api/v1/{path}", {"lang": language})
        assert response.status_code == 200
        written = response.content.decode()
        validated = page.model_validate(response.json()).model_dump()
        assert api.renderer.render(None, validated, response_status=200) == written
        assert response.json()["items"]


# --- CORS -----------------------------------------------------------------------


def test_cors_is_open_for_the_api_only(client, data):
    origin = {"HTTP_ORIGIN": "https://example.org"}
    response = client.get("/api/v1/regions", **origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/regions", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **origin
    )
    assert preflight.status_code == 200
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    with override("en"):
        page = client.get(reverse("home"), **origin)
    assert "Access-Control-Allow-Origin" not in page


# --- The schema -----------------------------------------------------------------


def test_the_openapi_schema_states_the_licence_and_every_endpoint(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["license"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert set(schema["paths"]) == {
        "/api/v1/regions",
        "/api/v1/municipalities",
        "/api/v1/sectors",
        "/api/v1/programmes",
        "/api/v1/priorities",
    }
    components = schema["components"]["schemas"]
    assert {"economic_domains", "scientific_domains"} <= set(
        components["PriorityWithProgrammeOut"]["properties"]
    )
    assert {"nace_codes", "economic_domains"} <= set(components["SectorOut"]["properties"])
    assert {"preliminary", "imported", "table", "table_updated", "source_url"} <= set(
        components["PopulationOut"]["properties"]
    )
    assert {"area_km2", "land_area_km2", "area_year"} <= set(
        components["MunicipalityOut"]["properties"]
    )
    priority_filters = {
        p["name"] for p in schema["paths"]["/api/v1/priorities"]["get"]["parameters"]
    }
    assert {"economic_domain", "scientific_domain"} <= priority_filters
    for path in schema["paths"].values():
        assert set(path) == {"get"}
        assert {"200", "422"} <= set(path["get"]["responses"])
        names = {parameter["name"] for parameter in path["get"]["parameters"]}
        assert {"lang", "limit", "offset"} <= names


def test_the_schema_answers_get_and_head_only(client, db):
    get = client.get("/api/v1/openapi.json")
    head = client.head("/api/v1/openapi.json")
    assert head.status_code == 200
    assert headers_of(head) == headers_of(get)
    assert head.content == b""
    for method in ("post", "put", "patch", "delete", "options"):
        response = getattr(client, method)("/api/v1/openapi.json")
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD"
    # Without a CSRF token too: the schema changes nothing, so there is nothing to check.
    response = Client(enforce_csrf_checks=True).post("/api/v1/openapi.json")
    assert response.status_code == 405
    again = client.get("/api/v1/openapi.json")
    assert again.status_code == 200
    assert again.content == get.content
    assert set(get.json()["paths"]["/api/v1/regions"]) == {"get"}


def test_no_interactive_docs_that_would_load_a_cdn(client, db):
    assert client.get("/api/v1/docs").status_code == 404


# --- CSV ------------------------------------------------------------------------


def csv_url(programme, language):
    with override(language):
        return reverse(
            "priorities:programme-csv",
            kwargs={"region_slug": programme.region.slug, "slug": programme.slug},
        )


def test_the_csv_of_a_programmes_priorities(client, data):
    response = client.get(csv_url(data["old"], "en"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="kainuu-2018-2021-priorities-en.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Order",
        "Priority",
        "Summary",
        "Focus areas",
        "Sectors",
        "Economic domains (NACE Rev. 2)",
        "Scientific domains (NABS 2007)",
        "Address",
    ]
    assert rows[1][:7] == ["1", "Technology industry", "", "metal industry", "ICT", "24; 26", "06"]
    assert rows[1][7].startswith("http://testserver/en/")
    assert len(rows) == 2


def test_the_csv_uses_semicolons_in_finnish_and_keeps_the_letters(client, data):
    data["old"].priorities.update(title_fi="Kaivannaisala ja metsäbiotalous")
    response = client.get(csv_url(data["old"], "fi"))
    assert response["Content-Disposition"].endswith('-fi.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "Kaivannaisala ja metsäbiotalous"


def test_a_cell_that_would_start_a_formula_is_kept_as_text(client, data):
    rows = list(csv.reader(io.StringIO(client.get(csv_url(data["new"], "en")).content.decode())))
    assert rows[1][1] == "Tourism =SUM(A1)"
    data["new"].priorities.filter(slug_fi="travel").update(title_en="=SUM(A1)")
    rows = list(csv.reader(io.StringIO(client.get(csv_url(data["new"], "en")).content.decode())))
    assert rows[1][1] == "'=SUM(A1)"
    assert "Draft" not in {row[1] for row in rows}


def test_a_draft_programme_has_no_csv(client, data):
    url = csv_url(data["old"], "en")
    data["old"].status = Status.DRAFT
    data["old"].save()
    assert client.get(url).status_code == 404


def test_the_programme_page_links_to_its_csv(client, data):
    with override("en"):
        page = client.get(data["old"].get_absolute_url()).content.decode()
    assert f'href="{csv_url(data["old"], "en")}" download' in page


# --- The Open data page ---------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_the_open_data_page_documents_the_api_and_the_licence(client, data, language):
    with override(language):
        url = reverse("open-data")
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "CC BY 4.0" in content
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in content
    assert 'href="/api/v1/openapi.json"' in content
    assert "/api/v1/municipalities?region=kainuu&amp;lang=en" in content
    assert csv_url(data["old"], language) in content
    for field in (
        "economic_domain",
        "scientific_domain",
        "economic_domains",
        "scientific_domains",
        "preliminary",
        "imported",
        "table_updated",
        "land_area_km2",
        "area_year",
    ):
        assert f"<code>{field}</code>" in content, field


def test_every_page_links_to_the_open_data_page_in_the_footer(client, data):
    with override("sv"):
        page = client.get(reverse("home")).content.decode()
        url = reverse("open-data")
    footer = page.split('<footer class="site-footer">')[1]
    assert f'<a href="{url}">' in footer


def csv_links(client, language="en"):
    with override(language):
        content = client.get(reverse("open-data")).content.decode()
    section = content.split('<section aria-labelledby="csv">')[1]
    return [line.strip() for line in section.splitlines() if "download>" in line]


def test_the_open_data_page_lists_each_live_programmes_csv_file(client, data):
    other = data["region"].neighbours.get()
    assert csv_links(client) == [
        f'<li><a href="{csv_url(data["new"], "en")}" download>S3 2022</a> (Kainuu, 2022–2025)</li>',
        f'<li><a href="{csv_url(data["old"], "en")}" download>S3 2018</a> (Kainuu, 2018–2021)</li>',
        f'<li><a href="{csv_url(other.programmes.get(), "en")}" download>'
        f"{other.programmes.get().title_en}</a> (North Karelia, 2018–2021)</li>",
    ]
    # In Swedish the region's name, its address and the order by it are Swedish; a
    # title without a Swedish translation falls back.
    (old,) = [link for link in csv_links(client, "sv") if csv_url(data["old"], "sv") in link]
    assert ">S3 2018</a> (Kajanaland, 2018–2021)</li>" in old


def test_the_open_data_page_lists_a_scheduled_programme_once_its_time_comes(client, data):
    at = timezone.now() + timedelta(hours=1)
    factories.make_programme(region=data["region"], title_en="Scheduled", publish_at=at)
    factories.make_programme(region=data["region"], title_en="Draft", status=Status.DRAFT)
    data["old"].unpublish_at = at
    data["old"].save()
    links = "\n".join(csv_links(client))
    assert "S3 2018" in links and "Scheduled" not in links and "Draft" not in links
    with mock.patch("django.utils.timezone.now", return_value=at):
        links = "\n".join(csv_links(client))
    assert "Scheduled" in links and "S3 2018" not in links and "Draft" not in links


def test_the_open_data_page_leaves_out_the_programmes_of_an_unpublished_region(client, data):
    region = data["region"]
    region.unpublish_at = timezone.now()
    region.save()
    links = "\n".join(csv_links(client))
    assert "S3 2018" not in links and "S3 2022" not in links
    assert "North Karelia" in links
