"""Site-wide search over HTTP, on SQLite and on PostgreSQL."""

import random
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from kainuu_portal.search import (
    MAX_QUERY_LENGTH,
    highlighted,
    marked,
    parse_query,
    stripped_of_tags,
    truncated,
    word_patterns,
)
from tests import factories
from tests.helpers.pages import QUERY_BUDGET

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="full-text search with language configurations needs PostgreSQL "
    "(CI runs the suite on PostgreSQL too)",
)


def search_url(language="en"):
    with override(language):
        return reverse("search")


def search(client, q, language="en", **params):
    response = client.get(search_url(language), {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def main(content):
    return re.search(r"<main.*</main>", content, re.S).group()


def result_titles(content):
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'class="result-title" href="[^"]+">(.*?)</a>', content)
    ]


@pytest.fixture
def content(db):
    region = factories.make_region(
        slug="kainuu",
        name_fi="Kainuu",
        name_en="Kainuu",
        summary_fi="Maakunta, jossa kaivostoiminta ja matkailu kukoistavat.",
        summary_en="A region where mining and tourism thrive.",
        is_home=True,
    )
    municipality = factories.make_municipality(
        region=region, slug="kajaani", name_fi="Kajaani", name_en="Kajaani", name_sv="Kajana"
    )
    sector = factories.make_sector(
        slug="mining",
        name_fi="Kaivostoiminta",
        name_en="Mining",
        name_sv="Gruvdrift",
        summary_fi="Kaivostoiminta hyödyntää raaka-aineita vastuullisesti.",
    )
    programme = factories.make_programme(
        region=region, slug="2018-2021", title_fi="Ohjelma 2018–2021", title_en="S3 2018–2021"
    )
    priority = factories.make_priority(
        programme=programme,
        slug="tourism",
        title_fi="Matkailu",
        title_en="Tourism",
        body_fi="<p>Matkailu ja <strong>luontomatkailu</strong> ympäri vuoden.</p>",
    )
    priority.sectors.add(sector)
    factories.make_focus_area(priority=priority, title_fi="Hiihtomatkailu", title_en="Ski trips")
    factories.make_theme(programme=programme, title_fi="Kestävä kehitys", title_en="Sustainability")
    factories.make_page(slug="about", title_fi="Tietoa", title_en="About the portal")
    return {"region": region, "municipality": municipality, "priority": priority}


# --- Finding --------------------------------------------------------------------


def test_results_are_grouped_by_type_with_the_words_marked(client, content):
    page = search(client, "Kaivostoiminta", "fi")
    assert "Kaivostoiminta" in result_titles(page)
    assert "<mark>Kaivostoiminta</mark>" in page
    assert re.search(r'<h2 id="results-sector">[^<]+</h2>', page)
    assert re.search(r'<h2 id="results-region">[^<]+</h2>', page)
    with override("fi"):
        assert f'href="{content["region"].get_absolute_url()}"' in page


def test_every_type_is_searched_and_linked(client, content):
    cases = {
        "Kainuu": "results-region",
        "Kajaani": "results-municipality",
        "Mining": "results-sector",
        "S3": "results-programme",
        "Tourism": "results-priority",
        "Ski": "results-focus_area",
        "Sustainability": "results-theme",
        "portal": "results-page",
    }
    for word, group in cases.items():
        page = search(client, word)
        assert f'id="{group}"' in page, word
        links = re.findall(r'class="result-title" href="([^"]+)"', page)
        assert links, word
        for link in links:
            assert client.get(link).status_code == 200, (word, link)


def test_search_uses_the_active_language(client, content):
    assert "Gruvdrift" in result_titles(search(client, "gruvdrift", "sv"))
    assert result_titles(search(client, "gruvdrift", "en")) == []
    # The municipality's Swedish name is found in Swedish.
    assert "Kajana" in result_titles(search(client, "Kajana", "sv"))


def test_a_blank_translation_falls_back_as_on_the_pages(client, content):
    # The theme has no Swedish title: Swedish visitors see (and find) the English one.
    assert "Sustainability" in result_titles(search(client, "Sustainability", "sv"))


def test_drafts_and_children_of_drafts_never_appear(client, content):
    factories.make_priority(
        programme=content["priority"].programme,
        title_en="Secret tourism plan",
        status=Status.DRAFT,
    )
    assert "Secret tourism plan" not in search(client, "tourism")
    programme = content["priority"].programme
    programme.status = Status.DRAFT
    programme.save()
    page = search(client, "tourism")
    assert "Tourism" not in result_titles(page)
    assert "Ski trips" not in result_titles(search(client, "Ski"))


