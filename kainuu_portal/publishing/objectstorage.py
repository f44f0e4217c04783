"""
Images and PDF documents in S3-compatible object storage (django-storages with
boto3), used when ``AWS_STORAGE_BUCKET_NAME`` is set (see the settings).

- ``PublicMediaStorage`` holds images and their resized copies. Their addresses
  are made from ``custom_domain`` (a CDN, or the bucket's own address) without
  asking the store, so a page with an image renders while the store is down.
  The names are random and never reused, so a copy may be cached for a year.
- ``PrivateDocumentStorage`` holds PDF documents: written with a private ACL and
  never given an address of the store; its URLs lead to the portal's download
  view, as the local ``DocumentStorage``'s do.

Both wait for the store only briefly (``connect_timeout``, ``read_timeout``,
``max_attempts``): a stalled store costs a request seconds, and the callers turn
its errors into a form error for an editor or a 503 for a visitor
(``kainuu_portal.publishing.media.STORAGE_ERRORS``).
"""

from botocore.config import Config
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from storages.backends.s3 import S3Storage


def client_config(connect_timeout, read_timeout, max_attempts, addressing_style=None):
    """
    The boto3 client's settings: short timeouts, few retries, and checksums only
    where S3 requires them, which every S3-compatible server understands.
    """
    return Config(
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        retries={"mode": "standard", "total_max_attempts": max(1, max_attempts)},
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        s3={"addressing_style": addressing_style},
    )


class _ObjectStorage(S3Storage):
    def __init__(self, connect_timeout=2.0, read_timeout=3.0, max_attempts=2, **options):
        # An S3-compatible server is addressed path-style (its host, then the bucket).
        style = "path" if options.get("endpoint_url") else None
        options.setdefault(
            "client_config", client_config(connect_timeout, read_timeout, max_attempts, style)
        )
        # The storages decide names themselves (random, never reused): no need to ask
        # the store whether a name is taken.
        options.setdefault("file_overwrite", True)
        super().__init__(**options)


class PublicMediaStorage(_ObjectStorage):
    """Images, readable by anyone at ``custom_domain``; see the module's docstring."""

    def __init__(self, **options):
        options.setdefault("querystring_auth", False)
        options.setdefault(
            "object_parameters", {"CacheControl": "public, max-age=31536000, immutable"}
        )
        super().__init__(**options)


class PrivateDocumentStorage(_ObjectStorage):
    """PDF documents, private in the bucket; their URLs lead to the download view."""

    def __init__(self, **options):
        options.setdefault("default_acl", "private")
        options.setdefault("querystring_auth", True)
        options.setdefault("custom_domain", None)
        super().__init__(**options)
        self._check_apart_from_images()

    def _check_apart_from_images(self):
        """Refuse to share a bucket's folder with the public images."""
        media = settings.STORAGES.get("default", {})
        if media.get("BACKEND") != f"{__name__}.PublicMediaStorage":
            return
        options = media.get("OPTIONS", {})
        if options.get("bucket_name") != self.bucket_name:
            return
        images, documents = (options.get("location") or "").strip("/"), self.location.strip("/")
        if (
            not images
            or not documents
            or f"{images}/".startswith(f"{documents}/")
            or f"{documents}/".startswith(f"{images}/")
        ):
            raise ImproperlyConfigured(
                "Images and PDF documents would share one place in the bucket. Set "
                "AWS_DOCUMENTS_BUCKET_NAME to a private bucket of their own, or give "
                "AWS_LOCATION and AWS_DOCUMENTS_LOCATION two different folder names, "
                "neither inside the other."
            )

    def url(self, name, *args, **kwargs):
        return reverse("document", kwargs={"name": name})
