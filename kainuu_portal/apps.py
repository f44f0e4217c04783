from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)
from django.utils.translation import gettext_lazy as _


def sync_groups_after_migrate(sender, apps=global_apps, **kwargs):
    """
    Keep the role groups complete after every migrate and flush, as Django does
    for permissions: a database emptied by flush gets its Editors and Viewers back.
    """
    from kainuu_portal.publishing import roles

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

        # Every change to published content starts a new page-cache version, and waits for
        # that version's row first.
        from . import pagecache

        pre_save.connect(pagecache.content_about_to_change, dispatch_uid="pagecache-pre-save")
        pre_delete.connect(pagecache.content_about_to_change, dispatch_uid="pagecache-pre-delete")
        post_save.connect(pagecache.content_saved_or_deleted, dispatch_uid="pagecache-save")
        post_delete.connect(pagecache.content_saved_or_deleted, dispatch_uid="pagecache-delete")
        m2m_changed.connect(pagecache.relation_changed, dispatch_uid="pagecache-m2m")

        # The search's stored text vectors follow every save and delete of searchable
        # content, and are written again after migrations (PostgreSQL only).
        from . import search

        post_save.connect(search.entry_saved, dispatch_uid="search-entry-save")
        post_delete.connect(search.entry_deleted, dispatch_uid="search-entry-delete")
        post_migrate.connect(
            search.rebuild_after_migrate, sender=self, dispatch_uid="search-entry-rebuild"
        )
