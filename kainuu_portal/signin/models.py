from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SignInEvent(models.Model):
    """One sign-in, sign-out, failure, lockout, device reset or password reset (events.py)."""

    class Kind(models.TextChoices):
        SIGNED_IN = "signed-in", _("Signed in")
        SIGNED_OUT = "signed-out", _("Signed out")
        FAILED = "failed", _("Failed sign-in")
        LOCKED_OUT = "locked-out", _("Locked out")
        ENROLLED = "enrolled", _("Two-factor authentication set up")
        DEVICE_RESET = "device-reset", _("Two-factor authentication reset")
        PASSWORD_CHANGED = "password-changed", _("Password changed")
        PASSWORD_RESET_REQUESTED = "password-reset-requested", _("Password reset requested")
        PASSWORD_RESET = "password-reset", _("Password reset")

    class Detail(models.TextChoices):
        AUTHENTICATOR = "authenticator", _("with the authenticator app")
        RECOVERY_CODE = "recovery-code", _("with a recovery code")
        PASSWORD_ONLY = "password-only", _("with the password only")
        WRONG_PASSWORD = "wrong-password", _("wrong user name or password")
        WRONG_CODE = "wrong-code", _("wrong code")
        IDLE = "idle", _("session ended after a time without activity")
        TIME_LIMIT = "time-limit", _("session reached its time limit")
        DEVICE_GONE = "device-gone", _("session ended by a two-factor reset")
        ACCOUNT = "account", _("too many failures for this user name from this address")
        ADDRESS = "address", _("too many failures from this address")
        SLOW_DOWN = "slow-down", _("user name slowed down after failures from several addresses")
        BY_SUPERUSER = "by-superuser", _("by a superuser")

    time = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    kind = models.CharField(_("event"), max_length=32, choices=Kind)
    detail = models.CharField(_("detail"), max_length=32, choices=Detail, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("user name or e-mail address given"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who did it, when it was someone else than the user."),
    )

    class Meta:
        ordering = ["-time", "-pk"]
        verbose_name = _("sign-in event")
        verbose_name_plural = _("sign-in events")
        indexes = [
            # The password reset throttle counts recent requests per address and per e-mail.
            models.Index(fields=["kind", "ip_address", "time"], name="signin_kind_address_time"),
            models.Index(fields=["kind", "username", "time"], name="signin_kind_username_time"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.username or '-'} ({self.time:%Y-%m-%d %H:%M})"
