import functools
from collections import namedtuple
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, InterfaceError, connections
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_info, override

from kainuu_portal.publishing.models import route, translated_value, translations
from kainuu_portal.publishing.statements import STAND_IN_TIME, Statement, now_for, stand_in_time
from pages.models import Page

# The council's facts for the footer, with its website's name as shown ("kainuunliitto.fi"):
# a named tuple, as the footer's markup is made once per language and council ({% fixed %}).
Council = namedtuple("Council", [*settings.COUNCIL, "website"])
COUNCIL = Council(**settings.COUNCIL, website=urlsplit(settings.COUNCIL["url"]).hostname)


def _url_in(request, code):
    """
    The current page in language ``code``: the item's own address in that language
    where the view named one (``show_in_languages``), else the same route with the
    language's path segments, else that language's home page.
    """
    page_url = getattr(request, "page_url_in_language", None)
    if page_url is not None:
        with override(code):
            return page_url()
    path = request.path
    url = _translated(request, path, code)
    if url == path and not path.startswith(f"/{code}/"):
        with override(code):
            url = reverse("home")
    return url


def _translated(request, path, code):
    """
    ``translate_url(path, code)``, from the route the request already resolved to (its
    address reversed once per language) instead of resolving the path again.
    """
    match = request.resolver_match
    if match is None or match.args or not match.url_name or request.path_info != path:
        return translate_url(path, code)
    try:
        with override(code):
            return route(match.view_name, **match.kwargs)
    except NoReverseMatch:
        return path


@functools.cache
def _local_name(code):
    """The language's own name for itself ("suomi")."""
    return get_language_info(code)["name_local"]


def _section(request):
    """The main-menu section the current page belongs to, for aria-current."""
    match = request.resolver_match
    if match is None:
        return ""
    if match.url_name == "home":
        return "home"
    if match.namespace == "priorities":
        return "sectors" if match.url_name.startswith("sector") else "programmes"
    return match.namespace


def _absolute(request, url):
    """``url`` with scheme and host; as it is when the request's host is not allowed (a 400)."""
    try:
        return request.build_absolute_uri(url)
    except DisallowedHost:
        return url


@functools.cache
def _footer_statement(using):
    # Every page runs this query: compiled once per process, run with each request's time.
    pages = Page.objects.in_footer(now=STAND_IN_TIME).values(*translations("slug", "title"))
    return Statement(pages, [stand_in_time(connections[using])], using)


def _footer_pages():
    """The footer's links: each live footer page's address and title in the active language."""
    using = Page.objects.db
    return [
        {
            "url": Page.address.url({"slug": translated_value(row, "slug")}),
            "title": translated_value(row, "title"),
        }
        for row in _footer_statement(using).rows(now_for(connections[using]))
    ]


def _footer_pages_if_available():
    """The footer's pages, or none when the database does not answer: for the error pages."""
    try:
        return _footer_pages()
    except (DatabaseError, InterfaceError):
        return []


def _page_languages(request):
    """The current page in each language: its code, the language's name, its addresses."""
    return [
        {
            "code": code,
            "name": _local_name(code),
            "url": (url := _url_in(request, code)),
            "absolute_url": _absolute(request, url),
        }
        for code, _name in settings.LANGUAGES
    ]


def site(request):
    """
    What every page's layout needs: footer pages and the page in each language.

    Only the footer's pages come from the database, when a template uses them:
    ``footer_pages`` on ordinary pages (a database error there is the page's, and
    answers 503), ``footer_pages_if_available`` on the error pages (base_error.html),
    which render without the database. The page's addresses in each language are also
    made only when a template reads them: the sitemap does not.
    """
    return {
        "council": COUNCIL,
        "footer_pages": SimpleLazyObject(_footer_pages),
        "footer_pages_if_available": SimpleLazyObject(_footer_pages_if_available),
        "page_languages": SimpleLazyObject(functools.partial(_page_languages, request)),
        "section": _section(request),
    }
