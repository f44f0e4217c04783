"""
Copy every uploaded file into a backup folder, whichever storage holds them.

    manage.py export_files FOLDER

Writes ``FOLDER/media.tar.gz`` (images and their resized copies) and
``FOLDER/documents.tar.gz`` (PDF documents), read through the storages the
settings name: MEDIA_ROOT and DOCUMENTS_ROOT, or the object store's buckets.
``import_files FOLDER`` puts them back, into either kind of storage.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kainuu_portal.publishing.archives import archive_all
from kainuu_portal.publishing.media import STORAGE_ERRORS


class Command(BaseCommand):
    help = (
        "Copy every uploaded image and PDF document into FOLDER/media.tar.gz and documents.tar.gz."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="An existing folder to write the two archives into.")

    def handle(self, *args, folder, **options):
        folder = Path(folder)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        try:
            counts = archive_all(folder)
        except STORAGE_ERRORS as error:
            raise CommandError(f"The uploaded files could not be read: {error}") from error
        for archive, count in counts.items():
            self.stdout.write(f"{folder / archive}: {count} file(s)")
