"""
Shared pieces of the content admins of every app.

Every content model is ``Publishable`` and has translated fields, so each
ModelAdmin builds on ``PublishableAdmin``: a modeltranslation admin with the
status, a computed "live now" column, publish and unpublish actions, read-only
timestamps and fieldsets that put content first and metadata last. It keeps
the history of every object with django-reversion (compare two versions with
django-reversion-compare, revert, recover deleted objects), lets editors drag
ordered inlines into order (django-admin-sortable2) and warns instead of
overwriting when someone else saved the object after the form was opened
(``PublishableForm``).

Translated fields are grouped per language in plain fieldsets. The tabbed
modeltranslation admins are not used: they load jQuery UI from a CDN, and no
page of the portal loads anything from another host.
"""

import hashlib
import json
from datetime import UTC, datetime

from adminsortable2 import admin as sortable
from adminsortable2.admin import SortableAdminBase, SortableInlineAdminMixin
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered as AdminNotRegistered
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import (
    AdminFileWidget,
    AutocompleteSelect,
    AutocompleteSelectMultiple,
)
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Exists, Model, OuterRef
from django.http import HttpResponseForbidden
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation import settings as mt_settings
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin

from kainuu_portal.publishing.checks import CHECKS, pdf_problems, stored_problems
from kainuu_portal.publishing.children_admin import PublishWithChildrenAdminMixin
from kainuu_portal.publishing.media import UploadErrorsAsFormErrors, alt_text_fields
from kainuu_portal.publishing.models import Redirect, Status, can_publish, language_order
from kainuu_portal.publishing.schedule import ScheduleAdminMixin, check_unpublish_at
from kainuu_portal.publishing.workflow import WorkflowAdminMixin

__all__ = [
    "AccessibilityFilter",
    "ChildAdmin",
    "RedirectAdmin",
    "PublishableAdmin",
    "PublishableAdminMixin",
    "PublishableForm",
    "PublishableStackedInline",
    "PublishableTabularInline",
    "ParentBreadcrumbMixin",
    "SortableAdminMixin",
    "SortableStackedInline",
    "SortableTabularInline",
    "language_fieldsets",
    "localized",
    "publishable_fieldsets",
    "side_by_side",
    "document_check",
    "document_summary",
    "slugs_from",
]

LANGUAGES = mt_settings.AVAILABLE_LANGUAGES
DEFAULT_LANGUAGE = mt_settings.DEFAULT_LANGUAGE


def localized(*fields):
    """Every language version of the given translated fields, e.g. for ``search_fields``."""
    return [build_localized_fieldname(field, lang) for field in fields for lang in LANGUAGES]


def side_by_side(*fields):
    """One form row per translated field, its language versions next to each other."""
    return [tuple(build_localized_fieldname(field, lang) for lang in LANGUAGES) for field in fields]


def slugs_from(*fields, translated=True):
    """
    ``prepopulated_fields`` for the slug in each language: made from that language's
    version of the translated ``fields`` (or from the same untranslated ``fields`` in
    every language) until an editor types one.
    """
    return {
        build_localized_fieldname("slug", lang): tuple(
            build_localized_fieldname(field, lang) if translated else field for field in fields
        )
        for lang in LANGUAGES
    }


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


def publishable_fieldsets(main=(), translated=(), details=(), image=False):
    """
    The fieldsets of a publishable model, content first and metadata last:
    ``main`` (what the object belongs to and its address), the ``translated``
    content per language, other ``details``, the ``image`` with its alt text
    (for models with ``WithImage``), then publishing and the read-only record.
    """
    fieldsets = []
    if main:
        fieldsets.append((None, {"fields": list(main)}))
    if translated:
        fieldsets.extend(language_fieldsets(*translated))
    if details:
        fieldsets.append((_("Details"), {"fields": list(details)}))
    if image:
        fieldsets.append(
            (
                _("Image"),
                {
                    "fields": ["image", tuple(alt_text_fields())],
                    "description": _(
                        "Optional. Describe the image in every language before you publish it."
                    ),
                },
            )
        )
    fieldsets.append(
        (
            _("Publishing"),
            {
                "fields": ["status", "publish_at", "unpublish_at", CONCURRENCY_FIELD],
                "description": _(
                    "Visitors see only published content whose publishing time has come, "
                    "and only when everything it belongs to is visible too. To schedule, "
                    "choose “Published” and a time in the future: the item goes public by "
                    "itself at that time. An unpublishing time takes it off the site by "
                    "itself. A draft stays hidden whatever the time."
                ),
            },
        )
    )
    fieldsets.append(
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]})
    )
    return fieldsets


