"""The footer of every page links the live content pages marked for it, in the page's language."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


def footer_links(client, language="en"):
    with override(language):
        url = reverse("home")
    html = client.get(url).text
    footer = re.search(r'<nav aria-labelledby="footer-about">(.*?)</nav>', html, re.S)
    if footer is None:
        return []
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer.group(1))


def test_only_live_pages_marked_for_the_footer_are_linked(client):
    factories.make_page(slug="shown", title_en="Shown")
    factories.make_page(slug="not-marked", title_en="Not marked", show_in_footer=False)
    factories.make_page(slug="draft", title_en="Draft", status=Status.DRAFT)
    factories.make_page(
        slug="ended", title_en="Ended", unpublish_at=timezone.now() - timedelta(minutes=1)
    )
    assert footer_links(client) == [("/en/pages/shown/", "Shown")]


def test_a_scheduled_page_joins_the_footer_when_its_time_comes(client):
    publish_at = timezone.now() + timedelta(hours=1)
    factories.make_page(slug="later", title_en="Later", publish_at=publish_at)
    assert footer_links(client) == []
    with mock.patch("django.utils.timezone.now", return_value=publish_at):
        assert footer_links(client) == [("/en/pages/later/", "Later")]


def test_the_links_are_in_the_page_language_with_its_fallbacks(client):
    factories.make_page(slug="tietoa", title_fi="Tietoa", title_en="About", title_sv="Om")
    factories.make_page(slug="saavutettavuus", title_fi="Saavutettavuus", title_en="")
    assert footer_links(client, "sv") == [
        ("/sv/sidor/tietoa/", "Om"),
        ("/sv/sidor/saavutettavuus/", "Saavutettavuus"),
    ]
    assert footer_links(client, "en") == [
        ("/en/pages/tietoa/", "About"),
        ("/en/pages/saavutettavuus/", "Saavutettavuus"),
    ]
