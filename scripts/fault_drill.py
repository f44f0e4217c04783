"""
The fault drill behind ``scripts/fault-drill`` (see docs/operations.md). Not a test.

It starts its own PostgreSQL 15 (initdb into a temporary folder) and Redis on
spare ports, and two app hosts: gunicorn with deploy/gunicorn.conf.py on two
loopback ports, production settings, sharing the database, the cache and the
upload folders. As root it runs the hosts in a mount namespace where the app
folder is read-only, as the systemd unit makes it. Then it freezes (SIGSTOP),
stops and restarts each dependency, edits content on one host and watches the
other, fills the cache with junk, uploads a PDF and bad inputs, and prints what
it did and whether each thing that must hold held. Exit status 1 when any did not.
"""

import html.parser
import http.cookiejar
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

from django_otp.oath import totp
from report import check, finish, say

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.postgres import OwnPostgres  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
ADMIN_PASSWORD = "drill-" + secrets.token_urlsafe(12)
# The drill's superuser has an authenticator app, as production settings require.
ADMIN_OTP_KEY = secrets.token_hex(20)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- HTTP ------------------------------------------------------------------------


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name, "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """An HTTP client with its own cookies, that follows no redirect."""

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def request(self, path, data=None, headers=None, method=None, timeout=10):
        body, content_type = data if isinstance(data, tuple) else (data, None)
        # The admin speaks the browser's language: English, so that messages can be read here.
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"Accept-Language": "en", **(headers or {})},
            method=method,
        )
        if content_type:
            request.add_header("Content-Type", content_type)
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=timeout) as response:
                status, headers, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, content = error.code, error.headers, error.read()
        except (TimeoutError, urllib.error.URLError, ConnectionError) as error:
            return Response(0, {}, str(error).encode(), time.monotonic() - started)
        return Response(status, headers, content, time.monotonic() - started)

    def get(self, path, **kwargs):
        return self.request(path, **kwargs)

    def csrf(self):
        return next((c.value for c in self.cookies if c.name == "csrftoken"), "")

    def login(self, username, password, otp_key=None):
        """Sign in to the admin: the password, then the app's code when one is asked for."""
        self.get("/admin/login/")
        response = self.request(
            "/admin/login/?next=/admin/",
            data=urllib.parse.urlencode(
                {
                    "username": username,
                    "password": password,
                    "csrfmiddlewaretoken": self.csrf(),
                    "next": "/admin/",
                }
            ).encode(),
            headers={"Referer": self.base + "/admin/login/"},
        )
        if (
            otp_key
            and response.status == 302
            and response.headers.get("Location", "").endswith("/admin/login/code/")
        ):
            self.get("/admin/login/code/")
            code = f"{totp(bytes.fromhex(otp_key)):06d}"
            response = self.request(
                "/admin/login/code/",
                data=urllib.parse.urlencode(
                    {"code": code, "csrfmiddlewaretoken": self.csrf()}
                ).encode(),
                headers={"Referer": self.base + "/admin/login/code/"},
            )
        return response

    def save_form(self, path, changes, files=None, timeout=10):
        """Fill in the admin form at ``path`` as it is, change ``changes``, add ``files``; save."""
        form = FormReader()
        form.feed(self.get(path).text)
        fields = [(name, value) for name, value in form.fields if name not in changes]
        fields += [(name, value) for name, value in changes.items()]
        fields.append(("_save", "Save"))
        return self.request(
            path,
            data=multipart(fields, files or {}),
            headers={"Referer": self.base + path},
            timeout=timeout,
        )


