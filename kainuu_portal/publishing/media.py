"""
Uploaded images and PDF documents.

Images (JPEG, PNG or WebP, up to 5 MB; up to 40 million pixels for a JPEG,
which is decoded at reduced size, 16 million for the others, which are decoded
whole; no copy taller than WebP's 16,383 pixels) are checked by decoding them
with Pillow and stored under a server-made name. On save, resized copies (WebP,
480, 960 and 1600 pixels wide, never wider than the original) are written
next to the original; pages offer them in a ``srcset`` and never link the
original. Old files are kept when an image is replaced, so that reverting to
an earlier version from the history brings its image back.

PDF documents (up to 20 MB) are checked by their content: the ``%PDF-``
signature and a successful parse with pypdf. They are stored in their own
storage outside MEDIA_ROOT and reach visitors only through a view that sends
them as downloads (``Content-Disposition: attachment``) with a sandboxing
content security policy, so a document can never run as a page of the site.

Both storages are the local file system by default, or S3-compatible object
storage (``objectstorage.py``). When a storage cannot be reached or refuses
(``STORAGE_ERRORS``), an editor's upload is a form error with the rest of the
form kept (``UploadErrorsAsFormErrors``) and a visitor's download a 503 page
(``read_document``, ``storage_unavailable``); pages with images never ask the
storage anything, as image addresses are made from names alone.
"""

import io
import logging
import math
import uuid
import warnings
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.validators import FileExtensionValidator
from django.db import models
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname
from PIL import Image, ImageOps, UnidentifiedImageError

from kainuu_portal.publishing.models import Status

MAX_IMAGE_BYTES = 5 * 1024 * 1024
# Decoding memory: a JPEG is decoded at the size of its largest copy (Image.draft), so
# it may have more pixels than a PNG or WebP, which is decoded whole (4 bytes a pixel).
MAX_IMAGE_PIXELS = 40_000_000
MAX_FULL_DECODE_PIXELS = 16_000_000
IMAGE_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
RENDITION_WIDTHS = (480, 960, 1600)
RENDITION_QUALITY = 82
# The WebP format's largest width or height.
MAX_RENDITION_SIDE = 16383

# Pillow refuses anything over twice this as a decompression bomb, before decoding.
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

logger = logging.getLogger(__name__)


# --- When a storage fails -----------------------------------------------------


def _storage_errors():
    """What a storage raises when it cannot be reached or refuses: OSError, and boto's."""
    try:
        from botocore.exceptions import BotoCoreError, ClientError  # noqa: PLC0415
    except ImportError:  # pragma: no cover (boto3 is installed with the portal)
        return (OSError,)
    return (OSError, BotoCoreError, ClientError)


STORAGE_ERRORS = _storage_errors()
# How soon a visitor may ask for a document again after a 503, in seconds.
STORAGE_RETRY_AFTER = 30


class StorageUnavailable(Exception):
    """A storage of uploads could not be reached, or refused, for a reason it names."""


