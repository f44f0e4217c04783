from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from priorities.views import programme_document

from . import views
from .api import api_urls
from .feeds import UpdatesFeed
from .publishing.views import reads_query
from .sitemaps import sitemaps

handler404 = "kainuu_portal.views.page_not_found"
handler500 = "kainuu_portal.views.server_error"

# The admin marks its password form cacheable; it is one user's page: no-store. (Before
# admin.site.urls below, which reads the view from the site.)
admin.site.password_change = never_cache(admin.site.password_change)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    # Browsers ask for /favicon.ico on pages without an icon link, such as the admin's.
    path("favicon.ico", views.favicon, name="favicon"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path(
        "sitemap.xml",
        reads_query("p")(require_safe(sitemap)),
        {"sitemaps": sitemaps},
        name="sitemap",
    ),
    path("documents/<path:name>", programme_document, name="document"),
    # Password reset by e-mail, under the admin's address (kainuu_portal/signin/urls.py).
    path("admin/", include("kainuu_portal.signin.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api_urls()),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path(_("search/"), views.search, name="search"),
    path(_("open-data/"), views.open_data, name="open-data"),
    path(_("feed/"), UpdatesFeed(), name="feed"),
    path(_("regions/"), include("regions.urls")),
    path(_("pages/"), include("pages.urls")),
    path("", include("priorities.urls")),
    prefix_default_language=True,
)

if settings.BENCHMARK_REFERENCE_VIEW:
    # The benchmark's yardstick (bench/run): constant HTML under the same middleware.
    urlpatterns += [path("bench/reference/", views.benchmark_reference)]

if settings.DEBUG and not settings.OBJECT_STORAGE:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
