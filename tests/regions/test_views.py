"""The regions' public pages over HTTP."""

import re

from django.contrib.auth.models import Permission, User
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


def test_a_draft_regions_municipalities_follow_what_the_staff_member_may_preview(client, db):
    # Staff who may preview regions, not municipalities: a draft region's municipality
    # is not live (its region is a draft), so the preview leaves it out.
    region = factories.make_region(name_en="Draft region", status=Status.DRAFT)
    factories.make_municipality(region=region, name_en="Hiddenville")
    user = User.objects.create_user("partial", password="not-used-here-123", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_region"))
    client.force_login(user)
    with override("en"):
        url = region.get_absolute_url()

    content = client.get(url).content.decode()

    assert "Draft region" in content
    assert "Hiddenville" not in content
