"""Site-wide views: the home page, health check, error pages and machine-readable files."""

import sys
import uuid
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from priorities.models import CrossCuttingTheme, Priority, Programme, RegionKeySector
from regions.models import PopulationFigure, Region, Strength

from . import search as site_search
from .middleware import DatabaseUnavailableMiddleware
from .publishing.api import LICENSE
from .publishing.models import visible
from .publishing.views import reads_query

SEARCH_RESULTS_PER_PAGE = 20


@reads_query()
@require_safe
def home(request):
    """The home region at a glance: key figures, strengths, key sectors, current programme."""
    # What home.html shows of each, no more: the columns of every translation of the
    # texts make the rows wide.
    region = (
        Region.objects.live()
        .home()
        .with_municipality_count()
        .only("name", "slug", "summary", "administrative_centre", "area_km2", "area_year")
        .prefetch_related(
            visible("strengths", Strength.objects.only("region", "title", "description")),
            visible(
                "key_sectors",
                RegionKeySector.objects.select_related("sector").only(
                    "region", "sector__name", "sector__slug", "sector__summary"
                ),
            ),
            visible(
                "population_figures",
                PopulationFigure.objects.order_by("-year").only(
                    "region", "year", "value", "is_approximate", "is_preliminary", "source"
                ),
            ),
        )
        .order_by()  # at most one home region: none of the model's order to sort by
        .first()
    )
    programme = None
    if region is not None:
        programme = (
            Programme.objects.live(known_live=("region",))  # the region's, which is live
            .current_for_region(region)
            .only("region", "title", "slug", "start_year", "end_year", "summary")
            .prefetch_related(
                visible("priorities", Priority.objects.only("programme", "title", "slug")),
                visible("themes", CrossCuttingTheme.objects.only("programme", "title")),
            )
            .first()
        )
        if programme is not None:
            programme.region = region  # for the addresses, without a query
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
    base_query = {"q": query.text}
    facets = [
        {
            "kind": facet_kind,
            "count": results.counts[facet_kind.name],
            "url": "?" + urlencode(base_query | {"type": facet_kind.name}),
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
        "groups": [{"kind": group_kind, "hits": group} for group_kind, group in groups.items()],
        "facets": facets,
        "all_url": "?" + urlencode(base_query),
        "query_string": urlencode(base_query | ({"type": kind.name} if kind else {})),
        "max_length": site_search.MAX_QUERY_LENGTH,
        "max_results": site_search.MAX_RESULTS,
    }
    return render(request, "search.html", context)


@reads_query()
@require_safe
def open_data(request):
    """How to reuse the portal's content: the API, its schema and licence, CSV and feeds."""
    programmes = list(
        Programme.objects.live()
        .select_related("region")
        .only("title", "slug", "start_year", "end_year", "region__name", "region__slug")[:20]
    )
    api_root = request.build_absolute_uri("/api/v1/")
    return render(
        request,
        "open_data.html",
        {
            "programmes": programmes,
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


@require_safe
def benchmark_reference(request):
    """A minimal view for the benchmark (bench/run): constant HTML, no query, no template."""
    return HttpResponse(BENCHMARK_REFERENCE_PAGE)


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
