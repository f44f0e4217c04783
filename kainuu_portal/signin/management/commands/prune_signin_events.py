"""
Delete the sign-in events older than SIGNIN_EVENT_RETENTION_DAYS (default 365), and
django-axes' own records of sign-in attempts and sign-ins older than that.

The events hold staff members' user names and addresses: they are kept for as long
as the privacy notice says, then deleted. Axes' records (``AccessAttempt``,
``AccessLog``, ``AccessFailureLog``) hold the same, for the login throttling, which
reads back an hour of failures and 30 days of sign-ins (``SIGNIN_KNOWN_ADDRESS_DAYS``).
Run daily, by deploy/kainuu-portal-prune-signin-events.timer:

    manage.py prune_signin_events
"""

from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kainuu_portal.signin.models import SignInEvent


class Command(BaseCommand):
    help = "Delete the sign-in events older than SIGNIN_EVENT_RETENTION_DAYS."

    def handle(self, *args, **options):
        days = settings.SIGNIN_EVENT_RETENTION_DAYS
        if days < 1:
            raise CommandError(
                f"SIGNIN_EVENT_RETENTION_DAYS is {days}: give the number of days to keep "
                "sign-in events, 1 or more."
            )
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _by_model = SignInEvent.objects.filter(time__lt=cutoff).delete()
        noun = "event" if deleted == 1 else "events"
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {deleted} sign-in {noun} older than {days} days "
                f"(before {timezone.localtime(cutoff):%Y-%m-%d %H:%M})."
            )
        )
        attempts, _by_model = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
        logs = AxesProxyHandler.reset_logs(age_days=days)
        failure_logs = AxesProxyHandler.reset_failure_logs(age_days=days)
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {attempts + logs + failure_logs} login throttling records "
                f"older than {days} days."
            )
        )