CONCURRENCY_FIELD = "concurrency_token"


class _KnownValuesOnly:
    """
    An autocomplete that shows again only posted values its model's key could hold.

    Django's autocomplete widgets look the posted values up to label them when a form
    with an error is shown again; a value that is no key at all ("abc" for a number)
    made that lookup fail with a 500. The field's own error ("Select a valid choice")
    still says what is wrong.
    """

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        key = remote.model._meta.get_field(
            getattr(remote, "field_name", remote.model._meta.pk.attname)
        )
        return super().optgroups(name, [v for v in value if _holds(key, v)], attr)


def _holds(key, value):
    try:
        key.clean(value, None)
    except ValidationError:
        return False
    return True


class KnownValuesAutocompleteSelect(_KnownValuesOnly, AutocompleteSelect):
    pass


class KnownValuesAutocompleteSelectMultiple(_KnownValuesOnly, AutocompleteSelectMultiple):
    pass


class AutocompleteAdminMixin:
    """For every admin and inline of the site: ``autocomplete_fields`` with those widgets."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownValuesAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownValuesAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def _fingerprint(value):
    """A short, stable digest of a form's initial value (model instances by primary key)."""
    if value is None:
        value = ""  # a blank translation is None until a form saves it as ""
    elif isinstance(value, datetime):
        value = value.astimezone(UTC).isoformat()  # a form's value and the database's alike
    elif isinstance(value, Model):
        value = value.pk
    elif isinstance(value, list | tuple | set) or hasattr(value, "values_list"):
        value = sorted(str(item.pk if isinstance(item, Model) else item) for item in value)
    return hashlib.sha256(str(value).encode()).hexdigest()[:12]


EARLIEST_SCHEDULED_TIME = datetime(2000, 1, 1, tzinfo=UTC)