class UploadErrorsAsFormErrors:
    """
    Admin mixin (first among the bases): when an upload cannot be stored (the object
    store is down or stalled, a folder is not writable), the editor gets the form back
    with what they typed and a message at each file field, instead of a 500. Nothing
    of the save is kept: the admin's transaction is rolled back.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except STORAGE_ERRORS as error:
            if request.method != "POST" or not request.FILES:
                raise
            logger.warning("An upload could not be stored for %s: %s", request.path, error)
            request.upload_storage_failed = True
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, "upload_storage_failed", False):
            return form

        class UploadFailedForm(form):
            def clean(self):
                cleaned_data = super().clean()
                message = _(
                    "The file could not be stored: the file storage is not answering. "
                    "Nothing was saved. Your other changes are still in the form: choose "
                    "the file again and save in a minute or two."
                )
                fields = [name for name in self.files if name in self.fields]
                for name in fields or [None]:
                    self.add_error(name, ValidationError(message, code="storage_unavailable"))
                return cleaned_data

        return UploadFailedForm


def read_document(storage, name):
    """
    The stored document ``name``, open and already fetched from ``storage`` (so that
    sending it cannot fail half-way). FileNotFoundError when there is none;
    StorageUnavailable when the storage cannot be reached.
    """
    try:
        file = storage.open(name, "rb")
        # An object store's file is fetched on first use: here, not while it is sent.
        file.file  # noqa: B018
    except FileNotFoundError:
        raise
    except STORAGE_ERRORS as error:
        logger.warning("Document %s could not be read from its storage: %s", name, error)
        raise StorageUnavailable(str(error)) from error
    return file


def storage_unavailable():
    """503 Service Unavailable for a document the storage cannot give now, in three languages."""
    response = HttpResponse(render_to_string("publishing/storage_unavailable.html"), status=503)
    response["Retry-After"] = str(STORAGE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


# --- Images -------------------------------------------------------------------


def _megabytes(size):
    """A file size in megabytes for a message, rounded up: 5 MB and a byte is “5.1 MB”."""
    return f"{number_format(math.ceil(size / 1024 / 1024 * 10) / 10, 1)} MB"


def _check_size(file, limit, message, code):
    """Refuse ``file`` when it is larger than ``limit`` bytes; ``message`` names both sizes."""
    if file.size > limit:
        raise ValidationError(
            message, code=code, params={"size": _megabytes(file.size), "limit": _megabytes(limit)}
        )


def _read_whole(file):
    """The whole content of an uploaded ``file``, leaving its position where it was."""
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        return file.read()
    finally:
        file.seek(position)


def _rendition_size(width, height, target):
    """The size of the copy ``target`` pixels wide (never wider than the original)."""
    copy_width = min(target, width)
    return copy_width, max(1, round(height * copy_width / width))


def _open_for_copies(source):
    """
    Open an image and decode it no larger than its largest copy needs: a JPEG is
    decoded at a reduced scale (at most 1/8), so its memory stays bounded.
    """
    image = Image.open(source)
    if image.format == "JPEG":
        image.draft("RGB", _rendition_size(*image.size, RENDITION_WIDTHS[-1]))
    return image


def check_image(file):
    """
    Raise ValidationError unless ``file`` is a JPEG, PNG or WebP image within the
    limits (bytes, pixels, proportions) that Pillow decodes completely. Returns the
    Pillow format name.
    """
    _check_size(
        file,
        MAX_IMAGE_BYTES,
        _(
            "The image is %(size)s; the largest allowed is %(limit)s. Save it smaller "
            "(a width of 2000 pixels is plenty) and upload it again."
        ),
        "image_too_large",
    )
    not_an_image = ValidationError(
        _("This file is not a JPEG, PNG or WebP image. Upload a photo or picture in one of them."),
        code="invalid_image",
    )
    too_many_pixels = _(
        "The image is %(width)s × %(height)s pixels, more than the %(limit)s million pixels "
        "allowed for this format. Make it smaller (a width of 2000 pixels is plenty) and "
        "upload it again."
    )
    data = _read_whole(file)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image_format = image.format
                width, height = image.size
                if image_format not in IMAGE_FORMATS:
                    raise not_an_image
                limit = MAX_IMAGE_PIXELS if image_format == "JPEG" else MAX_FULL_DECODE_PIXELS
                if width * height > limit:
                    raise ValidationError(
                        too_many_pixels,
                        code="image_too_many_pixels",
                        params={"width": width, "height": height, "limit": limit // 1_000_000},
                    )
                if _rendition_size(width, height, RENDITION_WIDTHS[-1])[1] > MAX_RENDITION_SIDE:
                    largest = _rendition_size(width, height, RENDITION_WIDTHS[-1])[0]
                    raise ValidationError(
                        _(
                            "The image is %(width)s × %(height)s pixels: too tall for its width. "
                            "Crop it to at most %(max_height)s pixels tall and upload it again."
                        ),
                        code="image_too_tall",
                        params={
                            "width": width,
                            "height": height,
                            "max_height": MAX_RENDITION_SIDE * width // largest,
                        },
                    )
                image.verify()
            # verify() leaves the image unusable: decode it again, completely.
            with _open_for_copies(io.BytesIO(data)) as image:
                image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _(
                "The image has more than %(limit)s million pixels, too many to open safely. "
                "Make it smaller (a width of 2000 pixels is plenty) and upload it again."
            ),
            code="image_too_many_pixels",
            params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise not_an_image from None
    return image_format


def validate_image(file):
    """Model field validator: see ``check_image``."""
    check_image(file)


def image_upload_to(instance, filename):
    """A server-made name: a random hex string and the suffix of the image's format."""
    suffix = PurePosixPath(filename).suffix.lower()
    if suffix == ".jpeg":
        suffix = ".jpg"
    if suffix not in IMAGE_FORMATS.values():
        suffix = ""
    return f"images/{uuid.uuid4().hex}{suffix}"


