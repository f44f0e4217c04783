"""
A kept PostgreSQL connection waits a bounded time for a server that stops answering
(kainuu_portal/postgresql): measured against a server of the test's own, frozen with
SIGSTOP (its kernel still acknowledges what it is sent, so no TCP timeout fires),
stopped and restarted.
"""

import signal
import threading
import time

import pytest
from django.db import OperationalError, connections
from django.db.utils import ConnectionHandler

from kainuu_portal.postgresql.base import DatabaseWrapper
from tests.helpers.postgres import OwnPostgres, own_postgres

pytestmark = pytest.mark.skipif(not OwnPostgres.available, reason="needs PostgreSQL 15's initdb")

STATEMENT_TIMEOUT_MS = 1000
ALIAS = "own-postgres"
ANSWER_TIMEOUT = 2.0  # As the settings make it: the statement timeout and a second.


@pytest.fixture(scope="module")
def server():
    with own_postgres() as server:
        yield server


@pytest.fixture
def database(server, django_db_blocker):
    """A connection to the test's own server, configured as the settings configure one."""
    # Beside the test database, under an alias of its own (django.contrib.postgres looks
    # its connections up by alias).
    settings_dict = ConnectionHandler(
        {
            "default": {},
            ALIAS: {
                "ENGINE": "kainuu_portal.postgresql",
                "NAME": "postgres",
                "USER": "postgres",
                "HOST": "127.0.0.1",
                "PORT": str(server.port),
                "CONN_MAX_AGE": 60,
                "CONN_HEALTH_CHECKS": True,
                "OPTIONS": {
                    "connect_timeout": 2,
                    "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
                    "answer_timeout": ANSWER_TIMEOUT,
                },
            },
        }
    ).settings[ALIAS]
    connection = DatabaseWrapper(settings_dict, alias=ALIAS)
    connections[ALIAS] = connection
    with django_db_blocker.unblock():
        yield connection
        connection.close()
    del connections[ALIAS]


def query(connection, sql="SELECT 1"):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def next_request(connection):
    """What Django does between two requests with a kept connection."""
    connection.close_if_unusable_or_obsolete()


def timed(function, *args):
    started = time.monotonic()
    try:
        function(*args)
    except OperationalError as error:
        return time.monotonic() - started, error
    return time.monotonic() - started, None


def test_a_kept_connection_serves_the_next_request_without_a_new_one(database):
    query(database)
    backend = query(database, "SELECT pg_backend_pid()")
    next_request(database)
    assert query(database, "SELECT pg_backend_pid()") == backend


def test_a_query_to_a_frozen_server_fails_after_the_answer_timeout(server, database):
    query(database)
    with server.frozen():
        seconds, error = timed(query, database)
    assert error is not None and "did not answer within 2.0 s" in str(error)
    assert ANSWER_TIMEOUT <= seconds < ANSWER_TIMEOUT + 1
    # The connection was closed: the next request opens a new one and is served.
    next_request(database)
    assert query(database) == 1


def test_a_query_waiting_when_the_server_freezes_fails_after_the_answer_timeout(server, database):
    query(database)
    # The server freezes 0.2 s into a query that takes it 0.6 s.
    freezing = threading.Timer(0.2, server.signal, args=(signal.SIGSTOP,))
    freezing.start()
    try:
        seconds, error = timed(query, database, "SELECT pg_sleep(0.6)")
    finally:
        freezing.join()
        server.signal(signal.SIGCONT)
    assert error is not None and "did not answer" in str(error)
    assert ANSWER_TIMEOUT <= seconds < ANSWER_TIMEOUT + 1


def test_the_check_before_a_kept_connections_next_request_is_bounded_too(server, database):
    query(database)
    next_request(database)
    with server.frozen():
        # Half a second for the check, then the connect timeout for a new connection.
        seconds, error = timed(query, database)
    assert error is not None
    assert seconds < 3.5
    next_request(database)
    assert query(database) == 1


def test_the_servers_own_statement_timeout_keeps_the_connection(database):
    backend = query(database, "SELECT pg_backend_pid()")
    seconds, error = timed(query, database, "SELECT pg_sleep(3)")
    assert error is not None and "statement timeout" in str(error)
    assert seconds < ANSWER_TIMEOUT
    assert query(database, "SELECT pg_backend_pid()") == backend


def test_a_restarted_server_fails_no_request(server, database):
    query(database)
    server.pg_ctl("restart")
    next_request(database)
    assert query(database) == 1
