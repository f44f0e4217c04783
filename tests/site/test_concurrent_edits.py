"""
Two editors saving at once, on PostgreSQL: every content change also moves the content
version on (kainuu_portal/pagecache.py), one row that every saving transaction writes. Each
transaction takes that row's lock before the first content row's, so two saves that touch
the same rows in another order wait for each other instead of deadlocking.
"""

import threading

import pytest
from django.db import close_old_connections, connection, transaction

from pages.models import Page
from tests import factories

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; SQLite has one writer at a time anyway",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_in_thread(work, errors):
    def target():
        try:
            work()
        except Exception as error:  # noqa: BLE001 - the test reads it
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    thread = threading.Thread(target=target)
    thread.start()
    return thread


def retitle(pk, title):
    page = Page.objects.get(pk=pk)
    page.title_en = title
    page.save()


def test_two_saves_of_the_same_pages_in_opposite_orders_both_succeed():
    first, second = factories.make_page().pk, factories.make_page().pk
    first_saved = threading.Event()
    other_started = threading.Event()
    errors = []

    def editor_a():
        with transaction.atomic():
            retitle(first, "A's first")
            first_saved.set()
            other_started.wait(10)
            # Editor B is now saving the second page; give it time to get as far as it can.
            threading.Event().wait(0.5)
            retitle(second, "A's second")

    def editor_b():
        first_saved.wait(10)
        with transaction.atomic():
            other_started.set()
            retitle(second, "B's second")
            retitle(first, "B's first")

    threads = [run_in_thread(editor_a, errors), run_in_thread(editor_b, errors)]
    for thread in threads:
        thread.join(30)

    assert errors == []
    # B waited for A's transaction, so B's titles are the last ones written.
    assert set(Page.objects.filter(pk__in=[first, second]).values_list("title_en", flat=True)) == {
        "B's first",
        "B's second",
    }
