"""
The benchmark behind ``bench/run`` (see docs/performance.md). Not a test.

For each database (SQLite in a temporary directory; PostgreSQL too when
DATABASE_URL is set, on a new database it creates and drops on that server):

1. sets up a production configuration: DEBUG off, a generated SECRET_KEY,
   collectstatic into the temporary directory, the demo content plus the
   generated content (``generate_scale_data --scale 20``);
2. starts gunicorn on a free loopback port, with the reference view on
   (BENCHMARK_REFERENCE_VIEW: constant 10 KB HTML under the same middleware);
3. runs wrk with a bounded duration on the reference view, then on each page
   three times. Cold: right after ``clear_page_cache``, so each worker's first
   request renders the page and the rest are served from the cache, as after
   a content change. Warm: the same again, all from the cache. Render: every
   request carries an Authorization header, which the page cache never answers,
   so every one renders the page: the cost of a page without the cache;
4. prints requests per second, p50 and p99 latency, and the ratio to the
   reference view, against the goals.

With nothing cached (``--only uncached``, or after the cached runs), every public page
type is measured once, each request rendering it; a page of ``SIZE_BOUND_BYTES`` or more
is followed by the reference view writing a constant body of the same size
(``/bench/reference/?bytes=N``): what that size alone costs under the same middleware and
gunicorn, the most the page could reach.

A page that answers 404 (the search or the API before they exist) is skipped,
saying so.

--pgbouncer: PostgreSQL only, through a PgBouncer of its own (session pooling) in
front of the server of DATABASE_URL, with DATABASE_CONN_MAX_AGE as it is.
"""

import argparse
import contextlib
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
GOAL_WARM, GOAL_COLD, GOAL_P99_MS = 0.8, 0.3, 50.0
# With nothing cached anywhere (CACHE_URL=dummycache://): every page type, the home page.
GOAL_UNCACHED, GOAL_UNCACHED_HOME = 0.1, 0.15
UNCACHED_CACHE_URL = "dummycache://"
# A page at least this big is also measured against a constant body of its size.
SIZE_BOUND_BYTES = 100_000

# The page cache neither answers nor stores a request with credentials: every one renders.
# (A query string of its own would not do: the cache ignores parameters a page does not read.)
RENDER_LUA = """
wrk.headers["Authorization"] = "Bearer benchmark"
function request()
  return wrk.format(nil, wrk.path)
end
"""

# The addresses, asked of Django so that translated path segments are right.
URLS_SCRIPT = """
import json
from django.urls import NoReverseMatch, reverse
from django.utils.translation import override
from priorities.models import Priority, Programme
from regions.models import Region

def url(name, fallback, query=""):
    try:
        return reverse(name) + query
    except NoReverseMatch:
        return fallback + query

with override("en"):
    programme = Programme.objects.live().filter(region__slug="kainuu").first()
    priority = Priority.objects.live().filter(programme=programme).first()
    print(json.dumps({
        "home": reverse("home"),
        "region": Region.objects.get(slug="kainuu").get_absolute_url(),
        "programme": programme.get_absolute_url(),
        "priority": priority.get_absolute_url(),
        "search": url("search", "/en/search/", "?q=kainuu"),
        "API list": ["/api/v1/regions", "/api/v1/regions/"],
    }))
"""

# Every public page type, for the measurement with nothing cached anywhere.
ALL_URLS_SCRIPT = """
import json
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import override
from pages.models import Page
from priorities.models import Priority, Programme, Sector
from regions.models import Municipality, Region

with override("en"):
    home = Region.objects.get(is_home=True)
    programme = Programme.objects.live().filter(region=home).first()
    priority = Priority.objects.live().filter(programme=programme).first()
    twice = (
        Region.objects.live().annotate(periods=Count("programmes")).filter(periods__gte=2).first()
    )
    # The demo content alone has one period a region: nothing to compare.
    compare = (
        reverse("priorities:programme-compare", kwargs={"region_slug": twice.slug})
        if twice else None
    )
    urls = {
        "home": reverse("home"),
        "region list": reverse("regions:region-list"),
        "region": home.get_absolute_url(),
        "municipality": Municipality.objects.get(slug_en="kajaani").get_absolute_url(),
        "sector list": reverse("priorities:sector-list"),
        "sector": Sector.objects.get(slug_en="technology-industries").get_absolute_url(),
        "programme list": reverse("priorities:programme-list"),
        "economic domains": reverse("priorities:economic-domains"),
        "programme": programme.get_absolute_url(),
        "compare": compare,
        "priority": priority.get_absolute_url(),
        "priorities CSV": reverse(
            "priorities:programme-csv",
            kwargs={"region_slug": home.slug, "slug": programme.slug},
        ),
        "content page": Page.objects.live().first().get_absolute_url(),
        "search": reverse("search") + "?q=kainuu",
        "open data": reverse("open-data"),
        "feed": reverse("feed"),
        "sitemap": "/sitemap.xml",
        "API list": "/api/v1/regions",
        "API priorities": "/api/v1/priorities",
    }
    print(json.dumps({name: url for name, url in urls.items() if url}))
"""


