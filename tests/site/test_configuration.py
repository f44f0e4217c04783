"""Settings read from the environment: production refuses to start without a secret key."""

import os
import subprocess
import sys

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
