"""
The record of sign-in events: one row in ``SignInEvent`` (the admin lists them for
superusers) and one line in the JSON log (logger ``kainuu_portal.signin``) each.

Refused attempts during a lockout are logged but not stored, so that an attacker
hammering a locked form cannot fill the database.
"""

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from kainuu_portal.middleware import client_ip

from .models import SignInEvent

log = logging.getLogger("kainuu_portal.signin")

Kind = SignInEvent.Kind
Detail = SignInEvent.Detail


def record(kind, request=None, *, user=None, username="", detail="", by=None, store=True):
    """Log the event and, unless ``store`` is false, keep it in the database."""
    if user is not None and not username:
        username = user.get_username()
    username = (username or "")[:150]
    address = client_ip(request) if request is not None else None
    fields = {"event": kind.value, "user": username, "address": address}
    if detail:
        fields["detail"] = detail.value
    if by is not None:
        fields["by"] = by.get_username()
    level = logging.WARNING if kind in (Kind.FAILED, Kind.LOCKED_OUT) else logging.INFO
    log.log(
        level,
        "%s: %s from %s%s",
        kind.label,
        username or "-",
        address or "-",
        f" ({detail.label})" if detail else "",
        extra={"fields": fields},
    )
    if store:
        SignInEvent.objects.create(
            kind=kind,
            detail=detail,
            user=user if user is not None and user.pk else None,
            username=username,
            ip_address=address or None,
            by=by,
        )


@receiver(user_logged_in, dispatch_uid="signin-logged-in")
def _signed_in(sender, request, user, **kwargs):
    device = getattr(user, "otp_device", None)
    if device is None:
        detail = Detail.PASSWORD_ONLY
    elif device._meta.model_name == "staticdevice":
        detail = Detail.RECOVERY_CODE
    else:
        detail = Detail.AUTHENTICATOR
    record(Kind.SIGNED_IN, request, user=user, detail=detail)


@receiver(user_logged_out, dispatch_uid="signin-logged-out")
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(Kind.SIGNED_OUT, request, user=user, detail=getattr(request, "signin_ended", ""))


@receiver(user_login_failed, dispatch_uid="signin-login-failed")
def _failed(sender, credentials, request=None, **kwargs):
    if request is None or getattr(request, "signin_refused", False):
        return  # refused unchecked during a lockout: _locked_out logs it
    record(
        Kind.FAILED,
        request,
        username=credentials.get("username", ""),
        detail=getattr(request, "signin_failure", Detail.WRONG_PASSWORD),
    )


@receiver(user_locked_out, dispatch_uid="signin-locked-out")
def _locked_out(sender, request, username, ip_address, **kwargs):
    from .throttling import lockout_of  # noqa: PLC0415  (imports axes' handler machinery)

    lockout = lockout_of(request, {"username": username})
    record(
        Kind.LOCKED_OUT,
        request,
        username=username or "",
        detail=lockout.detail if lockout else "",
        store=not getattr(request, "signin_refused", False),
    )
