"""
The page cache: whole public pages for anonymous visitors, fresh on every host.

What is cached
    Successful (200) GET responses under the paths in ``PAGE_CACHE_PATH_PREFIXES``
    (the language prefixes /fi/, /en/ and /sv/, /api/ and /sitemap.xml), for
    requests without a session cookie, a messages cookie or an Authorization
    header: visitors, not staff. A response is not stored when it sets a cookie,
    says ``private``, ``no-store`` or ``no-cache`` (draft previews do), varies on
    everything (``Vary: *``), used the per-request CSP nonce or is larger than
    ``PAGE_CACHE_MAX_ENTRY_BYTES``. HEAD requests are answered from the GET entry.

The key
    Scheme, host, path, the query parameters the view reads and the code release
    (a hash of the templates, code and catalogues, so a deploy never serves pages
    rendered by the previous release). A view declares the parameters it reads
    with ``kainuu_portal.publishing.views.reads_query``; a list view reads its page
    parameter; the API's operations read the query parameters of their schema. The
    view is given only those parameters, so junk such as ``?utm=...`` neither makes
    an entry of its own nor reaches the page. A function view that declares nothing
    is cached only without a query string. Only a host named in ``ALLOWED_HOSTS``
    exactly as it is written there (with no port, or the server's own) is cached:
    host variants are rendered, never stored.

How it is kept fresh
    Every entry records the *content version* it was rendered under: a number in
    the database (``ContentVersion``), bumped in the same transaction as every save
    or delete of a ``Publishable`` model or a ``Redirect``, or a change to the
    many-to-many relations of content (signals), after any successful write request
    by staff (this also covers admin bulk updates and reordering that bypass
    signals), by ``clear_page_cache``, and
    when the next scheduled publish-at or unpublish-at time passes or the day changes.
    A saving transaction takes the version row's lock before it writes its first
    content row (``pre_save``), so that two editors' saves wait for each other rather
    than deadlock on that row. Each process reads the number at most once every
    ``PAGE_CACHE_VERSION_SECONDS`` (a second): an edit on any host, saved while the
    cache was unreachable or not, is seen on every host within that time. An entry of
    another version is ignored.

When a dependency fails
    Database unavailable: the version cannot be read, so entries are served
    whatever their version, marked ``X-Page-Cache: stale`` (a page not in the cache
    goes to its view, which answers 503 if the database still fails); a new read is
    tried after ``PAGE_CACHE_RETRY_SECONDS``.
    Cache unavailable: pages are rendered without it, and it is tried again after
    ``PAGE_CACHE_RETRY_SECONDS``.
"""

import functools
import hashlib
import logging
import sys
import threading
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, transaction
from django.db.models import F
from django.http import HttpResponse, QueryDict
from django.http.request import split_domain_port
from django.middleware.csp import get_nonce
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone, translation
from django.utils.http import split_directive_names, split_header_value

from .middleware import set_response_etag
from .models import ContentVersion
from .publishing.models import Publishable, Redirect, Status

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
UNSAFE_CACHE_CONTROL = {"private", "no-store", "no-cache"}
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".json", ".mo", ".css", ".js", ".svg"}


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# --- The content version -------------------------------------------------------


def publishable_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def next_scheduled_change(now=None):
    """
    The earliest publish-at or unpublish-at time still to come among published
    content, or None: the moment a page may change without anyone saving anything.
    """
    now = now or timezone.now()
    parts = [
        model._base_manager.filter(status=Status.PUBLISHED, **{f"{field}__gt": now})
        .order_by()
        .annotate(moment=F(field))
        .values_list("moment", flat=True)
        for model in publishable_models()
        for field in ("publish_at", "unpublish_at")
    ]
    if not parts:
        return None
    times = parts[0].union(*parts[1:], all=True).order_by("moment")[:1]
    return next(iter(times), None)


def _next_midnight(now):
    today = timezone.localtime(now).date()
    return timezone.make_aware(datetime.combine(today + timedelta(days=1), clock_time()))


def _valid_until(now):
    scheduled = next_scheduled_change(now)
    midnight = _next_midnight(now)
    return midnight if scheduled is None else min(midnight, scheduled)


def _read_version():
    """The current version from the database, after moving it on if its time has passed."""
    row = ContentVersion.current()
    now = timezone.now()
    if row.valid_until is not None and now < row.valid_until:
        return row.version, row.valid_until
    changes = {"valid_until": _valid_until(now)}
    if row.valid_until is not None:
        changes["version"] = row.version + 1
    # Compare and set: when several processes see the time pass, one of them moves it on.
    if ContentVersion.objects.filter(
        pk=row.pk, version=row.version, valid_until=row.valid_until
    ).update(**changes):
        return changes.get("version", row.version), changes["valid_until"]
    row.refresh_from_db()
    return row.version, row.valid_until


