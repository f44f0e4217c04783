"""Site-wide views: the home page, health check and machine-readable files."""

from datetime import timedelta

from django.db import connection
from django.db.models import Count, Prefetch
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
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


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on pages without an icon link, such as the admin's."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
