"""
The object storage test behind ``scripts/object-storage-test`` (docs/deploy.md,
"Several hosts"). It starts an S3-compatible server of its own (moto's standalone
server) on a spare port, with a public bucket for images and a private one for
documents, then:

1. runs the media (history revert included), document and backup tests against it;
2. starts two app hosts (gunicorn with deploy/gunicorn.conf.py and production
   settings) on two ports, sharing one PostgreSQL database and the object store,
   uploads an image and a PDF through the admin of host A and fetches them through
   host B: the image's resized copy from the address B's page gives, the PDF from
   B's download view;
3. freezes the server (SIGSTOP), then stops it, and checks what visitors and
   editors get; backs the buckets up with ``export_files``, starts an empty server
   and restores them with ``import_files``.

Prints what held; exits 1 when anything did not. Needs PostgreSQL on 127.0.0.1:5432
(user postgres, trust), as CI has it.
"""

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import boto3
import report
from fault_drill import Browser, free_port, image, pdf
from report import finish, say

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PG = os.environ.get("OBJECT_STORAGE_TEST_PG", "postgres://postgres@127.0.0.1:5432")
ADMIN_PASSWORD = "objects-" + secrets.token_urlsafe(12)
ADMIN_OTP_KEY = secrets.token_hex(20)
MEDIA_BUCKET, DOCUMENTS_BUCKET = "kainuu-media", "kainuu-documents"
ALT_TEXT = {
    "image_alt_fi": "Kajaanin linnan rauniot",
    "image_alt_en": "The ruins of Kajaani castle",
    "image_alt_sv": "Kajaneborgs ruiner",
}


def check(condition, what, detail=""):
    # A held check shows a short detail too (the time an answer took).
    return report.check(condition, what, detail, detail_when_held=True)


class ObjectStore:
    """moto's standalone S3 server, started and stopped here."""

    def __init__(self, work):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = work / "moto.log"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{self.url}/moto-api/", timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None:
                    log = self.log.read_text()[-2000:]
                    raise SystemExit(f"moto_server stopped:\n{log}") from None
                time.sleep(0.1)
        client = self.client()
        for bucket in (MEDIA_BUCKET, DOCUMENTS_BUCKET):
            client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
            )

    def empty(self):
        """Remove every object the tests left, so that the hosts start with empty buckets."""
        client = self.client()
        for bucket in (MEDIA_BUCKET, DOCUMENTS_BUCKET):
            for entry in client.list_objects_v2(Bucket=bucket).get("Contents", ()):
                client.delete_object(Bucket=bucket, Key=entry["Key"])

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=10)

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id="portal-test",
            aws_secret_access_key="portal-test-secret",
            region_name="eu-north-1",
        )

    def env(self):
        return {
            "AWS_STORAGE_BUCKET_NAME": MEDIA_BUCKET,
            "AWS_DOCUMENTS_BUCKET_NAME": DOCUMENTS_BUCKET,
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_S3_REGION_NAME": "eu-north-1",
            "AWS_ACCESS_KEY_ID": "portal-test",
            "AWS_SECRET_ACCESS_KEY": "portal-test-secret",
            "AWS_DEFAULT_ACL": "public-read",
        }


def run_tests(store):
    say("== the media, document and backup tests against the object store")
    tests = [
        "tests/publishing/test_object_storage.py",
        "tests/publishing/test_media.py",
        "tests/publishing/test_document_checks.py",
        "tests/publishing/test_storage_failures.py",
        "tests/site/test_backup.py",
    ]
    result = subprocess.run(
        [str(BIN / "pytest"), "-p", "no:randomly", "-q", "-m", "not browser", *tests],
        cwd=ROOT,
        env={**os.environ, **store.env()},
    )
    check(result.returncode == 0, "the tests pass against the object store", f"{result.returncode}")


