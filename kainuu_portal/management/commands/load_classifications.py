"""manage.py load_classifications: the S3 code lists from priorities/data/ into the database."""

from django.core.management.base import BaseCommand

from kainuu_portal import pagecache
from priorities.classifications import load_code_lists


class Command(BaseCommand):
    help = (
        "Load the NACE Rev. 2 and NABS 2007 code lists shipped in priorities/data/, "
        "updating the names of codes already there. A migration runs this too."
    )

    def handle(self, *args, **options):
        counts = load_code_lists()
        pagecache.invalidate()
        for name, (created, updated) in counts.items():
            self.stdout.write(f"{name}: {created} created, {updated} updated")
