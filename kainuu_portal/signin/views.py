"""The steps of signing in to the admin, the lockout page and the password reset."""

import math
import time
from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from kainuu_portal.middleware import client_ip

from . import events, throttling, two_factor
from .forms import CodeForm, EnrolForm
from .models import SignInEvent

# In the session between the password and the second step: whose password was right, when.
PENDING = "signin_pending"
# How long the second step may take after the password.
PENDING_SECONDS = 10 * 60
# The recovery codes of a new enrolment, shown once.
NEW_CODES = "signin_new_recovery_codes"

Kind = SignInEvent.Kind


def admin_context(request, title):
    return {**admin.site.each_context(request), "title": title, "subtitle": None}


def start_second_step(request, user, next_url):
    """The password was right and a second factor is due: remember who, not sign in yet."""
    request.session.cycle_key()
    request.session[PENDING] = {
        "user": user.pk,
        "backend": user.backend,
        "since": time.time(),
        "next": next_url,
    }
    step = "admin:signin-code" if two_factor.is_enrolled(user) else "admin:signin-enrol"
    return redirect(step)


def complete_sign_in(request, user, device):
    """Both factors are right: sign in as Django does, with the device on the session."""
    pending = request.session.pop(PENDING)
    user.backend = pending["backend"]
    user.otp_device = device  # django-otp's user_logged_in receiver keeps it in the session
    auth_login(request, user)
    return pending["next"]


class PasswordStepView(auth_views.LoginView):
    """The admin's login view, handing over to the second step when one is due."""

    def get_default_redirect_url(self):
        return reverse("admin:index")

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.is_due(user):
            return super().form_valid(form)
        return start_second_step(self.request, user, self.get_success_url())


@method_decorator(never_cache, name="dispatch")
class SecondStepView(FormView):
    title = ""

    def dispatch(self, request, *args, **kwargs):
        pending = request.session.get(PENDING)
        self.user = None
        if pending and time.time() - pending["since"] <= PENDING_SECONDS:
            self.user = (
                get_user_model()
                ._default_manager.filter(pk=pending["user"], is_active=True, is_staff=True)
                .first()
            )
        if self.user is None:
            if pending:
                request.session.pop(PENDING, None)
                messages.info(request, _("Signing in took too long. Please log in again."))
            return redirect("admin:login")
        self.pending = pending
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        username = self.user.get_username()
        if not throttling.is_allowed(request, username):
            return locked_out(request, credentials={"username": username})
        return super().post(request, *args, **kwargs)

    def wrong_code(self, form, message):
        self.request.signin_failure = SignInEvent.Detail.WRONG_CODE
        # Counted by axes as a failed login (and so throttled), and logged.
        user_login_failed.send(
            sender=__name__,
            credentials={"username": self.user.get_username()},
            request=self.request,
        )
        form.add_error("code", message)
        return self.form_invalid(form)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **admin_context(self.request, self.title),
            "member": self.user,
        }


class CodeView(SecondStepView):
    """Second step: a code from the authenticator app, or a recovery code."""

    form_class = CodeForm
    template_name = "signin/code.html"
    title = gettext_lazy("Two-factor authentication")

    def get(self, request, *args, **kwargs):
        if not two_factor.is_enrolled(self.user):
            return redirect("admin:signin-enrol")
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        device, waiting = two_factor.verify(self.user, form.cleaned_data["code"])
        if waiting:
            form.add_error("code", _("Too many wrong codes in a row. Wait a moment and try again."))
            return self.form_invalid(form)
        if device is None:
            return self.wrong_code(form, _("That code is not right. Check it and try again."))
        next_url = complete_sign_in(self.request, self.user, device)
        if device._meta.model_name == "staticdevice":
            left = two_factor.remaining_recovery_codes(self.user)
            messages.warning(
                self.request,
                ngettext(
                    "You used a recovery code; %(count)d is left. If you have lost your "
                    "authenticator app, ask an administrator to reset your two-factor "
                    "authentication.",
                    "You used a recovery code; %(count)d are left. If you have lost your "
                    "authenticator app, ask an administrator to reset your two-factor "
                    "authentication.",
                    left,
                )
                % {"count": left},
            )
        return HttpResponseRedirect(next_url)


