"""
Settings of the Kainuu Portal: one module, configured by environment variables.

Every variable is declared once in the schema below with its type and a safe
default. A local ``.env`` file (see ``.env.example``) is read when present.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    CACHE_URL=(str, "locmemcache://kainuu-portal"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    DEFAULT_FROM_EMAIL=(str, "webmaster@localhost"),
    EMAIL_HOST=(str, ""),
    EMAIL_PORT=(int, 25),
    EMAIL_HOST_USER=(str, ""),
    EMAIL_HOST_PASSWORD=(str, ""),
    EMAIL_USE_TLS=(bool, False),
    LOG_LEVEL=(str, "INFO"),
    # How long a cached page is kept at most, in seconds; 0 turns the page cache off.
    # Unset means a day, or off when DEBUG is on (so template edits show at once).
    PAGE_CACHE_SECONDS=(int, None),
    # Adds /bench/reference/, a constant 10 KB page the benchmark compares against.
    BENCHMARK_REFERENCE_VIEW=(bool, False),
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

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # whitenoise serves static files under runserver too, as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_prose_editor",
    "kainuu_portal",
    "regions",
    "priorities",
    "pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache, so that a cached page answers a conditional request with 304.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before sessions: a cached page is served without touching the session or the database.
    "kainuu_portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
DATABASES["default"]["CONN_MAX_AGE"] = (
    60 if DATABASES["default"]["ENGINE"].endswith("postgresql") else 0
)

CACHES = {"default": env.cache("CACHE_URL")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Passwords ----------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
# With a local-memory cache, the file through which the processes of one machine
# learn of a change; empty: a file in the temporary directory named after the database.
PAGE_CACHE_STAMP_FILE = ""

# The benchmark's reference page (bench/run): off unless asked for.
BENCHMARK_REFERENCE_VIEW = env("BENCHMARK_REFERENCE_VIEW")

# --- Static and media files ---------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = env("STATIC_ROOT")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env("MEDIA_ROOT")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "formatter": "line"},
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django.security": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
    },
}

# --- Security -----------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
