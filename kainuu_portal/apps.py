from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KainuuPortalConfig(AppConfig):
    name = "kainuu_portal"
    verbose_name = _("Kainuu Portal")
