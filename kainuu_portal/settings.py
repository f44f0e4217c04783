"""
Settings of the Kainuu Portal: one module, configured by environment variables.

Every variable is declared once in the schema below with its type and a safe
default. A local ``.env`` file (see ``.env.example``) is read when present.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    CACHE_URL=(str, "locmemcache://kainuu-portal"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    DOCUMENTS_ROOT=(str, str(BASE_DIR / "documents")),
    # Where visitors fetch images from: a path of this site, or a CDN's address.
    MEDIA_URL=(str, "/media/"),
    # Object storage (S3-compatible, django-storages): on when a bucket is named. Images
    # go to the public bucket (under AWS_LOCATION), PDF documents to a private bucket
    # (AWS_DOCUMENTS_BUCKET_NAME; unset: the same bucket, under AWS_DOCUMENTS_LOCATION).
    AWS_STORAGE_BUCKET_NAME=(str, ""),
    AWS_DOCUMENTS_BUCKET_NAME=(str, ""),
    AWS_LOCATION=(str, "media"),
    AWS_DOCUMENTS_LOCATION=(str, "documents"),
    AWS_S3_ENDPOINT_URL=(str, ""),
    AWS_S3_REGION_NAME=(str, ""),
    AWS_ACCESS_KEY_ID=(str, ""),
    AWS_SECRET_ACCESS_KEY=(str, ""),
    # The host (and path) images are served from: a CDN, or the bucket's public address.
    AWS_S3_CUSTOM_DOMAIN=(str, ""),
    AWS_S3_URL_PROTOCOL=(str, "https:"),
    # The canned ACL of images ("public-read"; empty: the bucket's policy makes them public)
    # and of documents ("private"; empty for a bucket whose ACLs are turned off).
    AWS_DEFAULT_ACL=(str, ""),
    AWS_DOCUMENTS_DEFAULT_ACL=(str, "private"),
    # How long to wait for the object store: seconds to connect, seconds for an answer,
    # and how many tries in all.
    AWS_S3_CONNECT_TIMEOUT=(float, 2.0),
    AWS_S3_READ_TIMEOUT=(float, 3.0),
    AWS_S3_MAX_ATTEMPTS=(int, 2),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    DEFAULT_FROM_EMAIL=(str, "webmaster@localhost"),
    EMAIL_HOST=(str, ""),
    EMAIL_PORT=(int, 25),
    EMAIL_HOST_USER=(str, ""),
    EMAIL_HOST_PASSWORD=(str, ""),
    EMAIL_USE_TLS=(bool, False),
    LOG_LEVEL=(str, "INFO"),
    # HTTPS: unset means "on when DEBUG is off" (SSL redirect, HSTS, secure cookies).
    HTTPS=(bool, None),
    # The header a reverse proxy sets to "https" for HTTPS requests, e.g. X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER=(str, ""),
    SECURE_HSTS_SECONDS=(int, 31536000),
    SECURE_HSTS_PRELOAD=(bool, False),
    # How many reverse proxies in front of the site append to X-Forwarded-For (0: none).
    PROXY_COUNT=(int, 0),
    # How long a cached page is kept at most, in seconds; 0 turns the page cache off.
    # Unset means a day, or off when DEBUG is on (so template edits show at once).
    PAGE_CACHE_SECONDS=(int, None),
    # Database connections: kept for this many seconds (0: one per request), the
    # connect timeout in seconds and the longest statement in milliseconds (PostgreSQL).
    DATABASE_CONN_MAX_AGE=(int, 60),
    DATABASE_CONNECT_TIMEOUT=(int, 2),
    DATABASE_STATEMENT_TIMEOUT_MS=(int, 5000),
    # Adds /bench/reference/, a constant 10 KB page the benchmark compares against.
    BENCHMARK_REFERENCE_VIEW=(bool, False),
    # Staff sign-in. Unset: two-factor authentication is required when DEBUG is off.
    TWO_FACTOR_REQUIRED=(bool, None),
    SESSION_IDLE_MINUTES=(int, 120),
    SESSION_LIMIT_HOURS=(int, 12),
    # Sign-in events are deleted after this many days (manage.py prune_signin_events).
    SIGNIN_EVENT_RETENTION_DAYS=(int, 365),
    # System checks to silence, e.g. signin.W001 where staff sign in elsewhere.
    SILENCED_SYSTEM_CHECKS=(list, []),
)
environ.Env.read_env(BASE_DIR / ".env")

# --- Core ---------------------------------------------------------------------

DEBUG = env("DEBUG")

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "value (for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=true for local development."
        )
    SECRET_KEY = "django-insecure-local-development-key-not-for-production"  # noqa: S105

ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

# The apps whose models are the site's content: the roles (kainuu_portal/publishing/roles.py)
# give the Editors and Viewers groups their permissions on these.
CONTENT_APPS = ["regions", "priorities", "pages"]

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    # Django's admin on a site that asks staff for a second factor (kainuu_portal/signin/).
    "kainuu_portal.signin.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # whitenoise serves static files under runserver too, as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # The search's stored text vectors (SearchVectorField); harmless on SQLite.
    "django.contrib.postgres",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    "adminsortable2",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "kainuu_portal.signin",
    "corsheaders",
    "kainuu_portal",
    # The publishing core the content apps build on; it keeps the redirects of old addresses.
    "kainuu_portal.publishing",
    *CONTENT_APPS,
]

# The security headers come first so that they are on every response, static
# files served by whitenoise included. Axes comes last, as its docs ask.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kainuu_portal.middleware.SecurityHeadersMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS headers for the open data API only (CORS_URLS_REGEX); before CommonMiddleware.
    "corsheaders.middleware.CorsMiddleware",
    # Before the page cache, so that a cached page answers a conditional request with 304.
    "kainuu_portal.middleware.ConditionalGetMiddleware",
    # Before sessions: a cached page is served without touching the session or the database.
    "kainuu_portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After LocaleMiddleware, so that its message is in the editor's language.
    "kainuu_portal.middleware.AdminQueryCheckMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kainuu_portal.signin.middleware.SessionLimitsMiddleware",
    # A request that would be a 404 is answered with a 301 when its address is an old one.
    "kainuu_portal.publishing.redirects.RedirectFallbackMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so that it sees the views' exceptions: 503 when the database is unavailable.
    "kainuu_portal.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "kainuu_portal.urls"
WSGI_APPLICATION = "kainuu_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kainuu_portal.context_processors.site",
            ],
        },
    },
]

# --- Database and cache -------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Connections are kept between requests: a new one costs a request a server process.
# Each is checked before its first query in a request, so a restarted server fails no
# request; a frozen one costs a request half a second (the check) and the connect timeout.
DATABASES["default"]["CONN_MAX_AGE"] = env("DATABASE_CONN_MAX_AGE")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Django's backend with a bound on every wait for an answer (kainuu_portal/postgresql).
    DATABASES["default"]["ENGINE"] = "kainuu_portal.postgresql"
    statement_timeout_ms = env("DATABASE_STATEMENT_TIMEOUT_MS")
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Seconds; PostgreSQL's client library waits at least 2.
            "connect_timeout": env("DATABASE_CONNECT_TIMEOUT"),
            # A query that runs longer is cancelled by the server: the request gets a 503.
            # The session's time zone is the ORM's own (UTC): a server whose default is
            # another name for it ("Etc/UTC") would otherwise cost each new connection
            # a SET TIME ZONE round trip.
            # A prepared statement keeps one plan for every value (below): left to
            # choose, the server planned the search's ranking anew for each word over
            # a hundred times the demo content, where planning cost several times
            # running it. The site's queries read small tables by keys, as well planned
            # for any value as for one.
            "options": (
                f"-c statement_timeout={statement_timeout_ms} -c TimeZone=UTC"
                " -c plan_cache_mode=force_generic_plan"
            ),
            # A server that does not cancel it in time is not answering (frozen): the
            # connection stops waiting a second later. No bound without a statement timeout.
            "answer_timeout": statement_timeout_ms / 1000 + 1 if statement_timeout_ms else None,
            # The values are sent apart from the SQL, so that a query the ORM wrote once
            # is the same text on every request, and the server keeps it planned from its
            # second run on (a prepared statement per kept connection): planning a page's
            # queries cost the server about as much as running them.
            "server_side_binding": True,
            "prepare_threshold": 1,
        }
    )

CACHES = {"default": env.cache("CACHE_URL")}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # A stalled or stopped Redis costs a request a fraction of a second, after which
    # pages are rendered without it (kainuu_portal/pagecache.py).
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# JSON fixtures and backups (export_content) keep times to the microsecond.
SERIALIZATION_MODULES = {"json": "kainuu_portal.serializers"}

# --- Passwords and logins -----------------------------------------------------

# As OWASP ASVS level 1 asks: at least 12 characters, not a common password,
# and no composition rules (so no NumericPasswordValidator either).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PROXY_COUNT = env("PROXY_COUNT")

# --- Staff sign-in: two factors, session limits, throttling (kainuu_portal/signin/) ---

# Every staff member signs in with a password and a code from an authenticator app
# (or a recovery code), and sets the app up at the first sign-in. With this off (a site
# whose staff sign in through the council's own identity provider, or DEBUG), the code
# is asked only of members who have set an app up.
TWO_FACTOR_REQUIRED = env("TWO_FACTOR_REQUIRED")
if TWO_FACTOR_REQUIRED is None:
    TWO_FACTOR_REQUIRED = not DEBUG
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = "Kainuu Portal"

# A session ends after this long without a request, and after this long in all. A
# password change ends the member's other sessions; a two-factor reset all of them.
SESSION_IDLE_MINUTES = env("SESSION_IDLE_MINUTES")
SESSION_LIMIT_HOURS = env("SESSION_LIMIT_HOURS")
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60

# Sign-in events (user names and addresses) are kept this many days, then deleted by
# manage.py prune_signin_events, run daily (deploy/kainuu-portal-prune-signin-events.timer).
SIGNIN_EVENT_RETENTION_DAYS = env("SIGNIN_EVENT_RETENTION_DAYS")

# django-axes with three rules (kainuu_portal/signin/throttling.py), failures counting
# for an hour: 5 failures for one user name from one address lock that pair; 20 from
# one address lock the address; after 10 for one user name from anywhere, it takes one
# attempt every 30 seconds (not from an address it signed in from in the last 30 days).
# A refused attempt gets status 429 and does not count. Wrong codes count as failures.
AXES_HANDLER = "kainuu_portal.signin.throttling.SignInAttemptsHandler"
AXES_FAILURE_LIMIT = 5
SIGNIN_ADDRESS_FAILURE_LIMIT = 20
SIGNIN_SLOWDOWN_AFTER = 10
SIGNIN_SLOWDOWN_SECONDS = 30
SIGNIN_KNOWN_ADDRESS_DAYS = 30
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "kainuu_portal.signin.views.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
# Logged in clear: the log is for finding who tried which account from where.
AXES_SENSITIVE_PARAMETERS = []
AXES_CLIENT_IP_CALLABLE = "kainuu_portal.middleware.client_ip"

# Password reset by e-mail (/admin/password_reset/): the link works for an hour; at
# most 5 requests an hour from one address and 3 for one e-mail address.
PASSWORD_RESET_TIMEOUT = 60 * 60
PASSWORD_RESET_LIMIT_PER_ADDRESS = 5
PASSWORD_RESET_LIMIT_PER_EMAIL = 3

# --- The publisher -------------------------------------------------------------

# One place for the council's facts: the footer, the API, JSON-LD, security.txt and the
# demo content's statements read them. The name is translated where it is shown.
COUNCIL = {
    "name": gettext_noop("Regional Council of Kainuu"),
    "name_fi": "Kainuun liitto",
    "email": "kirjaamo@kainuunliitto.fi",
    "url": "https://kainuunliitto.fi/",
    "license": "CC BY 4.0",
    "license_url": "https://creativecommons.org/licenses/by/4.0/",
}

# --- Languages and time -------------------------------------------------------

LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", _("Finnish")),
    ("en", _("English")),
    ("sv", _("Swedish")),
]

LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# django-modeltranslation: a blank translation falls back to another language,
# so a page never shows an empty title.
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "fi", "sv"),
    "fi": ("en", "sv"),
    "sv": ("en", "fi"),
    "en": ("fi", "sv"),
}

# django-reversion-compare: a reference to another object (a priority's
# programme) counts as changed when it points to another object, not whenever
# anything else in the version changed.
REVERSION_COMPARE_FOREIGN_OBJECTS_AS_ID = True

# --- Page cache ---------------------------------------------------------------

# Whole pages for anonymous visitors, kept in the cache above and invalidated by
# every content change (kainuu_portal/pagecache.py; docs/performance.md).
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS")
if PAGE_CACHE_SECONDS is None:
    PAGE_CACHE_SECONDS = 0 if DEBUG else 24 * 60 * 60
PAGE_CACHE_ALIAS = "default"
# Paths whose anonymous GET responses are cached: every language's pages, the API and
# the sitemap.
PAGE_CACHE_PATH_PREFIXES = [f"/{code}/" for code, _name in LANGUAGES] + ["/api/", "/sitemap.xml"]
# Each process reads the content version from the database at most this often
# (seconds): how long an edit on one host may take to show on another.
PAGE_CACHE_VERSION_SECONDS = 1.0
# After the database or the cache failed, how long to do without it before trying again.
PAGE_CACHE_RETRY_SECONDS = 5.0
# A larger response is served but not stored.
PAGE_CACHE_MAX_ENTRY_BYTES = 512 * 1024

# The benchmark's reference page (bench/run): off unless asked for.
BENCHMARK_REFERENCE_VIEW = env("BENCHMARK_REFERENCE_VIEW")

# --- Static and media files ---------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = env("STATIC_ROOT")
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploaded images (and their resized copies) and PDF documents: on the local file
# system by default (MEDIA_ROOT, DOCUMENTS_ROOT), or in S3-compatible object storage
# when AWS_STORAGE_BUCKET_NAME is set, which every app host then shares
# (docs/deploy.md, "Several hosts"). Either way PDF documents never get an address of
# their own: a view sends them as downloads (kainuu_portal/publishing/media.py).
MEDIA_URL = env("MEDIA_URL")
MEDIA_ROOT = env("MEDIA_ROOT")
DOCUMENTS_ROOT = env("DOCUMENTS_ROOT")
OBJECT_STORAGE = bool(env("AWS_STORAGE_BUCKET_NAME"))

if OBJECT_STORAGE:
    # Image addresses are made without asking the store (so a page with an image renders
    # when the store is down): at AWS_S3_CUSTOM_DOMAIN, or else at the bucket's own
    # address, path-style on an S3-compatible server (AWS_S3_ENDPOINT_URL).
    _bucket = env("AWS_STORAGE_BUCKET_NAME")
    _endpoint = urlsplit(env("AWS_S3_ENDPOINT_URL"))
    if env("AWS_S3_CUSTOM_DOMAIN"):
        AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN").strip("/")
        AWS_S3_URL_PROTOCOL = env("AWS_S3_URL_PROTOCOL")
    elif _endpoint.netloc:
        AWS_S3_CUSTOM_DOMAIN = f"{_endpoint.netloc}{_endpoint.path.rstrip('/')}/{_bucket}"
        AWS_S3_URL_PROTOCOL = f"{_endpoint.scheme}:"
    else:
        _region = env("AWS_S3_REGION_NAME")
        AWS_S3_CUSTOM_DOMAIN = (
            f"{_bucket}.s3.{_region}.amazonaws.com" if _region else (f"{_bucket}.s3.amazonaws.com")
        )
        AWS_S3_URL_PROTOCOL = "https:"
    _location = env("AWS_LOCATION").strip("/")
    MEDIA_URL = f"{AWS_S3_URL_PROTOCOL}//{AWS_S3_CUSTOM_DOMAIN}/" + (
        f"{_location}/" if _location else ""
    )
    _object_store = {
        "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env("AWS_S3_REGION_NAME") or None,
        "access_key": env("AWS_ACCESS_KEY_ID") or None,
        "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
        # Short waits and one retry, so that a stalled store costs a request seconds,
        # not minutes (kainuu_portal.publishing.objectstorage.client_config).
        "connect_timeout": env("AWS_S3_CONNECT_TIMEOUT"),
        "read_timeout": env("AWS_S3_READ_TIMEOUT"),
        "max_attempts": env("AWS_S3_MAX_ATTEMPTS"),
    }
    _media_storage = {
        "BACKEND": "kainuu_portal.publishing.objectstorage.PublicMediaStorage",
        "OPTIONS": {
            **_object_store,
            "bucket_name": _bucket,
            "location": _location,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            "url_protocol": AWS_S3_URL_PROTOCOL,
            "default_acl": env("AWS_DEFAULT_ACL") or None,
        },
    }
    _documents_location = env("AWS_DOCUMENTS_LOCATION").strip("/")
    _documents_storage = {
        "BACKEND": "kainuu_portal.publishing.objectstorage.PrivateDocumentStorage",
        "OPTIONS": {
            **_object_store,
            "bucket_name": env("AWS_DOCUMENTS_BUCKET_NAME") or _bucket,
            "location": _documents_location,
            "default_acl": env("AWS_DOCUMENTS_DEFAULT_ACL") or None,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _documents_storage = {
        "BACKEND": "kainuu_portal.publishing.media.DocumentStorage",
        "OPTIONS": {"location": DOCUMENTS_ROOT},
    }
# Images from another host (a CDN or the bucket) are allowed by the content security
# policy; everything else a page loads still comes from the site itself.
MEDIA_ORIGIN = (
    "/".join(MEDIA_URL.split("/")[:3]) if MEDIA_URL.startswith(("http:", "https:")) else ""
)

STORAGES = {
    "default": _media_storage,
    "documents": _documents_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- E-mail -------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = {
    "default": (
        {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("EMAIL_HOST"),
                "port": env("EMAIL_PORT"),
                "username": env("EMAIL_HOST_USER"),
                "password": env("EMAIL_HOST_PASSWORD"),
                "use_tls": env("EMAIL_USE_TLS"),
            },
        }
        if env("EMAIL_HOST")
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    )
}

# --- Logging: one event a line on standard output -----------------------------

# Each record is one JSON object on one line, tracebacks included, so a log
# collector never splits an event. django.security (bad hosts, CSRF failures),
# django.request (4xx warnings, 5xx errors with the traceback) and axes (every
# login, failed or not) all go to standard output.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"()": "kainuu_portal.logs.OneLineFormatter"},
    },
    "filters": {
        "as_warning_without_traceback": {"()": "kainuu_portal.logs.AsWarningWithoutTraceback"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
        },
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": env("LOG_LEVEL"), "propagate": False},
        "django.security": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # A request for another host is the client's doing: one warning line, no traceback.
        "django.security.DisallowedHost": {
            "handlers": ["stdout"],
            "level": "INFO",
            "filters": ["as_warning_without_traceback"],
            "propagate": False,
        },
        "django.request": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # Sign-ins, sign-outs, failures, lockouts, device and password resets.
        "kainuu_portal.signin": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # Only "BEGIN version ..." at start-up, noise in every management command.
        "axes.apps": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
    },
}

# --- Open data API -------------------------------------------------------------

# Anyone may read the API from a browser on another site; nothing else is shared.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False

# --- Security -----------------------------------------------------------------

# HTTPS: on unless the environment says otherwise or DEBUG is on.
HTTPS = env("HTTPS")
if HTTPS is None:
    HTTPS = not DEBUG

SECURE_SSL_REDIRECT = HTTPS
# The health check answers over plain HTTP too, for load balancers on the inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env("SECURE_PROXY_SSL_HEADER"):
    # Behind a reverse proxy that terminates TLS: trust its header, e.g.
    # "X-Forwarded-Proto: https". The proxy must overwrite any header the
    # client sent (see deploy/nginx.conf).
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + env("SECURE_PROXY_SSL_HEADER").upper().replace("-", "_"),
        "https",
    )
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS") if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD")
# The checks the operator silenced: signin.W001 (two-factor sign-in off) on a site
# whose staff sign in through the council's own identity provider.
SILENCED_SYSTEM_CHECKS = env("SILENCED_SYSTEM_CHECKS")
if not SECURE_HSTS_PRELOAD:
    # Preloading is the operator's choice (it is hard to undo and binds every
    # subdomain of the registered domain), so leaving it off is no warning.
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W021"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Not Django settings: kainuu_portal.middleware.SecurityHeadersMiddleware sends
# these two. No page uses any of the browser features listed.
SECURE_CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Content Security Policy, with Django's own support: only this site's own
# files, and inline scripts and styles only with the per-request nonce (the
# admin's templates add it with {% csp_nonce_attr %}). One inline style is
# allowed by its hash: the base CSS that the rich-text editor (Tiptap, inside
# django-prose-editor) adds as a <style> element without a nonce. When an
# upgrade changes that CSS, tests/browser finds the violation and the browser's
# console names the new hash.
RICH_TEXT_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE, RICH_TEXT_EDITOR_STYLE_HASH],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
if MEDIA_ORIGIN:
    SECURE_CSP["img-src"] = [CSP.SELF, MEDIA_ORIGIN]

# Cookies: only staff get any (session and CSRF token for the admin). Over
# HTTPS they are Secure and carry the __Host- prefix, so no subdomain can set
# or read them.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-language"
