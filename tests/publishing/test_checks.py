"""
The accessibility checks of what editors write: every check with content that fails
and content that passes, in Finnish, English and Swedish, on real content objects
as they are saved (the admin, commands and the API all save the same way).
"""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ["fi", "en", "sv"]


def codes(obj, language=None):
    """The codes of the problems stored on ``obj`` when it was saved, in ``language``."""
    return [
        problem["code"]
        for problem in obj.accessibility_problems
        if language is None or problem.get("language") == language
    ]


def page_with_body(language, body):
    return factories.make_page(**{f"body_{language}": body, "body_en": body})


def problems_in(language, body):
    return codes(page_with_body(language, body), language)


# --- Link texts -----------------------------------------------------------------------

VAGUE_LINKS = {
    "fi": ["lue lisää", "Tästä", "klikkaa tästä", "täältä"],
    "en": ["click here", "Read more", "here", "more…"],
    "sv": ["läs mer", "Klicka här", "här"],
}
GOOD_LINKS = {
    "fi": "Hae yritysten kehittämisavustusta",
    "en": "Apply for a business development grant",
    "sv": "Ansök om stöd för utveckling av företag",
}


@pytest.mark.parametrize(
    ("language", "text"), [(lang, text) for lang, texts in VAGUE_LINKS.items() for text in texts]
)
def test_a_link_text_that_says_nothing_alone_is_a_problem(language, text):
    body = f'<p>Rahoitusta voi hakea. <a href="https://example.fi/haku">{text}</a></p>'
    assert problems_in(language, body) == ["link_vague"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_text_that_names_its_target_passes(language):
    body = f'<p><a href="https://example.fi/haku">{GOOD_LINKS[language]}</a></p>'
    assert problems_in(language, body) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bare_address_as_link_text_is_a_problem_but_a_site_name_is_not(language):
    bare = '<p><a href="https://kainuunliitto.fi/s3">https://kainuunliitto.fi/s3</a></p>'
    named = '<p><a href="https://www.traficom.fi/">www.traficom.fi</a></p>'
    email = '<p><a href="mailto:info@kainuunliitto.fi">info@kainuunliitto.fi</a></p>'
    assert problems_in(language, bare) == ["link_address"]
    assert problems_in(language, named + email) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_link_text_for_different_targets_is_a_problem(language):
    text = GOOD_LINKS[language]
    same = f'<p><a href="https://a.example/">{text}</a> <a href="https://b.example/">{text}</a></p>'
    same_target = (
        f'<p><a href="https://a.example/">{text}</a> <a href="https://a.example/">{text}</a></p>'
    )
    assert problems_in(language, same) == ["link_same_text"]
    assert problems_in(language, same_target) == []


def test_the_same_link_text_in_two_fields_of_a_page_is_a_problem():
    programme = factories.make_programme(
        body_en='<p><a href="https://a.example/">The strategy</a></p>',
        aims_en='<p><a href="https://b.example/">The strategy</a></p>',
    )
    assert codes(programme, "en") == ["link_same_text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_with_no_text_is_a_problem(language):
    assert problems_in(language, '<p><a href="https://a.example/"> </a></p>') == ["link_empty"]


@pytest.mark.parametrize(
    ("language", "title", "expected"),
    [
        ("fi", "Lue lisää", ["link_vague"]),
        ("en", "Click here", ["link_vague"]),
        ("sv", "Läs mer", ["link_vague"]),
        ("fi", "Kainuun liiton strategia", []),
        ("en", "The strategy of the Regional Council", []),
        ("sv", "Förbundets strategi", []),
    ],
)
def test_the_title_of_a_link_item_is_checked_as_a_link_text(language, title, expected):
    link = factories.make_programme_link(
        **{f"title_{language}": title, f"url_{language}": "https://kainuunliitto.fi/s3"}
    )
    assert codes(link, language) == expected


# --- Headings -------------------------------------------------------------------------

HEADINGS = {"fi": "Rahoitus", "en": "Funding", "sv": "Finansiering"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_heading_that_skips_a_level_is_a_problem(language):
    heading = HEADINGS[language]
    assert problems_in(language, f"<h3>{heading}</h3><p>x</p>") == ["heading_skip"]
    assert problems_in(language, f"<h2>{heading}</h2><h4>{heading}</h4>") == ["heading_skip"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_in_order_pass(language):
    heading = HEADINGS[language]
    body = f"<h2>{heading}</h2><h3>{heading} 1</h3><h4>a</h4><h2>{heading} 2</h2><h3>b</h3>"
    assert problems_in(language, body) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_heading_is_a_problem(language):
    assert problems_in(language, "<h2> </h2><p>Teksti.</p>") == ["heading_empty"]


def test_a_field_shown_under_a_heading_of_its_own_starts_one_level_lower():
    # The aims of a programme are shown under the page's heading "Aims" (h2).
    passes = factories.make_programme(aims_en="<h3>Growth</h3><p>x</p>")
    fails = factories.make_programme(aims_en="<h4>Growth</h4><p>x</p>")
    assert codes(passes) == []
    assert codes(fails, "en") == ["heading_skip"]


# --- Capitals -------------------------------------------------------------------------

CAPITALS = {
    "fi": ("HAE RAHOITUSTA NYT HETI", "Kainuun EU-ohjelma ja ICT-ala sekä NACE-koodit"),
    "en": ("APPLY FOR FUNDING NOW", "The EU and ICT sectors of the S3 strategy under NUTS"),
    "sv": ("ANSÖK OM STÖD NU", "EU och ICT i strategin S3"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_in_capitals_is_a_problem_in_rich_text_and_plain_fields(language):
    shouting, _acronyms = CAPITALS[language]
    assert problems_in(language, f"<p>{shouting}</p>") == ["capitals"]
    page = factories.make_page(**{f"title_{language}": shouting})
    assert codes(page, language) == ["capitals"]
    assert page.accessibility_problems[0]["field"] == "title"


@pytest.mark.parametrize("language", LANGUAGES)
def test_acronyms_are_not_text_in_capitals(language):
    _shouting, acronyms = CAPITALS[language]
    assert problems_in(language, f"<p>{acronyms}</p>") == []


# --- Alt text -------------------------------------------------------------------------

ALT_TEXTS = {
    "fi": "Laskettelurinteet Vuokatissa talvella",
    "en": "Ski slopes at Vuokatti in winter",
    "sv": "Slalombackar i Vuokatti på vintern",
}


def sector_with_image(language, alt):
    values = {f"image_alt_{lang}": text for lang, text in ALT_TEXTS.items()}
    values[f"image_alt_{language}"] = alt
    return factories.make_sector(image="images/photo.jpg", **values)


@pytest.mark.parametrize(
    ("language", "alt", "expected"),
    [
        *[(lang, "", ["alt_missing"]) for lang in LANGUAGES],
        *[(lang, "x" * 151, ["alt_too_long"]) for lang in LANGUAGES],
        *[(lang, name, ["alt_file_name"]) for lang in LANGUAGES for name in ("IMG_1234.jpg",)],
        ("fi", "DSC0042", ["alt_file_name"]),
        ("en", "vuokatti_winter_2019", ["alt_file_name"]),
        ("sv", "kajaani-torg.png", ["alt_file_name"]),
        ("fi", "kuva", ["alt_generic"]),
        ("en", "Image", ["alt_generic"]),
        ("sv", "bild", ["alt_generic"]),
        *[(lang, text, []) for lang, text in ALT_TEXTS.items()],
    ],
)
def test_the_alt_text_of_an_image_is_checked_in_every_language(language, alt, expected):
    sector = sector_with_image(language, alt)
    assert codes(sector, language) == expected
    for other in set(LANGUAGES) - {language}:
        assert codes(sector, other) == []


def test_alt_text_is_not_asked_for_without_an_image():
    assert codes(factories.make_sector()) == []


# --- Tables ---------------------------------------------------------------------------


def test_rich_text_cannot_hold_tables_so_a_table_never_reaches_the_checks():
    page = factories.make_page(body_en="<table><tr><td>1</td></tr></table><p>Text.</p>")
    assert "<table" not in page.body_en
    assert codes(page) == []


def test_the_table_check_finds_a_table_without_a_header_row():
    from kainuu_portal.publishing.checks import read_rich_text, table_problems  # noqa: PLC0415

    without = read_rich_text("<table><tr><td>Kajaani</td><td>36 000</td></tr></table>")
    with_header = read_rich_text(
        "<table><thead><tr><th>Kunta</th><th>Väkiluku</th></tr></thead>"
        "<tbody><tr><td>Kajaani</td><td>36 000</td></tr></tbody></table>"
    )
    assert table_problems(without.tables) == [("table_header", "")]
    assert table_problems(with_header.tables) == []


# --- A whole item ---------------------------------------------------------------------


def test_every_problem_says_where_it_is_and_how_to_fix_it():
    from kainuu_portal.publishing.checks import stored_problems  # noqa: PLC0415
    from pages.models import Page  # noqa: PLC0415

    page = factories.make_page(
        body_fi='<p><a href="https://a.example/">lue lisää</a></p>',
        body_sv="<h3>Finansiering</h3>",
    )
    described = [(p.where(Page), p.what, p.fix) for p in stored_problems(page)]
    assert described[0][0] == "Body (Finnish)"
    assert "“lue lisää”" in described[0][1]
    assert described[1][0] == "Body (Swedish)"
    assert all(fix for _where, _what, fix in described)