def page_type_urls():
    """``{page type: path}`` of ``ALL_URLS_SCRIPT``, in a process where Django is set up."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(ALL_URLS_SCRIPT, {})  # noqa: S102 - the benchmark's own script
    return json.loads(output.getvalue())


def parse_args():
    parser = argparse.ArgumentParser(description="Benchmark the public pages (see docs).")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (CPUs, or the config's)"
    )
    parser.add_argument(
        "--shipped-config",
        action="store_true",
        help="run gunicorn with deploy/gunicorn.conf.py (access log included); --workers and "
        "--gunicorn-threads then override its defaults only when given",
    )
    parser.add_argument(
        "--gunicorn-threads", type=int, default=None, help="threads per gunicorn worker"
    )
    parser.add_argument("--scale", type=int, default=20, help="content scale (20)")
    parser.add_argument(
        "--pages", default="", help="only these pages, e.g. home,search (default: all)"
    )
    parser.add_argument(
        "--only",
        choices=["cached", "uncached"],
        default=None,
        help="only the page-cache measurement (cold, warm, render) or only the one with "
        "nothing cached (default: both)",
    )
    parser.add_argument(
        "--pgbouncer",
        action="store_true",
        help="PostgreSQL only (DATABASE_URL), through a PgBouncer started here in session "
        "mode on a spare port; stopped at the end",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    return parser.parse_args()


def say(message):
    sys.stdout.write(f"{message}\n")
    sys.stdout.flush()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return result.stdout


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_until_up(base, server, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{Path(log).read_text()}")
        try:
            status, _headers, body = fetch(base + "/healthz")
        except OSError:
            status = None
        # Up when the database answers (with CACHE_URL=dummycache:// the cache never does).
        if status == 200 or (status == 503 and json.loads(body).get("database") == "ok"):
            return
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within a minute.")


def milliseconds(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(args, url, script=None):
    command = [
        "wrk",
        f"--duration={args.duration}s",
        f"--connections={args.connections}",
        f"--threads={args.threads}",
        "--timeout=5s",
        "--latency",
    ]
    if script:
        command += ["--script", script]
    output = subprocess.run(command + [url], check=True, text=True, capture_output=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if set(latency) != {"50", "99"}:
        raise SystemExit(f"Unexpected output of wrk:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }


def create_postgres_database(url, name):
    """A new database on the server of ``url``, with the app's statement timeout (for
    connections through PgBouncer, which drops the app's own); returns its URL."""
    import psycopg

    parts = urlsplit(url)
    admin = parts._replace(path="/postgres").geturl()
    timeout = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", 5000))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
        connection.execute(f'ALTER DATABASE "{name}" SET statement_timeout = {timeout}')
        connection.execute(f'ALTER DATABASE "{name}" SET plan_cache_mode = force_generic_plan')
    return parts._replace(path=f"/{name}").geturl()


def drop_postgres_database(url, name):
    import psycopg

    admin = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# PgBouncer in front of one PostgreSQL server: session mode, trust on loopback.
# PgBouncer does not pass on the startup option that carries the app's statement timeout
# and plan cache mode: the database carries them instead (ALTER DATABASE ... SET). query_timeout,
# a little above it, ends a query on a frozen server; query_wait_timeout, as the app's
# connect timeout, the wait for a new server connection; server_login_retry, after a failed
# one, is when clients are refused at once.
PGBOUNCER_INI = """\
[databases]
* = host={host} port={port}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {listen_port}
unix_socket_dir =
auth_type = trust
auth_file = {folder}/users.txt
pool_mode = session
ignore_startup_parameters = options
query_timeout = 6
query_wait_timeout = 2
server_connect_timeout = 2
server_login_retry = 0.1
"""


