"""
The second factor, on django-otp: an authenticator app (TOTP) and one-time recovery codes.

Each member has at most one confirmed authenticator app and one set of recovery codes.
"""

import re
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


def required():
    """Whether every staff member must use a second factor (TWO_FACTOR_REQUIRED)."""
    return settings.TWO_FACTOR_REQUIRED


def is_enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_due(user):
    """Whether signing in as ``user`` takes a second step after the password."""
    return required() or is_enrolled(user)


def new_device(user):
    """An authenticator app waiting to be confirmed with its first code."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


def pending_device(user, pk):
    return TOTPDevice.objects.filter(user=user, pk=pk, confirmed=False).first()


def secret(device):
    """The key as an authenticator app takes it typed in: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code(device):
    """The device's otpauth:// address as an inline SVG (no request elsewhere, no script)."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=4, dark="#000", light="#fff", omitsize=False
    )
    return format_html(
        '<div class="signin-qr" role="img" aria-label="{}">{}</div>',
        _("QR code of the key for the authenticator app"),
        mark_safe(svg),  # noqa: S308  (segno's own markup, no user input)
    )


def normalise(code):
    return re.sub(r"[\s-]", "", code or "").lower()


def confirm(device, code):
    """Confirm ``device`` with its first code; returns the new recovery codes, or None."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(normalise(code)):
            return None
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return new_recovery_codes(device.user)


def new_recovery_codes(user):
    """Replace the member's recovery codes with new ones, and return them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Recovery codes"))
    codes = [StaticToken.random_token() for _n in range(RECOVERY_CODES)]
    device.token_set.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def verify(user, code):
    """
    The device that accepts ``code``: six digits are tried on the authenticator app,
    anything else on the recovery codes (each works once). ``(device, waiting)``, where
    ``waiting`` says that django-otp throttles that device after wrong codes.
    """
    code = normalise(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            return None, False
        allowed, _extra = device.verify_is_allowed()
        if not allowed:
            return None, True
        return (device if device.verify_token(code) else None), False


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user).count()


def reset(user):
    """Remove all of the member's devices: they set up a new one at their next sign-in."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
