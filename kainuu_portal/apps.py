from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class KainuuPortalConfig(AppConfig):
    name = "kainuu_portal"
    verbose_name = _("Kainuu Portal")

    def ready(self):
        # Every change to published content starts a new page-cache version.
        from . import pagecache

        post_save.connect(pagecache.content_saved_or_deleted, dispatch_uid="pagecache-save")
        post_delete.connect(pagecache.content_saved_or_deleted, dispatch_uid="pagecache-delete")
        m2m_changed.connect(pagecache.relation_changed, dispatch_uid="pagecache-m2m")
