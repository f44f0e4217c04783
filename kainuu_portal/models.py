"""
The project's own tables: the content version that keeps cached pages fresh, and
the stored search vectors of the searchable content.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models, transaction
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
    def lock(cls, using=None):
        """
        In a transaction, take the row's lock now, before the content row about to be
        written. Every saving transaction writes this row, so when each takes it first, two
        that write the same content rows in another order wait for each other instead of
        deadlocking. Outside a transaction there is nothing to wait for.
        """
        if transaction.get_connection(using).in_atomic_block:
            list(cls.objects.using(using).select_for_update().filter(pk=cls.ROW).values("pk"))

    @classmethod
    def current(cls, using=None):
        row, _created = cls.objects.using(using).get_or_create(pk=cls.ROW)
        return row


class SearchEntry(models.Model):
    """
    One searchable row of content in one language, with its text vector stored.

    Filled from what the content apps declare in their ``search.py`` (``Searchable``)
    by ``kainuu_portal.search``: on every save and delete of such a row (signals, raw
    saves such as a revert included), after the commands that write without signals,
    and by ``rebuild_search_index``. Only on PostgreSQL, where the search reads it
    through one GIN index per language (made by the migration); SQLite searches the
    content tables directly. Every row is here, drafts too: whether a row is live is
    asked of its own table at search time, so a scheduled or unpublished row, or one
    whose parent is a draft, is never found.
    """

    # Keyed by what it describes, so writing a row's entries again replaces them.
    pk = models.CompositePrimaryKey("kind", "object_id", "language")
    kind = models.CharField(_("type"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("row"))
    language = models.CharField(_("language"), max_length=8)
    vector = SearchVectorField(_("text vector"), null=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        ordering = ["kind", "object_id", "language"]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"