class ImageUploadFormField(forms.ImageField):
    """Checks an upload as ``check_image`` does and names it by its real format."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        image_format = check_image(data)
        data = super().to_python(data)
        data.name = f"upload{IMAGE_FORMATS[image_format]}"
        return data


class ImageUploadField(models.ImageField):
    """An image checked by ``check_image`` and stored under a server-made name."""

    default_validators = [validate_image]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", image_upload_to)
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadFormField, **kwargs})


def make_renditions(field_file, data=None):
    """
    Write the resized WebP copies of a stored image (whose bytes are ``data``, when
    given, or else read from its storage); return their descriptions (name, width,
    height), narrowest first.
    """
    storage = field_file.storage
    with io.BytesIO(data) if data is not None else storage.open(field_file.name, "rb") as source:
        with _open_for_copies(source) as original:
            image = ImageOps.exif_transpose(original)
            image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    stem = PurePosixPath(field_file.name).with_suffix("")
    renditions = []
    for width in sorted({min(width, image.width) for width in RENDITION_WIDTHS}):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        buffer = io.BytesIO()
        resized.save(buffer, "WEBP", quality=RENDITION_QUALITY, method=4)
        name = storage.save(f"{stem}-{width}w.webp", ContentFile(buffer.getvalue()))
        renditions.append({"name": name, "width": width, "height": height})
    return renditions


def alt_text_fields():
    return [
        build_localized_fieldname("image_alt", lang) for lang in mt_settings.AVAILABLE_LANGUAGES
    ]


class WithImage(models.Model):
    """
    Abstract base: one image with alt text in every language and its resized
    copies. Combine it with ``Publishable``: a published object's image needs
    alt text in every language.
    """

    image = ImageUploadField(
        _("image"),
        blank=True,
        help_text=_(
            "JPEG, PNG or WebP, at most 5 MB and 40 million pixels (PNG and WebP: 16 million), "
            "at most 16,383 pixels tall or ten times its width, whichever is more. Smaller "
            "copies for phones and tablets are made when you save."
        ),
    )
    image_alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Required in every language "
            "before the image can be published."
        ),
    )
    image_renditions = models.JSONField(_("image sizes"), default=list, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        image = self.image
        if image and not image._committed:
            data = _read_whole(image.file)
            image.save(image.name, image.file, save=False)
            self.image_renditions = make_renditions(image, data)
        elif not image:
            self.image_renditions = []
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.image and getattr(self, "status", None) == Status.PUBLISHED:
            missing = {
                name: ValidationError(
                    _(
                        "Write the alt text in this language too: an image is published only "
                        "with alt text in every language (or save as a draft for now)."
                    ),
                    code="alt_text_missing",
                )
                for name in alt_text_fields()
                if not (getattr(self, name, "") or "").strip()
            }
            if missing:
                raise ValidationError(missing)

    @property
    def responsive_image(self):
        """``src``, ``srcset``, ``width`` and ``height`` for an <img>, or None without an image."""
        return responsive_image(self.image.storage, self.image.name, self.image_renditions)


def responsive_image(storage, name, renditions):
    """
    ``WithImage.responsive_image`` from the image's name and its renditions as stored (a
    row's ``image`` and ``image_renditions``), ``storage`` the image field's.
    """
    renditions = renditions or []
    if not name or not renditions:
        return None
    default = next((r for r in renditions if r["width"] >= 960), renditions[-1])
    return {
        "src": storage.url(default["name"]),
        "srcset": ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in renditions),
        "width": default["width"],
        "height": default["height"],
    }


# --- PDF documents ------------------------------------------------------------


class DocumentStorage(FileSystemStorage):
    """Storage for PDF documents, outside MEDIA_ROOT; its URLs lead to the download view."""

    def __init__(self, location=None, **kwargs):
        super().__init__(location=location or settings.DOCUMENTS_ROOT, **kwargs)

    def url(self, name):
        return reverse("document", kwargs={"name": name})


def document_storage():
    return storages["documents"]


def document_upload_to(instance, filename):
    return f"programmes/{uuid.uuid4().hex}.pdf"


def check_pdf(file):
    """Raise ValidationError unless ``file`` is a readable PDF document of at most 20 MB."""
    from pypdf import PdfReader  # noqa: PLC0415 (imported when a document is uploaded)
    from pypdf.errors import PyPdfError  # noqa: PLC0415

    _check_size(
        file,
        MAX_DOCUMENT_BYTES,
        _("The document is %(size)s; the largest allowed is %(limit)s."),
        "document_too_large",
    )
    not_a_pdf = ValidationError(
        _("This file is not a PDF document. Only PDF files can be uploaded here."),
        code="not_a_pdf",
    )
    data = _read_whole(file)
    if not data.startswith(b"%PDF-"):
        raise not_a_pdf
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(
                _("The PDF is protected by a password. Upload a version without one."),
                code="pdf_encrypted",
            )
        if len(reader.pages) < 1:
            raise not_a_pdf
    except ValidationError:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError):
        raise ValidationError(
            _("This PDF file is damaged and cannot be read. Save it again as PDF and retry."),
            code="pdf_unreadable",
        ) from None


def validate_pdf(file):
    """Model field validator: see ``check_pdf``."""
    check_pdf(file)


pdf_extension_validator = FileExtensionValidator(
    ["pdf"], message=_("Only PDF files can be uploaded here (this file ends in “%(extension)s”).")
)


# How many pages are read for text: enough to tell a scan from a text document.
TEXT_SAMPLE_PAGES = 10


def examine_pdf(data):
    """
    What a PDF (bytes) tells about its accessibility: ``tagged`` (a structure tree
    and MarkInfo /Marked), ``language`` (/Lang), ``title`` (the document
    information's title), ``displays_title`` (ViewerPreferences /DisplayDocTitle),
    ``pages`` and ``has_text`` (whether any of the first pages has text that can be
    extracted; a scan has none), with the ``size`` in bytes. ``{"readable": False}``
    for a file pypdf cannot read.
    """
    from pypdf import PdfReader  # noqa: PLC0415 (imported when a document is examined)
    from pypdf.errors import PyPdfError  # noqa: PLC0415

    try:
        reader = PdfReader(io.BytesIO(data))
        root = reader.trailer["/Root"].get_object()
        mark_info = root.get("/MarkInfo")
        mark_info = mark_info.get_object() if mark_info is not None else {}
        preferences = root.get("/ViewerPreferences")
        preferences = preferences.get_object() if preferences is not None else {}
        metadata = reader.metadata
        pages = reader.pages
        has_text = any(
            (pages[number].extract_text() or "").strip()
            for number in range(min(len(pages), TEXT_SAMPLE_PAGES))
        )
        return {
            "readable": True,
            "size": len(data),
            "pages": len(pages),
            "tagged": "/StructTreeRoot" in root and bool(mark_info.get("/Marked", False)),
            "language": str(root.get("/Lang") or "").strip(),
            "title": str((metadata.title if metadata else None) or "").strip(),
            "displays_title": bool(preferences.get("/DisplayDocTitle", False)),
            "has_text": has_text,
        }
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return {"readable": False, "size": len(data)}


class WithDocuments(models.Model):
    """
    Abstract base for a model with PDF documents: ``documents`` names its
    FileFields, and each has a JSONField ``<name>_report`` where ``examine_pdf``'s
    report of the stored file is kept (with the file's ``name``), made again when
    the file changes.
    """

    documents = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            for name in self.documents:
                self._examine_document(name)
        super().save(*args, **kwargs)

    def _examine_document(self, name):
        file = getattr(self, name)
        report_field = f"{name}_report"
        if not file:
            setattr(self, report_field, {})
            return
        data = None
        if not file._committed:
            data = _read_whole(file.file)
            file.save(file.name, file.file, save=False)
        report = getattr(self, report_field) or {}
        if report.get("name") == file.name:
            return
        if data is None:
            try:
                with file.storage.open(file.name, "rb") as stored:
                    data = stored.read()
            except STORAGE_ERRORS:
                return
        setattr(self, report_field, {"name": file.name, **examine_pdf(data)})


def document_language(report):
    """The language code a PDF report states (``fi`` for ``fi-FI``), or ""."""
    return (report.get("language") or "").split("-")[0].lower()


def document_facts(report):
    """What a link to a PDF tells a visitor: “PDF, 1.2 MB, in Finnish”."""
    facts = ["PDF"]
    if report.get("size"):
        facts.append(str(filesizeformat(report["size"])))
    try:
        name = str(get_language_info(document_language(report))["name_translated"])
    except KeyError:
        pass
    else:
        # Finnish and Swedish write the names of languages in lower case.
        if get_language() != "en":
            name = name.lower()
        facts.append(str(_("in %(language)s") % {"language": name}))
    return ", ".join(facts)
