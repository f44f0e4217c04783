"""What ``manage.py check --deploy`` says about staff sign-in."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def two_factor_required(app_configs, **kwargs):
    """A production site (DEBUG off) asks staff for a second factor, unless told otherwise."""
    if settings.DEBUG or settings.TWO_FACTOR_REQUIRED:
        return []
    return [
        checks.Warning(
            "Two-factor sign-in is off: staff sign in to the admin with a password alone.",
            hint=(
                "Set TWO_FACTOR_REQUIRED=true (or leave it unset). Where staff sign in through "
                "the council's own identity provider instead, add signin.W001 to "
                "SILENCED_SYSTEM_CHECKS."
            ),
            id="signin.W001",
        )
    ]


@checks.register(checks.Tags.security)
def retention_keeps_known_addresses(app_configs, **kwargs):
    """
    The login throttling does not slow a user name down from an address it signed in from
    in the last SIGNIN_KNOWN_ADDRESS_DAYS days, and reads that from the records that
    prune_signin_events deletes after SIGNIN_EVENT_RETENTION_DAYS.
    """
    if settings.SIGNIN_EVENT_RETENTION_DAYS >= settings.SIGNIN_KNOWN_ADDRESS_DAYS:
        return []
    return [
        checks.Warning(
            f"SIGNIN_EVENT_RETENTION_DAYS ({settings.SIGNIN_EVENT_RETENTION_DAYS}) is shorter "
            f"than the {settings.SIGNIN_KNOWN_ADDRESS_DAYS} days for which a known address "
            "is not slowed down at sign-in: the daily pruning deletes the sign-ins that "
            "make an address known, so staff are slowed down sooner after failures.",
            hint=f"Keep sign-in events {settings.SIGNIN_KNOWN_ADDRESS_DAYS} days or more.",
            id="signin.W002",
        )
    ]
