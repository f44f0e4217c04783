"""
Django's PostgreSQL backend, with a bound on every wait for the server's answer.

Connections are kept from one request to the next (``CONN_MAX_AGE``): a new one costs
a request a server process, several times what the rest of a page costs. A kept
connection to a server that stops answering without closing it (a frozen process or
host, whose kernel still acknowledges what it is sent, so that no TCP timeout fires)
would wait for as long as the server is frozen. Here a wait for an answer ends after
``answer_timeout`` seconds (``OPTIONS``; a little longer than the statement timeout,
after which a server that answers cancels the query itself), and the health check that
comes before a kept connection's first query in a request after ``HEALTH_CHECK_SECONDS``.
The connection is then closed and the query fails with an ``OperationalError``: the
request gets the 503 of an outage.
"""

import contextlib

import psycopg
from django.db.backends.postgresql import base
from psycopg import _queries
from psycopg.pq import TransactionStatus

# A live server answers "SELECT 1" within milliseconds, also under load.
HEALTH_CHECK_SECONDS = 0.5

# psycopg turns a query's placeholders into the server's ($1, $2, ...) on every run, and
# keeps what it made only for a query of at most 4 KB and 50 parameters (the last 128 of
# them). The site's compiled statements are the same text on every request, and the
# search's and some of the API's are longer: converting them cost a search about a fifth
# of its CPU time. A setting of psycopg's own module (psycopg is pinned in
# requirements.lock; tests/site/test_configuration.py fails if it stops applying).
_queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, 256 * 1024)
_queries.MAX_CACHED_STATEMENT_PARAMS = max(_queries.MAX_CACHED_STATEMENT_PARAMS, 5000)


class BoundedConnection(psycopg.Connection):
    """A psycopg connection that waits for an answer ``answer_timeout`` seconds at most."""

    answer_timeout = None

    def wait(self, gen, interval=psycopg.connection._WAIT_INTERVAL, timeout=None):
        if timeout is None:
            timeout = self.answer_timeout
        try:
            return super().wait(gen, interval=interval, timeout=timeout)
        except psycopg.OperationalError as error:
            if self.info.transaction_status != TransactionStatus.ACTIVE:
                raise  # The server answered with an error.
            # Still waiting for the answer: the connection can serve nothing else.
            self.close()
            raise psycopg.OperationalError(
                f"the database server did not answer within {timeout} s"
            ) from error

    @contextlib.contextmanager
    def answering_within(self, seconds):
        answer_timeout = self.answer_timeout
        self.answer_timeout = seconds
        try:
            yield
        finally:
            self.answer_timeout = answer_timeout


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        self.answer_timeout = params.pop("answer_timeout", None)
        return params

    def get_new_connection(self, conn_params):
        if self.pool or "isolation_level" in self.settings_dict["OPTIONS"]:
            # Neither is used here; Django's own code handles them.
            return super().get_new_connection(conn_params)
        self.isolation_level = psycopg.IsolationLevel.READ_COMMITTED
        connection = BoundedConnection.connect(**conn_params)
        connection.answer_timeout = self.answer_timeout
        return connection

    def is_usable(self):
        if not isinstance(self.connection, BoundedConnection):
            return super().is_usable()
        with self.connection.answering_within(HEALTH_CHECK_SECONDS):
            return super().is_usable()