class PublishableForm(forms.ModelForm):
    """
    The change form of a publishable object.

    Two editors, one record: the form carries a hidden token with the object's
    ``updated_at`` and a digest of every field as it was when the form was
    opened. If someone else saved the object in between, saving does not
    overwrite: the form comes back with what the editor typed, a message that
    names who saved and the fields they changed (with their saved values),
    and a fresh token, so that saving again keeps the editor's version.

    It also refuses a publish-at time in the past on a draft, which would
    otherwise suggest that the draft goes public at that time.
    """

    concurrency_token = forms.CharField(widget=forms.HiddenInput, required=False)

    # The pending change this form edits (``workflow``), if any: its values are the
    # form's initial values and its time is the token's, so two editors of one pending
    # change are warned as two editors of one item are.
    pending = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial[CONCURRENCY_FIELD] = self.current_token()
        self.changed_by_others = []

    def current_token(self):
        if self.instance.pk is None:
            return ""
        digests = {
            name: _fingerprint(self.initial.get(name))
            for name in self.fields
            if name != CONCURRENCY_FIELD
        }
        return json.dumps(
            {"updated_at": self.token_time().isoformat(), "fields": digests},
            separators=(",", ":"),
        )

    def token_time(self):
        return self.pending.updated_at if self.pending else self.instance.updated_at

    def clean(self):
        cleaned_data = super().clean()
        self._check_times_in_range(cleaned_data)
        self._check_publish_at(cleaned_data)
        check_unpublish_at(self, cleaned_data)
        self._check_concurrent_change(cleaned_data)
        return cleaned_data

    def _check_times_in_range(self, cleaned_data):
        # The date fields take any year; a time in the first hours of year 1 here is before
        # the earliest time in UTC and cannot be stored, and none before 2000 is meant.
        for name in ("publish_at", "unpublish_at"):
            value = cleaned_data.get(name)
            if value is not None and value < EARLIEST_SCHEDULED_TIME:
                self.add_error(
                    name,
                    ValidationError(
                        _("Give a time in the year 2000 or later."), code="time_too_early"
                    ),
                )

    def _check_publish_at(self, cleaned_data):
        publish_at = cleaned_data.get("publish_at")
        if (
            cleaned_data.get("status") == Status.DRAFT
            and publish_at is not None
            and publish_at <= timezone.now()
            and ({"publish_at", "status"} & set(self.changed_data))
        ):
            self.add_error(
                "publish_at",
                ValidationError(
                    _(
                        "This time has already passed and the status is “Draft”. A draft is "
                        "never shown to visitors, whatever the time, so nothing would be "
                        "published. To show the item now, choose “Published”; to schedule it, "
                        "choose “Published” and a time in the future; to keep working on a "
                        "draft, empty this field."
                    ),
                    code="past_publish_at_on_draft",
                ),
            )

    def _check_concurrent_change(self, cleaned_data):
        token = cleaned_data.get(CONCURRENCY_FIELD)
        if self.instance.pk is None or not token:
            return
        try:
            seen = json.loads(token)
            seen_updated_at = seen["updated_at"]
            seen_fields = dict(seen["fields"])
        except (ValueError, KeyError, TypeError):
            return
        if seen_updated_at == self.token_time().isoformat():
            return
        current = json.loads(self.current_token())["fields"]
        self.changed_by_others = [
            name for name, digest in current.items() if seen_fields.get(name) != digest
        ]
        # A fresh token: saving the form again keeps this editor's version.
        self.data = self.data.copy()
        self.data[self.add_prefix(CONCURRENCY_FIELD)] = self.current_token()

        if self.pending:
            who = self.pending.author
        else:
            latest = (
                Version.objects.get_for_object(self.instance)
                .select_related("revision__user")
                .first()
            )
            who = latest.revision.user if latest and latest.revision.user else None
        params = {
            "who": (who.get_full_name() or who.get_username()) if who else _("someone else"),
            "when": localize(timezone.localtime(self.token_time())),
        }
        if self.changed_by_others:
            names = ", ".join(
                str(self.fields[name].label or name) for name in self.changed_by_others
            )
            message = _(
                "%(who)s saved this item at %(when)s, after you opened it, and changed: "
                "%(fields)s. Nothing was saved yet and nothing you typed is lost. Check the "
                "fields marked below, then save again to keep your version of the item."
            )
            params["fields"] = names
            for name in self.changed_by_others:
                self.add_error(name, self._changed_field_error(name))
        else:
            message = _(
                "%(who)s saved this item at %(when)s, after you opened it (their changes are "
                "in its related items). Nothing was saved yet and nothing you typed is lost. "
                "Check the item, then save again to keep your version."
            )
        raise ValidationError(message, code="concurrent_change", params=params)

    def _changed_field_error(self, name):
        value = self.initial.get(name)
        if isinstance(value, list | tuple):
            shown = ", ".join(str(item) for item in value)
        else:
            shown = strip_tags(str(value if value is not None else ""))
        shown = Truncator(shown).chars(200) or _("(empty)")
        return ValidationError(
            _("Changed by someone else meanwhile. Saved value now: “%(value)s”"),
            code="concurrent_change",
            params={"value": shown},
        )


class AccessibilityFilter(admin.SimpleListFilter):
    """Items whose content the accessibility checks found problems in, when last saved."""

    title = _("accessibility")
    parameter_name = "accessibility"

    def lookups(self, request, model_admin):
        return [("problems", _("Has accessibility problems")), ("ok", _("No problems found"))]

    def queryset(self, request, queryset):
        if self.value() == "problems":
            return queryset.exclude(accessibility_problems=[])
        if self.value() == "ok":
            return queryset.filter(accessibility_problems=[])
        return queryset


def problems_message(obj):
    """The HTML of the save message that lists the accessibility problems of ``obj``."""
    problems = stored_problems(obj)
    return format_html(
        "{} <ul>{}</ul>",
        ngettext(
            "Saved, but the accessibility checks found %(count)d problem. Visitors using "
            "assistive technology may miss something until it is fixed:",
            "Saved, but the accessibility checks found %(count)d problems. Visitors using "
            "assistive technology may miss something until they are fixed:",
            len(problems),
        )
        % {"count": len(problems)},
        format_html_join(
            "",
            "<li><strong>{}</strong>: {} {}</li>",
            ((p.where(type(obj)), p.what, p.fix) for p in problems),
        ),
    )


