from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class SignInConfig(AppConfig):
    default = True
    name = "kainuu_portal.signin"
    label = "signin"
    verbose_name = _("Sign-in")

    def ready(self):
        from . import checks, events, middleware  # noqa: F401  (register the check, connect receivers)


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the site that asks staff for a second factor."""

    default = False

    default_site = "kainuu_portal.signin.sites.PortalAdminSite"
