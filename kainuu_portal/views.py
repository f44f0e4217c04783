"""Site-wide views: the home page, health check, error pages and machine-readable files."""

import functools
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError, connection, connections
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe
from modeltranslation.utils import get_language as translation_language

from priorities.models import (
    CrossCuttingTheme,
    Priority,
    Programme,
    RegionKeySector,
    period_state,
)
from regions.models import PopulationFigure, Region, Strength

from . import search as site_search
from .middleware import DatabaseUnavailableMiddleware
from .publishing.api import LICENSE
from .publishing.models import translated_value, translations
from .publishing.statements import STAND_IN_TIME, Statement, now_for, stand_in_time
from .publishing.views import reads_query

SEARCH_RESULTS_PER_PAGE = 20
# The type= parameter of each kind of result, as urlencode() writes it after the q= one.
SEARCH_TYPES = {kind.name: urlencode({"type": kind.name}) for kind in site_search.KINDS}


# Stand-ins for the ids and the year the home page's statements are run with: no row
# has a negative id, no programme starts in a negative year.
REGION_ID, PROGRAMME_ID, YEAR = -1_000_000_001, -1_000_000_002, -1_000_000_003


@functools.cache
def _home_statements(using):
    """
    The home page's queries, compiled once per process with stand-ins for the time, the
    year and the ids of the home region and its current programme; each reads only the
    columns home.html shows. The children leave out the live check of their region
    and programme, just read as live, as a prefetch of live rows does.
    """
    now = STAND_IN_TIME
    of_region = {"known_live": ("region",), "now": now}
    of_programme = {"known_live": ("programme", "programme__region"), "now": now}
    queries = {
        "region": Region.objects.live(now=now)
        .home()
        .with_municipality_count(now=now)
        .order_by()
        .values(
            "id",
            "area_km2",
            "area_year",
            "municipality_count",
            *translations("name", "slug", "summary", "administrative_centre"),
        )[:1],
        "strengths": Strength.objects.live(**of_region)
        .filter(region=REGION_ID)
        .values(*translations("title", "description")),
        "key_sectors": RegionKeySector.objects.live(**of_region)
        .filter(region=REGION_ID)
        .values(*translations("sector__name", "sector__slug", "sector__summary")),
        "figure": PopulationFigure.objects.live(**of_region)
        .filter(region=REGION_ID)
        .order_by("-year")
        .values("year", "value", "is_approximate", "is_preliminary", *translations("source"))[:1],
        "programme": Programme.objects.live(**of_region)
        .current_for_region(REGION_ID, YEAR)
        .values("id", "start_year", "end_year", *translations("title", "slug", "summary"))[:1],
        "priorities": Priority.objects.live(**of_programme)
        .filter(programme=PROGRAMME_ID)
        .values(*translations("title", "slug")),
        "themes": CrossCuttingTheme.objects.live(**of_programme)
        .filter(programme=PROGRAMME_ID)
        .values(*translations("title")),
    }
    stand_ins = [stand_in_time(connections[using]), REGION_ID, PROGRAMME_ID, YEAR]
    return {name: Statement(query, stand_ins, using) for name, query in queries.items()}


