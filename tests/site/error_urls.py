"""The site's URLs and error handlers, plus a page that is forbidden and one that fails."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from kainuu_portal import urls as site

handler404 = site.handler404
handler500 = site.handler500


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("simulated failure")


urlpatterns = [
    *i18n_patterns(
        path("test/forbidden/", forbidden),
        path("test/broken/", broken),
        prefix_default_language=True,
    ),
    *site.urlpatterns,
]
