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
