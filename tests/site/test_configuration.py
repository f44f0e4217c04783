"""
Settings read from the environment: a secret key in production, the database session and
its prepared statements.
"""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings


def run_check(**env):
    environment = {"PATH": os.environ["PATH"], **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_without_a_secret_key_refuses_to_start_with_a_clear_message():
    result = run_check(DEBUG="false", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_development_runs_without_a_secret_key():
    result = run_check(DEBUG="true", SECRET_KEY="")
    assert result.returncode == 0, result.stderr


def test_a_new_postgresql_connection_starts_in_the_time_zone_of_the_orm(db):
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("the session's time zone is PostgreSQL's (CI runs the suite on it too)")
    wrapper = connections.create_connection("default")
    # The connection as the server opens it, before Django sets anything up on it.
    raw = wrapper.get_new_connection(wrapper.get_connection_params())
    try:
        # Given at the start, so Django need not set it with a query of its own.
        assert raw.info.parameter_status("TimeZone") == wrapper.timezone_name
        assert raw.execute("SHOW statement_timeout").fetchone()[0] == "5s"
    finally:
        raw.close()


def test_a_page_s_queries_are_prepared_on_the_server_once_it_ran_them(client, db):
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's (CI runs the suite on it too)")
    call_command("load_demo_content", stdout=StringIO())
    # Planning a page's queries again on every request cost the server as much as
    # running them: from their second run on, the server keeps each one planned.
    for _ in range(2):
        assert client.get("/en/regions/kainuu/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "regions_strength"' in statement for statement in prepared), prepared
    assert client.get("/en/regions/kainuu/").status_code == 200


def test_a_search_s_long_statements_are_converted_for_the_server_once(client, db):
    from unittest import mock

    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("psycopg's placeholders are PostgreSQL's (CI runs the suite on it too)")
    from psycopg import _queries

    call_command("load_demo_content", stdout=StringIO())
    # The ranking is longer than psycopg keeps the conversion of by default (4 KB, 50
    # parameters): converting it on every search cost about a fifth of the search.
    assert client.get("/en/search/?q=kainuu").status_code == 200
    with mock.patch.object(
        _queries, "_query2pg_nocache", wraps=_queries._query2pg_nocache
    ) as converted:
        response = client.get("/en/search/?q=kainuu")
    assert response.status_code == 200 and 'class="result-title"' in response.text
    assert converted.call_count == 0
