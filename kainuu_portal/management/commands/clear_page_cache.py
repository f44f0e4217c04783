"""
Make every cached page stale: starts a new page-cache content version.

Content changes do this by themselves. Run it after a deploy that changes only
settings, or after changing rows outside Django (SQL, a restore).

    manage.py clear_page_cache
"""

from django.core.management.base import BaseCommand

from kainuu_portal import pagecache


class Command(BaseCommand):
    help = "Make every cached page stale (a new page-cache content version)."

    def handle(self, *args, **options):
        pagecache.invalidate()
        self.stdout.write(self.style.SUCCESS("The page cache was cleared."))
