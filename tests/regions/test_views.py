"""The regions' public pages over HTTP."""

import re

from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from tests import factories
from tests.helpers.html import parse


def test_region_page_lists_municipalities_with_population_and_neighbours(client, site):
    with override("en"):
        url = site["region"].get_absolute_url()
    response = client.get(url)
    content = response.content.decode()
    assert "Kajaani" in content
    assert re.search(r"37.000", content)
    assert "North Karelia" in content


def test_staff_see_a_regions_draft_strength_and_municipality_marked(client, viewer_client, site):
    region = site["region"]
    factories.make_strength(region=region, title_en="draft strength", status=Status.DRAFT)
    factories.make_municipality(region=region, name_en="Draftville", status=Status.DRAFT)
    with override("en"):
        url = region.get_absolute_url()

    assert "badge-draft" not in client.get(url).content.decode()

    badges = parse(viewer_client.get(url)).find_all("span", **{"class": "badge badge-draft"})
    assert {next(badge.parent.strings()).strip() for badge in badges} == {
        "Draft strength",
        "Draftville",
    }