@contextlib.contextmanager
def pgbouncer(database_url):
    """PgBouncer on a free loopback port in front of the server of ``database_url``;
    yields the same database's URL through it."""
    parts = urlsplit(database_url)
    folder = Path(tempfile.mkdtemp(prefix="kainuu-pgbouncer-"))
    folder.chmod(0o755)
    listen_port = free_port()
    config = folder / "pgbouncer.ini"
    config.write_text(
        PGBOUNCER_INI.format(
            host=parts.hostname, port=parts.port or 5432, listen_port=listen_port, folder=folder
        )
        # PgBouncer does not run as root; it changes to this user.
        + ("user = postgres\n" if os.geteuid() == 0 else "")
    )
    (folder / "users.txt").write_text(f'"{parts.username}" ""\n')
    log = (folder / "pgbouncer.log").open("w")
    command = [shutil.which("pgbouncer") or "/usr/sbin/pgbouncer", str(config)]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", listen_port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = Path(log.name).read_text()
                    raise SystemExit(f"PgBouncer did not start:\n{output}") from None
                time.sleep(0.1)
        netloc = f"{parts.username}@127.0.0.1:{listen_port}"
        yield parts._replace(netloc=netloc).geturl()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def run_one(args, label, database_url, workdir):
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_URL": os.environ.get("CACHE_URL", "locmemcache://kainuu-portal-bench"),
        "PAGE_CACHE_SECONDS": "600",
        "BENCHMARK_REFERENCE_VIEW": "true",
        # Plain HTTP on loopback: no redirect to HTTPS.
        "HTTPS": "false",
        "LOG_LEVEL": "WARNING",
    }
    say(f"\n== {label}: setting up (migrate, demo content, {args.scale}x data, collectstatic)")
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    manage(env, "generate_scale_data", f"--scale={args.scale}")
    manage(env, "collectstatic", "--noinput")
    urls = json.loads(manage(env, "shell", "--no-imports", "-c", URLS_SCRIPT, capture=True))
    static_url = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from django.templatetags.static import static; print(static('css/site.css'))",
        capture=True,
    ).strip()

    results = {}
    if args.only != "uncached":
        log = workdir / f"gunicorn-{label.lower().replace(' ', '-')}.log"
        with gunicorn(args, env, log) as base:
            say(f"== {label}: gunicorn ({gunicorn_label(args)}) on {base}")
            checks(base, urls["home"], static_url)
            results["cached"] = measure(args, env, base, urls, workdir)
    if args.only != "cached":
        # Nothing cached anywhere: no page, fragment or query cache helps. What the first
        # visitor after an edit costs, and what staff and every new search cost.
        all_urls = json.loads(
            manage(env, "shell", "--no-imports", "-c", ALL_URLS_SCRIPT, capture=True)
        )
        uncached_env = {**env, "CACHE_URL": UNCACHED_CACHE_URL}
        log = workdir / f"gunicorn-{label.lower().replace(' ', '-')}-uncached.log"
        with gunicorn(args, uncached_env, log) as base:
            say(f"== {label}: gunicorn ({gunicorn_label(args)}) on {base}, {UNCACHED_CACHE_URL}")
            results["uncached"] = measure_uncached(args, base, all_urls)
    return results


