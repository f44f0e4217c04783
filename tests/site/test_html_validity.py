"""
Every public page type is valid HTML as the Nu HTML Checker (vnu.jar, from the npm package
vnu-jar: `make node_modules`) sees it. The pages are saved to artifacts/html/ and checked in
one run of the checker. Without Java or vnu.jar the test is skipped, except in CI.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import translation

from kainuu_portal.publishing import roles
from kainuu_portal.publishing.models import Status
from priorities.models import Priority
from tests.helpers.pages import LANGUAGES, public_page_urls

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_DIR = Path(settings.BASE_DIR) / "artifacts" / "html"


@pytest.fixture
def vnu():
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        message = "the Nu HTML Checker needs Java and vnu.jar: make node_modules"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    def check(paths):
        result = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--format", "json", *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        return json.loads(result.stderr)["messages"]

    return check


def save(response, name):
    HTML_DIR.mkdir(parents=True, exist_ok=True)
    path = HTML_DIR / f"{name}.html"
    path.write_bytes(response.content)
    return path


@pytest.fixture
def keep_language():
    """The test client activates each page's language; give the next test the default back."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def test_every_public_page_type_is_valid_html(client, db, vnu, keep_language):
    call_command("load_demo_content", verbosity=0)
    files = []
    for language in LANGUAGES:
        for name, url in public_page_urls(language).items():
            response = client.get(url)
            assert response.status_code == (404 if name == "not-found" else 200), url
            files.append(save(response, f"{language}-{name}"))

    priority = Priority.objects.order_by("order").first()
    priority.status = Status.DRAFT
    priority.save()
    editor = User.objects.create_user("editor", is_staff=True)
    editor.groups.add(roles.sync_editors_group(global_apps))
    client.force_login(editor)
    for name, url in [
        ("draft-priority", priority.get_absolute_url()),
        ("programme-with-draft", priority.programme.get_absolute_url()),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        files.append(save(response, f"en-{name}"))

    messages = vnu(files)
    errors = [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
    assert errors == []
