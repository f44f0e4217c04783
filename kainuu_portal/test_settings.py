"""Settings for the test suite: the real settings with a fast hasher and plain static storage."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-key-long-enough-for-the-deploy-checks-0123456789")

from kainuu_portal.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Serve static files from the source folders, as under runserver; no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Uploads of the test run go to a temporary folder (tests/conftest.py removes it), or
# to the object store that scripts/object-storage-test starts and names in AWS_*.
MEDIA_ROOT = tempfile.mkdtemp(prefix="kainuu-test-media-")
DOCUMENTS_ROOT = tempfile.mkdtemp(prefix="kainuu-test-documents-")
if not OBJECT_STORAGE:  # noqa: F405
    STORAGES["documents"] = {  # noqa: F405
        "BACKEND": "kainuu_portal.publishing.media.DocumentStorage",
        "OPTIONS": {"location": DOCUMENTS_ROOT},
    }
# The test client speaks plain HTTP: no redirect to HTTPS (a test turns it on).
SECURE_SSL_REDIRECT = False
# The page cache is off in tests, so a test sees the rows it creates; the page-cache
# tests turn it on.
PAGE_CACHE_SECONDS = 0
# Tests that are not about signing in sign in with a password alone (or force_login);
# the sign-in tests turn the second factor on.
TWO_FACTOR_REQUIRED = False
# The session limits are kept by kainuu_portal.signin.middleware (tests/site/test_signin.py);
# Django's own session expiry, the idle timeout in production, is a backstop that would end
# the sessions of tests that move the clock on by hours.
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60
