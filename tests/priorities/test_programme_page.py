"""
A programme's page over HTTP: visitors' rows read by compiled statements, each with the
request's time, and staff's previews of drafts and pending changes.
"""

import json
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import PendingChange, Status
from tests import factories
from tests.helpers.admin import change_form, make_staff
from tests.helpers.html import parse


def url_of(obj, language="en"):
    with override(language):
        return obj.get_absolute_url()


def structured_data(response):
    return json.loads(parse(response).find("script", type="application/ld+json").text)


def test_a_visitor_sees_the_programme_its_priorities_themes_and_links(client, site):
    programme = site["programme"]
    factories.make_programme_link(programme=programme, title_en="The strategy")

    response = client.get(url_of(programme))

    content = response.content.decode()
    assert "<h1>S3 2018-2021</h1>" in content
    assert f'href="{url_of(site["priority"])}"' in content
    assert "<li>Metal industry\n</li>" in content
    assert 'Sectors: <a href="/en/sectors/ict/">ICT</a></p>' in content
    assert "<strong>Circular economy</strong>" in content
    assert '<a href="https://kainuunliitto.fi/strategia.pdf">The strategy</a>' in content
    assert f'href="{programme.get_csv_url()}"' in content
    assert "Compare the programme periods" not in content
    data = structured_data(response)
    assert data["name"] == "S3 2018-2021"
    assert data["spatialCoverage"]["url"] == "http://testserver/en/regions/kainuu/"
    assert [part["keywords"] for part in data["hasPart"]] == [["metal industry"]]
    assert data["publisher"]["@type"] == "GovernmentOrganization"


def test_the_page_is_read_in_each_language_with_its_fallbacks(client, site):
    programme = site["programme"]
    type(programme).objects.filter(pk=programme.pk).update(title_sv="")

    finnish = client.get(url_of(programme, "fi")).content.decode()
    swedish = client.get(url_of(programme, "sv")).content.decode()

    # Swedish falls back to English, then Finnish.
    assert "<h1>S3 2018-2021</h1>" in swedish
    assert f"<h1>{programme.title_fi}</h1>" in finnish
    assert 'href="/sv/program/kainuu/2018-2021/" lang="sv"' in finnish


def test_a_scheduled_priority_theme_and_link_appear_when_their_time_comes(
    client, site, monkeypatch
):
    programme = site["programme"]
    url = url_of(programme)
    assert client.get(url).status_code == 200  # the statements are compiled
    publish_at = timezone.now() + timedelta(hours=1)
    priority = factories.make_priority(
        programme=programme, title_en="Scheduled priority", publish_at=publish_at
    )
    factories.make_focus_area(priority=priority, title_en="scheduled focus")
    priority.sectors.add(site["parent_sector"])
    factories.make_theme(programme=programme, title_en="scheduled theme", publish_at=publish_at)
    factories.make_programme_link(
        programme=programme, title_en="Scheduled link", publish_at=publish_at
    )

    before = client.get(url).content.decode()
    monkeypatch.setattr(timezone, "now", lambda: publish_at + timedelta(seconds=1))
    after = client.get(url)

    for text in ("Scheduled priority", "Scheduled focus", "Scheduled theme", "Scheduled link"):
        assert text not in before
        assert text in after.content.decode()
    assert 'href="/en/sectors/technology-industries/"' in after.content.decode()
    names = [part["name"] for part in structured_data(after)["hasPart"]]
    assert "Scheduled priority" in names


def test_an_unpublished_priority_leaves_the_page(client, site, monkeypatch):
    programme = site["programme"]
    unpublish_at = timezone.now() + timedelta(hours=1)
    factories.make_priority(
        programme=programme, title_en="Leaving priority", unpublish_at=unpublish_at
    )
    url = url_of(programme)
    assert "Leaving priority" in client.get(url).content.decode()

    monkeypatch.setattr(timezone, "now", lambda: unpublish_at + timedelta(seconds=1))
    assert "Leaving priority" not in client.get(url).content.decode()

    type(site["priority"]).objects.filter(pk=site["priority"].pk).update(status=Status.DRAFT)
    content = client.get(url).content.decode()
    assert "Metal industry" not in content
    assert 'id="priorities"' not in content


def test_a_programme_unpublished_or_scheduled_is_not_found(client, site, monkeypatch):
    programme = site["programme"]
    url = url_of(programme)
    assert client.get(url).status_code == 200

    later = timezone.now() + timedelta(hours=1)
    type(programme).objects.filter(pk=programme.pk).update(publish_at=later)
    assert client.get(url).status_code == 404
    monkeypatch.setattr(timezone, "now", lambda: later + timedelta(seconds=1))
    assert client.get(url).status_code == 200

    type(programme.region).objects.filter(pk=programme.region.pk).update(status=Status.DRAFT)
    assert client.get(url).status_code == 404


def test_unknown_addresses_are_not_found(client, site):
    programme = site["programme"]
    other_region = factories.make_region(slug="elsewhere")
    cases = [
        {"region_slug": "kainuu", "slug": "1999-2002"},
        {"region_slug": "no-such-region", "slug": programme.slug},
        {"region_slug": other_region.slug, "slug": programme.slug},
    ]
    for kwargs in cases:
        with override("en"):
            url = reverse("priorities:programme-detail", kwargs=kwargs)
        assert client.get(url).status_code == 404, url


def test_the_comparison_link_appears_with_a_second_live_period(client, site, monkeypatch):
    programme = site["programme"]
    url = url_of(programme)
    publish_at = timezone.now() + timedelta(hours=1)
    factories.make_programme(
        region=programme.region, slug="2022-2027", start_year=2022, publish_at=publish_at
    )
    assert "Compare the programme periods" not in client.get(url).content.decode()

    monkeypatch.setattr(timezone, "now", lambda: publish_at + timedelta(seconds=1))
    content = client.get(url).content.decode()
    compare = reverse("priorities:programme-compare", kwargs={"region_slug": "kainuu"})
    assert f'<a href="{compare}?b=2018-2021">Compare the programme periods of Kainuu</a>' in (
        content
    )


def test_staff_preview_still_shows_a_draft(client, viewer_client, site):
    programme = site["programme"]
    factories.make_priority(programme=programme, title_en="Draft priority", status=Status.DRAFT)
    type(programme).objects.filter(pk=programme.pk).update(status=Status.DRAFT)
    url = url_of(programme)

    assert client.get(url).status_code == 404
    preview = viewer_client.get(url)

    content = preview.content.decode()
    assert "preview-banner" in content
    assert preview.headers["X-Robots-Tag"] == "noindex"
    assert "Draft priority" in content and "Metal industry" in content
    badges = parse(preview).find_all("span", **{"class": "badge badge-draft"})
    assert [next(badge.parent.strings()).strip() for badge in badges] == ["Draft priority"]


def test_staff_preview_a_pending_change_visitors_do_not_see(site):
    programme = site["programme"]
    programme.themes.update(title_fi="kiertotalous")  # the form asks for the Finnish title
    author = Client()
    author.force_login(make_staff("aino", roles.EDITORS_GROUP))
    admin, data = change_form(author, programme)
    data["title_en"] = ["S3 2018-2021, revised"]
    data["_save_draft"] = [""]
    assert author.post(admin, data).status_code == 302
    assert PendingChange.objects.filter(object_id=programme.pk).exists()
    url = url_of(programme)

    preview = author.get(url).content.decode()
    visitor = Client().get(url).content.decode()

    assert "<h1>S3 2018-2021, revised</h1>" in preview
    assert "<h1>S3 2018-2021</h1>" in visitor
    assert "revised" not in visitor