class _VersionReader:
    """This process's knowledge of the content version: read at most once a period."""

    def __init__(self):
        self._lock = threading.Lock()
        self.forget()

    def forget(self):
        self.version = None
        self.valid_until = None
        self.read_at = -float("inf")
        self.failed_at = -float("inf")

    def get(self):
        """``(version, fresh)``: ``fresh`` is False when the database could not be asked."""
        now = time.monotonic()
        with self._lock:
            expired = self.valid_until is not None and timezone.now() >= self.valid_until
            if not expired and now - self.read_at < settings.PAGE_CACHE_VERSION_SECONDS:
                return self.version, True
            if now - self.failed_at < settings.PAGE_CACHE_RETRY_SECONDS:
                return self.version, False
        try:
            version, valid_until = _read_version()
        except DatabaseError:
            logger.warning(
                "The page cache could not read the content version: database unavailable"
            )
            with self._lock:
                self.failed_at = time.monotonic()
            return self.version, False
        with self._lock:
            self.version, self.valid_until, self.read_at = version, valid_until, now
            self.failed_at = -float("inf")
        return version, True


versions = _VersionReader()


def invalidate(using=None):
    """Start a new content version: every cached page on every host is stale from now on."""
    ContentVersion.bump(using)
    _forget_on_commit(using)


def _forget_on_commit(using=None):
    # This process reads the version again at once and after the commit (a request
    # in another thread may have read the old one meanwhile); other processes within
    # PAGE_CACHE_VERSION_SECONDS.
    versions.forget()
    transaction.on_commit(versions.forget, using=using)


# --- The cache, and when it is away --------------------------------------------


class _CacheGuard:
    """After a cache failure, leave the cache alone for a while instead of waiting on it."""

    down_until = -float("inf")

    def available(self):
        return time.monotonic() >= self.down_until

    def failed(self, action):
        logger.warning("The page cache could not %s: cache unavailable", action, exc_info=False)
        self.down_until = time.monotonic() + settings.PAGE_CACHE_RETRY_SECONDS


cache_guard = _CacheGuard()


# --- Keys ----------------------------------------------------------------------


