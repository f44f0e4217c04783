"""
Put the uploaded files of a backup folder back into their storages.

    manage.py import_files FOLDER

Reads ``FOLDER/media.tar.gz`` and ``FOLDER/documents.tar.gz`` (as ``export_files``
or ``deploy/backup`` wrote them) and stores every file under its own name in the
storage the settings name (MEDIA_ROOT and DOCUMENTS_ROOT, or the object store's
buckets). A file already there with the same size is kept, so it can run again.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kainuu_portal.publishing.archives import ARCHIVES, restore_all
from kainuu_portal.publishing.media import STORAGE_ERRORS


class Command(BaseCommand):
    help = "Store the files of FOLDER/media.tar.gz and documents.tar.gz in their storages."

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", help="A backup folder with media.tar.gz and documents.tar.gz."
        )

    def handle(self, *args, folder, **options):
        folder = Path(folder)
        if not any((folder / archive).is_file() for archive in ARCHIVES):
            raise CommandError(f"{folder} holds neither {' nor '.join(ARCHIVES)}.")
        try:
            results = restore_all(folder)
        except STORAGE_ERRORS as error:
            raise CommandError(f"The uploaded files could not be stored: {error}") from error
        for archive, (written, kept) in results.items():
            self.stdout.write(f"{folder / archive}: {written} file(s) stored, {kept} already there")