class FormReader(html.parser.HTMLParser):
    """The fields of the admin's main form, as a browser would submit them untouched."""

    def __init__(self):
        super().__init__()
        self.fields = []
        self._textarea = None
        self._select = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith("_form"):
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    out = BytesIO()
    for name, value in fields:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(str(value).encode() + b"\r\n")
    for name, (filename, content) in files.items():
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        )
        out.write(content + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


# --- The servers -----------------------------------------------------------------


class Drill:
    def __init__(self):
        self.work = Path(tempfile.mkdtemp(prefix="kainuu-fault-drill-"))
        self.work.chmod(0o755)
        # PostgreSQL runs as its own user when this runs as root (initdb refuses root).
        self.as_root = os.geteuid() == 0
        self.read_only_app = self.as_root and shutil.which("unshare") is not None
        self.pg_port, self.redis_port = free_port(), free_port()
        self.postgres = OwnPostgres(self.work, port=self.pg_port)
        self.hosts = {"A": free_port(), "B": free_port()}
        self.servers = {}
        self.redis = None
        self.logs = {}
        for name in ("media", "documents", "static"):
            (self.work / name).mkdir()
        self.env = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pg_port}/kainuu_drill",
            "CACHE_URL": f"redis://127.0.0.1:{self.redis_port}/1",
            "MEDIA_ROOT": str(self.work / "media"),
            "DOCUMENTS_ROOT": str(self.work / "documents"),
            "STATIC_ROOT": str(self.work / "static"),
            "HTTPS": "false",
            "LOG_LEVEL": "INFO",
            "PYTHONDONTWRITEBYTECODE": "1",
            "GUNICORN_WORKERS": "2",
        }
        self.env.pop("PAGE_CACHE_SECONDS", None)

    def start_redis(self):
        self.redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--maxmemory",
                "64mb",
                "--maxmemory-policy",
                "allkeys-lru",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            if self.redis_keys() is not None:
                return
            time.sleep(0.1)
        raise SystemExit("Redis did not start")

    def stop_redis(self):
        if self.redis and self.redis.poll() is None:
            self.redis.send_signal(signal.SIGCONT)
            self.redis.terminate()
            self.redis.wait(timeout=10)

    def redis_keys(self):
        result = subprocess.run(
            ["redis-cli", "-p", str(self.redis_port), "-n", "1", "dbsize"],
            capture_output=True,
            text=True,
            timeout=5,
        )
        return (
            int(result.stdout)
            if result.returncode == 0 and result.stdout.strip().isdigit()
            else None
        )

    def manage(self, *args):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def start_host(self, name):
        port = self.hosts[name]
        log = self.work / f"host-{name}.log"
        self.logs[name] = log
        command = [GUNICORN, "--config", str(ROOT / "deploy" / "gunicorn.conf.py")]
        if self.read_only_app:
            # As ProtectSystem=strict in the unit: the app folder is read-only to the service.
            command = [
                "unshare", "--mount", "sh", "-c",
                'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"',
                str(ROOT), *command,
            ]  # fmt: skip
        self.servers[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=log.open("a"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(300):
            if Browser(self.base(name)).get("/healthz", timeout=2).status == 200:
                return
            if self.servers[name].poll() is not None:
                raise SystemExit(f"host {name} stopped:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        raise SystemExit(f"host {name} did not answer")

    def base(self, name):
        return f"http://127.0.0.1:{self.hosts[name]}"

    def setup(self):
        say(f"== setting up in {self.work}")
        self.postgres.start()
        self.postgres.run(
            "createdb", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "kainuu_drill"
        )
        say(f"   PostgreSQL 15 on 127.0.0.1:{self.pg_port}")
        self.start_redis()
        say(f"   Redis on 127.0.0.1:{self.redis_port}")
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        self.manage("collectstatic", "--noinput")
        self.env["DRILL_PASSWORD"] = ADMIN_PASSWORD
        self.env["DRILL_OTP_KEY"] = ADMIN_OTP_KEY
        self.facts = json.loads(self.manage("shell", "--no-imports", "-c", FACTS_SCRIPT))
        del self.env["DRILL_PASSWORD"]
        del self.env["DRILL_OTP_KEY"]
        for name in self.hosts:
            self.start_host(name)
            say(
                f"   host {name}: gunicorn -c deploy/gunicorn.conf.py on {self.base(name)}"
                + (", the app folder read-only to it" if self.read_only_app else "")
            )

    def teardown(self):
        for server in self.servers.values():
            if server.poll() is None:
                server.terminate()
        for server in self.servers.values():
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        self.postgres.stop()
        self.stop_redis()
        if os.environ.get("FAULT_DRILL_KEEP"):
            say(f"Kept {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)


FACTS_SCRIPT = """
import json, os
from django.contrib.auth.models import User
from django.utils import translation
from pages.models import Page
from priorities.models import Programme
from regions.models import Region
page = Page.objects.live().order_by("pk").first()
programme = Programme.objects.live().first()
region = Region.objects.live().home().first()
from django_otp.plugins.otp_totp.models import TOTPDevice
drill = User.objects.create_superuser("drill", password=os.environ["DRILL_PASSWORD"])
TOTPDevice.objects.create(user=drill, name="drill", key=os.environ["DRILL_OTP_KEY"], confirmed=True)
with translation.override("en"):
    page_url = page.get_absolute_url()
print(json.dumps({
    "page": page.pk, "page_url": page_url, "programme": programme.pk, "region": region.pk,
}))
"""


@contextmanager
def frozen(drill, what):
    """SIGSTOP the dependency, and SIGCONT it however the block ends."""
    if what == "postgres":
        drill.postgres.signal(signal.SIGSTOP)
    else:
        drill.redis.send_signal(signal.SIGSTOP)
    try:
        yield
    finally:
        if what == "postgres":
            drill.postgres.signal(signal.SIGCONT)
        else:
            drill.redis.send_signal(signal.SIGCONT)


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def warm(browsers, paths):
    """Ask for each page until each host serves it from the cache (a few seconds at most)."""
    return all(
        wait_for(lambda b=browser, p=path: b.get(p).header("X-Page-Cache") == "hit", 10)
        for browser in browsers
        for path in paths
    )


def unique_path():
    """An address of a real page that no earlier request has put in the cache: a new search."""
    return f"/en/search/?q=kainuu+{secrets.token_hex(4)}"


def pdf():
    from pypdf import PdfWriter  # noqa: PLC0415

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image(size, mode="RGB", image_format="PNG"):
    from PIL import Image  # noqa: PLC0415

    buffer = BytesIO()
    Image.new(mode, size, 0).save(buffer, image_format)
    return buffer.getvalue()


# --- The drill ---------------------------------------------------------------------


def run(drill):
    a, b = Browser(drill.base("A")), Browser(drill.base("B"))
    page = drill.facts["page_url"]
    editor = Browser(drill.base("A"))
    check(
        editor.login("drill", ADMIN_PASSWORD, ADMIN_OTP_KEY).status == 302,
        "a superuser logs in on host A",
    )
    page_admin = f"/admin/pages/page/{drill.facts['page']}/change/"

    def title_seen(browser, title):
        return title in browser.get(page).text

    say("\n== two hosts: an edit on A, then a change through manage.py, seen on B")
    for browser in (a, b):
        browser.get(page)
    check(b.get(page).header("X-Page-Cache") == "hit", "host B serves the page from the cache")
    title = f"Edited on A {secrets.token_hex(3)}"
    saved = editor.save_form(page_admin, {"title_en": title, "status": "published"})
    check(saved.status == 302, "the admin on host A saves the page", f"status {saved.status}")
    started = time.monotonic()
    seen = wait_for(lambda: title_seen(b, title), 2)
    check(seen, "host B shows the edit within 2 s", f"{time.monotonic() - started:.1f} s")
    title = f"Changed by manage.py {secrets.token_hex(3)}"
    drill.manage(
        "shell",
        "--no-imports",
        "-c",
        f"from pages.models import Page; p = Page.objects.get(pk={drill.facts['page']}); "
        f"p.title_en = {title!r}; p.save()",
    )
    check(
        wait_for(lambda: title_seen(a, title) and title_seen(b, title), 2),
        "a change made by a management command is seen on both hosts within 2 s",
    )

    say("\n== Redis frozen (SIGSTOP) for 8 s; an edit saved meanwhile")
    warm((a, b), (page,))
    title = f"Saved while Redis was frozen {secrets.token_hex(3)}"
    with frozen(drill, "redis"):
        times = [a.get(page).seconds, b.get(unique_path()).seconds, a.get("/en/").seconds]
        health = a.get("/healthz")
        check(max(times) < 1, "pages answer within 1 s", f"slowest {max(times):.2f} s")
        check(
            health.status == 503
            and health.seconds < 1
            and ('"cache": "timeout"' in health.text or '"cache": "unavailable"' in health.text),
            "/healthz answers within 1 s and names the cache",
            f"{health.status} in {health.seconds:.2f} s: {health.text[:100]}",
        )
        saved = editor.save_form(page_admin, {"title_en": title})
        check(
            saved.status == 302 and saved.seconds < 5,
            "the admin saves while Redis is frozen",
            f"status {saved.status} in {saved.seconds:.1f} s",
        )
        time.sleep(max(0, 8 - sum(times)))
    say("   Redis continued, with its data")
    check(
        wait_for(lambda: title_seen(a, title) and title_seen(b, title), 2 + 5),
        "both hosts show the edit saved while Redis was away (within the retry time plus 2 s)",
    )

    say("\n== Redis stopped, then started again (empty)")
    drill.stop_redis()
    times = [a.get(page).seconds, b.get(page).seconds, b.get(unique_path()).seconds]
    statuses = [a.get(page).status, b.get("/en/").status]
    check(
        max(times) < 1 and statuses == [200, 200],
        "pages answer 200 within 1 s",
        f"{statuses}, slowest {max(times):.2f} s",
    )
    health = b.get("/healthz")
    check(
        health.status == 503 and '"cache": "unavailable"' in health.text,
        "/healthz names the cache",
        health.text[:100],
    )
    drill.start_redis()
    check(wait_for(lambda: a.get("/healthz").status == 200, 10), "/healthz is ok again by itself")
    check(
        wait_for(lambda: a.get(page).header("X-Page-Cache") == "hit", 10),
        "pages are cached again by themselves",
    )

    say("\n== PostgreSQL frozen (SIGSTOP, every process) for 10 s")
    check(warm((a, b), (page, "/en/")), "both hosts serve the two pages from the cache")
    results = {}

    def uncached(key, browser, path):
        results[key] = browser.get(path, timeout=40)

    with frozen(drill, "postgres"):
        started = time.monotonic()
        # One uncached request a second, as in the report, alongside cached pages.
        threads = []
        for n in range(5):
            thread = threading.Thread(target=uncached, args=(n, (a, b)[n % 2], unique_path()))
            thread.start()
            threads.append(thread)
            time.sleep(1)
        cached = [
            browser.get(path) for _ in (1, 2) for browser in (a, b) for path in (page, "/en/")
        ]
        cached += [a.get(page) for _ in range(10)]
        health = b.get("/healthz")
        static = a.get("/static/css/site.css")
        api = b.get(f"/api/v1/regions?limit={secrets.randbelow(40) + 2}", timeout=40)
        for thread in threads:
            thread.join(timeout=15)
        statuses = sorted({r.status for r in cached})
        check(statuses == [200], "cached pages keep answering 200", f"{statuses}")
        check(
            {r.header("X-Page-Cache") for r in cached} <= {"hit", "stale"}
            and any(r.header("X-Page-Cache") == "stale" for r in cached),
            "cached pages are marked X-Page-Cache: stale once the version cannot be read",
        )
        slow = max(r.seconds for r in cached)
        check(slow < 3, "every cached page answers within 3 s", f"slowest {slow:.2f} s")
        check(
            health.status == 503 and health.seconds < 1 and '"database": "timeout"' in health.text,
            "/healthz answers within 1 s and names the database",
            f"{health.status} in {health.seconds:.2f} s: {health.text[:100]}",
        )
        check(
            static.status == 200 and static.seconds < 1,
            "static files answer",
            f"{static.status} in {static.seconds:.2f} s",
        )
        answers = [results.get(n) for n in range(5)]
        check(
            all(
                r and r.status == 503 and r.header("Retry-After") and r.seconds < 6 for r in answers
            ),
            "uncached pages answer 503 with Retry-After within a few seconds",
            ", ".join(f"{r.status} in {r.seconds:.1f} s" if r else "none" for r in answers),
        )
        check(
            api.status == 503
            and api.header("Content-Type") == "application/json"
            and api.header("Retry-After"),
            "the API answers 503 in JSON with Retry-After",
            f"{api.status} {api.header('Content-Type')}",
        )
        time.sleep(max(0, 10 - (time.monotonic() - started)))
    say("   PostgreSQL continued")
    check(
        wait_for(lambda: a.get("/healthz").status == 200 == b.get("/healthz").status, 10),
        "both hosts are healthy again by themselves",
    )
    fresh = [browser.get(unique_path()).status for browser in (a, b) for _ in range(6)]
    check(set(fresh) == {200}, "uncached pages answer again", f"{fresh}")

    say("\n== PostgreSQL frozen while a request waits on it")
    # A search held by a lock on the server, then every process stopped: the server can
    # no longer cancel the query at its statement timeout (5 s), and the request's kept
    # connection stops waiting a second later (kainuu_portal/postgresql).
    import psycopg  # noqa: PLC0415

    a.get(unique_path())  # The host's connections are kept ones by now.
    with psycopg.connect(drill.env["DATABASE_URL"]) as blocker:
        blocker.execute("LOCK TABLE kainuu_portal_searchentry IN ACCESS EXCLUSIVE MODE")
        waiting = threading.Thread(target=uncached, args=("held", a, unique_path()))
        waiting.start()
        time.sleep(1)
        with frozen(drill, "postgres"):
            waiting.join(timeout=20)
            held = results.get("held")
        blocker.rollback()
    check(
        held is not None and held.status == 503 and 5 < held.seconds < 8,
        "a request waiting on a frozen server answers 503 after the statement timeout and a second",
        f"{held.status} in {held.seconds:.1f} s" if held else "no answer within 20 s",
    )
    check(
        wait_for(lambda: a.get(unique_path()).status == 200, 10),
        "uncached pages answer again",
    )

    say("\n== PostgreSQL stopped, then started")
    check(warm((a, b), (page, "/en/")), "both hosts serve the two pages from the cache")
    drill.postgres.stop()
    cached = [a.get(page), b.get(page), a.get("/en/"), b.get("/en/")]
    check(
        {r.status for r in cached} == {200},
        "cached pages answer 200",
        f"{[r.status for r in cached]}",
    )
    down = [a.get(unique_path()), b.get(unique_path())]
    check(
        all(r.status == 503 and r.header("Retry-After") and r.seconds < 3 for r in down),
        "uncached pages answer 503 with Retry-After at once",
        ", ".join(f"{r.status} in {r.seconds:.1f} s" for r in down),
    )
    api = a.get("/api/v1/sectors?limit=3")
    check(
        api.status == 503 and "application/json" in api.header("Content-Type"),
        "the API answers 503 in JSON",
    )
    health = a.get("/healthz")
    check(
        health.status == 503 and '"database": "unavailable"' in health.text,
        "/healthz names the database",
        health.text[:100],
    )
    bad_host = a.get(unique_path(), headers={"Host": "evil.example"})
    check(
        bad_host.status == 400 and 'class="skip-link"' in bad_host.text,
        "a bad Host header gets the site's 400 page, which needs no database",
        f"status {bad_host.status}",
    )
    unknown = a.get(f"/en/no-such-page-{secrets.token_hex(4)}/")
    check(
        unknown.status == 503 and unknown.header("Retry-After"),
        "an unknown address answers 503 with Retry-After (it may be an old one)",
        f"status {unknown.status}",
    )
    drill.postgres.start()
    check(wait_for(lambda: a.get("/healthz").status == 200, 10), "healthy again by itself")
    after = [browser.get(unique_path()).status for browser in (a, b) for _ in range(8)]
    check(set(after) == {200}, "no request fails after the start", f"{after}")

    say("\n== PostgreSQL restarted under the running hosts")
    for browser in (a, b):
        browser.get(unique_path())
    drill.postgres.pg_ctl("restart")
    after = [browser.get(unique_path()).status for browser in (a, b) for _ in range(8)]
    check(set(after) == {200}, "no request fails after the restart", f"{after}")
    title = f"Saved after the restart {secrets.token_hex(3)}"
    saved = editor.save_form(page_admin, {"title_en": title})
    check(
        saved.status == 302,
        "an editor's first save after the restart succeeds",
        f"status {saved.status}",
    )

    say("\n== junk cannot fill the cache")
    a.get("/en/")
    before = drill.redis_keys()
    junk = [a.get(f"/en/?utm={secrets.token_hex(8)}") for _ in range(100)]
    junk += [b.get(f"/en/search/?q=kainuu&utm={secrets.token_hex(8)}") for _ in range(50)]
    for host in ("127.0.0.1:99999", "127.0.0.1.", f"127.0.0.1.:{drill.hosts['A']}", "evil.example"):
        junk.append(a.get("/en/", headers={"Host": host}))
    grown = drill.redis_keys() - before
    check(
        grown <= 1, "150 junk query strings and 4 host variants add no entries", f"{grown} new keys"
    )
    check(all(r.status < 500 for r in junk), "and get no 5xx")
    check(
        "hit" in {r.header("X-Page-Cache") for r in junk[:100]},
        "junk parameters get the page's entry",
    )

    say("\n== a PDF upload on host A, downloaded from host B")
    programme_admin = f"/admin/priorities/programme/{drill.facts['programme']}/change/"
    document = pdf()
    saved = editor.save_form(programme_admin, {}, files={"source_document": ("s3.pdf", document)})
    check(saved.status == 302, "the upload is saved", f"status {saved.status}: {saved.text[:200]}")
    stored = list((drill.work / "documents").rglob("*.pdf"))
    check(len(stored) == 1, "the PDF is in DOCUMENTS_ROOT", f"{stored}")
    check(
        not (ROOT / "documents").exists() or not any((ROOT / "documents").rglob("*.pdf")),
        "nothing was written to the app folder",
    )
    if stored:
        name = stored[0].relative_to(drill.work / "documents")
        download = b.get(f"/documents/{name}")
        check(
            download.status == 200 and download.body == document,
            "host B sends the same PDF",
            f"status {download.status}",
        )

    say("\n== bad inputs get clear messages, no 5xx")
    region_admin = f"/admin/regions/region/{drill.facts['region']}/change/"
    for label, content, message in [
        (
            "an image whose copies would be over 16,383 px tall",
            image((200, 17000), "1"),
            "too tall for its width",
        ),
        ("a decompression bomb", image((9000, 9000), "1"), "too many to open safely"),
    ]:
        saved = editor.save_form(region_admin, {}, files={"image": ("upload.png", content)})
        check(
            saved.status == 200 and message in saved.text,
            f"{label}: {message!r}",
            f"status {saved.status}",
        )
    for path in (
        "/admin/regions/region/?status__exact=%00",
        "/admin/regions/region/?q=%00",
        "/admin/autocomplete/?term=%00&app_label=priorities&model_name=priority&field_name=sectors",
    ):
        response = editor.get(path)
        check(
            response.status == 400 and "NUL" in response.text,
            f"{path[:40]}... answers 400 with a message",
            f"{response.status}",
        )
    visitor = Browser(drill.base("B"))
    visitor.get("/admin/login/")
    login = visitor.request(
        "/admin/login/",
        data=urllib.parse.urlencode(
            {"username": "x" * 256, "password": "y", "csrfmiddlewaretoken": visitor.csrf()}
        ).encode(),
        headers={"Referer": drill.base("B") + "/admin/login/"},
    )
    check(login.status < 500, "a 256-character user name at login gets no 5xx", f"{login.status}")

    say("\n== a bad Host header in the log")
    marker = f"evil-{secrets.token_hex(4)}.example"
    a.get("/en/", headers={"Host": marker})
    time.sleep(0.5)
    lines = [line for line in drill.logs["A"].read_text().splitlines() if marker in line]
    events = [json.loads(line) for line in lines if line.startswith("{")]
    check(
        len(events) == 1 and events[0]["level"] == "WARNING" and "exception" not in events[0],
        "one WARNING line without a traceback",
        f"{len(events)} events: {[e.get('level') for e in events]}",
    )


def main():
    drill = Drill()
    started = time.monotonic()
    try:
        drill.setup()
        run(drill)
    finally:
        drill.teardown()
    finish("Fault drill", started)


if __name__ == "__main__":
    main()
