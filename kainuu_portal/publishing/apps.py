from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """The publishing core: its concrete models are ``Redirect`` and ``PendingChange``."""

    name = "kainuu_portal.publishing"
    label = "publishing"
    verbose_name = _("Addresses")

    def ready(self):
        from . import redirects

        pre_save.connect(redirects.remember_addresses, dispatch_uid="redirects-before")
        post_save.connect(redirects.record_redirects, dispatch_uid="redirects-after")