def _home_region():
    """
    What home.html shows of the home region and its current programme, as dicts with
    each text in the active language: None when there is no live home region.
    """
    using = Region.objects.db
    statements = _home_statements(using)
    values = now_for(connections[using]) | {YEAR: timezone.localdate().year}
    regions = statements["region"].rows(values)
    if not regions:
        return None, None
    row = regions[0]
    values[REGION_ID] = row["id"]
    # The active language looked up once: as the translation app reads it for the
    # texts, as Django does for the addresses.
    language, url_language = translation_language(), get_language()
    region_slug = translated_value(row, "slug", language)
    sector_url = RegionKeySector.address.urls_of(url_language)
    region = {
        "name": translated_value(row, "name", language),
        "summary": translated_value(row, "summary", language),
        "administrative_centre": translated_value(row, "administrative_centre", language),
        "area_km2": row["area_km2"],
        "area_year": row["area_year"],
        "municipality_count": row["municipality_count"],
        "url": Region.address.url({"slug": region_slug}, url_language),
        "figure": next(
            (
                figure | {"source": translated_value(figure, "source", language)}
                for figure in statements["figure"].rows(values)
            ),
            None,
        ),
        "strengths": [
            {
                "title": translated_value(strength, "title", language),
                "description": translated_value(strength, "description", language),
            }
            for strength in statements["strengths"].rows(values)
        ],
        "key_sectors": [
            {
                "name": translated_value(sector, "sector__name", language),
                "summary": translated_value(sector, "sector__summary", language),
                "url": sector_url(sector),
            }
            for sector in statements["key_sectors"].rows(values)
        ],
    }
    programmes = statements["programme"].rows(values)
    if not programmes:
        return region, None
    row = programmes[0]
    values[PROGRAMME_ID] = row["id"]
    slugs = {"region_slug": region_slug, "programme_slug": translated_value(row, "slug", language)}
    programme = {
        "title": translated_value(row, "title", language),
        "summary": translated_value(row, "summary", language),
        "start_year": row["start_year"],
        "end_year": row["end_year"],
        # As Programme.period writes it.
        "period": f"{row['start_year']}–{row['end_year']}",
        "period_state": period_state(row["start_year"], row["end_year"], values[YEAR]),
        "url": Programme.address.url(
            {"region_slug": region_slug, "slug": slugs["programme_slug"]}, url_language
        ),
        "priorities": [
            {
                "title": translated_value(priority, "title", language),
                "url": Priority.address.url(
                    slugs | {"slug": translated_value(priority, "slug", language)}, url_language
                ),
            }
            for priority in statements["priorities"].rows(values)
        ],
        "themes": [
            translated_value(theme, "title", language)
            for theme in statements["themes"].rows(values)
        ],
    }
    return region, programme


@reads_query()
@require_safe
def home(request):
    """The home region at a glance: key figures, strengths, key sectors, current programme."""
    region, programme = _home_region()
    return render(request, "home.html", {"region": region, "programme": programme})


@reads_query("q", "type", "page")
@require_safe
def search(request):
    """
    Search the live content in the active language: ranked results grouped by
    type, matched words marked, 20 a page. ``type`` narrows to one type.
    """
    query = site_search.parse_query(request.GET.get("q", ""))
    kind = site_search.KINDS_BY_NAME.get(request.GET.get("type", ""))
    language = get_language()
    results = site_search.search(query, language)
    hits = [hit for hit in results.hits if kind is None or hit.kind == kind]
    page = Paginator(hits, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    page_hits = site_search.fill(list(page.object_list), query, language)
    groups = {}
    for hit in page_hits:
        groups.setdefault(hit.kind, []).append(hit)
    q_parameter = urlencode({"q": query.text})
    # Each label translated once, here, rather than as a lazy text in the template.
    facets = [
        {
            "label": str(facet_kind.label),
            "count": localize(results.counts[facet_kind.name]),
            "url": f"?{q_parameter}&{SEARCH_TYPES[facet_kind.name]}",
            "is_current": facet_kind == kind,
        }
        for facet_kind in site_search.KINDS
        if facet_kind.name in results.counts
    ]
    context = {
        "query": query,
        "kind": kind,
        "results": results,
        "total": len(hits),
        "page_obj": page,
        "groups": [
            {"name": group_kind.name, "label": str(group_kind.label), "hits": group}
            for group_kind, group in groups.items()
        ],
        "facets": facets,
        "all_url": f"?{q_parameter}",
        "query_string": f"{q_parameter}&{SEARCH_TYPES[kind.name]}" if kind else q_parameter,
        "max_length": site_search.MAX_QUERY_LENGTH,
        "max_results": site_search.MAX_RESULTS,
    }
    return render(request, "search.html", context)


OPEN_DATA_PROGRAMMES = 20


@functools.cache
def _open_data_programmes(using, language):
    """
    The live programmes the open data page links the CSV files of, compiled once per
    process and language (the order by the region's name) with a stand-in for the time.
    """
    programmes = Programme.objects.live(now=STAND_IN_TIME).values(
        "start_year",
        "end_year",
        *translations("title", "region__name"),
        *Programme.csv_address.columns(),
    )[:OPEN_DATA_PROGRAMMES]
    return Statement(programmes, [stand_in_time(connections[using])], using)


def _open_data_csv_files():
    """What open_data.html lists of each programme: its CSV file, title, region and period."""
    using = Programme.objects.db
    url_language, language = get_language(), translation_language()
    rows = _open_data_programmes(using, url_language).rows(now_for(connections[using]))
    csv_url = Programme.csv_address.urls_of(url_language)
    return [
        {
            "csv_url": csv_url(row),
            "title": translated_value(row, "title", language),
            "region": translated_value(row, "region__name", language),
            # As Programme.period writes it.
            "period": f"{row['start_year']}–{row['end_year']}",
        }
        for row in rows
    ]


@reads_query()
@require_safe
def open_data(request):
    """How to reuse the portal's content: the API, its schema and licence, CSV and feeds."""
    api_root = request.build_absolute_uri("/api/v1/")
    return render(
        request,
        "open_data.html",
        {
            "programmes": _open_data_csv_files(),
            "api_root": api_root,
            "license": LICENSE,
            "feed_url": reverse("feed"),
        },
    )


def page_not_found(request, exception):
    """
    The site's own 404 page, which needs no database (base_error.html); a JSON answer
    under /api/. While the database is away the redirect lookup after it fails, and
    ``server_error`` answers 503: the address may be an old one that redirects.
    """
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not Found"}, status=404)
    try:
        return defaults.page_not_found(request, exception)
    except (OperationalError, InterfaceError) as error:
        return DatabaseUnavailableMiddleware.response(request, error)


@requires_csrf_token
def server_error(request):
    """
    The site's own 500 page (static: it needs nothing). When what failed was reaching
    the database outside a view, in a middleware that reads the session or the old
    addresses, the 503 of an outage with Retry-After instead.
    """
    error = sys.exception()
    if isinstance(error, (OperationalError, InterfaceError)):
        return DatabaseUnavailableMiddleware.response(request, error)
    return defaults.server_error(request)


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    finally:
        connection.close()  # This thread's own connection.


def _cache_answers():
    cache = caches[settings.PAGE_CACHE_ALIAS]
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, 1, 5)
    return cache.get(key) == 1


