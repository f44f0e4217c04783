from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_groups_after_migrate(sender, apps=global_apps, **kwargs):
    """
    Keep the role groups complete after every migrate and flush, as Django does
    for permissions: a database emptied by flush gets its Editors and Viewers back.
    """
    from kainuu_portal import roles

    # flush sends no ``apps``; migrate sends the registry of the migrated state.
    roles.sync_groups(apps)


class KainuuPortalConfig(AppConfig):
    name = "kainuu_portal"
    verbose_name = _("Kainuu Portal")

    def ready(self):
        # Django sends post_migrate only for apps with a models module, which this
        # app has not: listen for the auth app's, whose data the groups are.
        post_migrate.connect(
            sync_groups_after_migrate,
            sender=self.apps.get_app_config("auth"),
            dispatch_uid="kainuu_portal.sync_groups",
        )
