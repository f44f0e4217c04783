"""Object storage switched on by the AWS_* variables, with production settings."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

ENV_FILE = settings.BASE_DIR / "deploy" / "kainuu-portal.env"
OBJECT_STORAGE = {
    "AWS_STORAGE_BUCKET_NAME": "kainuu-portal-media",
    "AWS_DOCUMENTS_BUCKET_NAME": "kainuu-portal-documents",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.fi",
    "AWS_S3_REGION_NAME": "eu-north-1",
    "AWS_ACCESS_KEY_ID": "portal",
    "AWS_SECRET_ACCESS_KEY": "portal-secret",
}
SHOW = (
    "import json\n"
    "from django.conf import settings as s\n"
    "from django.core.files.storage import storages\n"
    "media, documents = storages['default'], storages['documents']\n"
    "print(json.dumps({'media': type(media).__name__, 'documents': type(documents).__name__,"
    "'image': media.url('images/a-480w.webp'), 'document': documents.url('programmes/a.pdf'),"
    "'buckets': [getattr(media, 'bucket_name', None), getattr(documents, 'bucket_name', None)],"
    "'locations': [media.location, documents.location],"
    "'acl': getattr(documents, 'default_acl', None),"
    "'timeouts': [getattr(getattr(media, 'client_config', None), name, None)"
    " for name in ('connect_timeout', 'read_timeout')],"
    "'img_src': s.SECURE_CSP.get('img-src')}))\n"
)


def production_environment(**overrides):
    """deploy/kainuu-portal.env as it is, with a real secret key, and nothing else."""
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
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


def shown(env):
    result = manage("shell", "--no-imports", "-c", SHOW, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_without_a_bucket_uploads_stay_on_the_local_file_system():
    values = shown(production_environment())

    assert values["media"] == "FileSystemStorage"
    assert values["documents"] == "DocumentStorage"
    assert values["image"] == "/media/images/a-480w.webp"
    assert values["document"] == "/documents/programmes/a.pdf"
    assert values["img_src"] is None


def test_a_bucket_puts_images_and_private_documents_in_object_storage():
    env = production_environment(**OBJECT_STORAGE, AWS_S3_CUSTOM_DOMAIN="cdn.example.fi")

    check = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    values = shown(env)
    assert values["media"] == "PublicMediaStorage"
    assert values["documents"] == "PrivateDocumentStorage"
    assert values["buckets"] == ["kainuu-portal-media", "kainuu-portal-documents"]
    assert values["locations"] == ["media", "documents"]
    assert values["acl"] == "private"
    assert values["timeouts"] == [2.0, 3.0]
    assert values["image"] == "https://cdn.example.fi/media/images/a-480w.webp"
    assert values["document"] == "/documents/programmes/a.pdf"
    assert values["img_src"] == ["'self'", "https://cdn.example.fi"]


def test_without_a_cdn_images_come_from_the_bucket_path_style():
    values = shown(production_environment(**OBJECT_STORAGE))

    assert values["image"] == ("https://s3.example.fi/kainuu-portal-media/media/images/a-480w.webp")
    assert values["img_src"] == ["'self'", "https://s3.example.fi"]


def test_one_bucket_keeps_documents_in_a_folder_of_their_own():
    one_bucket = {**OBJECT_STORAGE, "AWS_DOCUMENTS_BUCKET_NAME": ""}
    values = shown(production_environment(**one_bucket))
    assert values["buckets"] == ["kainuu-portal-media", "kainuu-portal-media"]
    assert values["locations"] == ["media", "documents"]

    clash = manage(
        "check", env=production_environment(**one_bucket, AWS_DOCUMENTS_LOCATION="media/pdf")
    )
    assert clash.returncode != 0
    assert "Images and PDF documents would share one place in the bucket" in clash.stderr
