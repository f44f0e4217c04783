from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from . import events, two_factor
from .forms import PasswordForm
from .models import SignInEvent


class PortalAdminSite(admin.AdminSite):
    """
    The admin, signed in to in two steps (see kainuu_portal/signin/__init__.py). Where a
    second factor is required, a session that has not passed one opens no admin page.
    """

    login_form = PasswordForm

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        if not two_factor.required():
            return True
        is_verified = getattr(request.user, "is_verified", None)
        return bool(is_verified and is_verified())

    def get_urls(self):
        from . import views  # noqa: PLC0415  (views import models; sites load first)

        return [
            path("login/code/", views.CodeView.as_view(), name="signin-code"),
            path("login/set-up/", views.EnrolView.as_view(), name="signin-enrol"),
            path(
                "login/recovery-codes/",
                views.RecoveryCodesView.as_view(),
                name="signin-recovery-codes",
            ),
            *super().get_urls(),
        ]

    def login(self, request, extra_context=None):
        # AdminSite.login with the two-step view in place of Django's LoginView.
        from .views import PasswordStepView  # noqa: PLC0415

        redirect_url = PasswordStepView().get_redirect_url(request) or reverse(
            "admin:index", current_app=self.name
        )
        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(redirect_url)
        context = {
            **self.each_context(request),
            "title": _("Log in"),
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
            REDIRECT_FIELD_NAME: redirect_url,
            **(extra_context or {}),
        }
        request.current_app = self.name
        return PasswordStepView.as_view(
            extra_context=context,
            authentication_form=self.login_form,
            template_name=self.login_template or "admin/login.html",
        )(request)

    def password_change(self, request, extra_context=None):
        response = super().password_change(request, extra_context)
        if request.method == "POST" and response.status_code == 302:
            # Django's session hash ends the member's other sessions.
            events.record(SignInEvent.Kind.PASSWORD_CHANGED, request, user=request.user)
        return response
