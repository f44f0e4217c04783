"""
Old addresses keep working: a slug changed in the admin, an item moved to another parent,
children, the CSV download and the document; redirects editors see, add and remove; never
a chain, a loop or a draft for visitors; slugs unique per language with clear messages.
"""

from io import BytesIO

import pytest
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F
from django.test import Client
from django.utils.translation import override

from kainuu_portal.publishing.models import Redirect, Status
from priorities.models import CrossCuttingTheme, FocusArea, Priority
from regions.models import Municipality, PopulationFigure, Strength
from tests import factories
from tests.helpers.admin import admin_url, change_form, save
from tests.helpers.pages import LANGUAGES


def addresses(obj):
    """``{language: address}`` of ``obj`` as stored now."""
    obj = type(obj).objects.get(pk=obj.pk)
    urls = {}
    for language in LANGUAGES:
        with override(language):
            urls[language] = obj.get_absolute_url()
    return urls


def assert_leads_to(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    assert client.get(new).status_code == 200, new


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def site(site):
    """The small site with the Finnish texts the admin asks of its inline rows."""
    for model, field in [
        (Strength, "title"),
        (FocusArea, "title"),
        (CrossCuttingTheme, "title"),
        (PopulationFigure, "source"),
    ]:
        model.objects.update(**{f"{field}_fi": F(f"{field}_en")})
    return site


def test_renaming_a_slug_in_the_admin_keeps_the_old_address_working(editor_client, visitor, site):
    sector = site["sector"]
    before = addresses(sector)

    save(editor_client, sector, slug_fi="tieto-ja-viestintatekniikka", slug_en="ict", slug_sv="ikt")

    after = addresses(sector)
    assert after["fi"] == "/fi/toimialat/tieto-ja-viestintatekniikka/"
    assert after["sv"] == "/sv/branscher/ikt/"
    assert_leads_to(visitor, before["fi"], after["fi"])
    assert_leads_to(visitor, before["sv"], after["sv"])
    # The English address did not change and needs no redirect.
    assert before["en"] == after["en"]
    assert not Redirect.objects.filter(old_path=before["en"]).exists()


def test_renaming_a_region_redirects_the_addresses_of_everything_below_it(
    editor_client, visitor, site
):
    region, municipality, programme = site["region"], site["municipality"], site["programme"]
    priority = site["priority"]
    before = {obj: addresses(obj) for obj in (region, municipality, programme, priority)}
    with override("fi"):
        csv_before = programme.get_csv_url()

    save(editor_client, region, slug_fi="kainuun-maakunta")

    for obj, old in before.items():
        new = addresses(obj)
        assert new["fi"].startswith(
            ("/fi/alueet/kainuun-maakunta/", "/fi/ohjelmat/kainuun-maakunta/")
        )
        assert_leads_to(visitor, old["fi"], new["fi"])
    with override("fi"):
        csv_after = type(programme).objects.get(pk=programme.pk).get_csv_url()
    response = visitor.get(csv_before)
    assert response.status_code == 301
    assert response["Location"] == csv_after
    assert visitor.get(csv_after).status_code == 200


def test_moving_an_item_to_another_parent_redirects_its_old_address(editor_client, visitor, site):
    municipality = site["municipality"]
    other = factories.make_region(slug="pohjois-karjala")
    old = addresses(municipality)

    save(editor_client, municipality, region=str(other.pk))

    new = addresses(municipality)
    for language in LANGUAGES:
        assert new[language] != old[language]
        assert_leads_to(visitor, old[language], new[language])


def test_renaming_again_never_makes_a_chain_and_renaming_back_never_a_loop(
    editor_client, visitor, site
):
    priority = site["priority"]
    first = addresses(priority)["fi"]
    save(editor_client, priority, slug_fi="toinen")
    second = addresses(priority)["fi"]
    save(editor_client, Priority.objects.get(pk=priority.pk), slug_fi="kolmas")
    third = addresses(priority)["fi"]

    assert_leads_to(visitor, first, third)
    assert_leads_to(visitor, second, third)

    save(editor_client, Priority.objects.get(pk=priority.pk), slug_fi="toinen")
    # The address in use again is no longer redirected; the others lead to it in one hop.
    assert not Redirect.objects.filter(old_path=second).exists()
    assert visitor.get(second).status_code == 200
    assert_leads_to(visitor, first, second)
    assert_leads_to(visitor, third, second)


def test_an_old_address_without_its_trailing_slash_takes_one_redirect(editor_client, visitor, site):
    sector = site["sector"]
    before = addresses(sector)
    save(editor_client, sector, slug_fi="tieto-ja-viestintatekniikka", slug_en="ict", slug_sv="ikt")
    new = addresses(sector)["fi"]
    old = before["fi"].rstrip("/")

    # Straight to the current address, not first to the old one with a slash.
    assert_leads_to(visitor, old, new)
    response = visitor.get(old, {"page": "2"})
    assert response.status_code == 301
    assert response["Location"] == f"{new}?page=2"
    # An address that is in use is still completed by APPEND_SLASH.
    response = visitor.get(new.rstrip("/"))
    assert (response.status_code, response["Location"]) == (301, new)


def test_a_redirect_never_leads_a_visitor_to_a_draft(editor_client, visitor, viewer_client, site):
    page = site["page"]
    old = addresses(page)["fi"]
    save(editor_client, page, slug_fi="tietoa")
    type(page).objects.filter(pk=page.pk).update(status=Status.DRAFT)

    assert visitor.get(old).status_code == 404
    # Staff who may preview drafts are led to the draft.
    assert viewer_client.get(old).status_code == 301


def test_a_replaced_document_s_old_link_leads_to_the_new_one(editor_client, visitor, site):
    programme = site["programme"]

    def upload(name):
        pdf = BytesIO()
        from pypdf import PdfWriter

        writer = PdfWriter()
        writer.add_blank_page(width=200, height=200)
        writer.write(pdf)
        url, data = change_form(editor_client, type(programme).objects.get(pk=programme.pk))
        data["source_document"] = SimpleUploadedFile(name, pdf.getvalue(), "application/pdf")
        assert editor_client.post(url, data).status_code == 302

    upload("first.pdf")
    old = type(programme).objects.get(pk=programme.pk).get_document_url()
    upload("second.pdf")
    new = type(programme).objects.get(pk=programme.pk).get_document_url()

    assert old != new
    response = visitor.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert visitor.get(new).status_code == 200


def test_editors_see_and_remove_redirects_in_the_admin(editor_client, visitor, site):
    sector = site["sector"]
    old = addresses(sector)["fi"]
    save(editor_client, sector, slug_fi="ict-ala")
    redirect = Redirect.objects.get(old_path=old)

    listing = editor_client.get(admin_url("publishing.redirect", "changelist"))
    assert old in listing.content.decode()
    assert "/fi/toimialat/ict-ala/" in listing.content.decode()

    url = admin_url("publishing.redirect", "delete", redirect.pk)
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert visitor.get(old).status_code == 404


def test_editors_add_a_redirect_that_follows_its_item(editor_client, visitor, site):
    priority = site["priority"]
    url = admin_url("publishing.redirect", "add")
    response = editor_client.post(
        url, {"old_path": "/fi/s3/", "new_path": f"http://testserver{addresses(priority)['fi']}"}
    )
    assert response.status_code == 302
    assert_leads_to(visitor, "/fi/s3/", addresses(priority)["fi"])

    save(editor_client, Priority.objects.get(pk=priority.pk), slug_fi="uusi")
    assert_leads_to(visitor, "/fi/s3/", "/fi/ohjelmat/kainuu/2018-2021/uusi/")


@pytest.mark.parametrize(
    ("old_path", "new_path", "message"),
    [
        ("s3", "/fi/", "Give an address on this site, starting with /."),
        ("/fi/\x00/", "/fi/", "Give an address on this site, starting with /."),
        ("/fi/s3/", "/fi/s3/", "A redirect cannot lead to its own old address."),
        ("/fi/s3/", "", "Give the new address."),
        ("/fi/", "/en/", "This address shows a page now"),
    ],
)
def test_a_redirect_that_could_not_work_is_refused_with_a_reason(
    editor_client, site, old_path, new_path, message
):
    url = admin_url("publishing.redirect", "add")
    response = editor_client.post(url, {"old_path": old_path, "new_path": new_path})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Redirect.objects.exists()


def test_a_redirect_to_an_address_that_is_itself_redirected_is_refused(editor_client, site):
    Redirect.objects.create(old_path="/fi/vanha/", new_path="/fi/")
    url = admin_url("publishing.redirect", "add")
    response = editor_client.post(url, {"old_path": "/fi/toinen/", "new_path": "/fi/vanha/"})
    assert "This address is itself redirected" in response.content.decode()


def test_two_items_cannot_share_a_slug_in_one_language(editor_client, site):
    other = factories.make_municipality(region=site["region"], slug_fi="kuhmo", slug_sv="kuhmo")
    with override("sv"):
        taken = site["municipality"].slug
    url, data = change_form(editor_client, other)
    data["slug_sv"] = [taken]
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "This region already has a municipality with this slug in Swedish." in (
        response.content.decode()
    )


def test_an_empty_slug_falls_back_like_the_other_fields(site):
    municipality = Municipality.objects.get(pk=site["municipality"].pk)
    Municipality.objects.filter(pk=municipality.pk).update(slug_sv="", slug_en="kajaani-en")
    municipality.refresh_from_db()
    with override("sv"):
        assert municipality.get_absolute_url() == "/sv/regioner/kainuu/kajaani-en/"
    assert Client().get("/sv/regioner/kainuu/kajaani-en/").status_code == 200


def test_the_admin_makes_each_language_s_slug_from_that_language_s_title(editor_client, site):
    page = editor_client.get(admin_url("regions.municipality", "add")).content.decode()
    for language in LANGUAGES:
        assert f"&quot;id&quot;: &quot;#id_slug_{language}&quot;" in page
        assert f"&quot;dependency_ids&quot;: [&quot;#id_name_{language}&quot;]" in page


def test_a_new_or_removed_redirect_makes_cached_pages_stale(
    settings, tmp_path, site, visitor, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_STAMP_FILE = str(tmp_path / "stamp")
    caches["default"].clear()
    url = addresses(site["region"])["fi"]
    visitor.get(url)
    assert visitor.get(url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        redirect = Redirect.objects.create(old_path="/fi/vanha/", new_path=url)
    assert visitor.get(url)["X-Page-Cache"] == "miss"
    assert visitor.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        redirect.delete()
    assert visitor.get(url)["X-Page-Cache"] == "miss"
    caches["default"].clear()
