"""The regions' public pages over HTTP."""

import re
from datetime import UTC, datetime, timedelta

from django.contrib.auth.models import Permission, User
from django.utils import timezone
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


def test_a_municipality_page_shows_the_figures_live_now_with_their_table_dates(client, site):
    municipality = site["municipality"]
    now = timezone.now()
    factories.make_population(
        municipality=municipality,
        year=2019,
        value=36500,
        publish_at=now - timedelta(hours=1),
        table_updated=datetime(2020, 3, 27, 8, tzinfo=UTC),
    )
    factories.make_population(
        municipality=municipality, year=2020, value=36000, publish_at=now + timedelta(hours=1)
    )
    with override("en"):
        url = municipality.get_absolute_url()

    content = client.get(url).content.decode()

    assert re.search(r"36.500", content)
    assert "table updated 03/27/2020" in content
    assert not re.search(r"36.000", content)


def test_a_draft_municipality_is_shown_to_staff_only(client, viewer_client, site):
    municipality = factories.make_municipality(
        region=site["region"], name_en="Draftville", status=Status.DRAFT
    )
    with override("en"):
        url = municipality.get_absolute_url()

    assert client.get(url).status_code == 404
    response = viewer_client.get(url)
    assert response.status_code == 200
    assert "Draftville" in response.content.decode()
    assert response.headers["X-Robots-Tag"] == "noindex"


def test_the_region_list_counts_the_municipalities_live_now(client, site):
    region = site["region"]
    factories.make_municipality(region=region, publish_at=timezone.now() + timedelta(hours=1))
    factories.make_region(name_en="Later region", publish_at=timezone.now() + timedelta(hours=1))

    content = client.get("/en/regions/").content.decode()

    assert "Finnish region · 1 municipality" in content
    assert "Later region" not in content
