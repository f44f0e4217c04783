"""
The page cache: whole public pages for anonymous visitors, never stale.

What is cached
    Successful (200) GET responses under the paths in ``PAGE_CACHE_PATH_PREFIXES``
    (the language prefixes /fi/, /en/ and /sv/, /api/ and /sitemap.xml), for
    requests without a session cookie, a messages cookie or an Authorization
    header: visitors, not staff. A response is not stored when it sets a cookie, says ``private``,
    ``no-store`` or ``no-cache`` (draft previews do), varies on everything
    (``Vary: *``) or used the per-request CSP nonce. HEAD requests are answered
    from the GET entry. The key is the page's absolute address (scheme, host,
    path and query string: the address carries the language) and the code
    release (a hash of the templates, code and catalogues), so a deploy never
    serves pages rendered by the previous release.

How it is kept fresh
    Every entry records the *content version* it was rendered under. The
    version lives in the same cache and is replaced by a new random token
    whenever content changes: after the commit of any save or delete of a
    ``Publishable`` model or a ``Redirect``, or a change to the many-to-many
    relations of content (signals),
    after any successful write request by staff (this also covers admin bulk
    updates and reordering that bypass signals), when ``clear_page_cache``
    runs, and by itself when the next scheduled publish-at time passes or the
    day changes (pages show the current programme by year). An entry whose
    version is not the current one is ignored, so one write makes every
    page fresh at once.

    A hit costs one cache round trip (``get_many`` of the version and the page)
    and no SQL query. Computing a new version costs one query: the earliest
    future publish-at time among published content.

Local memory
    A local-memory cache belongs to one process. So that a change made in one
    process (a gunicorn worker, a management command) reaches the others on the
    same machine, a local-memory page cache also keeps the version token in a
    small file (``PAGE_CACHE_STAMP_FILE``) that every process reads. Several
    machines need a shared cache such as Redis.
"""

import functools
import hashlib
import logging
import os
import secrets
import sys
import tempfile
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils import timezone
from django.utils.cache import set_response_etag
from django.utils.http import split_directive_names, split_header_value

from .publishing.models import Publishable, Redirect, Status

logger = logging.getLogger(__name__)

STATE_KEY = "pagecache:state"
HEADER = "X-Page-Cache"
UNSAFE_CACHE_CONTROL = {"private", "no-store", "no-cache"}
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".json", ".mo", ".css", ".js", ".svg"}


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# --- The content version -------------------------------------------------------
#
# The state stored under STATE_KEY is ``(token, valid_until, stamp)``: the version
# token; the time (seconds since the epoch) after which it must be replaced, the
# next scheduled publish-at time or the next midnight, whichever comes first; and,
# for a local-memory cache, the stamp file's content when the state was made.


def publishable_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def next_scheduled_change(now=None):
    """The earliest publish-at time still to come among published content, or None."""
    now = now or timezone.now()
    parts = [
        model._base_manager.filter(status=Status.PUBLISHED, publish_at__gt=now)
        .order_by()
        .values_list("publish_at", flat=True)
        for model in publishable_models()
    ]
    if not parts:
        return None
    times = parts[0].union(*parts[1:], all=True).order_by("publish_at")[:1]
    return next(iter(times), None)


def _next_midnight(now):
    today = timezone.localtime(now).date()
    return timezone.make_aware(datetime.combine(today + timedelta(days=1), clock_time()))


def _new_state(stamp=""):
    now = timezone.now()
    valid_until = _next_midnight(now)
    scheduled = next_scheduled_change(now)
    if scheduled is not None:
        valid_until = min(valid_until, scheduled)
    return (secrets.token_hex(8), valid_until.timestamp(), stamp)


def _uses_stamp_file(cache):
    return isinstance(cache, LocMemCache)


