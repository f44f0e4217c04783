"""
The demo content: every fact of the source text (SEED.md, "The facts, one a
line") visible on the public site. The demo content is loaded once for the module.

Each fact test fetches public pages over HTTP with the test client and looks
for the fact in the page's visible text, with tags stripped, entities decoded
and whitespace, thousands separators and dashes normalised.
"""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import override

from pages.models import Page
from priorities.models import (
    CrossCuttingTheme,
    FocusArea,
    Priority,
    Programme,
    ProgrammeLink,
    RegionKeySector,
    Sector,
)
from regions.models import Municipality, PopulationFigure, Region, RegionLink, Strength
from tests.helpers.admin import content_models

MUNICIPALITIES = [
    "Hyrynsalmi",
    "Kajaani",
    "Kuhmo",
    "Paltamo",
    "Puolanka",
    "Ristijärvi",
    "Sotkamo",
    "Suomussalmi",
]

PRIORITIES = {
    "technology-industry": (
        "Innovations in the technology industry",
        [
            "applications of measurement technology",
            "technology related to games and simulators",
            "metal industry",
        ],
    ),
    "mining-and-forest-bio-economy": (
        "Innovations related to mining and forest bio economy",
        [
            "monitoring of production processes and environment",
            "forest, foodstuff and Blue Bio Economy innovations",
        ],
    ),
    "wellbeing-and-health": (
        "Developing the wellbeing and health theme",
        ["activity tourism", "nutrition", "physical exercise and sports"],
    ),
}

COUNCIL_URL = "https://kainuunliitto.fi/"


# --- fetching pages --------------------------------------------------------------


def url(name, language="en", **kwargs):
    """The page ``name`` in ``language``; ``kwargs`` are the English slugs of its address."""
    with override("en"):
        english = reverse(name, kwargs=kwargs or None)
    if language == "en":
        return english
    # Other languages have slugs of their own: the English page's language switcher has them.
    switcher = Client().get(english).content.decode().split('class="language-switcher"')[1]
    return re.search(rf'href="([^"]+)" lang="{language}"', switcher).group(1)


