import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _

from .models import SignInEvent

STARTED = "signin_started"
SEEN = "signin_seen"
# Set when the session was signed in with a second factor: it ends if that device goes.
WITH_DEVICE = "signin_with_device"
# How often the last-seen time is written to the session, in seconds.
SEEN_RESOLUTION = 60

Detail = SignInEvent.Detail


@receiver(user_logged_in, dispatch_uid="signin-session-start")
def _session_started(sender, request, user, **kwargs):
    now = time.time()
    request.session[STARTED] = request.session[SEEN] = now
    request.session[WITH_DEVICE] = getattr(user, "otp_device", None) is not None


class SessionLimitsMiddleware:
    """
    Ends a staff session after SESSION_IDLE_MINUTES without a request, after
    SESSION_LIMIT_HOURS in all, and when the second factor it was signed in with has
    been reset. Comes after django-otp's OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Visitors have no session cookie: do not touch the session for them.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        session = request.session
        now = time.time()
        started = session.setdefault(STARTED, now)
        seen = session.setdefault(SEEN, now)
        ended = None
        if now - seen > settings.SESSION_IDLE_MINUTES * 60:
            ended = Detail.IDLE
            message = _("You were signed out after %(minutes)d minutes without activity.") % {
                "minutes": settings.SESSION_IDLE_MINUTES
            }
        elif now - started > settings.SESSION_LIMIT_HOURS * 3600:
            ended = Detail.TIME_LIMIT
            message = _("You were signed out: a session lasts at most %(hours)d hours.") % {
                "hours": settings.SESSION_LIMIT_HOURS
            }
        elif session.get(WITH_DEVICE) and not request.user.is_verified():
            ended = Detail.DEVICE_GONE
            message = _("You were signed out because your two-factor authentication was reset.")
        if ended:
            request.signin_ended = ended
            logout(request)
            messages.info(request, message)
        elif now - seen >= SEEN_RESOLUTION:
            session[SEEN] = now