# Each check runs in a thread of its own, so that a stalled server costs the health
# check HEALTH_CHECK_SECONDS at most; a check that hangs finishes in its thread later.
HEALTH_CHECK_SECONDS = 0.8
HEALTH_CHECKS = {"database": _database_answers, "cache": _cache_answers}
_health_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="healthz")


@never_cache
@require_safe
def healthz(request):
    """
    For load balancers and monitoring, within a second: 200 when the database and
    the cache answer; 503 naming the one that failed ("unavailable") or did not
    answer in time ("timeout").
    """
    futures = {name: _health_pool.submit(check) for name, check in HEALTH_CHECKS.items()}
    done, _pending = wait(futures.values(), timeout=HEALTH_CHECK_SECONDS)
    report = {}
    for name, future in futures.items():
        if future not in done:
            report[name] = "timeout"
        elif future.exception() is not None or not future.result():
            report[name] = "unavailable"
        else:
            report[name] = "ok"
    healthy = all(value == "ok" for value in report.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **report}, status=200 if healthy else 503
    )


# 10 KB of constant HTML, the size of a small page of the site.
BENCHMARK_REFERENCE_PAGE = (
    '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
    "<title>Reference page</title></head>\n<body>\n"
    + "<p>A constant paragraph of text that stands in for the content of a page.</p>\n" * 130
    + "</body>\n</html>\n"
)


# The largest body the reference view writes when asked for a size.
BENCHMARK_REFERENCE_MAX_BYTES = 10_000_000


@reads_query("bytes")
@require_safe
def benchmark_reference(request):
    """
    A minimal view for the benchmark (bench/run): constant HTML, no query, no template.
    With ``?bytes=N``, the same text repeated to N bytes: what a page of that size costs
    before any work of its own.
    """
    size = request.GET.get("bytes")
    if size is None:
        return HttpResponse(BENCHMARK_REFERENCE_PAGE)
    if not (size.isascii() and size.isdigit() and 0 < int(size) <= BENCHMARK_REFERENCE_MAX_BYTES):
        return HttpResponseBadRequest(
            f"bytes: a whole number from 1 to {BENCHMARK_REFERENCE_MAX_BYTES}",
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(_reference_body(int(size)))


@functools.lru_cache(maxsize=8)
def _reference_body(size):
    repeats = size // len(BENCHMARK_REFERENCE_PAGE) + 1
    return (BENCHMARK_REFERENCE_PAGE * repeats)[:size]


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def security_txt(request):
    """RFC 9116: where to report a vulnerability."""
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{settings.COUNCIL['email']}",
        f"Expires: {expires.isoformat()}",
        "Preferred-Languages: fi, en, sv",
        f"Canonical: {request.build_absolute_uri(reverse('security-txt'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on pages without an icon link, such as the admin's."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
