"""The production settings, as the environment file in deploy/ gives them."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

ENV_FILE = settings.BASE_DIR / "deploy" / "kainuu-portal.env"


def production_environment(**overrides):
    """The documented environment file, with a real secret key, and nothing else."""
    env = {
        name: os.environ[name]
        for name in ("PATH", "HOME", "LANG", "SYSTEMROOT")
        if name in os.environ
    }
    for line in ENV_FILE.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env["DJANGO_SETTINGS_MODULE"] = "kainuu_portal.settings"
    return env | overrides


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_documented_production_environment_passes_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_checks_catch_a_development_setting():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_environment(SECURE_HSTS_SECONDS="0"),
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr


def test_the_deploy_checks_warn_when_two_factor_sign_in_is_off():
    env = production_environment(TWO_FACTOR_REQUIRED="false")
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "signin.W001" in result.stderr
    assert "TWO_FACTOR_REQUIRED" in result.stderr


def test_a_site_whose_staff_sign_in_elsewhere_silences_the_two_factor_warning():
    # Staff sign in through the council's own identity provider: the operator's choice.
    env = production_environment(TWO_FACTOR_REQUIRED="false", SILENCED_SYSTEM_CHECKS="signin.W001")
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_two_factor_warning_is_only_for_production():
    env = production_environment(DEBUG="true", TWO_FACTOR_REQUIRED="false")
    result = manage("check", "--deploy", env=env)
    assert result.returncode == 0, result.stderr
    assert "security.W018" in result.stderr  # DEBUG itself is what the checks name
    assert "signin.W001" not in result.stderr


def test_the_production_settings_are_what_the_docs_say():
    code = (
        "import json\n"
        "from django.conf import settings as s\n"
        "print(json.dumps({name: getattr(s, name) for name in ["
        "'DEBUG', 'SECURE_SSL_REDIRECT', 'SECURE_PROXY_SSL_HEADER', 'SECURE_HSTS_SECONDS',"
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', 'SESSION_COOKIE_NAME',"
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_NAME', 'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY',"
        "'PROXY_COUNT']} | {'CACHE': s.CACHES['default']['BACKEND'],"
        "'DATABASE': s.DATABASES['default']['ENGINE'],"
        "'STATICFILES': s.STORAGES['staticfiles']['BACKEND']}))\n"
    )
    result = manage("shell", "--no-imports", "-c", code, env=production_environment())
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.splitlines()[-1])
    assert values == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "PROXY_COUNT": 1,
        "CACHE": "django.core.cache.backends.redis.RedisCache",
        "DATABASE": "kainuu_portal.postgresql",
        "STATICFILES": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }


@pytest.mark.skipif(
    (settings.BASE_DIR / ".env").exists(), reason="a local .env may provide a SECRET_KEY"
)
def test_the_site_refuses_to_start_without_a_secret_key():
    env = production_environment()
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    ("statement_timeout_ms", "answer_timeout"), [("5000", 6.0), ("2500", 3.5), ("0", None)]
)
def test_a_kept_connection_waits_the_statement_timeout_and_a_second_for_an_answer(
    statement_timeout_ms, answer_timeout
):
    code = (
        "import json\n"
        "from django.conf import settings as s\n"
        "d = s.DATABASES['default']\n"
        "print(json.dumps([d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'],"
        " d['OPTIONS']['answer_timeout']]))\n"
    )
    env = production_environment(DATABASE_STATEMENT_TIMEOUT_MS=statement_timeout_ms)
    result = manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == [60, True, answer_timeout]
