"""
What a visitor gets from PostgreSQL behind PgBouncer when the server freezes, stops or
restarts (see docs/performance.md). Not a test, and not part of the fault drill.

Starts its own PostgreSQL 15 cluster (initdb into a temporary folder, a spare port; as
the postgres user when run as root), PgBouncer in front of it as ``bench/run
--pgbouncer`` starts it, and gunicorn with deploy/gunicorn.conf.py and production
settings through it, nothing cached (CACHE_URL=dummycache://), so that every page needs
the database. Then: every PostgreSQL process stopped with SIGSTOP for 12 s while
requests arrive, SIGCONT; the server stopped, started; the server restarted; 35 s
without requests and frozen again. Prints the status and time of each request.

    .venv/bin/python bench/pgbouncer_frozen.py             through PgBouncer
    .venv/bin/python bench/pgbouncer_frozen.py --direct    the same without it, to compare

Needs PostgreSQL 15's programs (PG_BIN, default /usr/lib/postgresql/15/bin) and pgbouncer.
"""

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmark import create_postgres_database, fetch, gunicorn, manage, pgbouncer, say  # noqa: E402

from tests.helpers.postgres import OwnPostgres  # noqa: E402

PAGES = ["/en/", "/en/regions/", "/en/programmes/", "/api/v1/regions"]


def timed(base, path):
    started = time.monotonic()
    try:
        status = fetch(base + path)[0]
    except OSError as error:
        status = type(error).__name__
    return status, time.monotonic() - started


def show(label, answers):
    say(f"   {label}: " + ", ".join(f"{status} in {seconds:.2f} s" for status, seconds in answers))


def concurrently(base, paths):
    answers = [None] * len(paths)

    def one(n):
        answers[n] = timed(base, paths[n])

    threads = [threading.Thread(target=one, args=(n,)) for n in range(len(paths))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().split("\n\n")[0])
    parser.add_argument(
        "--direct", action="store_true", help="the app connects to PostgreSQL directly"
    )
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kainuu-pgbouncer-frozen-"))
    folder.chmod(0o755)
    postgres = OwnPostgres(folder)
    try:
        postgres.start()
        server = f"postgres://postgres@127.0.0.1:{postgres.port}/postgres"
        direct = create_postgres_database(server, "kainuu_frozen")
        with contextlib.nullcontext(direct) if options.direct else pgbouncer(direct) as pooled:
            say(f"PostgreSQL 15 on port {postgres.port}; the app connects to {pooled}")
            env = {
                **os.environ,
                "DEBUG": "false",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1",
                "DATABASE_URL": pooled,
                "CACHE_URL": "dummycache://",
                "STATIC_ROOT": str(folder / "static"),
                "MEDIA_ROOT": str(folder / "media"),
                "HTTPS": "false",
                "LOG_LEVEL": "WARNING",
            }
            manage(env, "migrate", "--noinput")
            manage(env, "load_demo_content")
            manage(env, "collectstatic", "--noinput")
            args = argparse.Namespace(shipped_config=True, workers=2, gunicorn_threads=None)
            with gunicorn(args, env, folder / "gunicorn.log") as base:
                say(f"gunicorn -c deploy/gunicorn.conf.py (2 workers) on {base}, nothing cached")
                run(base, postgres)
    finally:
        postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run(base, postgres):
    show("before", [timed(base, path) for path in PAGES * 2])

    frozen(base, postgres)

    say("\n== PostgreSQL stopped (pg_ctl stop -m fast), then started")
    postgres.pg_ctl("stop")
    show("stopped", [timed(base, path) for path in PAGES])
    show("/healthz", [timed(base, "/healthz")])
    postgres.pg_ctl("start")
    show("started", [timed(base, path) for path in PAGES * 2])

    say("\n== PostgreSQL restarted (pg_ctl restart -m fast) under the running app")
    postgres.pg_ctl("restart")
    show("restarted", [timed(base, path) for path in PAGES * 2])

    # PgBouncer tests a server connection left idle for server_check_delay (30 s) first.
    say("\n   35 s without requests")
    time.sleep(35)
    frozen(base, postgres)


def frozen(base, postgres):
    say("\n== every PostgreSQL process stopped (SIGSTOP) for 12 s")
    postgres.signal(signal.SIGSTOP)
    started = time.monotonic()
    try:
        show("one request", [timed(base, PAGES[0])])
        show("/healthz", [timed(base, "/healthz")])
        # More at once than gunicorn has threads (2 x 4) or PgBouncer kept connections.
        show("12 at once", concurrently(base, PAGES * 3))
        show("one more", [timed(base, PAGES[1])])
        time.sleep(max(0, 12 - (time.monotonic() - started)))
    finally:
        postgres.signal(signal.SIGCONT)
    say("   continued (SIGCONT)")
    show("after", [timed(base, path) for path in PAGES * 2])


if __name__ == "__main__":
    sys.exit(main())
