"""
The shared publishing base of every content model.

A visitor sees only *live* content: published, with no publish-at time or one
that has passed. A content model lists in ``live_parents`` the lookups to the
parents whose own state it inherits, so a draft region hides its
municipalities and a draft programme hides its priorities.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def live_condition(prefix="", now=None):
    """The Q object that is true for a live row, optionally through a relation prefix."""
    now = now or timezone.now()
    return Q(**{f"{prefix}status": Status.PUBLISHED}) & (
        Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": now})
    )


class PublishableQuerySet(models.QuerySet):
    def live(self):
        """Rows a visitor may see: live themselves and every parent in ``live_parents`` live."""
        now = timezone.now()
        condition = live_condition(now=now)
        for parent in self.model.live_parents:
            parent_live = live_condition(f"{parent}__", now=now)
            if self.model._meta.get_field(parent.split("__")[0]).null:
                # An optional parent (a sector's parent sector) may be absent.
                parent_live |= Q(**{f"{parent}__isnull": True})
            condition &= parent_live
        return self.filter(condition)

    def visible_to(self, user):
        """Everything for staff who may preview drafts; only live rows for everyone else."""
        if can_preview(user, self.model):
            return self.all()
        return self.live()


def can_preview(user, model):
    """Staff with the view permission on ``model`` may preview its drafts."""
    opts = model._meta
    return bool(
        user.is_authenticated
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    )


class Publishable(models.Model):
    """Abstract base: timestamps, status and an optional scheduled publishing time."""

    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published content is shown publicly."),
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. Published content becomes public at this time; leave empty to show it "
            "as soon as it is published."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    # Lookups to parents whose state this model inherits, e.g. ("region",).
    live_parents = ()

    # Related names of the children a version in the history holds with the
    # object (those its admin page edits with it), e.g. ("focus_areas",):
    # reverting the object reverts them, recovering it recovers them.
    history_follow = ()

    class Meta:
        abstract = True

    @property
    def is_live(self):
        now = timezone.now()
        return self.status == Status.PUBLISHED and (
            self.publish_at is None or self.publish_at <= now
        )


class Orderable(models.Model):
    """Abstract base for items that editors put in order."""

    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class LinkBase(Publishable, Orderable):
    """A titled link to a page elsewhere (a "see also" link or a related document)."""

    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title
