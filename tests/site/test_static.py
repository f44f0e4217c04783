"""Static files in production: hashed names, far-future caching, gzip and Brotli."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected(settings, tmp_path):
    """collectstatic with the production storage into a temporary STATIC_ROOT."""
    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = PRODUCTION_STORAGES
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    # The site's own files only: compressing the admin's takes long and shows nothing more.
    call_command(
        "collectstatic",
        "--noinput",
        "--ignore=admin",
        "--ignore=django_prose_editor",
        stdout=StringIO(),
    )
    return tmp_path


def test_static_files_are_hashed_compressed_and_cached_for_ever(collected, db):
    url = static("css/site.css")
    assert url != "/static/css/site.css", "no hashed name"
    path = collected / url.removeprefix("/static/")
    assert path.with_name(path.name + ".gz").exists()
    assert path.with_name(path.name + ".br").exists()

    client = Client()
    for accept, encoding in [("gzip", "gzip"), ("gzip, deflate, br", "br")]:
        response = client.get(url, headers={"accept-encoding": accept})
        assert response.status_code == 200
        assert response["Content-Encoding"] == encoding
        assert "immutable" in response["Cache-Control"]
        assert "max-age=315360000" in response["Cache-Control"]
        assert "Accept-Encoding" in response["Vary"]
    plain = client.get(url)
    assert "Content-Encoding" not in plain
    assert b"".join(plain.streaming_content) == path.read_bytes()