class EnrolView(SecondStepView):
    """Second step at the first sign-in: set up the authenticator app."""

    form_class = EnrolForm
    template_name = "signin/enrol.html"
    title = gettext_lazy("Set up two-factor authentication")

    def get_device(self):
        device = two_factor.pending_device(self.user, self.pending.get("device"))
        if device is None:
            device = two_factor.new_device(self.user)
            self.pending["device"] = device.pk
            self.request.session[PENDING] = self.pending
        return device

    def get(self, request, *args, **kwargs):
        if two_factor.is_enrolled(self.user):
            return redirect("admin:signin-code")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        device = self.get_device()
        return {
            **super().get_context_data(**kwargs),
            "qr_code": two_factor.qr_code(device),
            "secret": two_factor.secret(device),
            "issuer": settings.OTP_TOTP_ISSUER,
        }

    def form_valid(self, form):
        device = self.get_device()
        codes = two_factor.confirm(device, form.cleaned_data["code"])
        if codes is None:
            return self.wrong_code(
                form,
                _("That code is not right. Check the time on your phone and try the next code."),
            )
        events.record(Kind.ENROLLED, self.request, user=self.user)
        device.refresh_from_db()
        next_url = complete_sign_in(self.request, self.user, device)
        self.request.session[NEW_CODES] = {"codes": codes, "next": next_url}
        return redirect("admin:signin-recovery-codes")


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(TemplateView):
    """The new recovery codes, shown once right after the set-up."""

    template_name = "signin/recovery_codes.html"

    def get(self, request, *args, **kwargs):
        new = request.session.pop(NEW_CODES, None)
        if new is None or not request.user.is_authenticated:
            return redirect("admin:index")
        context = {
            **admin_context(request, _("Your recovery codes")),
            "codes": new["codes"],
            "next": new["next"],
        }
        return self.render_to_response(context)


def locked_out(request, response=None, credentials=None):
    """The page for a refused attempt (AXES_LOCKOUT_CALLABLE): why, and for how long."""
    lockout = throttling.lockout_of(request, credentials)
    seconds = lockout.seconds if lockout else int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {
        **admin_context(request, _("Too many failed login attempts")),
        "lockout": lockout,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "seconds": seconds,
        "minutes": math.ceil(seconds / 60),
    }
    page = render(request, "registration/locked_out.html", context, status=429)
    page["Retry-After"] = str(seconds)
    return page


# --- Password reset by e-mail: Django's own views, the admin's templates ----------------


class AdminLookMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**admin.site.each_context(self.request), **context}


class PasswordResetView(AdminLookMixin, auth_views.PasswordResetView):
    """
    Sends the reset link and says the same whether or not the address is known. At most
    PASSWORD_RESET_LIMIT_PER_ADDRESS requests an hour from one address and
    PASSWORD_RESET_LIMIT_PER_EMAIL for one e-mail address; more get a 429 page.
    """

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()[:150]
        if self.throttled(email):
            events.record(Kind.PASSWORD_RESET_REQUESTED, self.request, username=email, store=False)
            context = admin_context(self.request, _("Password reset"))
            return render(
                self.request, "registration/password_reset_throttled.html", context, status=429
            )
        user = next(iter(form.get_users(email)), None)
        events.record(Kind.PASSWORD_RESET_REQUESTED, self.request, username=email, user=user)
        return super().form_valid(form)

    def throttled(self, email):
        recent = SignInEvent.objects.filter(
            kind=Kind.PASSWORD_RESET_REQUESTED, time__gte=timezone.now() - timedelta(hours=1)
        )
        address = client_ip(self.request) or None
        return (
            recent.filter(ip_address=address).count() >= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
            or recent.filter(username=email).count() >= settings.PASSWORD_RESET_LIMIT_PER_EMAIL
        )


class PasswordResetDoneView(AdminLookMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(AdminLookMixin, auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        # The new password ends every session of the member (Django's session hash).
        events.record(Kind.PASSWORD_RESET, self.request, user=form.user)
        return response


class PasswordResetCompleteView(AdminLookMixin, auth_views.PasswordResetCompleteView):
    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "login_url": reverse("admin:login")}
