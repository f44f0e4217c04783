"""
The shared publishing base of every content model.

A visitor sees only *live* content: published, with no publish-at time or one
that has passed. A content model lists in ``live_parents`` the lookups to the
parents whose own state it inherits, so a draft region hides its
municipalities and a draft programme hides its priorities.
"""

from operator import attrgetter

from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kainuu_portal.publishing.checks import content_problems


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
        """
        Everything for staff who may preview drafts; only live rows for everyone else
        (and for ``user=None``, which stands for a visitor).
        """
        if user is not None and can_preview(user, self.model):
            return self.all()
        return self.live()

    def for_cards(self):
        """What a link to each row needs: the relations its address is made from."""
        address = self.model.address
        return self.select_related(*address.related) if address and address.related else self


def visible(lookup, queryset, user=None):
    """A ``Prefetch`` of ``lookup`` with only the rows of ``queryset`` that ``user`` may see."""
    return Prefetch(lookup, queryset=queryset.visible_to(user))


class Address:
    """
    How a content object's public address is made: the URL's name and, for each of
    its arguments, the lookup that reads it from the object (``"programme__slug"``).

    ``get_absolute_url`` follows the lookups on the object; search reads the same
    lookups as columns of a query, and ``for_cards()`` loads the relations they cross.
    """

    def __init__(self, url_name, **lookups):
        self.url_name = url_name
        self.lookups = lookups

    @property
    def related(self):
        """The relations the lookups cross, for ``select_related``."""
        paths = {lookup.rsplit("__", 1)[0] for lookup in self.lookups.values() if "__" in lookup}
        return sorted(path for path in paths if not any(o.startswith(f"{path}__") for o in paths))

    def via(self, relation):
        """This address read through ``relation``: a child shown on this object's page."""
        return Address(
            self.url_name,
            **{name: f"{relation}__{lookup}" for name, lookup in self.lookups.items()},
        )

    def url(self, values):
        """The address from the lookups' values, by argument name."""
        return reverse(self.url_name, kwargs=values)

    def of(self, obj):
        return self.url(
            {
                name: attrgetter(lookup.replace("__", "."))(obj)
                for name, lookup in self.lookups.items()
            }
        )


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
    # What the accessibility checks (``checks.content_problems``) found when the
    # object was last saved, so lists can filter on it and the accessibility
    # statement can name failing content without checking everything again.
    accessibility_problems = models.JSONField(
        _("accessibility problems"), default=list, blank=True, editable=False
    )

    objects = PublishableQuerySet.as_manager()

    # The public address (an ``Address``); None for content shown on a parent's page
    # only, whose ``get_absolute_url`` then leads to that page.
    address = None

    # Lookups to parents whose state this model inherits, e.g. ("region",).
    live_parents = ()

    # Foreign keys to the parents whose versions in the history hold this object
    # (the parents whose admin page edits it), e.g. ("priority",): reverting the
    # parent reverts it, recovering the parent recovers it.
    history_parents = ()

    # For the accessibility checks: plain-text fields that are the text of a link to
    # the ``url`` field, the heading level a rich-text field's headings start at when
    # the page puts the field under a heading of its own (2 otherwise), and the PDF
    # documents (FileFields, each with a JSONField ``<name>_report``).
    link_text_fields = ()
    first_heading_levels = {}
    documents = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A save of a few named fields (status, order) leaves the content as it was.
        if kwargs.get("update_fields") is None:
            self.accessibility_problems = [p.as_dict() for p in content_problems(self)]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.address.of(self)

    @property
    def is_published_now(self):
        """Published, and its publish-at time (if any) has passed; parents not considered."""
        return self.status == Status.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )

    @property
    def is_live(self):
        """What ``live()`` checks, on this object: itself and every parent published now."""
        if not self.is_published_now:
            return False
        for lookup in self.live_parents:
            parent = attrgetter(lookup.replace("__", "."))(self)
            # An optional parent (a sector's parent sector) may be absent.
            if parent is not None and not parent.is_published_now:
                return False
        return True

    @classmethod
    def history_children(cls):
        """Related names of the children whose ``history_parents`` name this model."""
        return tuple(
            relation.get_accessor_name()
            for relation in cls._meta.related_objects
            if relation.field.name in getattr(relation.related_model, "history_parents", ())
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

    link_text_fields = ("title",)

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title
