"""Site-wide views: the home page, health check and machine-readable files."""

from datetime import timedelta

from django.db import connection
from django.db.models import Count, Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from priorities.models import CrossCuttingTheme, Priority, Programme, RegionKeySector
from regions.models import PopulationFigure, Region, Strength

from .publishing import live_condition


@require_safe
def home(request):
    """The home region at a glance: key figures, strengths, key sectors, current programme."""
    region = (
        Region.objects.live()
        .home()
        .annotate(
            municipality_count=Count("municipalities", filter=live_condition("municipalities__"))
        )
        .prefetch_related(
            Prefetch("strengths", queryset=Strength.objects.live()),
            Prefetch(
                "key_sectors",
                queryset=RegionKeySector.objects.live().select_related("sector"),
            ),
            Prefetch(
                "population_figures",
                queryset=PopulationFigure.objects.live().order_by("-year"),
            ),
        )
        .first()
    )
    programme = None
    if region is not None:
        programme = (
            Programme.objects.live()
            .current_for_region(region)
            .prefetch_related(
                Prefetch("priorities", queryset=Priority.objects.live()),
                Prefetch("themes", queryset=CrossCuttingTheme.objects.live()),
            )
            .first()
        )
    return render(request, "home.html", {"region": region, "programme": programme})


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
        "Contact: mailto:kirjaamo@kainuunliitto.fi",
        f"Expires: {expires.isoformat()}",
        "Preferred-Languages: fi, en, sv",
        f"Canonical: {request.build_absolute_uri(reverse('security-txt'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