@contextlib.contextmanager
def gunicorn(args, env, log_path):
    """gunicorn serving the site on a free loopback port; yields its base address."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = log_path.open("w")
    server = subprocess.Popen(
        gunicorn_command(args, port, env),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(base, server, log.name)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def gunicorn_command(args, port, env):
    """gunicorn as the service runs it (--shipped-config), or plainly with --workers."""
    if args.shipped_config:
        env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
        if args.workers:
            env["GUNICORN_WORKERS"] = str(args.workers)
        if args.gunicorn_threads:
            env["GUNICORN_THREADS"] = str(args.gunicorn_threads)
        return [GUNICORN, "--config", str(ROOT / "deploy" / "gunicorn.conf.py")]
    command = [
        GUNICORN,
        "kainuu_portal.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={args.workers or os.cpu_count() or 2}",
        "--log-level=warning",
    ]
    if args.gunicorn_threads:
        command.append(f"--threads={args.gunicorn_threads}")
    return command


def gunicorn_label(args):
    if args.shipped_config:
        overrides = [
            f"{args.workers} workers" if args.workers else "",
            f"{args.gunicorn_threads} threads" if args.gunicorn_threads else "",
        ]
        extra = ", ".join(part for part in overrides if part)
        return "deploy/gunicorn.conf.py" + (f" with {extra}" if extra else "")
    threads = f", {args.gunicorn_threads} threads" if args.gunicorn_threads else ""
    return f"{args.workers or os.cpu_count() or 2} workers{threads}"


def checks(base, home, static_url):
    """What the benchmark relies on, and the validators and static headers."""
    status, headers, body = fetch(base + home)
    status_again, headers_again, _body = fetch(base + home)
    etag = headers_again.get("ETag", "")
    conditional = fetch(base + home, {"If-None-Match": etag})[0]
    say(
        f"   home page: {status}, X-Page-Cache {headers.get('X-Page-Cache')} then "
        f"{headers_again.get('X-Page-Cache')}, ETag {etag or 'none'}, "
        f"If-None-Match -> {conditional}"
    )
    status, headers, body = fetch(base + static_url, {"Accept-Encoding": "gzip, br"})
    say(
        f"   {static_url}: {status}, Content-Encoding {headers.get('Content-Encoding')}, "
        f"Cache-Control {headers.get('Cache-Control')}"
    )


def measure(args, env, base, urls, workdir):
    results = []
    say("   reference: /bench/reference/")
    reference = wrk(args, base + "/bench/reference/")
    results.append(("minimal view (10 KB)", "", reference))
    render_script = workdir / "render.lua"
    render_script.write_text(RENDER_LUA)
    wanted = {name.strip() for name in args.pages.split(",") if name.strip()}
    for name, candidates in urls.items():
        if wanted and name not in wanted:
            continue
        # A page given as a list: the first of its addresses that answers.
        for path in candidates if isinstance(candidates, list) else [candidates]:
            status = fetch(base + path)[0]
            if status == 200:
                break
        if status != 200:
            say(f"   {name}: {path} answers {status} here; skipped")
            continue
        say(f"   {name}: {path}")
        manage(env, "clear_page_cache")
        results.append((name, "cold", wrk(args, base + path)))
        results.append((name, "warm", wrk(args, base + path)))
        results.append((name, "render", wrk(args, base + path, script=str(render_script))))
    return results


def measure_uncached(args, base, urls):
    """The minimal view, then every public page type once: every request renders."""
    say("   reference: /bench/reference/")
    results = [("minimal view (10 KB)", "", wrk(args, base + "/bench/reference/"))]
    wanted = {name.strip() for name in args.pages.split(",") if name.strip()}
    for name, path in urls.items():
        if wanted and name not in wanted:
            continue
        status, headers, body = fetch(base + path)
        if status != 200:
            say(f"   {name}: {path} answers {status} here; skipped")
            continue
        if headers.get("X-Page-Cache") not in (None, "miss"):
            raise SystemExit(f"{path} was served from a cache: {headers.get('X-Page-Cache')}")
        say(f"   {name}: {path}")
        results.append((name, "none", wrk(args, base + path)))
        if len(body) >= SIZE_BOUND_BYTES:
            # What a body of the page's size costs before any work of the page's own.
            size = len(body)
            say(f"   a constant body of its {size / 1000:.0f} KB: /bench/reference/?bytes={size}")
            bound = wrk(args, f"{base}/bench/reference/?bytes={size}")
            results.append((f"  {size / 1000:.0f} KB constant", "bound", bound))
    return results


def report_uncached(label, results):
    reference = results[0][2]["rps"]
    say(f"\n{label}, nothing cached ({UNCACHED_CACHE_URL})")
    say(f"{'page':<22}{'cache':<7}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}  goal")
    for name, mode, result in results:
        ratio = result["rps"] / reference
        if not mode:
            verdict = "(the yardstick)"
        elif mode == "bound":
            verdict = "(the page above at most: its size alone)"
        else:
            wanted = GOAL_UNCACHED_HOME if name == "home" else GOAL_UNCACHED
            verdict = "met" if ratio >= wanted else f"missed (ratio >= {wanted})"
        if result["errors"]:
            verdict += f"; {result['errors']} of {result['requests']} responses were not 2xx/3xx"
        say(
            f"{name:<22}{mode:<7}{result['rps']:>9.0f}{result['p50']:>9.2f}"
            f"{result['p99']:>9.2f}{ratio:>8.2f}  {verdict}"
        )


def report(label, results):
    reference = results[0][2]["rps"]
    say(f"\n{label}")
    say(f"{'page':<22}{'cache':<7}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}  goal")
    for name, mode, result in results:
        ratio = result["rps"] / reference
        if not mode:
            verdict = "(the yardstick)"
        else:
            # The goal for cold applies to "render" too, the stricter reading of cold.
            wanted = GOAL_WARM if mode == "warm" else GOAL_COLD
            fine = ratio >= wanted and result["p99"] < GOAL_P99_MS
            verdict = "met" if fine else f"missed (ratio >= {wanted}, p99 < {GOAL_P99_MS:g} ms)"
        if result["errors"]:
            verdict += f"; {result['errors']} of {result['requests']} responses were not 2xx/3xx"
        say(
            f"{name:<22}{mode:<7}{result['rps']:>9.0f}{result['p50']:>9.2f}"
            f"{result['p99']:>9.2f}{ratio:>8.2f}  {verdict}"
        )


def main():
    args = parse_args()
    # Stopped by a signal: still stop gunicorn and drop the database (the finally clauses).
    signal.signal(signal.SIGTERM, lambda _number, _frame: sys.exit(1))
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: run bench/run, which installs it, or apt install wrk.")
    postgres = os.environ.get("DATABASE_URL", "")
    if args.pgbouncer and not postgres.startswith(("postgres://", "postgresql://")):
        raise SystemExit("--pgbouncer needs DATABASE_URL=postgres://...")
    started = datetime.now().astimezone()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True, capture_output=True
    ).stdout.strip()
    say(
        f"Benchmark started {started:%Y-%m-%d %H:%M %Z} on commit {commit or '?'}; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} "
        f"(other work on the machine makes the figures noisy)"
    )
    say(
        f"wrk: {args.duration} s, {args.connections} connections, {args.threads} threads; "
        f"cache {os.environ.get('CACHE_URL', 'local memory (default)')}"
    )
    workdir = Path(tempfile.mkdtemp(prefix="kainuu-bench-"))
    runs = [] if args.pgbouncer else [("SQLite", f"sqlite:///{workdir / 'bench.sqlite3'}")]
    pg_name = f"kainuu_bench_{os.getpid()}"
    if postgres.startswith(("postgres://", "postgresql://")):
        runs.append(("PostgreSQL", create_postgres_database(postgres, pg_name)))
    try:
        with contextlib.ExitStack() as stack:
            if args.pgbouncer:
                pooled = stack.enter_context(pgbouncer(runs[0][1]))
                say(f"PgBouncer (session pooling) in front of {postgres}")
                runs = [("PostgreSQL through PgBouncer", pooled)]
            reports = [(label, run_one(args, label, url, workdir)) for label, url in runs]
    finally:
        if postgres.startswith(("postgres://", "postgresql://")):
            drop_postgres_database(postgres, pg_name)
        if args.keep:
            say(f"Kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    for label, results in reports:
        title = f"{label}, {args.scale}x content, gunicorn {gunicorn_label(args)}"
        if "cached" in results:
            report(title, results["cached"])
        if "uncached" in results:
            report_uncached(title, results["uncached"])
    say(
        f"\nGoals: warm >= {GOAL_WARM} and cold >= {GOAL_COLD} of the minimal view's "
        f"requests per second, p99 < {GOAL_P99_MS:g} ms; render is held to the cold goal. "
        f"Nothing cached: >= {GOAL_UNCACHED} for every page, >= {GOAL_UNCACHED_HOME} for the "
        "home page. Finished "
        f"{datetime.now().astimezone():%H:%M}, load average {os.getloadavg()[0]:.2f}."
    )


if __name__ == "__main__":
    sys.exit(main())
