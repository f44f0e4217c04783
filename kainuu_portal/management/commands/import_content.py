"""
Load a file made by ``export_content`` into an empty database.

    manage.py migrate
    manage.py import_content backup.json

The database must hold no content and no user account yet (a fresh
``migrate`` is right); the command refuses otherwise, so that it never mixes
two sites. The groups that migrations create are replaced by the ones in the
file. Everything happens in one transaction: on any error nothing is loaded.
Afterwards the command lists uploaded files the content refers to that are
not in their storage (MEDIA_ROOT and DOCUMENTS_ROOT, or the object store):
restore them from the same backup with ``import_files``.
"""

from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kainuu_portal import pagecache, search
from kainuu_portal.publishing.media import STORAGE_ERRORS
from kainuu_portal.publishing.models import Publishable

from .export_content import media_references


def content_rows(using):
    """How many content rows and accounts the database holds."""
    counts = {
        model._meta.label: model._base_manager.using(using).count()
        for model in apps.get_models()
        if issubclass(model, Publishable)
    }
    counts["accounts"] = get_user_model()._base_manager.using(using).count()
    return {label: count for label, count in counts.items() if count}


class Command(BaseCommand):
    help = "Load a file made by export_content into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A file made by export_content.")
        parser.add_argument("--database", default="default")

    def handle(self, *args, path, database, **options):
        if not Path(path).is_file():
            raise CommandError(f"No such file: {path}")
        existing = content_rows(database)
        if existing:
            found = ", ".join(f"{count} {label}" for label, count in sorted(existing.items()))
            raise CommandError(
                f"The database is not empty ({found}). Import only into an empty database: "
                "create a new one, run migrate, then import_content."
            )
        with transaction.atomic(using=database):
            Group.objects.using(database).all().delete()
            call_command("loaddata", path, database=database, verbosity=0)
            search.rebuild(database)
            pagecache.invalidate(database)
        loaded = content_rows(database)
        accounts = loaded.pop("accounts", 0)
        self.stdout.write(
            f"Imported {path}: {sum(loaded.values())} content rows and {accounts} account(s)."
        )
        try:
            missing = [
                name for storage, name in media_references(database) if not storage.exists(name)
            ]
        except STORAGE_ERRORS as error:
            self.stdout.write(
                self.style.WARNING(f"The uploaded files could not be checked: {error}")
            )
            return
        if missing:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(missing)} uploaded file(s) the content refers to are not in their "
                    "storage (MEDIA_ROOT and DOCUMENTS_ROOT, or the object store); restore "
                    "them from the same backup (manage.py import_files FOLDER):\n  "
                    + "\n  ".join(missing)
                )
            )
