"""
Search and the query budget as content grows a hundredfold (see docs/performance.md).
Not a test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kainuu_portal \\
        .venv/bin/python bench/search_scale.py

On two new databases of that PostgreSQL server (created and dropped here), one with the
demo content (1x) and one with it and ``generate_scale_data --scale 100``, it times
searches of common words (median of repeated requests through Django's test client,
nothing cached, in rounds that take the two databases in turns, so that the machine's
other work weighs on both sizes alike) and counts the queries of the search and of every
other page type that ``bench/run`` and ``bench/cpu.py`` measure (``page_type_urls``; the
comparison of periods only where the content has two), then prints the ratio 100x / 1x.
The goals: a search within 1.5x of its time at 1x, the same number of queries, and every
page within the budget of 8.
Options: --scale (100), --rounds (5), --repeat (10 requests a round).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from benchmark import (  # noqa: E402
    create_postgres_database,
    drop_postgres_database,
    page_type_urls,
)

WORDS = {"en": ["kainuu", "tourism"], "fi": ["kainuu", "matkailu"]}
GOAL_TIME, BUDGET = 1.5, 8


def say(line):
    sys.stdout.write(f"{line}\n")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    return parser.parse_args()


def query_counts(client, urls):
    """``{page: {"queries": n, "hits": n}}`` of each of ``urls`` on the connected database."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    figures = {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        # Counted now: the captured list is read from the connection's log, which the
        # next request empties.
        count = len(queries)
        assert response.status_code == 200, (url, response.status_code)
        hits = response.content.decode().count('class="result-title"')
        figures[name] = {"queries": count, "hits": hits}
    return figures


def timings(client, urls, repeat, into):
    """Add ``repeat`` times of each search of ``urls`` (page and ranking) to ``into``."""
    for name, url in urls.items():
        if not name.startswith("search"):
            continue
        for _ in range(3):  # warm: the database's caches, the process's
            client.get(url)
        times = into.setdefault(name, {"ms": [], "ranking ms": []})
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url)
            times["ms"].append(time.perf_counter() - started)
        times["ranking ms"] += ranking_times(name, repeat)


def use_database(url):
    """Connect Django's default connection to ``url``'s database from the next query on."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = urlsplit(url).path.lstrip("/")


def ranking_times(name, repeat):
    """
    ``repeat`` times of the search itself (every live match ranked: the part that could
    grow with the content), without the page that shows the first 20 of them.
    """
    from django.utils.translation import override

    from kainuu_portal import search

    _search, language, word = name.split()
    query = search.parse_query(word)
    times = []
    with override(language):
        for _ in range(repeat):
            started = time.perf_counter()
            search.search(query, language)
            times.append(time.perf_counter() - started)
    return times


def page_urls():
    """The searches of ``WORDS``, then every other page type that the benchmarks measure."""
    from django.urls import reverse
    from django.utils.translation import override

    urls = {}
    for language, words in WORDS.items():
        with override(language):
            for word in words:
                urls[f"search {language} {word}"] = f"{reverse('search')}?q={word}"
    for name, url in page_type_urls().items():
        if name != "search":
            urls[name] = url
    return urls


def main():
    args = parse_args()
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server: the stored vectors are its.")
    one_name = f"kainuu_search_bench_{os.getpid()}_1x"
    many_name = f"kainuu_search_bench_{os.getpid()}_{args.scale}x"
    for name in (one_name, many_name):
        drop_postgres_database(server, name)
    one_url = create_postgres_database(server, one_name)
    many_url = create_postgres_database(server, many_name)
    os.environ.update(
        DATABASE_URL=one_url,
        # The test settings: plain static files (no collectstatic) and no page cache.
        DJANGO_SETTINGS_MODULE="kainuu_portal.test_settings",
        DEBUG="false",
        ALLOWED_HOSTS="testserver",
        LOG_LEVEL="WARNING",
    )
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        client = Client()
        for url in (one_url, many_url):
            use_database(url)
            call_command("migrate", verbosity=0, interactive=False)
            call_command("load_demo_content", verbosity=0)
        urls = page_urls()
        started = time.perf_counter()
        call_command("generate_scale_data", f"--scale={args.scale}", verbosity=0)
        generated = time.perf_counter() - started
        # Each size on a new connection, as a host has within DATABASE_CONN_MAX_AGE: the
        # statements a connection keeps prepared hold plans made for its tables.
        use_database(one_url)
        at_1x = query_counts(client, urls)
        use_database(many_url)
        at_nx = query_counts(client, urls)
        # The two sizes in turns, so that a change in the machine's speed during the run
        # (other work, its clock) weighs on both alike.
        times_1x, times_nx = {}, {}
        for _ in range(args.rounds):
            for url, into in ((one_url, times_1x), (many_url, times_nx)):
                use_database(url)
                timings(client, urls, args.repeat, into)
        from django.db import connection

        connection.close()
    finally:
        drop_postgres_database(server, one_name)
        drop_postgres_database(server, many_name)
    for figures, times in ((at_1x, times_1x), (at_nx, times_nx)):
        for name, figure in figures.items():
            for key in ("ms", "ranking ms"):
                samples = times.get(name, {}).get(key)
                figure[key] = statistics.median(samples) * 1000 if samples else None

    say(
        f"PostgreSQL, 1x and {args.scale}x content (generated in {generated:.0f} s); "
        f"medians of {args.rounds} rounds of {args.repeat} requests, the two sizes in turns; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    say(
        f"{'page':<28}{'queries 1x':>11}{f'{args.scale}x':>6}{'hits 1x':>9}{f'{args.scale}x':>6}"
        f"{'ms 1x':>9}{f'ms {args.scale}x':>10}{'ratio':>7}"
        f"{'ranking 1x':>12}{f'{args.scale}x':>7}{'ratio':>7}  goal"
    )
    for page, one in at_1x.items():
        many = at_nx[page]
        fine = one["queries"] == many["queries"] <= BUDGET
        ratio = ""
        timing = ""
        if one["ms"] is not None:
            value = many["ms"] / one["ms"]
            ratio = f"{value:.2f}"
            timing = f"{one['ms']:>9.1f}{many['ms']:>10.1f}"
            fine = fine and value <= GOAL_TIME
        else:
            timing = f"{'':>9}{'':>10}"
        ranking = f"{'':>26}"
        if one["ranking ms"] is not None:
            ranking_ratio = many["ranking ms"] / one["ranking ms"]
            ranking = f"{one['ranking ms']:>12.1f}{many['ranking ms']:>7.1f}{ranking_ratio:>7.2f}"
        verdict = "met" if fine else "missed"
        hits = f"{one['hits']:>9}{many['hits']:>6}" if page.startswith("search") else " " * 15
        counts = f"{one['queries']:>11}{many['queries']:>6}"
        say(f"{page:<28}{counts}{hits}{timing}{ratio:>7}{ranking}  {verdict}")
    say(
        f"Goals: the same number of queries at 1x and {args.scale}x, at most {BUDGET}; "
        f"a search within {GOAL_TIME}x of its time at 1x. Ranking: the search's own query "
        "(every live match ranked), without the page showing the first 20 results; "
        "hits: results on that page."
    )


if __name__ == "__main__":
    main()
