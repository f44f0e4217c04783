from django.db import models
from django.utils.translation import gettext_lazy as _

from kainuu_portal.publishing.models import (
    Address,
    Orderable,
    Publishable,
    PublishableQuerySet,
    unique_slugs,
)
from kainuu_portal.publishing.richtext import RichTextField


class PageQuerySet(PublishableQuerySet):
    def in_footer(self, now=None):
        """Live pages linked from the footer of every page."""
        return self.live(now=now).filter(show_in_footer=True)


class Page(Publishable, Orderable):
    """A free content page: about, accessibility statement, privacy notice."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"))
    show_in_footer = models.BooleanField(
        _("show in footer"), default=False, help_text=_("Link this page from every page's footer.")
    )
    is_accessibility_statement = models.BooleanField(
        _("accessibility statement"),
        default=False,
        help_text=_(
            "This page is the accessibility statement: below its text, it lists the published "
            "content and documents that fail the accessibility checks, with the reasons."
        ),
    )

    objects = PageQuerySet.as_manager()
    address = Address("pages:page-detail", slug="slug")

    class Meta(Orderable.Meta):
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            *unique_slugs(
                "pages_page_unique_slug", _("Another page already has this slug in {language}.")
            ),
            models.UniqueConstraint(
                fields=["is_accessibility_statement"],
                condition=models.Q(is_accessibility_statement=True),
                name="pages_page_one_accessibility_statement",
                violation_error_message=_("Another page is already the accessibility statement."),
            ),
        ]

    def __str__(self):
        return self.title
