"""The project's own table: the content version that keeps cached pages fresh."""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """
    One row: a number that grows whenever the site's content changes.

    It lives beside the content, so a change bumps it in the same transaction
    whatever happens to the cache, and every process on every host reads the
    same number (kainuu_portal/pagecache.py). ``valid_until`` is when the
    content changes by itself (the next scheduled time, or midnight); empty
    means "not computed since the last change".
    """

    ROW = 1

    version = models.BigIntegerField(_("version"), default=1)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")
        ordering = ["pk"]

    def __str__(self):
        return str(self.version)

    @classmethod
    def bump(cls, using=None):
        """Start a new version, in the caller's transaction."""
        manager = cls.objects.using(using)
        if not manager.filter(pk=cls.ROW).update(version=F("version") + 1, valid_until=None):
            manager.get_or_create(pk=cls.ROW, defaults={"version": 2})

    @classmethod
    def current(cls, using=None):
        row, _created = cls.objects.using(using).get_or_create(pk=cls.ROW)
        return row
