"""
Login throttling: django-axes' database handler with three rules instead of one.

- **A user name from one address** is locked after ``AXES_FAILURE_LIMIT`` failures
  (axes' own rule, ``AXES_LOCKOUT_PARAMETERS``).
- **An address** is locked after ``SIGNIN_ADDRESS_FAILURE_LIMIT`` failures, whatever user
  names it tried.
- **A user name from anywhere**: after ``SIGNIN_SLOWDOWN_AFTER`` failures from any
  addresses, it takes one attempt every ``SIGNIN_SLOWDOWN_SECONDS``. This only slows an
  attack spread over many addresses; it never locks the member out, and an address they
  signed in from in the last ``SIGNIN_KNOWN_ADDRESS_DAYS`` days is not slowed at all.

Failures count for ``AXES_COOLOFF_TIME``; a wrong second-factor code counts as a failure
too. An attempt refused during a lockout is not counted, so the lockout ends in time.
"""

import math
from datetime import timedelta
from typing import NamedTuple

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

from .models import SignInEvent


class Lockout(NamedTuple):
    detail: SignInEvent.Detail
    seconds: int  # until an attempt is taken again


def _failures(attempts):
    return attempts.aggregate(
        failures=Sum("failures_since_start", default=0), last=Max("attempt_time")
    )


class SignInAttemptsHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        # Axes locks out when this reaches AXES_FAILURE_LIMIT; so does a locked address.
        failures = super().get_failures(request, credentials)
        if self.address_failures(request)["failures"] >= settings.SIGNIN_ADDRESS_FAILURE_LIMIT:
            failures = max(failures, get_failure_limit(request, credentials))
        return failures

    def is_locked(self, request, credentials=None):
        locked = super().is_locked(request, credentials) or bool(
            self.slow_down_seconds(request, credentials)
        )
        # Asked before a password or code is checked: a refused attempt (events.py).
        request.signin_refused = locked
        return locked

    def recent(self, request):
        return AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))

    def address_failures(self, request):
        return _failures(self.recent(request).filter(ip_address=request.axes_ip_address))

    def account_failures(self, request, username):
        return _failures(
            self.recent(request).filter(username=username, ip_address=request.axes_ip_address)
        )

    def slow_down_seconds(self, request, credentials=None):
        username = get_client_username(request, credentials)
        if not username:
            return 0
        failures = _failures(self.recent(request).filter(username=username))
        if failures["failures"] < settings.SIGNIN_SLOWDOWN_AFTER:
            return 0
        elapsed = (request.axes_attempt_time - failures["last"]).total_seconds()
        wait = settings.SIGNIN_SLOWDOWN_SECONDS - elapsed
        if wait <= 0 or self.is_known_address(request, username):
            return 0
        return math.ceil(wait)

    def is_known_address(self, request, username):
        since = timezone.now() - timedelta(days=settings.SIGNIN_KNOWN_ADDRESS_DAYS)
        return AccessLog.objects.filter(
            username=username, ip_address=request.axes_ip_address, attempt_time__gte=since
        ).exists()

    def lockout(self, request, credentials=None):
        """Why attempts of this request are refused now, and for how long; None if not."""
        username = get_client_username(request, credentials)
        cool_off = settings.AXES_COOLOFF_TIME.total_seconds()
        for detail, failures, limit in (
            (
                SignInEvent.Detail.ACCOUNT,
                self.account_failures(request, username),
                get_failure_limit(request, credentials),
            ),
            (
                SignInEvent.Detail.ADDRESS,
                self.address_failures(request),
                settings.SIGNIN_ADDRESS_FAILURE_LIMIT,
            ),
        ):
            if failures["failures"] >= limit:
                elapsed = (request.axes_attempt_time - failures["last"]).total_seconds()
                return Lockout(detail, max(1, math.ceil(cool_off - elapsed)))
        seconds = self.slow_down_seconds(request, credentials)
        if seconds:
            return Lockout(SignInEvent.Detail.SLOW_DOWN, seconds)
        return None


def lockout_of(request, credentials=None):
    AxesProxyHandler.update_request(request)
    handler = AxesProxyHandler.get_implementation()
    if not isinstance(handler, SignInAttemptsHandler):
        return None
    return handler.lockout(request, credentials)


def is_allowed(request, username):
    """Whether axes takes an attempt for ``username`` from this request now."""
    AxesProxyHandler.update_request(request)
    return AxesProxyHandler.is_allowed(request, {"username": username})
