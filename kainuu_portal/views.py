"""Site-wide views: the home page, health check and machine-readable files."""

from datetime import timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from priorities.models import CrossCuttingTheme, Priority, Programme, RegionKeySector
from regions.models import PopulationFigure, Region, Strength

from . import search as site_search
from .publishing.api import LICENSE
from .publishing.models import visible

SEARCH_RESULTS_PER_PAGE = 20


@require_safe
def home(request):
    """The home region at a glance: key figures, strengths, key sectors, current programme."""
    region = (
        Region.objects.live()
        .home()
        .with_municipality_count()
        .prefetch_related(
            visible("strengths", Strength.objects),
            visible("key_sectors", RegionKeySector.objects.select_related("sector")),
            visible("population_figures", PopulationFigure.objects.order_by("-year")),
        )
        .first()
    )
    programme = None
    if region is not None:
        programme = (
            Programme.objects.live()
            .current_for_region(region)
            .prefetch_related(
                visible("priorities", Priority.objects),
                visible("themes", CrossCuttingTheme.objects),
            )
            .first()
        )
    return render(request, "home.html", {"region": region, "programme": programme})


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


@require_safe
def open_data(request):
    """How to reuse the portal's content: the API, its schema and licence, CSV and feeds."""
    programmes = list(Programme.objects.live().select_related("region")[:20])
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
    """The site's own 404 page; a JSON answer under /api/."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not Found"}, status=404)
    return defaults.page_not_found(request, exception)


@never_cache
@require_safe
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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
