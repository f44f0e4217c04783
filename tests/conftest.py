"""Shared fixtures: editors and viewers signed in to the admin, and the test run's upload folder."""

import shutil

import pytest
from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from kainuu_portal import roles


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
    other = Client()
    other.force_login(make_staff("second-editor", roles.EDITORS_GROUP))
    return other


@pytest.fixture
def viewer(db):
    return make_staff("viewer", roles.VIEWERS_GROUP)


@pytest.fixture
def viewer_client(viewer):
    client = Client()
    client.force_login(viewer)
    return client