def test_a_scheduled_row_is_found_once_its_time_has_come(client, content):
    publish_at = timezone.now() + timedelta(hours=1)
    factories.make_page(slug="later", title_en="Tundra notes", publish_at=publish_at)
    assert "Nothing matched" in search(client, "tundra")
    with mock.patch("django.utils.timezone.now", return_value=publish_at):
        assert result_titles(search(client, "tundra")) == ["Tundra notes"]


def test_a_word_is_searched_as_typed_never_as_a_pattern(client, content):
    factories.make_page(slug="snake", title_en="snake_case names")
    factories.make_page(slug="camel", title_en="snakeXcase names")
    assert result_titles(search(client, "snake_case")) == ["snake_case names"]


def test_results_are_ranked_title_matches_first(client, content):
    factories.make_page(slug="mining-notes", title_en="Notes", summary_en="Mining is mentioned.")
    titles = result_titles(search(client, "mining"))
    assert titles.index("Mining") < titles.index("Notes")


def test_results_are_paginated_keeping_the_query(client, content):
    for n in range(25):
        factories.make_page(slug=f"lake-{n}", title_en=f"Lake {n}", summary_en="A lake.")
    first = search(client, "lake")
    assert "25 results for “lake”." in first
    assert len(result_titles(first)) == 20
    assert 'href="?q=lake&amp;page=2" rel="next"' in first
    second = search(client, "lake", page="2")
    assert len(result_titles(second)) == 5
    assert len(result_titles(search(client, "lake", page="99"))) == 5
    assert len(result_titles(search(client, "lake", page="x"))) == 20


def test_results_can_be_narrowed_to_one_type(client, content):
    page = search(client, "Kaivostoiminta", "fi")
    assert "?q=Kaivostoiminta&amp;type=sector" in page
    assert 'id="results-region"' in page
    narrowed = search(client, "Kaivostoiminta", "fi", type="sector")
    assert 'id="results-sector"' in narrowed
    assert 'id="results-region"' not in narrowed
    assert 'name="type" value="sector"' in narrowed
    # An unknown type searches everything.
    assert 'id="results-region"' in search(client, "Kaivostoiminta", "fi", type="nope")


def test_matches_are_escaped_before_they_are_marked(client, content):
    factories.make_page(
        slug="html",
        title_en="<script>alert(1)</script> lake",
        summary_en='Lake & "river" <b>bold</b>',
    )
    page = main(search(client, "lake"))
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>lake</mark>" in page
    assert "<mark>Lake</mark> &amp; &quot;river&quot;" in page


# --- Odd queries ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type one or more words to search"),
        ("   ", "Type one or more words to search"),
        ("!?.,;", "has no letters or numbers to search for"),
        ("& | ! : * ( ) ' \" \\ < >", "has no letters or numbers to search for"),
        ("zebra", "Nothing matched “zebra”."),
    ],
)
def test_odd_queries_get_a_friendly_page(client, content, query, message):
    page = search(client, query)
    assert message in page
    assert "<script" not in main(page)


@pytest.mark.parametrize(
    "query",
    [
        "mining & (tourism | !kainuu):*",
        "'mining' \"tourism\" \\ <mining>",
        "mining\x00tourism",
        "kainuu" + "\ue000",
        "ja",  # a stop word in Finnish full-text search: no words left
        "x" * 5000,
        "mining " * 300,
    ],
)
def test_search_syntax_and_long_queries_never_fail(client, content, query):
    for language in ("fi", "en", "sv"):
        assert client.get(search_url(language), {"q": query}).status_code == 200


def test_a_long_query_is_capped_and_the_page_says_so(client, content):
    page = search(client, "lake " * 250)
    assert "only the first 200 were used" in page
    value = re.search(r'id="search-q" name="q" value="([^"]*)"', page).group(1)
    assert len(value) <= MAX_QUERY_LENGTH
    assert parse_query("a" * 1000).text == "a" * MAX_QUERY_LENGTH
    assert len(parse_query(" ".join(f"w{n}" for n in range(50))).words) == 10


def test_no_query_shows_no_results_and_is_not_indexed(client, db):
    response = client.get(search_url())
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_search_stays_within_the_query_budget(
    client, content, language, django_assert_max_num_queries
):
    for n in range(25):
        factories.make_page(slug=f"kainuu-{n}", title_en=f"Kainuu {n}", title_fi=f"Kainuu {n}")
    with django_assert_max_num_queries(QUERY_BUDGET):
        search(client, "Kainuu", language)


