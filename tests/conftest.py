"""Shared fixtures: editors and viewers signed in to the admin, and the test run's upload folder."""

import shutil

import pytest
from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation

from kainuu_portal.publishing import roles


def english_client():
    """A test client whose browser prefers English, so the admin answers in English.

    Public pages take their language from the address (/fi/, /en/, /sv/), not from this.
    """
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def client():
    return english_client()


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's ``admin_client``, with a browser that prefers English."""
    client = english_client()
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Messages built outside a request (model validation) in English, whatever ran before."""
    with translation.override("en"):
        yield


@pytest.fixture(scope="session", autouse=True)
def _remove_uploads():
    """Uploads of the run go to a temporary MEDIA_ROOT (see test_settings); remove it at the end."""
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def make_staff(username, group_name):
    user = User.objects.create_user(username, password="not-used-in-tests", is_staff=True)
    groups = roles.sync_groups(global_apps)
    user.groups.add(groups[group_name])
    return user


@pytest.fixture
def editor(db):
    return make_staff("editor", roles.EDITORS_GROUP)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def second_editor_client(db):
    other = english_client()
    other.force_login(make_staff("second-editor", roles.EDITORS_GROUP))
    return other


@pytest.fixture
def viewer(db):
    return make_staff("viewer", roles.VIEWERS_GROUP)


@pytest.fixture
def viewer_client(viewer):
    client = english_client()
    client.force_login(viewer)
    return client


# ``site``: a small published site with every kind of content (defined beside the page tests).
from tests.site.test_views import site  # noqa: E402, F401
