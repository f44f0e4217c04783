"""
Publishing an item with its parts (``children``) in the admin.

For a model that declares ``publish_children``:

- the change form of an item with draft parts lists them (flagged when the item
  itself is published, since visitors miss them) with a checkbox that publishes
  them in the same save as the item;
- the "publish" list action, when the selected items have draft parts, asks
  first on a page of its own whether to publish those parts too;
- the change list has a column with the number of draft parts of each item.
"""

from collections import defaultdict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kainuu_portal.publishing.children import (
    draft_children,
    draft_children_by_parent,
    has_children,
    with_draft_children_count,
)
from kainuu_portal.publishing.models import Status

FIELD = "publish_drafts"
CONFIRM = "publish_confirmed"


def admin_link(obj):
    """The part's name, linked to its change form when it has one."""
    opts = obj._meta
    label = format_html("{} ({})", obj, opts.verbose_name)
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return label
    return format_html('<a href="{}">{}</a>', url, label)


def parts_list(drafts):
    return format_html(
        '<ul class="draft-parts">{}</ul>',
        format_html_join("", "<li>{}</li>", ((admin_link(d),) for d in drafts)),
    )


class WithDraftPartsForm:
    """Mixed into the change form of an item with draft parts: the checkbox and its check."""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(FIELD) and cleaned_data.get("status") != Status.PUBLISHED:
            self.add_error(
                FIELD,
                ValidationError(
                    _(
                        "Its parts are published with the item only: choose “Published” as "
                        "the status too, or untick this box."
                    ),
                    code="parts_without_parent",
                ),
            )
        return cleaned_data


class PublishWithChildrenAdminMixin:
    """For the ModelAdmin of a ``Publishable`` model; does nothing without ``publish_children``."""

    publish_with_parts_template = "admin/publishing/publish_with_parts.html"

    # --- the change form -----------------------------------------------------

    def _drafts_of(self, request, obj):
        """The draft parts of ``obj``, looked up once a request."""
        if obj is None or obj.pk is None or not has_children(self.model):
            return []
        cache = request.__dict__.setdefault("_draft_parts", {})
        key = (self.model._meta.label, obj.pk)
        if key not in cache:
            cache[key] = draft_children(obj)
        return cache[key]

    def get_form(self, request, obj=None, **kwargs):
        drafts = self._drafts_of(request, obj)
        if drafts and self.has_publish_permission(request, obj):
            field = forms.BooleanField(
                label=ngettext(
                    "Publish its %(count)d draft part too when saving as published",
                    "Publish its %(count)d draft parts too when saving as published",
                    len(drafts),
                )
                % {"count": len(drafts)},
                required=False,
            )
            base = kwargs.get("form", self.form)
            kwargs["form"] = type(base.__name__, (WithDraftPartsForm, base), {FIELD: field})
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        drafts = self._drafts_of(request, obj)
        if not drafts:
            return fieldsets
        if obj.status == Status.PUBLISHED:
            intro = _(
                "This item is published, but these parts of it are drafts, so visitors do "
                "not see them:"
            )
        elif self.has_publish_permission(request, obj):
            intro = _("These parts of the item are drafts. You can publish them with it:")
        else:
            intro = _("These parts of the item are drafts:")
        fieldset = (
            _("Draft parts"),
            {
                # Staff who may not publish see the list without the checkbox.
                "fields": [FIELD] if self.has_publish_permission(request, obj) else [],
                "classes": ["draft-parts-fieldset"],
                "description": format_html(
                    '<p class="draft-parts-intro">{}</p>{}', intro, parts_list(drafts)
                ),
            },
        )
        after = next(
            (i + 1 for i, (_n, options) in enumerate(fieldsets) if "status" in options["fields"]),
            len(fieldsets),
        )
        fieldsets.insert(after, fieldset)
        return fieldsets

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        flow = getattr(request, "workflow", None)
        if flow is not None and flow.holds_back:
            # Kept as a pending change: its parts are published when the change is.
            return
        if form.cleaned_data.get(FIELD) and form.instance.status == Status.PUBLISHED:
            self.publish_parts(request, draft_children(form.instance))

    def publish_parts(self, request, drafts):
        """Publish ``drafts`` (of any models), with a message; each is checked and logged."""
        by_model = defaultdict(list)
        for draft in drafts:
            by_model[type(draft)].append(draft.pk)
        changed, refused = 0, []
        for model, pks in by_model.items():
            done, left = self._set_status(
                request, model._default_manager.filter(pk__in=pks), Status.PUBLISHED
            )
            changed += done
            refused += left
        if changed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d draft part was published with it.",
                    "%(count)d draft parts were published with it.",
                    changed,
                )
                % {"count": changed},
            )
        if refused:
            self.message_user(
                request,
                _(
                    "Parts not published, because something is missing (open each to see "
                    "what): %(items)s"
                )
                % {"items": ", ".join(str(obj) for obj in refused)},
                level=messages.WARNING,
            )

    # --- the change list -----------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return with_draft_children_count(queryset) if has_children(self.model) else queryset

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if has_children(self.model) and "draft_parts" not in columns:
            at = columns.index("status") if "status" in columns else len(columns)
            columns.insert(at, "draft_parts")
        return columns

    @admin.display(description=_("draft parts"), ordering="draft_children_count")
    def draft_parts(self, obj):
        count = getattr(obj, "draft_children_count", None)
        if count is None:
            count = len(draft_children(obj))
        if not count:
            return "–"
        text = ngettext("%(count)d draft", "%(count)d drafts", count) % {"count": count}
        if obj.status == Status.PUBLISHED:
            # A published item whose parts visitors miss: flagged.
            return format_html(
                '<strong class="draft-parts-flag">{}</strong> <span class="visually-hidden">'
                "{}</span>",
                text,
                _("(not shown to visitors)"),
            )
        return text

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish(self, request, queryset):
        if not has_children(self.model):
            return super().publish(request, queryset)
        if request.POST.get(CONFIRM):
            super().publish(request, queryset)
            if request.POST.get(FIELD):
                published = queryset.model._default_manager.filter(
                    pk__in=queryset.values("pk"), status=Status.PUBLISHED
                )
                self.publish_parts(
                    request, [part for parent in published for part in draft_children(parent)]
                )
            return None
        by_parent = draft_children_by_parent(queryset)
        if not by_parent:
            return super().publish(request, queryset)
        opts = self.model._meta
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "title": _("Publish with their draft parts?"),
            "subtitle": None,
            "opts": opts,
            "queryset": queryset,
            "parents": [
                {"object": parent, "parts": parts_list(drafts), "count": len(drafts)}
                for parent, drafts in by_parent.items()
            ],
            "parts_count": sum(len(drafts) for drafts in by_parent.values()),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "field": FIELD,
            "confirm": CONFIRM,
            "media": self.media,
        }
        return TemplateResponse(request, self.publish_with_parts_template, context)