@functools.cache
def release():
    """A short hash of the code, templates, catalogues and static manifest now running."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(django.get_version().encode())
    base = Path(settings.BASE_DIR).resolve()
    environment = Path(sys.prefix).resolve()
    roots = {Path(path) for path in settings.LOCALE_PATHS}
    for engine in settings.TEMPLATES:
        roots.update(Path(path) for path in engine.get("DIRS", []))
    roots.update(
        Path(config.path)
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base)
        and not Path(config.path).resolve().is_relative_to(environment)
    )
    files = [
        path
        for root in roots
        for path in Path(root).rglob("*")
        if path.suffix in RELEASE_SUFFIXES and "__pycache__" not in path.parts
    ]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        files.append(manifest)
    for path in sorted({path.resolve() for path in files}):
        try:
            content = path.read_bytes()
        except OSError:
            continue
        # Relative names, so that machines with the same release agree wherever it is installed.
        name = path.relative_to(base) if path.is_relative_to(base) else path.name
        digest.update(str(name).encode())
        digest.update(content)
    return digest.hexdigest()


def _known_host(request):
    """The Host header when it is one of ALLOWED_HOSTS exactly (and a port the server's own)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    domain, port = split_domain_port(host)
    if host != (f"{domain}:{port}" if port else domain) or domain not in settings.ALLOWED_HOSTS:
        return None
    if port and port != _server_port(request):
        return None
    return host


def _server_port(request):
    """The port the request came in on; gunicorn's SERVER_PORT repeats the Host header's."""
    sock = request.META.get("gunicorn.socket")
    if sock is not None:
        try:
            return str(sock.getsockname()[1])
        except OSError:
            return ""
    return str(request.META.get("SERVER_PORT", ""))


@functools.lru_cache(maxsize=4096)
def _declared_query(urlconf, path):
    """The query parameters the view at ``path`` reads; None when it does not say."""
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            match = resolve(path, urlconf)
    except Resolver404:
        return None
    view = match.func
    declared = getattr(view, "reads_query", None)
    view_class = getattr(view, "view_class", None)
    if declared is None and view_class is not None:
        declared = getattr(view_class, "reads_query", None)
        if declared is None:
            # A generic class-based view reads the query string only to paginate.
            declared = (view_class.page_kwarg,) if getattr(view_class, "paginate_by", None) else ()
    return None if declared is None else tuple(sorted(declared))


def _used_query(request):
    """The part of the query string the page reads, or None when it cannot be cached."""
    declared = _declared_query(get_urlconf(), request.path_info)
    if declared is None:
        return "" if not request.META.get("QUERY_STRING") else None
    used = QueryDict(mutable=True)
    for name in declared:
        if name in request.GET:
            used.setlist(name, request.GET.getlist(name))
    return used.urlencode()


def page_key(request, host, query):
    address = f"{request.scheme}://{host}{request.path}?{query}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:page:{release()}:{digest}"


# --- The middleware ------------------------------------------------------------


def _meta_name(header):
    return "HTTP_" + header.strip().upper().replace("-", "_")


def _vary_headers(response):
    """The request headers that the response says it varies on."""
    return list(split_header_value(response.get("Vary", "")))


class PageCacheMiddleware:
    """
    Serves and stores whole pages for anonymous visitors (see the module docstring).

    It sits early in ``MIDDLEWARE`` (after whitenoise and the conditional-GET
    middleware, before sessions), so a hit skips sessions, authentication and the
    view. Responses served from the cache or stored in it carry ``X-Page-Cache:
    hit``, ``stale`` (the database could not confirm the version) or ``miss``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            response = self.get_response(request)
            if response.status_code < 400 and self._by_staff(request):
                try:
                    invalidate()
                except DatabaseError:
                    logger.warning("The page cache could not start a new content version")
            return response
        if not self._cacheable_request(request):
            return self.get_response(request)
        host = _known_host(request)
        query = _used_query(request) if host else None
        if query is None:
            return self.get_response(request)
        # The view sees only the parameters in the key, so the page is the same for all.
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)

        version, fresh = versions.get()
        if not cache_guard.available():
            return self.get_response(request)
        cache = _cache()
        key = page_key(request, host, query)
        try:
            entry = cache.get(key)
        except Exception:  # noqa: BLE001 - any cache failure: serve without it
            cache_guard.failed("read")
            return self.get_response(request)

        if entry is not None and self._vary_matches(request, entry[1]):
            if fresh and entry[0] == version:
                return self._from_entry(entry, "hit")
            if not fresh:
                return self._from_entry(entry, "stale")

        response = self.get_response(request)
        if fresh and request.method == "GET" and self._cacheable_response(request, response):
            self._store(cache, key, version, request, response)
        return response

    # --- requests ----------------------------------------------------------

    @staticmethod
    def _cacheable_request(request):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return False
        if not request.path.startswith(tuple(settings.PAGE_CACHE_PATH_PREFIXES)):
            return False
        cookies = request.COOKIES
        return not (
            settings.SESSION_COOKIE_NAME in cookies
            or "messages" in cookies
            or "HTTP_AUTHORIZATION" in request.META
        )

    @staticmethod
    def _by_staff(request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated and user.is_staff)

    # --- responses ---------------------------------------------------------

    @staticmethod
    def _cacheable_response(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if len(response.content) > settings.PAGE_CACHE_MAX_ENTRY_BYTES:
            return False
        if UNSAFE_CACHE_CONTROL & set(split_directive_names(response.get("Cache-Control", ""))):
            return False
        if "*" in _vary_headers(response):
            return False
        # A response that used the per-request CSP nonce is for this request only.
        return not get_nonce(request)

    @staticmethod
    def _vary_matches(request, vary):
        return all(request.META.get(name) == value for name, value in vary)

    def _store(self, cache, key, version, request, response):
        if not response.has_header("ETag"):
            set_response_etag(response)
        response.headers.setdefault("Cache-Control", "no-cache")
        response.headers[HEADER] = "miss"
        vary = tuple(
            (name, request.META.get(name))
            for name in map(_meta_name, _vary_headers(response))
            # Only requests without a session or messages cookie reach the cache.
            if name != "HTTP_COOKIE"
        )
        headers = [(name, value) for name, value in response.items() if name != HEADER]
        entry = (version, vary, headers, response.content)
        try:
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        except Exception:  # noqa: BLE001 - any cache failure: the page was served all the same
            cache_guard.failed("store a page")

    @staticmethod
    def _from_entry(entry, state):
        _version, _vary, headers, content = entry
        response = HttpResponse(content)
        for name, value in headers:
            response.headers[name] = value
        response.headers[HEADER] = state
        return response


# --- Signals: content changes ----------------------------------------------------


def content_about_to_change(sender, instance, using, raw=False, **kwargs):
    if isinstance(instance, Publishable | Redirect) and not raw:
        ContentVersion.lock(using)


def content_saved_or_deleted(sender, instance, using, raw=False, **kwargs):
    # Fixtures (import_content) load rows raw; the command starts a new version once.
    # A redirect changes what an old address answers.
    if isinstance(instance, Publishable | Redirect) and not raw:
        invalidate(using)


def relation_changed(sender, instance, action, model, using, **kwargs):
    if isinstance(instance, Publishable) or issubclass(model, Publishable):
        if action.startswith("pre_"):
            ContentVersion.lock(using)
        else:
            invalidate(using)