def document_check(report):
    """The result of examining a PDF (``media.examine_pdf``), as HTML for the admin."""
    if not report:
        return _("No document uploaded.")
    if not report.get("readable"):
        return _("The document could not be read.")
    yes, no = _("yes"), _("no")
    facts = [
        (_("pages"), report["pages"]),
        (_("tagged"), yes if report["tagged"] else no),
        (_("language"), report["language"] or _("not stated")),
        (_("title"), report["title"] or _("none")),
        (_("title shown by PDF readers"), yes if report["displays_title"] else no),
        (_("text that can be read out"), yes if report["has_text"] else no),
    ]
    codes = pdf_problems(report)
    return format_html(
        "<ul>{}</ul>{}",
        format_html_join("", "<li>{}: {}</li>", ((capfirst(k), v) for k, v in facts)),
        format_html(
            "<p>{}</p><ul>{}</ul>",
            _("To make the document accessible:"),
            format_html_join(
                "", "<li>{} {}</li>", ((CHECKS[c].what, CHECKS[c].fix) for c in codes)
            ),
        )
        if codes
        else format_html("<p>{}</p>", _("The document passes the accessibility checks.")),
    )


def document_summary(report):
    """A short result of examining a PDF for a change-list column."""
    if not report:
        return "–"
    if not report.get("readable"):
        return _("unreadable")
    count = len(pdf_problems(report))
    if not count:
        return _("passes the checks")
    return ngettext("%(count)d problem", "%(count)d problems", count) % {"count": count}


class LabelledFileInput(AdminFileWidget):
    """
    A file input with a label of its own. Django puts file inputs in a fieldset
    named by its legend, which leaves the input itself without a name.
    """

    use_fieldset = False


class PublishableAdminMixin:
    """
    For a ModelAdmin of a ``Publishable`` model.

    Adds a "live now" column (true when visitors see the object: it is live and
    so is every parent it inherits its state from), a status filter, a filter of
    items with accessibility problems, publish and unpublish actions and
    read-only timestamps. After a save it lists, without blocking the save, the
    accessibility problems the checks found in the item's content.
    """

    form = PublishableForm
    list_filter = ["status"]
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish", "unpublish"]

    class Media:
        js = ["js/admin/rich-text-labels.js", "js/admin/slugs.js"]

    list_per_page = 50
    save_on_top = True
    formfield_overrides = {
        models.FileField: {"widget": LabelledFileInput},
        models.ImageField: {"widget": LabelledFileInput},
    }

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), AccessibilityFilter]

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        self.warn_about_accessibility(request, obj)
        return response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        self.warn_about_accessibility(request, obj)
        return response

    def warn_about_accessibility(self, request, obj):
        if obj.accessibility_problems:
            self.message_user(request, problems_message(obj), level=messages.WARNING)

    def get_queryset(self, request):
        live = self.model._default_manager.live().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(is_live_now=Exists(live))

    @admin.display(boolean=True, description=_("live now"), ordering="is_live_now")
    def live_now(self, obj):
        if hasattr(obj, "is_live_now"):
            return obj.is_live_now
        return self.model._default_manager.live().filter(pk=obj.pk).exists()

    def _set_status(self, request, queryset, status):
        """
        Give the objects ``status``; return how many changed and the objects
        left as they were because they are not ready for it (such as an
        image without alt text). The admin's changelist view records the
        changes in one history revision.
        """
        changed = 0
        refused = []
        now = timezone.now()
        # Stored untranslated, as Django's own change messages are; shown translated.
        with translation.override(None):
            status_label = str(capfirst(self.model._meta.get_field("status").verbose_name))
        for obj in queryset.exclude(status=status):
            obj.status = status
            try:
                obj.clean()
            except ValidationError:
                refused.append(obj)
                continue
            obj.updated_at = now
            obj.save(update_fields=["status", "updated_at"])
            self.log_change(request, obj, [{"changed": {"fields": [status_label]}}])
            changed += 1
        return changed, refused

    def has_publish_permission(self, request, obj=None):
        """Publishers (``publishing.publish``) change live content; editors submit for review."""
        return can_publish(request.user) and self.has_change_permission(request, obj)

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish(self, request, queryset):
        changed, refused = self._set_status(request, queryset, Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d item was published.", "%(count)d items were published.", changed)
            % {"count": changed},
        )
        if refused:
            self.message_user(
                request,
                _(
                    "Not published, because something is missing (open each to see what, "
                    "such as an image's alt text): %(items)s"
                )
                % {"items": ", ".join(str(obj) for obj in refused)},
                level=messages.WARNING,
            )

    @admin.action(description=_("Return the selected items to draft"), permissions=["publish"])
    def unpublish(self, request, queryset):
        changed, _refused = self._set_status(request, queryset, Status.DRAFT)
        self.message_user(
            request,
            ngettext(
                "%(count)d item was returned to draft.",
                "%(count)d items were returned to draft.",
                changed,
            )
            % {"count": changed},
        )