def normalise(text):
    """Visible text in one form: single spaces, plain hyphens, no thousands separators."""
    text = unescape(text)
    text = re.sub(r"[\u00a0\u202f\s]+", " ", text)
    text = re.sub(r"(?<=\d)[ ,](?=\d{3}\b)", "", text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = text.replace("\u2019", "'")
    return text.casefold()


def fetch(client, name, language="en", **kwargs):
    """The page's HTML and its normalised visible text."""
    response = client.get(url(name, language, **kwargs))
    assert response.status_code == 200, (name, language, kwargs, response.status_code)
    html = response.content.decode()
    # Only the page's own content: the header and footer say some things on every page.
    main = html.split('<main id="main-content"', 1)[-1].split("</main>", 1)[0]
    return html, normalise(strip_tags(main.partition(">")[2]))


def assert_shows(text, *phrases):
    missing = [phrase for phrase in phrases if normalise(phrase) not in text]
    assert not missing, f"not shown: {missing}"


def region_page(client, language="en"):
    return fetch(client, "regions:region-detail", language, slug="kainuu")


def programme_page(client, language="en"):
    return fetch(
        client, "priorities:programme-detail", language, region_slug="kainuu", slug="2018-2021"
    )


def sector_page(client, slug, language="en"):
    return fetch(client, "priorities:sector-detail", language, slug=slug)


def test_all_demo_content_is_live(demo):
    for model in content_models():
        assert model.objects.live().count() == model.objects.count(), model.__name__


def test_kainuu_is_the_home_region_with_its_codes(demo):
    kainuu = Region.objects.home().get()
    assert kainuu.slug == "kainuu"
    assert (kainuu.kind, kainuu.country, kainuu.iso_code, kainuu.nuts_code) == (
        Region.Kind.FINNISH,
        "FI",
        "FI-05",
        "FI1D8",
    )
    assert kainuu.website == COUNCIL_URL
    karelia = Region.objects.get(slug_en="republic-of-karelia")
    assert (karelia.kind, karelia.country, karelia.iso_code) == (
        Region.Kind.FOREIGN,
        "RU",
        "RU-KR",
    )
    assert kainuu in karelia.neighbours.all()


def test_municipality_codes(demo):
    codes = dict(Municipality.objects.values_list("name_fi", "code"))
    assert codes == {
        "Hyrynsalmi": "105",
        "Kajaani": "205",
        "Kuhmo": "290",
        "Paltamo": "578",
        "Puolanka": "620",
        "Ristijärvi": "697",
        "Sotkamo": "765",
        "Suomussalmi": "777",
    }
    assert set(Municipality.objects.filter(is_town=True).values_list("slug", flat=True)) == {
        "kajaani",
        "kuhmo",
    }


def test_the_regions_population_figures_with_their_sources(demo):
    figures = PopulationFigure.objects.filter(region__slug="kainuu").order_by("year")
    assert [(f.year, f.value, f.is_approximate) for f in figures] == [
        (2018, 73600, True),
        (2021, 71255, False),
        (2022, 70521, False),
    ]
    assert (figures[0].source_en, figures[0].source_fi, figures[0].source_sv) == (
        "Regional Council of Kainuu",
        "Kainuun liitto",
        "Kajanalands förbund",
    )
    assert figures[2].source_en == (
        "Regional Council of Kainuu, statistics on population and migration, "
        "based on Statistics Finland"
    )
    assert {f.origin for f in PopulationFigure.objects.all()} == {PopulationFigure.Origin.EDITOR}


MUNICIPAL_FIGURES = {
    "hyrynsalmi": ("105", [(2023, 2064)], "1521.37", "1421.25", 2022),
    "kajaani": ("205", [(2023, 36513)], "2263.99", "1834.83", 2018),
    "kuhmo": ("290", [(2023, 7582)], "5456.78", "4807.07", 2018),
    "paltamo": ("578", [(2023, 3037), (2024, 2987)], "1139.12", "918.79", 2018),
    "puolanka": ("620", [(2023, 2359)], "2598.68", "2461.17", 2018),
    "ristijarvi": ("697", [(2023, 1164)], "897.94", "835.80", 2022),
    "sotkamo": ("765", [(2021, 10343)], "2951.86", "2649.50", 2018),
    "suomussalmi": ("777", [(2023, 7172)], "5857.59", "5270.43", 2022),
}


def test_the_municipalities_figures_and_areas(demo):
    for slug, (code, series, area, land, year) in MUNICIPAL_FIGURES.items():
        municipality = Municipality.objects.get(slug=slug)
        figures = municipality.population_figures.order_by("year")
        assert municipality.code == code
        assert [(f.year, f.value) for f in figures] == series, slug
        assert (str(municipality.area_km2), str(municipality.land_area_km2)) == (area, land)
        assert municipality.area_year == year
    sotkamo = PopulationFigure.objects.get(municipality__slug="sotkamo")
    assert sotkamo.is_preliminary
    assert sotkamo.source_en == "Sotkamo-lehti, preliminary figure"
    kajaani = PopulationFigure.objects.get(municipality__slug="kajaani")
    assert (kajaani.source_en, kajaani.source_fi) == ("Statistics Finland", "Tilastokeskus")
    kainuu = Region.objects.get(slug="kainuu")
    assert (str(kainuu.area_km2), str(kainuu.land_area_km2), kainuu.area_year) == (
        "22687.86",
        "20197.26",
        2021,
    )


ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
RICH_TEXT = [
    (Region, ["body"]),
    (Sector, ["body"]),
    (RegionKeySector, ["description"]),
    (Programme, ["body", "aims"]),
    (Priority, ["body"]),
    (CrossCuttingTheme, ["description"]),
    (Page, ["body"]),
]


def test_rich_text_uses_only_the_allowed_tags(demo):
    for model, field_names in RICH_TEXT:
        for obj in model.objects.all():
            for field in field_names:
                for language in ("en", "fi", "sv"):
                    value = getattr(obj, f"{field}_{language}") or ""
                    tags = set(re.findall(r"</?([a-z0-9]+)", value))
                    assert tags <= ALLOWED_TAGS, (model.__name__, obj, field, language, tags)


def test_every_text_has_english_and_finnish(demo):
    fields = {
        Region: ["name", "summary"],
        Sector: ["name", "summary", "body"],
        RegionKeySector: ["description"],
        Programme: ["title", "summary", "body", "aims"],
        ProgrammeLink: ["title"],
        RegionLink: ["title"],
        Priority: ["title", "short_title", "summary", "body"],
        FocusArea: ["title"],
        CrossCuttingTheme: ["title", "description"],
        Strength: ["title"],
        Page: ["title", "summary", "body"],
    }
    for model, names in fields.items():
        for obj in model.objects.all():
            for name in names:
                for language in ("en", "fi"):
                    assert getattr(obj, f"{name}_{language}"), (model.__name__, obj, name)


# --- every fact of the source text on the public site --------------------------------


def test_fact_neighbouring_regions(demo, client):
    _html, text = region_page(client)
    assert_shows(
        text,
        "Northern Ostrobothnia",
        "North Karelia",
        "Northern Savonia",
        "Republic of Karelia",
        "in Finland",
        "in Russia",
    )
    # The neighbourhood is symmetrical: a neighbour's page links back to Kainuu.
    html, _text = fetch(client, "regions:region-detail", slug="republic-of-karelia")
    assert f'href="{url("regions:region-detail", slug="kainuu")}"' in html


def test_the_region_page_draws_the_population_chart(demo, client):
    html, text = region_page(client)
    assert '<figure class="chart">' in html
    assert_shows(text, "from 2018 (73,600 inhabitants) to 2022 (70,521 inhabitants)")
    assert_shows(text, "2018 about 73,600 Regional Council of Kainuu")


def test_fact_strengths(demo, client):
    strengths = [
        "nature, space and natural resources",
        "infrastructure",
        "a sustainable community structure",
    ]
    for name in ("home", "regions:region-detail"):
        kwargs = {"slug": "kainuu"} if name != "home" else {}
        _html, text = fetch(client, name, **kwargs)
        assert_shows(text, "Strengths of the regional profile", *strengths)
        positions = [text.index(normalise(strength)) for strength in strengths]
        assert positions == sorted(positions)


def test_fact_key_developing_businesses(demo, client):
    key_sectors = ["Tourism", "Technology industries", "Bio economy", "Eco-efficient mining"]
    _html, text = fetch(client, "home")
    assert_shows(text, "Key developing businesses", *key_sectors)
    positions = [text.index(normalise(name)) for name in key_sectors]
    assert positions == sorted(positions)
    _html, text = fetch(client, "priorities:sector-list")
    assert_shows(text, *key_sectors, "ICT", "Electronics", "Metal")
    _html, text = sector_page(client, "technology-industries")
    assert_shows(text, "Sub-sectors", "ICT", "Electronics", "Metal", "metal clusters")
    _html, text = sector_page(client, "ict")
    assert_shows(text, "Technology industries")


def test_fact_priorities_2018_2021(demo, client):
    title = "Smart Specialisation priorities of Kainuu 2018-2021"
    _html, text = fetch(client, "priorities:programme-list")
    assert_shows(text, title)
    _html, text = programme_page(client)
    assert_shows(text, title)
    positions = []
    for priority_title, focus_areas in PRIORITIES.values():
        assert_shows(text, priority_title, *focus_areas)
        positions.append(text.index(normalise(priority_title)))
    assert positions == sorted(positions)
    _html, text = fetch(client, "home")
    assert_shows(text, title, *(title for title, _areas in PRIORITIES.values()))


def test_fact_see_also_links(demo, client):
    html, text = region_page(client)
    assert_shows(text, "See also", "The Regional Council of Kainuu (Kainuun liitto)")
    assert f'href="{COUNCIL_URL}"' in html
    html, text = programme_page(client)
    assert_shows(text, "Smart Specialisation strategy of Kainuu (PDF)")
    assert f'href="{COUNCIL_URL}"' in html


# --- what each page shows, in each language -------------------------------------------

# The pages, as (URL name, the English slugs of the address).
HOME = ("home", {})
REGION = ("regions:region-detail", {"slug": "kainuu"})
PROGRAMME = ("priorities:programme-detail", {"region_slug": "kainuu", "slug": "2018-2021"})


def sector(slug):
    return ("priorities:sector-detail", {"slug": slug})


def municipality(slug):
    return ("regions:municipality-detail", {"region_slug": "kainuu", "slug": slug})


def priority(slug):
    return (
        "priorities:priority-detail",
        {"region_slug": "kainuu", "programme_slug": "2018-2021", "slug": slug},
    )


def content_page(slug):
    return ("pages:page-detail", {"slug": slug})


TRAVEL_DESTINATION = [
    "travel destination",
    "Several resorts offer varied services",
    "photography trips",
    "bear watching in the wild",
    "excellent training conditions for sports and activity holidays",
]
PRIORITY_SECTORS = {
    "technology-industry": ["Technology industries", "ICT", "Electronics", "Metal"],
    "mining-and-forest-bio-economy": ["Bio economy", "Eco-efficient mining"],
    "wellbeing-and-health": ["Tourism"],
}
THEMES = [
    "Technology applications in product development and manufacturing",
    "speed up development",
    "Robotics, automation, data centre activities and data analysis",
    "New solutions and applications of circular economy",
    "Decarbonisation, resource efficiency and innovations mitigating climate change",
]

# (the page, its language, the phrases its visible text shows), one a fact of a page.
PAGE_FACTS = [
    pytest.param(
        REGION,
        "en",
        [
            *MUNICIPALITIES,
            "Municipalities (8)",
            "Municipalities of Kainuu",
            "about 73,600",
            "36,513 (2023)",
            "10,343 (2021, preliminary)",
            "2,987 (2024)",
            "22,687.86 km², land 20,197.26 km² (2021)",
        ],
        id="region-municipalities-and-population",
    ),
    pytest.param(
        municipality("sotkamo"),
        "en",
        [
            "10,343 (preliminary) Sotkamo-lehti, preliminary figure",
            "2,951.86 km², land 2,649.50 km² (2018)",
        ],
        id="municipality-population-and-area",
    ),
    pytest.param(
        HOME,
        "en",
        [
            "70,521",
            "(2022; source: Regional Council of Kainuu, statistics on population and migration",
            "Municipalities 8",
        ],
        id="home-population",
    ),
    *(
        pytest.param(
            municipality(name.lower().replace("ä", "a")),
            "en",
            [name, "Kainuu", *(["205", "Town"] if name == "Kajaani" else [])],
            id=f"municipality-{name.lower()}",
        )
        for name in MUNICIPALITIES
    ),
    pytest.param(
        REGION,
        "en",
        ["in the middle of Finland", "Helsinki is only about an hour's flight away"],
        id="location-in-the-middle-of-finland",
    ),
    pytest.param(
        REGION,
        "en",
        [
            "good services and cooperation networks",
            "an attractive environment for living, doing business, working and travelling",
            "a safe and bustling place to live",
            "plenty of space for living",
        ],
        id="services-and-environment",
    ),
    pytest.param(
        REGION, "en", [*TRAVEL_DESTINATION, "all year round"], id="region-travel-destination"
    ),
    pytest.param(
        sector("tourism"),
        "en",
        [*TRAVEL_DESTINATION, "throughout the year"],
        id="tourism-travel-destination",
    ),
    pytest.param(
        sector("technology-industries"),
        "en",
        [
            "In Kainuu",
            "export-oriented",
            "led by the ICT and electronics sectors and by the metal sector",
            "prospects for growth",
            "new openings through pilot projects",
            "business ecosystems",
        ],
        id="technology-industry",
    ),
    pytest.param(
        sector("bio-economy"),
        "en",
        [
            "renewable natural resources",
            "know-how",
            "forests of Kainuu are an essential resource",
            "fuel",
            "bio plastics",
            "construction materials",
            "side-flows",
            "circular economy",
            "locally produced raw material",
            "sustainable and energy-efficient",
        ],
        id="bio-economy",
    ),
    pytest.param(
        sector("eco-efficient-mining"),
        "en",
        [
            "Responsible and eco-efficient mining is growing",
            "Kainuu-based SMEs",
            "service companies",
            "national and international level",
            "extractive industries",
            "cooperation between the Eastern and Northern regions of Finland",
        ],
        id="eco-efficient-mining",
    ),
    *(
        pytest.param(
            priority(slug),
            "en",
            [title, "Focus areas", *focus_areas, *PRIORITY_SECTORS[slug]],
            id=f"priority-{slug}",
        )
        for slug, (title, focus_areas) in PRIORITIES.items()
    ),
    pytest.param(
        PROGRAMME, "en", ["Cross-cutting themes", *THEMES], id="programme-cross-cutting-themes"
    ),
    pytest.param(
        HOME, "en", ["Cross-cutting themes", THEMES[0], *THEMES[2:]], id="home-cross-cutting-themes"
    ),
    pytest.param(
        PROGRAMME,
        "en",
        [
            "Aims",
            "bring investments, technology, enterprises and know-how to the region",
            "highly skilled companies and labour",
            "add value and volume to its exports",
        ],
        id="aim-of-the-strategy",
    ),
    # Finnish and Swedish pages
    pytest.param(
        REGION,
        "fi",
        [
            "Pohjois-Pohjanmaa",
            "Pohjois-Karjala",
            "Pohjois-Savo",
            "Karjalan tasavalta",
            "luonto, tila ja luonnonvarat",
            "kestävä yhdyskuntarakenne",
            "keskellä Suomea",
            "Kainuun liitto",
            *MUNICIPALITIES,
        ],
        id="finnish-region",
    ),
    pytest.param(HOME, "fi", ["70521", "2022", "Kainuun liitto"], id="finnish-home"),
    pytest.param(
        PROGRAMME,
        "fi",
        [
            "Kainuun älykkään erikoistumisen painopisteet 2018-2021",
            "Teknologiateollisuuden innovaatiot",
            "mittaustekniikan sovellukset",
            "metsä-, elintarvike- ja sinisen biotalouden innovaatiot",
            "aktiviteettimatkailu",
            "Robotiikka, automaatio, datakeskustoiminta ja data-analytiikka",
            "investointeja, teknologiaa, yrityksiä ja osaamista",
        ],
        id="finnish-programme",
    ),
    pytest.param(
        sector("eco-efficient-mining"),
        "fi",
        ["Ekotehokas kaivostoiminta", "Itä- ja Pohjois-Suomen"],
        id="finnish-sector",
    ),
    pytest.param(
        REGION,
        "sv",
        [
            "Kajanaland",
            "Norra Österbotten",
            "Norra Karelen",
            "Norra Savolax",
            "Karelska republiken",
            "Kajana",
            "Kajanalands förbund",
        ],
        id="swedish-region",
    ),
    pytest.param(municipality("kajaani"), "sv", ["Kajana", "Kajaani"], id="swedish-municipality"),
    pytest.param(
        ("regions:region-detail", {"slug": "northern-ostrobothnia"}),
        "sv",
        ["Norra Österbotten", "Kajanaland"],
        id="swedish-neighbour",
    ),
    # The content pages
    pytest.param(
        content_page("accessibility"),
        "en",
        [
            "Accessibility statement",
            "Act on the Provision of Digital Services",
            "WCAG) 2.1",
            "partially meets",
            "PDF",
            "self-assessment",
            "27 November 2026",
            "kirjaamo@kainuunliitto.fi",
            "within 14 days",
            "Traficom",
            "www.saavutettavuusvaatimukset.fi",
            "saavutettavuus@traficom.fi",
        ],
        id="accessibility-statement",
    ),
    pytest.param(
        content_page("accessibility"),
        "fi",
        ["Saavutettavuusseloste", "27.11.2026", "Liikenne- ja viestintävirasto"],
        id="finnish-accessibility-statement",
    ),
    pytest.param(
        content_page("privacy"),
        "en",
        [
            "Privacy notice",
            "no cookies",
            "no analytics",
            "server",
            "Regional Council of Kainuu",
            "kirjaamo@kainuunliitto.fi",
            "Data Protection Ombudsman",
            "These records are kept for 365 days and then deleted.",
        ],
        id="privacy-notice",
    ),
    pytest.param(
        content_page("privacy"),
        "fi",
        ["Tietosuojaseloste", "tietosuojavaltuutetulle", "säilytetään 365 päivää"],
        id="finnish-privacy-notice",
    ),
    pytest.param(
        content_page("privacy"),
        "sv",
        ["Dataskyddsbeskrivning", "sparas i 365 dagar"],
        id="swedish-privacy-notice",
    ),
    pytest.param(
        content_page("about"),
        "en",
        ["About this portal", "Regional Council of Kainuu", "Smart Specialisation"],
        id="about",
    ),
    pytest.param(
        content_page("about"), "sv", ["Om portalen", "Kajanalands förbund"], id="swedish-about"
    ),
]


@pytest.mark.parametrize(("page", "language", "phrases"), PAGE_FACTS)
def test_the_page_shows_the_facts(demo, client, page, language, phrases):
    name, kwargs = page
    _html, text = fetch(client, name, language, **kwargs)
    assert_shows(text, *phrases)


# --- the content pages -------------------------------------------------------------------


def test_footer_links_the_content_pages(demo, client):
    html, _text = fetch(client, "home")
    for slug in ("about", "accessibility", "privacy"):
        assert f'href="{url("pages:page-detail", slug=slug)}"' in html
