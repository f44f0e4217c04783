"""
A region's page over HTTP: visitors' pages read through compiled statements (the time,
the slug and the region's id given with each request), staff's through the querysets.
"""

import re
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from tests import factories
from tests.helpers.html import parse


def url_of(obj, language="en"):
    with override(language):
        return obj.get_absolute_url()


def municipality_rows(response):
    """Each municipality row of the table: its cells' texts."""
    rows = parse(response).find("table").find("tbody").find_all("tr")
    return [[" ".join(cell.text.split()) for cell in row.elements()] for row in rows]


def test_a_scheduled_municipality_strength_link_and_figure_appear_when_due(
    client, site, monkeypatch
):
    region = site["region"]
    publish_at = timezone.now() + timedelta(hours=1)
    later = factories.make_municipality(region=region, name_en="Laterville", publish_at=publish_at)
    factories.make_population(municipality=later, year=2020, value=1234, publish_at=publish_at)
    factories.make_population(
        municipality=site["municipality"], year=2020, value=36000, publish_at=publish_at
    )
    factories.make_population(region=region, year=2020, value=71000, publish_at=publish_at)
    factories.make_strength(region=region, title_en="tourism", publish_at=publish_at)
    factories.make_region_link(region=region, title_en="Later link", publish_at=publish_at)

    content = client.get(url_of(region)).content.decode()
    assert "Laterville" not in content
    assert "Tourism" not in content
    assert "Later link" not in content
    assert not re.search(r"36.000|71.000", content)

    monkeypatch.setattr(timezone, "now", lambda: publish_at + timedelta(seconds=1))
    content = client.get(url_of(region)).content.decode()
    assert "Laterville" in content
    assert "Tourism" in content
    assert "Later link" in content
    assert re.search(r"36.000 \(2020\)", content)  # Kajaani's latest figure
    assert re.search(r"1.234 \(2020\)", content)
    assert re.search(r"71.000", content)  # the region's own, in its table


def test_what_is_unpublished_leaves_the_page(client, site, monkeypatch):
    region = site["region"]
    unpublish_at = timezone.now() + timedelta(hours=1)
    leaving = factories.make_municipality(
        region=region, name_en="Leavingville", unpublish_at=unpublish_at
    )
    factories.make_population(municipality=leaving, year=2018, value=4321)
    factories.make_strength(region=region, title_en="forestry", unpublish_at=unpublish_at)
    neighbour = factories.make_region(name_en="Leaving region", unpublish_at=unpublish_at)
    region.neighbours.add(neighbour)
    factories.make_municipality(region=region, name_en="Draftville", status=Status.DRAFT)

    content = client.get(url_of(region)).content.decode()
    assert "Leavingville" in content and re.search(r"4.321", content)
    assert "Forestry" in content
    assert "Leaving region" in content
    assert "Draftville" not in content

    monkeypatch.setattr(timezone, "now", lambda: unpublish_at + timedelta(seconds=1))
    content = client.get(url_of(region)).content.decode()
    assert "Leavingville" not in content and not re.search(r"4.321", content)
    assert "Forestry" not in content
    assert "Leaving region" not in content
    assert "North Karelia" in content


def test_an_unknown_or_unpublished_region_answers_404(client, site):
    draft = factories.make_region(name_en="Draft region", status=Status.DRAFT)

    assert client.get("/en/regions/no-such-region/").status_code == 404
    assert client.get(url_of(draft)).status_code == 404


def test_staff_preview_a_draft_region_with_its_draft_municipality(client, viewer_client, db):
    region = factories.make_region(name_en="Draft region", status=Status.DRAFT)
    factories.make_municipality(region=region, name_en="Draftville", status=Status.DRAFT)

    response = viewer_client.get(url_of(region))

    assert response.status_code == 200
    assert response.headers["X-Robots-Tag"] == "noindex"
    content = response.content.decode()
    assert "Draft region" in content and "Draftville" in content
    assert "badge-draft" in content


def test_visitors_and_staff_see_the_same_municipality_table(client, viewer_client, site):
    region = site["region"]
    factories.make_municipality(
        region=region,
        name_en="Sotkamo",
        name_fi="Sotkamo",
        is_town=False,
        code="765",
        area_km2=Decimal("2951.99"),
        area_year=2021,
    )
    town = factories.make_municipality(
        region=region,
        name_en="Kuhmo",
        name_fi="Kuhmo",
        is_town=True,
        code="290",
        area_km2=Decimal("5456.78"),
    )
    factories.make_population(
        municipality=town, year=2023, value=7938, is_approximate=True, is_preliminary=True
    )

    for language in ("en", "fi"):
        visitor = municipality_rows(client.get(url_of(region, language)))
        staff = municipality_rows(viewer_client.get(url_of(region, language)))
        assert visitor == staff
    assert visitor == [
        ["Kajaani", "205", "37 000 (2018)", "–"],
        ["Kuhmo (kaupunki)", "290", "noin 7 938 (2023, ennakkotieto)", "5 456,78"],
        ["Sotkamo", "765", "–", "2 951,99 (2021)"],
    ]


def test_a_name_missing_in_the_language_falls_back_as_the_translations_do(client, site):
    # Swedish falls back to English, then to Finnish.
    region = site["region"]
    factories.make_municipality(region=region, name_fi="Ristijärvi", name_sv="", name_en="")

    content = client.get(url_of(region, "sv")).content.decode()

    assert "Ristijärvi" in content
    assert "Kajana" in content


def test_visitors_and_staff_see_the_same_image_with_its_alt_text_in_the_language(
    client, viewer_client, db
):
    renditions = [
        {"name": f"images/{'a' * 32}-{width}.webp", "width": width, "height": width // 2}
        for width in (480, 960, 1600)
    ]
    region = factories.make_region(
        name_en="Pictured region",
        image=f"images/{'a' * 32}.jpg",
        image_renditions=renditions,
        image_alt_fi="Linna",
        image_alt_en="",
    )

    def figure(response):
        content = response.content.decode()
        return re.search(r'<figure class="content-image">.*?</figure>', content).group()

    visitor = figure(client.get(url_of(region)))
    assert visitor == figure(viewer_client.get(url_of(region)))
    assert 'width="960" height="480"' in visitor
    assert f"images/{'a' * 32}-1600.webp 1600w" in visitor
    assert 'alt="Linna"' in visitor  # English falls back to Finnish
