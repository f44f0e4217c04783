"""
Shared pieces of the content admins of every app.

Every content model is ``Publishable`` and has translated fields, so each
ModelAdmin builds on ``PublishableAdmin``: a modeltranslation admin with the
status, a computed "live now" column, publish and unpublish actions, read-only
timestamps and fieldsets that put content first and metadata last.

Translated fields are grouped per language in plain fieldsets. The tabbed
modeltranslation admins are not used: they load jQuery UI from a CDN, and no
page of the portal loads anything from another host.
"""

from django.conf import settings
from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation import settings as mt_settings
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.utils import build_localized_fieldname

from kainuu_portal.publishing import Status

__all__ = [
    "PublishableAdmin",
    "PublishableAdminMixin",
    "PublishableStackedInline",
    "PublishableTabularInline",
    "language_fieldsets",
    "localized",
    "publishable_fieldsets",
    "side_by_side",
]

LANGUAGES = mt_settings.AVAILABLE_LANGUAGES
DEFAULT_LANGUAGE = mt_settings.DEFAULT_LANGUAGE


def localized(*fields):
    """Every language version of the given translated fields, e.g. for ``search_fields``."""
    return [build_localized_fieldname(field, lang) for field in fields for lang in LANGUAGES]


def side_by_side(*fields):
    """One form row per translated field, its language versions next to each other."""
    return [tuple(build_localized_fieldname(field, lang) for lang in LANGUAGES) for field in fields]


def language_fieldsets(*fields):
    """One fieldset per language holding that language's version of each translated field."""
    names = dict(settings.LANGUAGES)
    fieldsets = []
    for lang in LANGUAGES:
        options = {"fields": [build_localized_fieldname(field, lang) for field in fields]}
        if lang != DEFAULT_LANGUAGE:
            options["description"] = _(
                "Optional. Where a field is left empty, visitors see the text in another language."
            )
        fieldsets.append((names.get(lang, lang), options))
    return fieldsets


def publishable_fieldsets(main=(), translated=(), details=()):
    """
    The fieldsets of a publishable model, content first and metadata last:
    ``main`` (what the object belongs to and its address), the ``translated``
    content per language, other ``details``, then publishing and the read-only
    record.
    """
    fieldsets = []
    if main:
        fieldsets.append((None, {"fields": list(main)}))
    if translated:
        fieldsets.extend(language_fieldsets(*translated))
    if details:
        fieldsets.append((_("Details"), {"fields": list(details)}))
    fieldsets.append(
        (
            _("Publishing"),
            {
                "fields": ["status", "publish_at"],
                "description": _(
                    "Visitors see only published content whose publishing time has come, "
                    "and only when everything it belongs to is visible too."
                ),
            },
        )
    )
    fieldsets.append(
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]})
    )
    return fieldsets


class PublishableAdminMixin:
    """
    For a ModelAdmin of a ``Publishable`` model.

    Adds a "live now" column (true when visitors see the object: it is live and
    so is every parent it inherits its state from), a status filter, publish
    and unpublish actions and read-only timestamps.
    """

    list_filter = ["status"]
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    list_per_page = 50
    save_on_top = True

    def get_queryset(self, request):
        live = self.model._default_manager.live().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(is_live_now=Exists(live))

    @admin.display(boolean=True, description=_("live now"), ordering="is_live_now")
    def live_now(self, obj):
        if hasattr(obj, "is_live_now"):
            return obj.is_live_now
        return self.model._default_manager.live().filter(pk=obj.pk).exists()

    def _set_status(self, request, queryset, status):
        changed = 0
        now = timezone.now()
        # Stored untranslated, as Django's own change messages are; shown translated.
        with translation.override(None):
            status_label = str(capfirst(self.model._meta.get_field("status").verbose_name))
        for obj in queryset.exclude(status=status):
            obj.status = status
            obj.updated_at = now
            obj.save(update_fields=["status", "updated_at"])
            self.log_change(request, obj, [{"changed": {"fields": [status_label]}}])
            changed += 1
        return changed

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        changed = self._set_status(request, queryset, Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d item was published.", "%(count)d items were published.", changed)
            % {"count": changed},
        )

    @admin.action(description=_("Return the selected items to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        changed = self._set_status(request, queryset, Status.DRAFT)
        self.message_user(
            request,
            ngettext(
                "%(count)d item was returned to draft.",
                "%(count)d items were returned to draft.",
                changed,
            )
            % {"count": changed},
        )


class PublishableAdmin(PublishableAdminMixin, TranslationAdmin):
    """The base ModelAdmin of every content model."""


class PublishableInlineMixin:
    """For inlines of publishable children: shows their status and links to their own page."""

    extra = 0
    show_change_link = True


class PublishableTabularInline(PublishableInlineMixin, TranslationTabularInline):
    pass


class PublishableStackedInline(PublishableInlineMixin, TranslationStackedInline):
    pass
