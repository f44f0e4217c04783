"""The site's URLs plus a few views with special responses, for the page-cache tests."""

from itertools import count

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from kainuu_portal.publishing.views import reads_query
from kainuu_portal.urls import urlpatterns as site_urlpatterns
from pages.models import Page

renders = count(1)


def counter(request):
    return HttpResponse(f"<p>render {next(renders)}</p>")


@reads_query("page")
def reads_page(request):
    return counter(request)


def sets_cookie(request):
    response = counter(request)
    response.set_cookie("seen", "yes")
    return response


def uses_nonce(request):
    return HttpResponse(f'<script nonce="{get_nonce(request)}">let n = {next(renders)};</script>')


@never_cache
def not_cacheable(request):
    return counter(request)


def varies_on_language(request):
    response = HttpResponse(f"<p>{request.headers.get('Accept-Language', '')}</p>")
    patch_vary_headers(response, ["Accept-Language"])
    return response


def varies_on_everything(request):
    response = counter(request)
    patch_vary_headers(response, ["*"])
    return response


def not_found(request):
    return HttpResponse(f"<p>render {next(renders)}</p>", status=404)


def rename_pages_in_bulk(request):
    """Like an admin bulk action or a reorder: an update() that sends no signal."""
    Page.objects.update(title_en="Renamed in bulk")
    return HttpResponse("done")


urlpatterns = [
    path("test/rename-pages/", rename_pages_in_bulk),
    *i18n_patterns(
        path("test/counter/", counter),
        path("test/reads-page/", reads_page),
        path("test/cookie/", sets_cookie),
        path("test/nonce/", uses_nonce),
        path("test/never/", not_cacheable),
        path("test/vary-language/", varies_on_language),
        path("test/vary-star/", varies_on_everything),
        path("test/not-found/", not_found),
        prefix_default_language=True,
    ),
    *site_urlpatterns,
]