class Hosts:
    """Two app hosts with production settings, one database, one object store."""

    def __init__(self, work, store):
        self.work, self.store = work, store
        self.database = f"kainuu_objects_{os.getpid()}"
        self.ports = {"A": free_port(), "B": free_port()}
        self.servers = {}
        for name in ("local-media", "local-documents", "static"):
            (work / name).mkdir()
        self.env = {
            **os.environ,
            **store.env(),
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"{PG}/{self.database}",
            "CACHE_URL": "locmemcache://objects",
            # Every page is rendered, so that each check sees what the store gives now.
            "PAGE_CACHE_SECONDS": "0",
            # Nothing may be written here: a host keeps nothing but code and its virtualenv.
            "MEDIA_ROOT": str(work / "local-media"),
            "DOCUMENTS_ROOT": str(work / "local-documents"),
            "STATIC_ROOT": str(work / "static"),
            "HTTPS": "false",
            "GUNICORN_WORKERS": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }

    def manage(self, *args, env=None):
        return subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def psql(self, sql):
        subprocess.run(["psql", "-q", f"{PG}/postgres", "-c", sql], check=True, capture_output=True)

    def setup(self):
        self.psql(f"DROP DATABASE IF EXISTS {self.database}")
        self.psql(f"CREATE DATABASE {self.database}")
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        self.manage("collectstatic", "--noinput")
        self.facts = eval(  # noqa: S307 (the output of our own script below)
            self.manage(
                "shell",
                "--no-imports",
                "-c",
                FACTS_SCRIPT,
                env={"DRILL_PASSWORD": ADMIN_PASSWORD, "DRILL_OTP_KEY": ADMIN_OTP_KEY},
            )
        )
        for name in self.ports:
            self.start(name)

    def start(self, name):
        log = self.work / f"host-{name}.log"
        self.servers[name] = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", str(ROOT / "deploy" / "gunicorn.conf.py")],
            cwd=ROOT,
            env={**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.ports[name]}"},
            stdout=log.open("a"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(300):
            if Browser(self.base(name)).get("/healthz", timeout=2).status == 200:
                say(f"   host {name}: gunicorn on {self.base(name)}")
                return
            if self.servers[name].poll() is not None:
                raise SystemExit(f"host {name} stopped:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        raise SystemExit(f"host {name} did not answer")

    def base(self, name):
        return f"http://127.0.0.1:{self.ports[name]}"

    def teardown(self):
        for server in self.servers.values():
            if server.poll() is None:
                server.terminate()
        for server in self.servers.values():
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        try:
            self.psql(f"DROP DATABASE IF EXISTS {self.database}")
        except subprocess.CalledProcessError as error:
            say(f"   could not drop {self.database}: {error.stderr}")


FACTS_SCRIPT = """
import os
from django.contrib.auth.models import User
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from priorities.models import Programme
from regions.models import Region
user = User.objects.create_superuser("objects", password=os.environ["DRILL_PASSWORD"])
key = os.environ["DRILL_OTP_KEY"]
TOTPDevice.objects.create(user=user, name="objects", key=key, confirmed=True)
region = Region.objects.live().home().first()
programme = Programme.objects.live().first()
with translation.override("en"):
    print(repr({
        "region": region.pk, "region_url": region.get_absolute_url(),
        "programme": programme.pk, "programme_url": programme.get_absolute_url(),
    }))
"""


def jpeg():
    return image((1800, 1200), image_format="JPEG")


def srcset_urls(html):
    match = re.search(r'<img [^>]*srcset="([^"]+)"', html)
    return [entry.split()[0] for entry in match.group(1).split(", ")] if match else []


def fetch(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except OSError as error:
        return 0, {}, str(error).encode()


def document_name(editor, programme_admin):
    page = editor.get(programme_admin).text
    match = re.search(r'href="/documents/([^"]+)"', page)
    return match.group(1) if match else ""


def two_hosts(hosts):
    store, facts = hosts.store, hosts.facts
    a, b = Browser(hosts.base("A")), Browser(hosts.base("B"))
    editor = Browser(hosts.base("A"))
    region_admin = f"/admin/regions/region/{facts['region']}/change/"
    programme_admin = f"/admin/priorities/programme/{facts['programme']}/change/"
    check(
        editor.login("objects", ADMIN_PASSWORD, ADMIN_OTP_KEY).status == 302,
        "a superuser signs in on host A (password and authenticator code)",
    )

    say("\n== an image and a PDF uploaded on host A, served through host B")
    saved = editor.save_form(
        region_admin, {**ALT_TEXT, "status": "published"}, files={"image": ("castle.jpg", jpeg())}
    )
    check(saved.status == 302, "host A's admin saves the image", f"{saved.status}")
    document = pdf()
    saved = editor.save_form(programme_admin, {}, files={"source_document": ("s3.pdf", document)})
    check(saved.status == 302, "host A's admin saves the PDF", f"{saved.status}")

    page = b.get(facts["region_url"])
    urls = srcset_urls(page.text)
    check(
        page.status == 200 and len(urls) == 3 and all(u.startswith(store.url) for u in urls),
        "host B's page offers the image's three sizes at the object store's address",
        f"{page.status} {urls}",
    )
    check(
        f"img-src 'self' {store.url}" in page.header("Content-Security-Policy"),
        "and its content security policy allows images from there",
        page.header("Content-Security-Policy"),
    )
    status, headers, body = fetch(urls[-1]) if urls else (0, {}, b"")
    check(
        status == 200 and headers.get("Content-Type") == "image/webp" and body[8:12] == b"WEBP",
        "the resized copy B's page names is fetched from the store, without credentials",
        f"{status} {headers.get('Content-Type')}",
    )
    name = document_name(b, facts["programme_url"])
    download = b.get(f"/documents/{name}")
    check(
        bool(name) and download.status == 200 and download.body == document,
        "host B's download view sends the PDF uploaded on A",
        f"{name!r} {download.status}",
    )
    check(
        download.header("Content-Disposition").startswith("attachment")
        and "sandbox" in download.header("Content-Security-Policy")
        and download.header("X-Content-Type-Options") == "nosniff",
        "with attachment, a sandboxing policy and nosniff",
    )
    client = store.client()
    acl = client.get_object_acl(Bucket=DOCUMENTS_BUCKET, Key=f"documents/{name}")
    check(
        not any(g["Grantee"].get("URI", "").endswith("AllUsers") for g in acl["Grants"]),
        "the PDF is private in its bucket (no grant to all users)",
    )
    check(
        DOCUMENTS_BUCKET not in b.get(facts["programme_url"]).text,
        "no page names the documents' bucket",
    )
    local = [
        path
        for folder in ("local-media", "local-documents")
        for path in (hosts.work / folder).rglob("*")
        if path.is_file()
    ]
    check(not local, "nothing was written to the hosts' local folders", f"{local}")

    say("\n== the object store frozen (SIGSTOP)")
    store.process.send_signal(signal.SIGSTOP)
    try:
        outage_checks(hosts, a, b, editor, name, urls, "frozen")
    finally:
        store.process.send_signal(signal.SIGCONT)
    say("   the store continued")
    download = b.get(f"/documents/{name}")
    check(
        download.status == 200 and download.body == document,
        "the PDF downloads again by itself",
        f"{download.status}",
    )

    say("\n== the buckets backed up (export_files), the store stopped")
    backup = hosts.work / "backup"
    backup.mkdir()
    exported = hosts.manage("export_files", str(backup))
    counts = dict(re.findall(r"(\w+)\.tar\.gz: (\d+) file", exported))
    media_keys = sorted(
        entry["Key"] for entry in client.list_objects_v2(Bucket=MEDIA_BUCKET).get("Contents", ())
    )
    say(f"   archived: {counts} (the media bucket holds {len(media_keys)} objects)")
    check(
        counts.get("documents") == "1" and int(counts.get("media", 0)) == len(media_keys) >= 4,
        "export_files copies both buckets into the backup folder",
        f"{counts}: {media_keys}",
    )
    store.stop()
    outage_checks(hosts, a, b, editor, name, urls, "stopped")

    say("\n== an empty store started, the buckets restored (import_files)")
    store.start()
    check(b.get(f"/documents/{name}").status == 404, "the new store is empty: the PDF is a 404")
    imported = hosts.manage("import_files", str(backup))
    check(
        f"media.tar.gz: {counts.get('media')} file(s) stored" in imported
        and "documents.tar.gz: 1 file(s) stored" in imported,
        "import_files puts the files back",
        imported,
    )
    download = b.get(f"/documents/{name}")
    check(
        download.status == 200 and download.body == document,
        "host B sends the PDF again",
        f"{download.status}",
    )
    status, _headers, body = fetch(urls[-1]) if urls else (0, {}, b"")
    check(status == 200 and body[8:12] == b"WEBP", "and the image's copy is back", f"{status}")
    saved = editor.save_form(programme_admin, {}, files={"source_document": ("new.pdf", pdf())})
    check(saved.status == 302, "host A's admin saves an upload again", f"{saved.status}")


def outage_checks(hosts, a, b, editor, name, urls, state):
    facts = hosts.facts
    page = b.get(facts["region_url"], timeout=30)
    check(
        page.status == 200 and page.seconds < 1.5 and srcset_urls(page.text) == urls,
        f"store {state}: a page with the image renders at once, with its addresses",
        f"{page.status} in {page.seconds:.1f} s",
    )
    download = b.get(f"/documents/{name}", timeout=30)
    check(
        download.status == 503
        and download.header("Retry-After")
        and "file storage is not answering" in download.text
        and download.seconds < 10,
        f"store {state}: a download is a 503 page with Retry-After within 10 s",
        f"{download.status} in {download.seconds:.1f} s",
    )
    summary = f"Typed while the store was {state} {secrets.token_hex(3)}"
    saved = editor.save_form(
        f"/admin/regions/region/{facts['region']}/change/",
        {**ALT_TEXT, "summary_en": summary},
        files={"image": ("other.jpg", jpeg())},
        timeout=30,
    )
    check(
        saved.status == 200
        and "the file storage is not answering" in saved.text
        and summary in saved.text
        and saved.seconds < 15,
        f"store {state}: an upload is a form error that keeps what the editor typed",
        f"{saved.status} in {saved.seconds:.1f} s",
    )
    check(summary not in a.get(facts["region_url"]).text, f"store {state}: nothing was saved")


def main():
    work = Path(tempfile.mkdtemp(prefix="kainuu-object-storage-"))
    store = ObjectStore(work)
    started = time.monotonic()
    hosts = None
    try:
        store.start()
        say(f"== moto's S3 server on {store.url}: buckets {MEDIA_BUCKET}, {DOCUMENTS_BUCKET}")
        if "--hosts-only" not in sys.argv:
            run_tests(store)
        if "--tests-only" not in sys.argv:
            say("\n== two app hosts sharing PostgreSQL and the object store")
            store.empty()
            hosts = Hosts(work, store)
            hosts.setup()
            two_hosts(hosts)
    finally:
        if hosts:
            hosts.teardown()
        store.stop()
        if os.environ.get("OBJECT_STORAGE_TEST_KEEP"):
            say(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    finish("Object storage test", started)


if __name__ == "__main__":
    main()
