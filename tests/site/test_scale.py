"""
Data at scale: the generated content, and every public page type's query count,
which must be the same at 1x (the demo content) and 20x, and within the budget.

The page types are the URLconf's routes under the language prefixes, read when
the tests are collected, so a page added later is measured without editing this
file. A page of each type is found by following links (and GET forms) from the
home page, as a visitor would; a route that no page links to fails until one
does.
"""

from collections import deque
from io import StringIO
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import (
    LocalePrefixPattern,
    Resolver404,
    URLResolver,
    get_resolver,
    resolve,
    translate_url,
)
from django.utils.translation import get_language_from_path, override

from kainuu_portal.publishing.models import Address
from pages.models import Page
from priorities.models import (
    CrossCuttingTheme,
    FocusArea,
    Priority,
    Programme,
    RegionKeySector,
    Sector,
)
from regions.models import Municipality, PopulationFigure, Region
from tests.helpers.html import parse
from tests.helpers.pages import LANGUAGES, QUERY_BUDGET

SCALE = 20
SCALED_MODELS = [
    Region,
    Municipality,
    Sector,
    RegionKeySector,
    Programme,
    Priority,
    FocusArea,
    CrossCuttingTheme,
]


def public_routes():
    """The names of every route under the language prefixes, e.g. ``regions:region-detail``."""
    names = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif pattern.name:
                names.append(namespace + pattern.name)

    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            walk(pattern.url_patterns, "")
    return sorted(set(names))


def reachable_urls(element):
    """The addresses a visitor can reach from a page: links, and GET forms filled in."""
    for child in element.elements():
        if child.tag == "a" and child.get("href"):
            yield child.get("href")
        yield from reachable_urls(child)
        if child.tag == "form" and child.get("method", "get").lower() == "get":
            yield f"{child.get('action', '')}?{urlencode(filled_in(child))}"


def filled_in(form):
    """A GET form's fields: the text fields with a word, the others with their value."""
    fields = {}
    for field in form.find_all("input", "select"):
        name = field.get("name")
        if not name:
            continue
        if field.tag == "select":
            options = [option.get("value", "") for option in field.find_all("option")]
            fields.setdefault(name, options[0] if options else "")
        elif field.get("type", "text") in ("text", "search"):
            fields[name] = "kainuu"
        elif field.get("type") in ("hidden", "number"):
            fields.setdefault(name, field.get("value", ""))
    return fields


def route_of(url):
    """The route name of a site address, whatever language is active."""
    path = urlsplit(url).path
    try:
        with override(get_language_from_path(path)):
            return resolve(path).view_name
    except Resolver404:
        return None


def route_kwargs(url):
    path = urlsplit(url).path
    with override(get_language_from_path(path)):
        return resolve(path).kwargs


def in_language(url, language):
    """
    The same page in another language: where its language switcher leads, or for a
    download or a feed, the same item's address of that kind in that language.
    """
    response = Client().get(url)
    if "html" in response.get("Content-Type", ""):
        switcher = parse(response).find("nav", **{"class": "language-switcher"})
        links = {link.get("hreflang"): link.get("href") for link in switcher.find_all("a")}
        translated = links[language]
    else:
        address, item = item_at(url)
        if item is None:
            with override(get_language_from_path(urlsplit(url).path)):
                translated = translate_url(url, language)
        else:
            with override(language):
                translated = address.of(item)
    assert translated.startswith(f"/{language}/"), (url, language)
    return translated


def item_at(url):
    """The address (an ``Address`` of a model) and the item at ``url``; (None, None) if none."""
    path = urlsplit(url).path
    with override(get_language_from_path(path)):
        match = resolve(path)
        for model in [*SCALED_MODELS, Page]:
            for address in vars(model).values():
                if isinstance(address, Address) and address.url_name == match.view_name:
                    return address, model.objects.at_address(**match.kwargs).get()
    return None, None


def find_page(client, route, prefer=None, start="/en/", limit=None):
    """
    The first address of ``route`` reachable by links from ``start``; with
    ``prefer``, the first whose address contains it, following only such links
    and lists.
    """
    # Generated content is found within a few pages, or not at all.
    limit = limit or (40 if prefer else 400)
    queue, seen = deque([start]), set()
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        if route_of(url) == route and (prefer is None or prefer in url):
            return url
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for link in reachable_urls(parse(response)):
            parts = urlsplit(link)
            if parts.netloc or not parts.path.startswith(start):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if prefer is None:
                (queue.appendleft if route_of(link) == route else queue.append)(link)
            elif prefer in link:
                queue.appendleft(link)
            elif route_of(link) and not route_kwargs(link):
                queue.append(link)
    return None


def count_queries(client, url):
    client.get(url)  # Warm the per-process caches (content types, compiled templates).
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=StringIO())


def generate(*args):
    out = StringIO()
    call_command("generate_scale_data", *args, stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in SCALED_MODELS}


def snapshot():
    """Every demo row as stored, to show the generator leaves the demo content alone."""
    rows = {}
    for model in [*SCALED_MODELS, PopulationFigure, Page]:
        rows[model.__name__] = list(model.objects.order_by("pk").values())
    rows["neighbours"] = list(Region.neighbours.through.objects.order_by("pk").values())
    rows["priority sectors"] = list(Priority.sectors.through.objects.order_by("pk").values())
    return rows


# --- The generator --------------------------------------------------------------


