"""Programmes and their priorities added and validated through the admin's forms."""

from kainuu_portal.publishing.models import Status
from priorities.models import Priority, Programme
from tests import factories
from tests.helpers.admin import admin_url, management_form, programme_post_data


def test_an_editor_adds_a_programme_with_a_priority(editor_client):
    region = factories.make_region()
    data = programme_post_data(
        region,
        **management_form("priorities", total=1),
        **{
            "priorities-0-order": "1",
            "priorities-0-title_fi": "Teknologiateollisuus",
            "priorities-0-slug_fi": "teknologiateollisuus",
            "priorities-0-status": Status.PUBLISHED,
        },
    )

    response = editor_client.post(admin_url("priorities.programme", "add"), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    programme = Programme.objects.get(region=region, slug_fi="2022-2027")
    assert programme.title_fi == "Kainuun älykäs erikoistuminen 2022–2027"
    assert programme.title_en == "Smart Specialisation in Kainuu 2022–2027"
    assert programme.status == Status.DRAFT
    priority = Priority.objects.get(programme=programme)
    assert priority.title_fi == "Teknologiateollisuus"


def test_an_end_year_before_the_start_year_is_a_form_error(editor_client):
    region = factories.make_region()

    response = editor_client.post(
        admin_url("priorities.programme", "add"),
        programme_post_data(region, start_year="2027", end_year="2022"),
    )

    assert response.status_code == 200
    assert "The end year cannot be before the start year." in response.content.decode()
    assert not Programme.objects.exists()


def test_a_duplicate_programme_slug_in_the_same_region_is_a_form_error(editor_client):
    region = factories.make_region()
    factories.make_programme(region=region, slug="2022-2027")

    response = editor_client.post(
        admin_url("priorities.programme", "add"), programme_post_data(region)
    )

    assert response.status_code == 200
    assert "This region already has a programme with this slug in Finnish." in (
        response.content.decode()
    )
    assert Programme.objects.filter(region=region).count() == 1


def test_the_same_programme_slug_in_another_region_is_fine(editor_client):
    factories.make_programme(slug="2022-2027")
    region = factories.make_region()

    response = editor_client.post(
        admin_url("priorities.programme", "add"), programme_post_data(region)
    )

    assert response.status_code == 302


def test_duplicate_priority_slugs_in_one_programme_are_a_form_error(editor_client):
    region = factories.make_region()
    rows = {}
    for i in range(2):
        rows |= {
            f"priorities-{i}-order": str(i),
            f"priorities-{i}-title_fi": f"Painopiste {i}",
            f"priorities-{i}-slug_fi": "sama",
            f"priorities-{i}-status": Status.DRAFT,
        }
    data = programme_post_data(region, **management_form("priorities", total=2), **rows)

    response = editor_client.post(admin_url("priorities.programme", "add"), data)

    assert response.status_code == 200
    assert not Programme.objects.exists()
    assert response.context["inline_admin_formsets"][0].formset.non_form_errors()
