"""Settings read from the environment: a secret key in production, the database session."""

import os
import subprocess
import sys

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