def test_every_page_has_a_labelled_search_form_in_the_header(client, content):
    with override("fi"):
        url = content["municipality"].get_absolute_url()
    page = client.get(url).content.decode()
    form = re.search(r'<form class="site-search".*?</form>', page, re.S).group()
    assert 'method="get"' in form and f'action="{search_url("fi")}"' in form
    assert '<label for="site-search-q">' in form
    assert 'id="site-search-q" name="q"' in form


# --- Highlighting helpers ------------------------------------------------------


def test_highlighted_escapes_then_marks_every_occurrence_in_any_case():
    assert highlighted("Mining <b>MINING</b>", word_patterns(["mining"])) == (
        "<mark>Mining</mark> &lt;b&gt;<mark>MINING</mark>&lt;/b&gt;"
    )
    assert highlighted("äiti Äiti", word_patterns(["äiti"])) == (
        "<mark>äiti</mark> <mark>Äiti</mark>"
    )
    assert highlighted("lt; <", word_patterns(["lt"])) == "<mark>lt</mark>; &lt;"


def test_marked_turns_the_headline_marks_into_mark_elements():
    assert marked("a \ue000b<i>\ue001 &amp; c") == "a <mark>b&lt;i&gt;</mark> &amp; c"
    assert marked(None) == ""


def test_overlapping_and_adjacent_matches_are_marked_once():
    patterns = word_patterns(["kain", "ainuu"])
    assert highlighted("Kainuu kainkain", patterns) == ("<mark>Kainuu</mark> <mark>kainkain</mark>")
    assert highlighted("aaa", word_patterns(["aa"])) == "<mark>aa</mark>a"
    # Text holding the characters the marks are made with is still escaped piece by piece.
    assert highlighted("\ue000<b>", word_patterns(["b"])) == "\ue000&lt;<mark>b</mark>&gt;"
    assert marked("\ue000\ue000a\ue001\ue001 \ue000\ue001b") == "<mark>a</mark> b"


# Pieces of text as rich text holds them, and others that plain-text fields may hold or
# that HTML parsers treat apart: a bare "<" or "&", comments, raw-text elements, and
# the characters the marks are made with.
RICH_TEXT_PIECES = [
    "<p>", "</p>", '<a href="https://example.fi/?a=1&amp;b=2" rel="noopener">', "</a>",
    "<br>", "<br />", "<h2>", "</h2 >", '<ol start="2">', "</ol>", "<li>", "</li>",
    "<strong>", "</strong>", "&amp;", "&#39;", "&#x27;", "&auml;", " ", "\n", "Kainuu",
    "kainuu", "ä", "e\u0301", "–", ">", "word " * 20,
]  # fmt: skip
OTHER_PIECES = [
    "<P>", "<pre>", "<script>", "</script>", "<title>", "<!--", "-->", "<!x>", "<?x>",
    "< p>", "<b", "<", "&", "&amp", "&#39", "&foo bar", "&x.y;", "\ue000", "\ue001",
]  # fmt: skip


def test_snippet_helpers_give_what_djangos_helpers_give():
    rng = random.Random(14)
    for number in range(2000):
        pieces = RICH_TEXT_PIECES + (OTHER_PIECES if number % 2 else [])
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert stripped_of_tags(text) == strip_tags(text), text
        for length in (240, 12, 1):
            assert truncated(text, length) == Truncator(text).chars(length), (text, length)


# --- PostgreSQL full-text search -------------------------------------------------


@on_postgresql
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("kaivostoiminnan", "Kaivostoiminta"),  # genitive of the base form
        ("matkailua", "Matkailu"),  # partitive
        ("kaivostoiminnan matkailua", "Kainuu"),  # two inflected words in one text
    ],
)
def test_an_inflected_finnish_query_finds_the_base_form(client, content, query, title):
    page = search(client, query, "fi")
    assert title in result_titles(page)
    assert "<mark>" in page


@on_postgresql
def test_english_and_swedish_use_their_own_stemming(client, content):
    assert "Mining" in result_titles(search(client, "mines", "en"))
    factories.make_page(slug="sv", title_sv="Gruvorna i Kajanaland")
    assert "Gruvorna i Kajanaland" in result_titles(search(client, "gruvor", "sv"))


@on_postgresql
def test_rich_text_tags_are_not_searched_or_shown(client, content):
    page = search(client, "strong", "fi")
    assert "Matkailu" not in result_titles(page)
    page = search(client, "luontomatkailu", "fi")
    assert "<mark>luontomatkailu</mark>" in page
    assert "&lt;strong&gt;" not in page
