from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from . import views
from .sitemaps import sitemaps

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path(_("regions/"), include("regions.urls")),
    path(_("pages/"), include("pages.urls")),
    path("", include("priorities.urls")),
    prefix_default_language=True,
)

if settings.BENCHMARK_REFERENCE_VIEW:
    # The benchmark's yardstick (bench/run): constant HTML under the same middleware.
    urlpatterns += [path("bench/reference/", views.benchmark_reference)]

if settings.DEBUG:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