def test_scale_makes_n_times_the_demo_content_without_touching_it(demo_content):
    demo_counts = counts()
    demo_rows = snapshot()

    output = generate("--scale", "3")

    assert counts() == {name: count * 3 for name, count in demo_counts.items()}
    assert "Generated 2 copies" in output
    for region in Region.objects.filter(slug__startswith="gen-"):
        assert region.name_fi and region.name_en and region.name_sv
        assert region.population_figures.count() >= 10
    for programme in Programme.objects.filter(region__slug__startswith="gen-"):
        assert programme.title_fi != programme.title_en != programme.title_sv
        assert programme.body_sv
    generated_municipality = Municipality.objects.filter(region__slug__startswith="gen-").first()
    assert generated_municipality.population_figures.count() >= 10
    after = snapshot()
    for name, rows in demo_rows.items():
        assert after[name][: len(rows)] == rows, name


def test_running_again_replaces_the_generated_content_and_clear_removes_it(demo_content):
    demo_counts = counts()
    demo_rows = snapshot()
    generate("--scale", "3")
    scaled = counts()

    generate("--scale", "3")
    assert counts() == scaled

    output = generate("--clear")
    assert "removed" in output
    assert counts() == demo_counts
    assert snapshot() == demo_rows


def test_a_scale_beyond_the_short_place_names_finishes_with_distinct_names(demo_content):
    # 23 copies need more than the 288 names of a stem and one middle syllable.
    generate("--scale", "24")

    generated = Region.objects.filter(slug__startswith="gen-")
    names = list(generated.values_list("name_fi", flat=True))
    assert len(names) == 23 * 5
    assert len(set(names)) == len(names)
    municipalities = Municipality.objects.filter(region__slug__startswith="gen-")
    assert municipalities.values("name_fi").distinct().count() == municipalities.count()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_the_planner_knows_the_generated_rows_at_once(demo_content):
    # Planned with the row counts of before, a page reads whole tables where an index
    # would do; autovacuum would update them only later, or never where it is off.
    generate("--scale", "3")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = %s",
            [PopulationFigure._meta.db_table],
        )
        (estimated,) = cursor.fetchone()
    assert estimated == PopulationFigure.objects.count()


@pytest.mark.parametrize("scale", ["0", "-3", "100000"])
def test_a_bad_scale_is_a_clear_error(db, scale):
    with pytest.raises(CommandError, match="--scale must be between"):
        generate("--scale", scale)


def test_generated_pages_render_in_every_language(client, demo_content):
    generate("--scale", "2")
    region = Region.objects.filter(slug__startswith="gen-", municipalities__isnull=False)
    region = region.distinct().get()
    programme = Programme.objects.get(region=region)
    for language in LANGUAGES:
        pages = {
            in_language(region.get_absolute_url(), language): getattr(region, f"name_{language}"),
            in_language(programme.get_absolute_url(), language): getattr(
                programme, f"title_{language}"
            ),
        }
        for url, title in pages.items():
            response = client.get(url)
            assert response.status_code == 200, url
            assert title in response.content.decode(), url


# --- The query budget at 1x and 20x ---------------------------------------------


@pytest.mark.parametrize("route", public_routes())
def test_query_count_is_the_same_at_1x_and_20x(
    client, demo_content, route, django_assert_num_queries
):
    page = find_page(client, route)
    if page is None:
        # The demo content has one programme period; a page shown only for a region with
        # two (a comparison) is measured from 3x, the least content with such a region.
        generate("--scale", "3")
        page = find_page(client, route)
    assert page, f"No page links to {route}: link it from a page so that it is measured."
    pages = {language: in_language(page, language) for language in LANGUAGES}
    at_1x = {language: count_queries(client, url) for language, url in pages.items()}
    for language, count in at_1x.items():
        assert count <= QUERY_BUDGET, f"{pages[language]} makes {count} queries"

    generate("--scale", str(SCALE))

    for language, url in pages.items():
        client.get(url)
        with django_assert_num_queries(at_1x[language]):
            assert client.get(url).status_code == 200
    # A generated page of the same type, or the next page of a list, where there is one.
    if route_kwargs(page):
        other = find_page(client, route, prefer="gen-")
    else:
        other = f"{page}?page=2" if 'href="?page=2"' in client.get(page).content.decode() else None
    if other is not None:
        for language in LANGUAGES:
            url = in_language(other, language)
            client.get(url)
            with django_assert_num_queries(at_1x[language]):
                assert client.get(url).status_code == 200


def test_an_old_address_answers_within_the_budget_at_1x_and_20x(
    client, demo_content, django_assert_num_queries
):
    """A redirect from an old address costs as few queries at 20x the content as at 1x."""
    priority = Priority.objects.get(slug_en="technology-industry")
    old = priority.addresses_in_every_language()
    for language in LANGUAGES:
        field = f"slug_{language}"
        setattr(priority, field, f"{getattr(priority, field)}-2")
    priority.save()

    at_1x = {}
    for language, url in old.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        at_1x[language] = len(queries)  # before the next request empties the log
        assert response.status_code == 301, url
        assert client.get(response["Location"]).status_code == 200
        assert len(queries) <= QUERY_BUDGET, f"{url} makes {len(queries)} queries"

    generate("--scale", str(SCALE))

    for language, url in old.items():
        client.get(url)
        with django_assert_num_queries(at_1x[language]):
            assert client.get(url).status_code == 301
