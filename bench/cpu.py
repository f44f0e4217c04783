"""
CPU time per request of every public page type with nothing cached, against the minimal
view, in one process (see docs/performance.md). Not a test.

    .venv/bin/python bench/cpu.py [--requests 30] [--scale 20] [--workdir DIR] [--pages a,b]

wrk's requests per second move with whatever else the machine runs; the processor time one
process spends on a request moves far less. This sets up what ``bench/run`` sets up
(production settings, ``CACHE_URL=dummycache://``, collected static files, the demo
content plus ``generate_scale_data --scale 20``, SQLite unless DATABASE_URL names a
database of a PostgreSQL server, created when missing), then requests each page through
Django's WSGI handler (the test client) and prints the median CPU milliseconds per request
over rounds of ``--requests`` requests and the ratio ``minimal view's time / page's
time``: the share of the minimal view's rate a page would reach when CPU bound. It also
counts the Python function calls per request (under cProfile), a figure that does not move
with the machine's load, and their ratio, and the queries per request. On a PostgreSQL
server on this machine it also reads the CPU time of the server's process that serves the
connection (``/proc/PID/schedstat``) and adds it ("+ server"): the two share the machine's
cores under gunicorn, so the sum is what a page costs the machine.
With ``--workdir`` the database and static files are kept there and reused by the next
run (give the same ``--scale``). ``--profile PAGE`` prints a profile of that page instead,
with its own time summed by area (``PROFILE_SORT=tottime`` sorts by own time).
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from benchmark import (  # noqa: E402
    GOAL_UNCACHED,
    GOAL_UNCACHED_HOME,
    create_postgres_database,
    page_type_urls,
)

PYTHON = str(ROOT / ".venv" / "bin" / "python")
# The areas a profile's own time is summed by (the first match of the file's path).
AREAS = [
    ("django/db/models/sql", "ORM: SQL compiling"),
    ("django/db/models/query.py", "ORM: querysets"),
    ("django/db/backends", "ORM: database driver"),
    ("django/db", "ORM: the rest"),
    ("modeltranslation", "modeltranslation"),
    ("django/template", "templates"),
    ("django/utils/translation", "translation (gettext)"),
    ("ninja", "ninja and pydantic"),
    ("pydantic", "ninja and pydantic"),
    ("django/urls", "URLs"),
    ("django", "Django: the rest"),
    ("site-packages", "other libraries"),
    ("kainuu_portal", "the portal's own code"),
    ("regions", "the portal's own code"),
    ("priorities", "the portal's own code"),
    ("pages", "the portal's own code"),
    ("~", "built-ins"),
    ("/lib/python3", "the standard library"),
]


def say(line):
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="requests per round (30)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the median counts (3)")
    parser.add_argument("--scale", type=int, default=20, help="content scale (20)")
    parser.add_argument("--workdir", default="", help="keep the database here and reuse it")
    parser.add_argument("--pages", default="", help="only these pages (default: all)")
    parser.add_argument("--profile", default="", help="cProfile this page and print the top")
    return parser.parse_args()


def environment(workdir):
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith(("postgres://", "postgresql://")):
        database = f"sqlite:///{workdir / 'bench.sqlite3'}"
    secret = workdir / "secret"
    if not secret.exists():
        secret.write_text(secrets.token_urlsafe(50))
    return {
        "DEBUG": "false",
        "SECRET_KEY": secret.read_text(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": database,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_URL": "dummycache://",
        # One server process for the whole run, so that its CPU time can be read.
        "DATABASE_CONN_MAX_AGE": "86400",
        "PAGE_CACHE_SECONDS": "600",
        "BENCHMARK_REFERENCE_VIEW": "true",
        "HTTPS": "false",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "kainuu_portal.settings",
    }


def create_database(url):
    """Create the database ``url`` names, as ``bench/run`` creates its own, when there is none."""
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(urlsplit(url)._replace(path="/postgres").geturl()) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        missing = found.fetchone() is None
    if missing:
        create_postgres_database(url, name)


def set_up(env, workdir, scale):
    marker = workdir / f"ready-{scale}x"
    if marker.exists():
        return
    if env["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        create_database(env["DATABASE_URL"])
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["generate_scale_data", f"--scale={scale}"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env={**os.environ, **env},
            check=True,
            stdout=subprocess.DEVNULL,
        )
    marker.write_text("")


def server_ns():
    """
    The CPU nanoseconds the PostgreSQL server process of this connection has used, when
    the server runs on this machine (its /proc entry); None otherwise or on SQLite.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
    except (OSError, ValueError):
        return None


