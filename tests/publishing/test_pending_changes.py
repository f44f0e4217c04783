"""A change to live content saved as a draft: visitors keep the live version until published."""

import re

import pytest
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.translation import override
from reversion.models import Version

from kainuu_portal import pagecache
from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import PendingChange, Status
from tests import factories
from tests.conftest import english_client
from tests.helpers.admin import admin_url, change_form, make_staff
from tests.helpers.html import form_values


def signed_in(user):
    client = english_client()
    client.force_login(user)
    return client


@pytest.fixture
def author(db):
    """An Editors member without the publishing permission."""
    return make_staff("aino", roles.EDITORS_GROUP)


@pytest.fixture
def author_client(author):
    return signed_in(author)


@pytest.fixture
def publisher_client(db):
    return signed_in(make_staff("pekka", roles.PUBLISHERS_GROUP))


@pytest.fixture
def priority(db):
    priority = factories.make_priority(
        title_en="Technology industry", title_fi="Teknologiateollisuus", slug="technology"
    )
    factories.make_focus_area(
        priority=priority, title_fi="Metalliteollisuus", title_en="Metal industry"
    )
    return priority


def public_url(obj, language="en"):
    with override(language):
        return obj.get_absolute_url()


def save_draft(client, obj, button="_save_draft", **changes):
    url, data = change_form(client, obj)
    for name, value in changes.items():
        data[name] = [value]
    data[button] = [""]
    return client.post(url, data)


def new_titles(client, priority, button="_save_draft"):
    return save_draft(
        client,
        priority,
        button,
        title_en="Technology and ICT industry",
        **{"focus_areas-0-title_en": "Metal and mining industry"},
    )


def test_a_draft_change_leaves_the_live_version_to_visitors(author_client, author, priority):
    response = new_titles(author_client, priority)

    assert response.status_code == 302
    priority.refresh_from_db()
    assert priority.title_en == "Technology industry"
    assert priority.focus_areas.get().title_en == "Metal industry"
    page = Client().get(public_url(priority)).content.decode()
    assert "Technology industry" in page
    assert "Technology and ICT" not in page
    api = Client().get("/api/v1/priorities", {"lang": "en"}).content.decode()
    assert "Technology industry" in api
    assert "Technology and ICT" not in api
    pending = PendingChange.objects.get(object_id=priority.pk)
    assert pending.author == author
    assert pending.state == PendingChange.State.DRAFT


def test_feed_search_and_sitemap_keep_the_live_version(author_client, priority):
    save_draft(
        author_client, priority, title_en="Technology and ICT industry", slug_en="technology-ict"
    )

    with override("en"):
        feed = Client().get(reverse("feed")).content.decode()
        search = Client().get(reverse("search"), {"q": "technology"}).content.decode()
    search = re.sub(r"</?mark>", "", search)  # the words found are marked
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert "Technology industry" in feed
    assert "Technology and ICT" not in feed
    assert "Technology industry" in search
    assert "Technology and ICT" not in search
    assert public_url(priority) in sitemap
    assert "technology-ict" not in sitemap


def test_the_change_form_shows_the_pending_version_and_what_it_changes(author_client, priority):
    new_titles(author_client, priority)

    page = author_client.get(admin_url("priorities.priority", "change", priority.pk))
    content = page.content.decode()
    values = form_values(content, "priority_form")
    assert values["title_en"] == ["Technology and ICT industry"]
    assert values["focus_areas-0-title_en"] == ["Metal and mining industry"]
    assert "Pending change" in content
    assert "aino changed this item on" in content
    rows = [(row.where, row.live, row.pending) for row in page.context["pending_differences"]]
    assert ("Title [en]", "Technology industry", "Technology and ICT industry") in rows
    assert any(
        where.endswith("Title [en]")
        and (live, new) == ("Metal industry", "Metal and mining industry")
        for where, live, new in rows
    )
    # The buttons an editor without the publishing permission gets.
    for label in ("Save draft", "Submit for review", "Discard draft"):
        assert f'value="{label}"' in content
    assert 'name="_save"' not in content
    assert 'name="_publish"' not in content