class PublishableAdmin(
    AutocompleteAdminMixin,
    WorkflowAdminMixin,
    UploadErrorsAsFormErrors,
    PublishWithChildrenAdminMixin,
    ScheduleAdminMixin,
    PublishableAdminMixin,
    SortableAdminBase,
    CompareVersionAdmin,
    TranslationAdmin,
):
    """
    The base ModelAdmin of every content model: pending changes and their review
    (``workflow``), history with compare, revert and recover, sortable inlines,
    translated fields; an upload the storage cannot take is a form error.

    Each content model and the models of its inlines are registered with
    django-reversion when their admin is made, after modeltranslation has
    added the language fields, so that a version holds every language. A
    version also holds the children that name the model in their ``history_parents``.
    """

    history_latest_first = True

    def reversion_register(self, model, **options):
        options["follow"] = model.history_children() if hasattr(model, "history_children") else ()
        super().reversion_register(model, **options)

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        # The untranslated field only mirrors one language; compare the language versions.
        try:
            translated = translator.get_options_for_model(model).all_fields
        except NotRegistered:
            translated = {}
        self.compare_exclude = [*translated, "updated_at", "image_renditions"]

    def compare_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return super().compare_view(request, object_id, extra_context)


class ParentBreadcrumbMixin:
    """
    The change form's breadcrumb leads back to the item's parent (``parent``, the name
    of the foreign key), whose admin page lists it: Home › app › parents › parent › item.
    The usual breadcrumb stays where there is no parent yet or the editor may not see it.
    """

    parent = ""
    change_form_template = "admin/publishing/child_change_form.html"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["parent_crumb"] = self.parent_crumb(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def parent_crumb(self, request, obj):
        parent = getattr(obj, self.parent, None) if obj is not None and obj.pk else None
        if parent is None:
            return None
        try:
            parent_admin = self.admin_site.get_model_admin(type(parent))
        except AdminNotRegistered:
            return None
        if not parent_admin.has_view_or_change_permission(request, parent):
            return None
        opts = parent._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        current_app = self.admin_site.name
        return {
            "object": parent,
            "app_label": opts.app_label,
            "app_name": opts.app_config.verbose_name,
            "plural": opts.verbose_name_plural,
            "changelist_url": reverse(f"{name}_changelist", current_app=current_app),
            "change_url": reverse(
                f"{name}_change", args=[quote(parent.pk)], current_app=current_app
            ),
        }


class ChildAdmin(ParentBreadcrumbMixin, PublishableAdmin):
    """
    The admin of content that belongs to a parent and is put in order on the parent's
    page, such as a region's strengths or a priority's focus areas.

    A subclass names the foreign key to the parent (``parent``) and the translated
    fields after the title (``texts``); the change list shows the parent, filters by
    it (or by ``parent_filters``) and loads it, and the form picks it with
    autocomplete, and its breadcrumb leads back to the parent. ``list_extra`` adds
    columns, ``main_extra`` fields of the form.
    """

    parent = ""
    texts = ()
    parent_filters = ()
    list_extra = ()
    main_extra = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        parent = cls.parent
        cls.list_display = ["title", parent, *cls.list_extra, "order", "status", "live_now"]
        cls.list_filter = ["status", *(cls.parent_filters or [parent])]
        cls.list_select_related = [parent]
        cls.search_fields = localized("title", *cls.texts)
        cls.autocomplete_fields = [parent]
        cls.fieldsets = publishable_fieldsets(
            main=[parent, "order", *cls.main_extra], translated=["title", *cls.texts]
        )


class UniqueSlugsFormSetMixin:
    """
    Rows of one inline that would share a slug in some language (each slug read with its
    fallback, as in the address) are an error of the formset, before the database's
    constraint would refuse them.
    """

    def clean(self):
        super().clean()
        rows = [
            form.cleaned_data
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if hasattr(form, "cleaned_data") and not form.cleaned_data.get("DELETE")
        ]
        names = dict(settings.LANGUAGES)
        for language in LANGUAGES:
            seen = set()
            for row in rows:
                slug = next(
                    (
                        row.get(build_localized_fieldname("slug", code))
                        for code in language_order(language)
                        if row.get(build_localized_fieldname("slug", code))
                    ),
                    None,
                )
                if slug and slug in seen:
                    raise ValidationError(
                        _("Two rows have the slug “%(slug)s” in %(language)s. Give each its own."),
                        code="duplicate_slug",
                        params={"slug": slug, "language": names[language]},
                    )
                seen.add(slug)


class PublishableInlineMixin(AutocompleteAdminMixin):
    """For inlines of publishable children: shows their status and links to their own page."""

    extra = 0
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if not getattr(self.model, "has_own_address", lambda: False)():
            return formset
        return type(formset.__name__, (UniqueSlugsFormSetMixin, formset), {})


class PublishableTabularInline(PublishableInlineMixin, TranslationTabularInline):
    pass


class PublishableStackedInline(PublishableInlineMixin, TranslationStackedInline):
    pass


class SortableAdminMixin(sortable.SortableAdminMixin):
    """
    Rows of the change list are put in order by dragging. (django-admin-sortable2's
    mixin with the ``get_actions`` signature of Django 6.1.) For admins on
    ``PublishableAdmin``: only those with its publish permission reorder.
    """

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        if action_location != ActionLocation.CHANGE_LIST:
            return super(sortable.SortableAdminMixin, self).get_actions(request, action_location)
        actions = super().get_actions(request)
        if not self.may_reorder(request):
            for name in [name for name in actions if name.startswith("move_to_")]:
                del actions[name]
        return actions

    def may_reorder(self, request):
        """The order of the rows is what visitors see: putting it right is publishing."""
        return self.has_publish_permission(request)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not self.may_reorder(request):
            self.enable_sorting = False  # no drag handles
        return changelist

    def update_order(self, request):
        if not self.may_reorder(request):
            return HttpResponseForbidden(_("Only publishers may change the order of live content."))
        return super().update_order(request)


# django-admin-sortable2 ships inline templates up to Django 6.0; they match
# Django 6.1's own inline templates apart from the drag handles.
class SortableTabularInline(SortableInlineAdminMixin, PublishableTabularInline):
    """A tabular inline whose rows are put in order by dragging (``order`` becomes hidden)."""

    template = "adminsortable2/edit_inline/tabular-django-6.0.html"


class SortableStackedInline(SortableInlineAdminMixin, PublishableStackedInline):
    """
    A stacked inline whose rows are put in order by dragging. Leave ``order``
    out of ``fields``: the mixin adds it once, as a hidden input.
    """

    template = "adminsortable2/edit_inline/stacked-django-6.0.html"


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """
    The old addresses that lead on: made automatically when an item's address changes,
    and added by editors (from any address of the site to another).
    """

    list_display = ["old_path", "leads_to", "target", "is_automatic", "created_at"]
    list_filter = ["is_automatic", "language", "content_type"]
    list_select_related = ["content_type"]
    search_fields = ["old_path", "new_path"]
    fields = ["old_path", "new_path", "leads_to", "target", "is_automatic", "created_at"]
    readonly_fields = ["leads_to", "target", "is_automatic", "created_at"]
    list_per_page = 50

    @admin.display(description=_("leads to now"))
    def leads_to(self, obj):
        if obj.pk is None:
            return ""
        return obj.target_url() or _("nowhere visitors may go (the item is a draft or gone)")
