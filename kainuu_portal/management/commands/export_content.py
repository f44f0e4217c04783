"""
Export all content to one file, for backups and moving to another server.

    manage.py export_content backup.json        (or backup.json.gz, .xz, .bz2)

Everything the editors made goes in: every content model with all its
translations, the admin's history (LogEntry), user accounts and groups (with
password hashes: keep the file as safe as the database) and the paths of
uploaded files. Rows Django recreates by itself (content types, permissions),
sessions and login attempts (django-axes) are left out. Related rows refer to
content types, permissions and users by natural keys, and every row keeps its
primary key, so the history's links stay right.

The uploaded files themselves are in their fields' storages (images and their
resized copies in MEDIA_ROOT, PDF documents in DOCUMENTS_ROOT, or both in object
storage): back those up too with ``export_files``, as deploy/backup does.
``import_content`` loads the file into an empty database.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import models

# The content version starts afresh in the database loaded into (import_content bumps it).
EXCLUDE = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "kainuu_portal.contentversion",
    # Written again from the content by import_content.
    "kainuu_portal.searchentry",
]


def media_references(using="default"):
    """
    Every uploaded file some row refers to, as ``(storage, name)``: the file of each
    file field, read through that field's own storage, and an image's resized copies.
    """
    files = set()
    for model in apps.get_models():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for field in file_fields:
            rows = model._base_manager.using(using).exclude(**{field.name: ""})
            # An image's resized copies (publishing.media.WithImage) are beside it.
            columns = [field.name, *(["image_renditions"] if field.name == "image" else [])]
            for name, *renditions in rows.values_list(*columns):
                files.add((field.storage, name))
                for copy in (renditions[0] if renditions else None) or []:
                    files.add((field.storage, copy["name"]))
    return sorted(files, key=lambda file: file[1])


class Command(BaseCommand):
    help = "Export all content (translations, history, accounts, file paths) to a file."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="File to write; .gz, .bz2, .xz or .lzma at the end compresses it."
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, path, database, **options):
        call_command(
            "dumpdata",
            exclude=EXCLUDE,
            natural_foreign=True,
            natural_primary=False,
            indent=1,
            output=path,
            database=database,
            verbosity=0,
        )
        media = media_references(database)
        self.stdout.write(
            f"Exported the content to {path}. It refers to {len(media)} uploaded file(s) "
            "in their storages: back those up as well (manage.py export_files FOLDER)."
        )
