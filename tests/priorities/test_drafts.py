"""Drafts on the programme pages: hidden from visitors, marked for staff who preview them."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone

from kainuu_portal.publishing.models import Status
from tests import factories
from tests.helpers.html import parse


@pytest.fixture
def drafts(site):
    """A live programme's draft priority (with a focus area), focus area, sector and theme."""
    programme, priority = site["programme"], site["priority"]
    hidden = factories.make_priority(
        programme=programme, slug="hidden", title_en="Hidden priority", status=Status.DRAFT
    )
    factories.make_focus_area(priority=hidden, title_en="focus of the hidden priority")
    factories.make_focus_area(priority=priority, title_en="draft focus", status=Status.DRAFT)
    priority.sectors.add(factories.make_sector(slug="draft-sector", status=Status.DRAFT))
    factories.make_theme(programme=programme, title_en="draft theme", status=Status.DRAFT)
    return site


DRAFT_TEXTS = ["Hidden priority", "focus of the hidden priority", "Draft focus", "Draft theme"]


def drafts_marked(response):
    """The names of the items marked with a draft badge: the text the badge follows."""
    return {
        next(badge.parent.strings()).strip()
        for badge in parse(response).find_all("span", **{"class": "badge badge-draft"})
    }


def test_visitors_see_no_draft_on_the_programme_page(client, drafts):
    content = client.get(drafts["programme"].get_absolute_url()).content.decode()
    assert "Metal industry" in content
    for text in DRAFT_TEXTS:
        assert text not in content
    assert 'href="/en/sectors/draft-sector/"' not in content
    assert "badge-draft" not in content


def test_staff_see_the_drafts_of_a_programme_marked(viewer_client, drafts):
    response = viewer_client.get(drafts["programme"].get_absolute_url())
    content = response.content.decode()
    assert 'href="/en/sectors/draft-sector/"' in content
    assert "Focus of the hidden priority" in content
    assert drafts_marked(response) == {"Hidden priority", "Draft focus", "Draft theme"}


def test_visitors_see_no_draft_on_the_priority_page(client, drafts):
    content = client.get(drafts["priority"].get_absolute_url()).content.decode()
    assert "Metal industry" in content
    assert "Draft focus" not in content and "badge-draft" not in content
    assert 'href="/en/sectors/draft-sector/"' not in content


def test_staff_see_the_draft_focus_area_of_a_priority_marked(viewer_client, drafts):
    response = viewer_client.get(drafts["priority"].get_absolute_url())
    assert drafts_marked(response) == {"Draft focus"}
    assert 'href="/en/sectors/draft-sector/"' in response.content.decode()


def test_staff_preview_a_draft_programme_with_its_parts(viewer_client, drafts):
    programme = drafts["programme"]
    type(programme).objects.filter(pk=programme.pk).update(status=Status.DRAFT)
    content = viewer_client.get(programme.get_absolute_url()).content.decode()
    assert "preview-banner" in content
    assert "Metal industry" in content and "Hidden priority" in content


def test_the_csv_leaves_drafts_out(client, drafts):
    programme = drafts["programme"]
    response = client.get(programme.get_csv_url())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][3] == "metal industry"
    assert "draft" not in rows[1][4].lower()


def staff_who_may_preview(client, *codenames):
    user = User.objects.create_user("partial", password="not-used-here-123", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def test_a_draft_programmes_parts_follow_what_the_staff_member_may_preview(client, db):
    # Staff who may preview programmes and priorities, not focus areas: the draft
    # programme's live priority shows, its focus area does not (its programme is a draft).
    programme = factories.make_programme(title_en="Draft programme", status=Status.DRAFT)
    priority = factories.make_priority(programme=programme, title_en="Live priority")
    factories.make_focus_area(priority=priority, title_en="focus of a draft programme")
    staff = staff_who_may_preview(client, "view_programme", "view_priority")

    content = staff.get(programme.get_absolute_url()).content.decode()

    assert "Live priority" in content
    assert "Focus of a draft programme" not in content


def test_a_scheduled_programme_joins_the_list_and_gives_its_csv_at_its_publish_time(
    client, site, monkeypatch
):
    publish_at = timezone.now() + timedelta(hours=1)
    programme = factories.make_programme(
        region=site["region"], title_en="Scheduled programme", publish_at=publish_at
    )
    factories.make_priority(programme=programme, title_en="Scheduled priority")
    programme_list = reverse("priorities:programme-list")

    assert "Scheduled programme" not in client.get(programme_list).content.decode()
    assert client.get(programme.get_csv_url()).status_code == 404

    monkeypatch.setattr(timezone, "now", lambda: publish_at + timedelta(seconds=1))
    assert "Scheduled programme" in client.get(programme_list).content.decode()
    rows = list(csv.reader(io.StringIO(client.get(programme.get_csv_url()).content.decode())))
    assert [row[1] for row in rows[1:]] == ["Scheduled priority"]
