"""Uploading images and PDF documents through the admin, as an editor does."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from tests.helpers.admin import change_form

ALT_TEXT = {
    "image_alt_fi": ["Kajaanin linnan rauniot talvella"],
    "image_alt_en": ["The ruins of Kajaani castle in winter"],
    "image_alt_sv": ["Kajaneborgs ruiner på vintern"],
}


def image_file(name="photo.jpg", image_format="JPEG", size=(2400, 1200), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, "#3a6ea5").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def pdf_file(name="strategy.pdf", pages=2):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload(client, obj, field, file, **fields):
    """Submit ``obj``'s admin form as it is, with ``fields`` changed and ``file`` in ``field``."""
    url, data = change_form(client, obj)
    data = data | fields
    data[field] = file
    return client.post(url, data)