def cpu_ms(client, path, count):
    """CPU ms per request of this process and of the database server's process (or None)."""
    server_started = server_ns()
    started = time.process_time()
    for _ in range(count):
        response = client.get(path)
    elapsed = time.process_time() - started
    server_finished = server_ns()
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    server = None
    if server_started is not None and server_finished is not None:
        server = (server_finished - server_started) / 1e6 / count
    return elapsed * 1000 / count, server


def queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def python_calls(client, path, count):
    """Python function calls per request: the same from run to run, whatever the load."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        client.get(path)
    profiler.disable()
    return pstats.Stats(profiler).total_calls / count


def main():
    args = parse_args()
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kainuu-cpu-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = environment(workdir)
    set_up(env, workdir, args.scale)
    os.environ.update(env)

    import django

    django.setup()
    from django.test import Client

    urls = page_type_urls()
    wanted = {name.strip() for name in args.pages.split(",") if name.strip()}
    if wanted:
        urls = {name: path for name, path in urls.items() if name in wanted}
    client = Client(HTTP_HOST="127.0.0.1")

    if args.profile:
        import cProfile
        import pstats

        path = urls[args.profile]
        client.get(path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            client.get(path)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(40)
        say(f"Own time by area, {args.profile}:")
        areas = {}
        for (filename, _line, _name), row in stats.stats.items():
            area = next((name for part, name in AREAS if part in filename), "other")
            areas[area] = areas.get(area, 0) + row[2]
        total = sum(areas.values())
        for area, seconds in sorted(areas.items(), key=lambda item: -item[1]):
            say(f"  {area:<32}{seconds / total:>7.1%}")
        return

    pages = {"minimal view (10 KB)": "/bench/reference/", **urls}
    for path in pages.values():
        client.get(path)  # warm up: templates compiled, addresses reversed once
    rounds = {name: [] for name in pages}
    server_rounds = {name: [] for name in pages}
    for _ in range(args.rounds):
        for name, path in pages.items():
            own, server = cpu_ms(client, path, args.requests)
            rounds[name].append(own)
            if server is not None:
                server_rounds[name].append(own + server)
    figures = {name: statistics.median(values) for name, values in rounds.items()}
    with_server = {
        name: statistics.median(values) for name, values in server_rounds.items() if values
    }
    calls = {name: python_calls(client, path, 3) for name, path in pages.items()}
    counts = {name: queries(client, path) for name, path in pages.items()}
    reference = figures["minimal view (10 KB)"]
    engine = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    say(
        f"{engine}, {args.scale}x content, nothing cached; CPU ms per request, median of "
        f"{args.rounds} rounds of {args.requests}; load average {os.getloadavg()[0]:.2f}"
    )
    if with_server:
        say(
            "'+ server' adds the CPU of the PostgreSQL server's process serving the requests; "
            "its ratio is the minimal view's time against that sum"
        )
    server_columns = f"{'+ server':>10}{'ratio':>8}" if with_server else ""
    say(
        f"{'page':<22}{'CPU ms':>9}{'ratio':>8}{server_columns}{'queries':>9}{'calls':>10}"
        f"{'ratio':>8}  goal (CPU ratio)"
    )
    for name, value in figures.items():
        ratio = reference / value
        if name in with_server:
            ratio = reference / with_server[name]
        if name == "minimal view (10 KB)":
            verdict = "(the yardstick)"
        else:
            goal = GOAL_UNCACHED_HOME if name == "home" else GOAL_UNCACHED
            verdict = "met" if ratio >= goal else f"missed (ratio >= {goal})"
        count = calls[name]
        server_figures = ""
        if name in with_server:
            server_figures = f"{with_server[name]:>10.2f}{ratio:>8.3f}"
        say(
            f"{name:<22}{value:>9.2f}{reference / value:>8.3f}{server_figures}"
            f"{counts[name]:>9}{count:>10.0f}"
            f"{calls['minimal view (10 KB)'] / count:>8.3f}  {verdict}"
        )
    if not args.workdir:
        say(f"(database kept in {workdir}; pass --workdir to reuse it)")


if __name__ == "__main__":
    main()