def test_the_staff_preview_shows_the_pending_version_and_saves_nothing(author_client, priority):
    new_titles(author_client, priority)

    preview = author_client.get(public_url(priority))

    content = preview.content.decode()
    assert "Draft preview" in content
    assert "Technology and ICT industry" in content
    assert "Metal and mining industry" in content
    assert preview.headers["Cache-Control"] == "private, no-store"
    assert preview.headers["X-Robots-Tag"] == "noindex"
    priority.refresh_from_db()
    assert priority.title_en == "Technology industry"
    assert "Technology and ICT" not in Client().get(public_url(priority)).content.decode()


def test_publishing_applies_the_change_and_keeps_both_versions_in_the_history(
    author_client, publisher_client, priority
):
    new_titles(author_client, priority)
    url, data = change_form(publisher_client, priority)
    assert data["title_en"] == ["Technology and ICT industry"]
    data["_publish"] = [""]

    assert publisher_client.post(url, data).status_code == 302

    priority.refresh_from_db()
    assert priority.title_en == "Technology and ICT industry"
    assert priority.focus_areas.get().title_en == "Metal and mining industry"
    assert not PendingChange.objects.exists()
    assert "Technology and ICT industry" in Client().get(public_url(priority)).content.decode()
    versions = Version.objects.get_for_object(priority).select_related("revision")
    comments = [version.revision.comment for version in versions]
    assert len(comments) == 2
    assert comments[1].startswith("Draft change, not published")
    assert {version.field_dict["title_en"] for version in versions} == {
        "Technology and ICT industry"
    }


def test_a_visitor_sees_the_published_change_at_once_through_the_page_cache(
    settings, author_client, publisher_client, priority
):
    settings.PAGE_CACHE_SECONDS = 3600
    caches["default"].clear()
    pagecache.versions.forget()
    visitor = Client()
    url = public_url(priority)
    visitor.get(url)
    assert visitor.get(url).headers["X-Page-Cache"] == "hit"

    new_titles(author_client, priority)
    assert "Technology and ICT" not in visitor.get(url).content.decode()
    form_url, data = change_form(publisher_client, priority)
    publisher_client.post(form_url, data | {"_publish": [""]})

    assert "Technology and ICT industry" in visitor.get(url).content.decode()
    caches["default"].clear()


def test_discarding_drops_the_pending_change(author_client, priority):
    new_titles(author_client, priority)
    url, data = change_form(author_client, priority)

    response = author_client.post(url, data | {"_discard": [""]})

    assert response.status_code == 302
    assert not PendingChange.objects.exists()
    values = form_values(author_client.get(url).content.decode(), "priority_form")
    assert values["title_en"] == ["Technology industry"]


def test_two_editors_of_one_pending_change_are_warned_and_lose_nothing(author_client, priority):
    other = signed_in(make_staff("toinen", roles.EDITORS_GROUP))
    new_titles(author_client, priority)
    url, mine = change_form(author_client, priority)
    _url, theirs = change_form(other, priority)
    theirs |= {"title_fi": ["Heidän otsikkonsa"], "_save_draft": [""]}
    assert other.post(url, theirs).status_code == 302

    mine |= {"summary_en": ["My summary"], "_save_draft": [""]}
    response = author_client.post(url, mine)

    assert response.status_code == 200
    content = response.content.decode()
    assert "toinen saved this item at" in content
    assert "Heidän otsikkonsa" in content
    assert "My summary" in content
    assert PendingChange.objects.get().data["title_fi"] == ["Heidän otsikkonsa"]
    # Saving again keeps this editor's version.
    again = form_values(content, "priority_form") | {"_save_draft": [""]}
    assert author_client.post(url, again).status_code == 302
    assert PendingChange.objects.get().data["summary_en"] == ["My summary"]


def test_a_file_cannot_wait_in_a_draft_change(author_client):
    programme = factories.make_programme()
    url, data = change_form(author_client, programme)
    data = {name: values[0] if len(values) == 1 else values for name, values in data.items()}
    data["_save_draft"] = ""
    data["image"] = SimpleUploadedFile("photo.jpg", b"not really an image", "image/jpeg")

    response = author_client.post(url, data)

    assert response.status_code == 200
    assert "A file cannot wait in a draft change" in response.content.decode()
    assert not PendingChange.objects.exists()


def test_a_draft_item_is_saved_as_it_is(author_client):
    priority = factories.make_priority(status=Status.DRAFT, title_en="Draft title")

    response = save_draft(author_client, priority, title_en="Better draft title")

    assert response.status_code == 302
    priority.refresh_from_db()
    assert priority.title_en == "Better draft title"
    assert priority.status == Status.DRAFT
    assert not PendingChange.objects.exists()
