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

The uploaded files themselves are in MEDIA_ROOT: back that folder up too.
``import_content`` loads the file into an empty database.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import models

EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes"]


def media_references(using="default"):
    """The names of every uploaded file that some row refers to."""
    names = set()
    for model in apps.get_models():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for field in file_fields:
            values = model._base_manager.using(using).exclude(**{field.name: ""})
            names.update(values.values_list(field.name, flat=True))
    return sorted(name for name in names if name)


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
            "under MEDIA_ROOT: back up that folder as well."
        )
