"""
Write the search's stored text vectors again from the content (PostgreSQL).

Saves and deletes keep them current by themselves, and ``migrate``,
``generate_scale_data`` and ``import_content`` rebuild them. Run it after
changing rows outside Django (SQL, a restore). On SQLite, which searches the
content tables directly, it does nothing.

    manage.py rebuild_search_index
"""

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, transaction

from kainuu_portal import search


class Command(BaseCommand):
    help = "Write the search's stored text vectors again from the content (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, **options):
        if not search.uses_entries(database):
            self.stdout.write("This database is searched directly; there is nothing to rebuild.")
            return
        with transaction.atomic(using=database):
            count = search.rebuild(database)
        self.stdout.write(self.style.SUCCESS(f"The search index holds {count} entries."))
