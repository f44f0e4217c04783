"""
Load the portal's demo content (``kainuu_portal/demo/content/``), or refresh it.

    manage.py load_demo_content             load or refresh the demo content
    manage.py load_demo_content --if-empty  only when there is no region yet
"""

from django.core.management.base import BaseCommand

from kainuu_portal.demo.loader import DemoContentLoader
from regions.models import Region


class Command(BaseCommand):
    help = "Load the demo content (Kainuu and its Smart Specialisation strategy 2018-2021)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds a region.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Region.objects.exists():
            self.stdout.write("Regions exist already; the demo content was not loaded.")
            return
        loader = DemoContentLoader()
        loader.load()
        for warning in loader.warnings:
            self.stderr.write(warning)
        created, updated = loader.created, loader.updated
        self.stdout.write(
            "\n".join(
                f"  {name}: {created[name]} created, {updated[name]} updated"
                for name in sorted(set(created) | set(updated))
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded: {created.total()} rows created, {updated.total()} updated."
            )
        )
