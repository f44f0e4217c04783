"""Shared fixtures: signed-in editors and viewers, a small site, the demo content, uploads."""

import shutil

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation

from kainuu_portal.publishing import roles
from tests import factories
from tests.helpers.admin import make_staff


def pytest_collection_modifyitems(items):
    """
    Every test outside a transaction (``transactional_db``, ``live_server``) must restore
    the migrations' rows afterwards (``serialized_rollback=True``). One that does not ends
    with a flush that creates them again under new ids, and the next test that restores
    them then fails on a duplicate group or a stale content type, in whichever order the
    tests happen to run.
    """
    unsafe = []
    for item in items:
        marker = item.get_closest_marker("django_db")
        outside = _outside_a_transaction(item)
        restores = "django_db_serialized_rollback" in item.fixturenames or (
            marker is not None and marker.kwargs.get("serialized_rollback")
        )
        if outside and not restores:
            unsafe.append(item.nodeid)
    if unsafe:
        raise pytest.UsageError(
            "mark these tests pytest.mark.django_db(transaction=True, serialized_rollback=True):\n"
            + "\n".join(unsafe)
        )


def _outside_a_transaction(item):
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in item.fixturenames or (
        marker is not None and bool(marker.kwargs.get("transaction"))
    )


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


@pytest.fixture(autouse=True)
def _content_types_as_stored(request):
    """
    After a test outside a transaction, forget the content types the process has cached.
    One that flushes the database (a restore) creates them again under other ids; the
    serialized rollback then puts the migrations' rows back, and the next test would save
    a version or a log entry with a cached id that no row has any more.
    """
    yield
    if _outside_a_transaction(request.node):
        ContentType.objects.clear_cache()


@pytest.fixture(scope="session", autouse=True)
def _remove_uploads():
    """Uploads of the run go to temporary folders (see test_settings); remove them at the end."""
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.DOCUMENTS_ROOT, ignore_errors=True)


@pytest.fixture
def editor(db):
    """An editor who may also publish: edits go live at once, as before the review workflow."""
    return make_staff("editor", roles.EDITORS_GROUP, roles.PUBLISHERS_GROUP)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def second_editor_client(db):
    other = english_client()
    other.force_login(make_staff("second-editor", roles.EDITORS_GROUP, roles.PUBLISHERS_GROUP))
    return other


@pytest.fixture
def viewer(db):
    return make_staff("viewer", roles.VIEWERS_GROUP)


@pytest.fixture
def viewer_client(viewer):
    client = english_client()
    client.force_login(viewer)
    return client


@pytest.fixture
def site(db):
    """A small published site: a home region with every kind of content."""
    region = factories.make_region(
        slug="kainuu", name_en="Kainuu", name_fi="Kainuu", name_sv="Kajanaland", is_home=True
    )
    neighbour = factories.make_region(slug="north-karelia", name_en="North Karelia")
    region.neighbours.add(neighbour)
    municipality = factories.make_municipality(
        region=region,
        slug="kajaani",
        name_en="Kajaani",
        name_fi="Kajaani",
        name_sv="Kajana",
        code="205",
    )
    factories.make_population(region=region, year=2018, value=73600, is_approximate=True)
    factories.make_population(municipality=municipality, year=2018, value=37000)
    factories.make_strength(region=region, title_en="infrastructure")
    parent = factories.make_sector(slug="technology-industries", name_en="Technology industries")
    sector = factories.make_sector(parent=parent, slug="ict", name_en="ICT")
    factories.make_key_sector(region=region, sector=parent)
    programme = factories.make_programme(
        region=region, slug="2018-2021", start_year=2018, end_year=2021, title_en="S3 2018-2021"
    )
    priority = factories.make_priority(programme=programme, slug="technology-industry")
    priority.sectors.add(sector)
    factories.make_focus_area(priority=priority, title_en="metal industry")
    factories.make_theme(programme=programme, title_en="circular economy")
    page = factories.make_page(slug="about", title_en="About")
    return {
        "region": region,
        "municipality": municipality,
        "sector": sector,
        "parent_sector": parent,
        "programme": programme,
        "priority": priority,
        "page": page,
    }


@pytest.fixture(scope="module")
def _demo_content_for_the_module(django_db_setup, django_db_blocker):
    """The demo content, loaded once per module in a transaction rolled back after it.

    As with Django's ``TestCase.setUpTestData``, each test runs in a savepoint inside that
    transaction, so what a test changes is gone before the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        with django_db_blocker.block():
            yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_content_for_the_module, db):
    """The demo content (``load_demo_content``), shared by the tests of a module.

    Once loaded it is there for every later test of the module, so use it in modules whose
    tests all start from the demo content.
    """
    cache.clear()