def stamp_path():
    """The stamp file of a local-memory page cache, shared by the processes of one machine."""
    if settings.PAGE_CACHE_STAMP_FILE:
        return Path(settings.PAGE_CACHE_STAMP_FILE)
    database = settings.DATABASES["default"]
    where = f"{settings.BASE_DIR}|{database['ENGINE']}|{database.get('NAME')}"
    digest = hashlib.sha256(where.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"kainuu-portal-pagecache-{digest}"


def _read_stamp():
    try:
        return stamp_path().read_text()
    except OSError:
        return ""


def _write_stamp(value):
    path = stamp_path()
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(value)
        os.replace(temporary, path)
    except OSError:
        logger.exception("The page cache could not write its stamp file %s", path)
        return ""
    return value


def invalidate():
    """Start a new content version: every cached page is stale from now on."""
    cache = _cache()
    stamp = _write_stamp(secrets.token_hex(8)) if _uses_stamp_file(cache) else ""
    try:
        cache.set(STATE_KEY, _new_state(stamp), None)
    except Exception:
        logger.exception("The page cache could not store a new content version")


class _Batch:
    """The changes of one transaction: the first of its callbacks invalidates, the rest skip."""

    done = False


def _invalidate_batch(batch):
    if not batch.done:
        batch.done = True
        invalidate()


def invalidate_on_commit(using=None):
    """
    Invalidate once the current transaction commits (at once outside a transaction).

    After the commit, not before: a page rendered from the old rows during the
    transaction carries the old version, so it is never served as current. A
    transaction that changes many rows invalidates once.
    """
    connection = transaction.get_connection(using)
    batch = getattr(connection, "_pagecache_batch", None)
    if batch is None or batch.done:
        batch = connection._pagecache_batch = _Batch()
    transaction.on_commit(functools.partial(_invalidate_batch, batch), using=using)


def current_state(cache, state):
    """The state to render under: ``state`` if still valid, else a new one (one query)."""
    stamp = _read_stamp() if _uses_stamp_file(cache) else ""
    if state is not None and timezone.now().timestamp() < state[1] and state[2] == stamp:
        return state
    fresh = _new_state(stamp)
    if state is None:
        # Another process may have stored a version meanwhile: keep theirs.
        if not cache.add(STATE_KEY, fresh, None):
            return cache.get(STATE_KEY) or fresh
    else:
        cache.set(STATE_KEY, fresh, None)
    return fresh


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


def page_key(request):
    address = request.build_absolute_uri()
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
    middleware, before sessions), so a hit skips sessions, authentication,
    URL resolution and the view. Responses served from the cache or stored in
    it carry ``X-Page-Cache: hit`` or ``miss``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            response = self.get_response(request)
            if response.status_code < 400 and self._by_staff(request):
                invalidate_on_commit()
            return response
        if not self._cacheable_request(request):
            return self.get_response(request)

        cache = _cache()
        key = page_key(request)
        try:
            found = cache.get_many([STATE_KEY, key])
            state = current_state(cache, found.get(STATE_KEY))
        except Exception:
            logger.exception("The page cache is unavailable; serving without it")
            return self.get_response(request)

        entry = found.get(key)
        if entry is not None and entry[0] == state[0] and self._vary_matches(request, entry[1]):
            return self._from_entry(entry)

        response = self.get_response(request)
        if request.method == "GET" and self._cacheable_response(request, response):
            self._store(cache, key, state[0], request, response)
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
        if UNSAFE_CACHE_CONTROL & set(split_directive_names(response.get("Cache-Control", ""))):
            return False
        if "*" in _vary_headers(response):
            return False
        # A response that used the per-request CSP nonce is for this request only.
        return not get_nonce(request)

    @staticmethod
    def _vary_matches(request, vary):
        return all(request.META.get(name) == value for name, value in vary)

    def _store(self, cache, key, token, request, response):
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
        entry = (token, vary, headers, response.content)
        try:
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.exception("The page cache could not store %s", request.path)

    @staticmethod
    def _from_entry(entry):
        _token, _vary, headers, content = entry
        response = HttpResponse(content)
        for name, value in headers:
            response.headers[name] = value
        response.headers[HEADER] = "hit"
        return response


# --- Signals: content changes ----------------------------------------------------


def content_saved_or_deleted(sender, instance, using, **kwargs):
    # A redirect changes what an old address answers.
    if isinstance(instance, Publishable | Redirect):
        invalidate_on_commit(using)


def relation_changed(sender, instance, action, model, using, **kwargs):
    if action.startswith("post_") and (
        isinstance(instance, Publishable) or issubclass(model, Publishable)
    ):
        invalidate_on_commit(using)
