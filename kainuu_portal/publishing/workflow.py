"""
Pending changes and their review, in the admin of every content model.

A published item is changed without visitors seeing it: "Save draft" keeps what
the change form (with its inlines) submitted as the item's ``PendingChange``
and leaves the item as it is. The change form then shows the pending version,
who made it and when, and what differs from the live version in each language.
"Publish" saves the form as any save does (validated by the same form and
formsets, recorded in the history, a new page-cache version); "Discard draft"
drops the pending change.

The history keeps the pending versions too: a draft is saved inside a savepoint
within the admin's revision, the savepoint is rolled back, and django-reversion
stores the revision of the objects that still exist (so a row the draft adds
appears in the history once it is published).

Review: an editor submits a change ("Submit for review"); publishers (the
``publishing.publish`` permission, the Publishers group, superusers) publish it
or reject it with a comment. The submitter and the publishers are told by
e-mail, and the admin index lists what awaits review and what was rejected.
Without the permission nobody changes live content: a published item's save is
a draft, the status field is fixed, the publish actions, revert and recover of
live content are refused.

An uploaded file cannot wait in a pending change: the form says so at the field.
"""

import copy
import logging
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Model, Q
from django.forms.formsets import all_valid
from django.http import HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion import set_comment
from reversion.models import Version

from .models import PendingChange, Status, can_publish

logger = logging.getLogger(__name__)

# The workflow's buttons in the change form, by the name they submit.
BUTTONS = {
    "_save_draft": "draft",
    "_submit": "submit",
    "_publish": "publish",
    "_reject": "reject",
    "_discard": "discard",
}
BUTTON_LABELS = {
    "_save_draft": _("Save draft"),
    "_submit": _("Submit for review"),
    "_publish": _("Publish"),
    "_reject": _("Reject"),
    "_discard": _("Discard draft"),
}
TOKEN = "concurrency_token"
NOT_FORM_DATA = {"csrfmiddlewaretoken", TOKEN, "_save", "_continue", "_addanother", *BUTTONS}
# Modes whose save keeps a published item as it is and records a pending change.
HOLDING_MODES = {"draft", "submit"}


@dataclass
class Flow:
    """What the workflow knows about one request to a change form."""

    obj: Model
    pending: PendingChange | None
    publisher: bool
    mode: str = "save"
    pending_initial: dict | None = None

    @property
    def published(self):
        return self.obj.status == Status.PUBLISHED

    @property
    def holds_back(self):
        """This save records a pending change and leaves the published item as it is."""
        return self.mode in HOLDING_MODES and self.published


def form_data(post):
    """What a change form submitted, as stored: its fields and formsets, no buttons."""
    return {name: post.getlist(name) for name in post if name not in NOT_FORM_DATA}


def as_query_dict(data):
    query = QueryDict(mutable=True)
    for name, values in (data or {}).items():
        query.setlist(name, values)
    return query


def with_data(request, data, files=None):
    """A copy of ``request`` that submits ``data``, as the change form's POST."""
    fake = copy.copy(request)
    fake.method = "POST"
    fake._post = data
    fake._files = files if files is not None else MultiValueDict()
    return fake


class WorkflowFormMixin:
    """Mixed into the change form by ``WorkflowAdminMixin.get_form``."""

    flow = None
    publisher = True

    def __init__(self, *args, **kwargs):
        flow = self.flow
        if flow and flow.pending_initial is not None:
            kwargs["initial"] = {**flow.pending_initial, **(kwargs.get("initial") or {})}
            self.pending = flow.pending
        super().__init__(*args, **kwargs)
        if not self.publisher and "status" in self.fields:
            status = self.fields["status"]
            status.disabled = True
            status.help_text = _(
                "Publishers publish: save your change as a draft and submit it for review."
            )
        if flow and flow.mode == "show":
            # The form shows the pending version: its token is the pending change's.
            self.data = self.data.copy()
            self.data[self.add_prefix(TOKEN)] = self.current_token()

    def is_valid(self):
        valid = super().is_valid()
        # Showing a pending change runs the admin's POST path without saving.
        return valid and not (self.flow and self.flow.mode == "show")

    def clean(self):
        cleaned_data = super().clean()
        if self.flow and self.flow.holds_back:
            message = _(
                "A file cannot wait in a draft change. Save the draft without it, and upload "
                "the file when the change is published (publishers can save it directly)."
            )
            for name in self.files:
                self.add_error(name if name in self.fields else None, message)
        return cleaned_data


def shown(value):
    """A value of a form field, as the comparison shows it."""
    if value in (None, "", [], ()):
        return gettext("(empty)")
    if value is True:
        return gettext("yes")
    if value is False:
        return gettext("no")
    if isinstance(value, Model):
        return str(value)
    if hasattr(value, "all") or isinstance(value, list | tuple | set):
        items = value.all() if hasattr(value, "all") else value
        return ", ".join(str(item) for item in items) or gettext("(empty)")
    if hasattr(value, "name") and hasattr(value, "url"):  # a stored file
        return value.name or gettext("(empty)")
    return Truncator(strip_tags(str(value))).chars(300)


@dataclass
class Difference:
    where: str
    live: str
    pending: str


def differences(form, formsets):
    """The fields of a bound form and its formsets whose values differ from the live ones."""
    rows = []
    for name in form.changed_data:
        if name == TOKEN:
            continue
        field = form.fields[name]
        value = form.cleaned_data.get(name, form.data.get(form.add_prefix(name)))
        rows.append(
            Difference(str(field.label or name), shown(form.initial.get(name)), shown(value))
        )
    for formset in formsets:
        model_name = formset.model._meta.verbose_name
        for child in formset.forms:
            if not child.has_changed():
                continue
            cleaned = getattr(child, "cleaned_data", {}) or {}
            label = f"{model_name} “{child.instance}”" if child.instance.pk else str(model_name)
            if child.instance.pk is None:
                title = cleaned.get("title") or cleaned.get("name") or ""
                rows.append(
                    Difference(f"{model_name}: {gettext('added')}", gettext("(none)"), shown(title))
                )
                continue
            if cleaned.get("DELETE"):
                rows.append(Difference(label, str(child.instance), gettext("(deleted)")))
                continue
            for name in child.changed_data:
                if name in ("DELETE", "id"):
                    continue
                field = child.fields[name]
                rows.append(
                    Difference(
                        f"{label}: {field.label or name}",
                        shown(child.initial.get(name)),
                        shown(cleaned.get(name, child.data.get(child.add_prefix(name)))),
                    )
                )
    return rows


class RejectForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the editor"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say what needs changing. The editor reads this in the admin and by e-mail."),
        error_messages={"required": _("A rejection needs a comment: say what needs changing.")},
        max_length=5000,
    )


def publishers(exclude=None):
    """Active staff who may publish, with an e-mail address."""
    may_publish = (
        Q(is_superuser=True)
        | Q(
            groups__permissions__codename="publish",
            groups__permissions__content_type__app_label="publishing",
        )
        | Q(
            user_permissions__codename="publish",
            user_permissions__content_type__app_label="publishing",
        )
    )
    users = get_user_model().objects.filter(may_publish, is_active=True, is_staff=True)
    users = users.exclude(email="").distinct()
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return list(users)


def notify(request, users, subject, body):
    """E-mail ``users``; a failure is logged and told, never an error page."""
    addresses = sorted({user.email for user in users if user is not None and user.email})
    if not addresses:
        return
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
    except Exception:
        logger.exception("review notification not sent")
        messages.warning(request, _("The e-mail about this could not be sent."))


def person(user):
    if user is None:
        return gettext("someone")
    return user.get_full_name() or user.get_username()


class WorkflowAdminMixin:
    """Pending changes and review for the ModelAdmin of a ``Publishable`` model."""

    change_form_template = "admin/publishing/change_form.html"

    # --- URLs and permissions ----------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/reject/",
                self.admin_site.admin_view(self.reject_view),
                name=f"{opts.app_label}_{opts.model_name}_reject",
            ),
            *super().get_urls(),
        ]

    def has_delete_permission(self, request, obj=None):
        """Deleting what visitors see is publishing too: without the right, drafts only."""
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and obj.status == Status.PUBLISHED:
            return self.has_publish_permission(request, obj)
        return allowed

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if not self.has_publish_permission(request):
            # The list's delete could take live items with it; drafts are deleted one by one.
            actions.pop("delete_selected", None)
        return actions

    def _change_url(self, obj):
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=[quote(obj.pk)],
        )

    # --- The change form -----------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        flow = getattr(request, "workflow", None)
        publisher = can_publish(request.user)
        if publisher and flow is None:
            return form
        return type(
            form.__name__, (WorkflowFormMixin, form), {"flow": flow, "publisher": publisher}
        )

    def bound_pending(self, request, obj, pending):
        """The form and formsets of a fresh live ``obj`` bound to the pending data, validated."""
        live = type(obj)._default_manager.get(pk=obj.pk)
        fake = with_data(request, as_query_dict(pending.data))
        fake.workflow = None
        # The author's form: a viewer may not change the item, and has no fields.
        fake.user = pending.author or request.user
        form_class = super().get_form(fake, live, change=True)
        form = form_class(fake.POST, fake.FILES, instance=live)
        formsets, _inlines = self._create_formsets(fake, form.instance, change=True)
        form.is_valid()
        all_valid(formsets)
        return form, formsets

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None or "_saveasnew" in request.POST:
            return super().changeform_view(request, object_id, form_url, extra_context)
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            return super().changeform_view(request, object_id, form_url, extra_context)
        pending = PendingChange.of(obj)
        flow = Flow(obj, pending, self.has_publish_permission(request, obj))
        can_change = self.has_change_permission(request, obj)
        rows = []
        if pending and pending.data:
            form, formsets = self.bound_pending(request, obj, pending)
            rows = differences(form, formsets)
            flow.pending_initial = {
                name: form.cleaned_data.get(name, form.initial.get(name))
                for name in form.fields
                if name != TOKEN
            }

        if request.method == "POST" and can_change:
            mode = next((BUTTONS[name] for name in BUTTONS if name in request.POST), "save")
            if mode == "discard":
                return self.discard(request, obj, pending)
            if mode == "reject":
                opts = self.model._meta
                return HttpResponseRedirect(
                    reverse(
                        f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_reject",
                        args=[quote(obj.pk)],
                    )
                )
            if mode == "publish" and not flow.publisher:
                raise PermissionDenied
            if mode == "save" and flow.published and not flow.publisher:
                mode = "draft"  # without the permission, a save of live content is a draft
            flow.mode = mode
            data = request.POST.copy()
            if mode == "publish":
                data["status"] = Status.PUBLISHED
            elif mode in HOLDING_MODES and not flow.published:
                data["status"] = Status.DRAFT
            request = with_data(request, data, request.FILES)
        elif request.method != "POST" and can_change and pending and pending.data:
            flow.mode = "show"
            request = with_data(request, as_query_dict(pending.data))
        request.workflow = flow
        context = {
            **self.workflow_context(request, flow, rows, can_change),
            **(extra_context or {}),
        }
        return super().changeform_view(request, object_id, form_url, context)

    def workflow_context(self, request, flow, rows, can_change):
        buttons = []
        if can_change:
            if flow.published or flow.publisher:
                buttons.append("_save_draft")
            if not flow.publisher:
                buttons.append("_submit")
            if flow.publisher:
                buttons.append("_publish")
                if flow.pending and flow.pending.state == PendingChange.State.SUBMITTED:
                    buttons.append("_reject")
            if flow.pending:
                buttons.append("_discard")
        context = {
            "pending_change": flow.pending,
            "pending_differences": rows,
            "workflow_buttons": [(name, BUTTON_LABELS[name]) for name in buttons],
        }
        if can_change and flow.published and not flow.publisher:
            context |= {
                "show_save": False,
                "show_save_and_continue": False,
                "show_save_and_add_another": False,
            }
        return context

    # --- Saving --------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        flow = getattr(request, "workflow", None)
        if flow is not None and flow.holds_back:
            flow.savepoint = transaction.savepoint_create()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        flow = getattr(request, "workflow", None)
        if flow is None:
            return
        if flow.holds_back:
            # The revision has the pending version of every object saved; undo the save.
            transaction.savepoint_rollback(flow.savepoint)
            data = form_data(request.POST)
            # A disabled field (the status, for editors) is not submitted: keep its value.
            for name, field in form.fields.items():
                if field.disabled and name in form.cleaned_data:
                    value = form.cleaned_data[name]
                    data[form.add_prefix(name)] = [str(value if value is not None else "")]
            self.record_pending(request, flow, data)
        elif flow.mode == "submit":
            self.record_pending(request, flow, None)
        elif flow.pending is not None:
            # The form showed the pending version, and it is live now.
            if flow.pending.state == PendingChange.State.SUBMITTED or flow.mode == "publish":
                self.tell_published(request, flow)
            flow.pending.delete()
            flow.pending = None

    def record_pending(self, request, flow, data):
        now = timezone.now()
        pending = flow.pending or PendingChange(
            content_type=ContentType.objects.get_for_model(flow.obj, for_concrete_model=False),
            object_id=flow.obj.pk,
        )
        pending.data = data
        pending.author = request.user
        pending.updated_at = now
        if flow.mode == "submit":
            pending.state = PendingChange.State.SUBMITTED
            pending.submitted_by = request.user
            pending.submitted_at = now
            pending.reviewer = None
            pending.reviewed_at = None
            pending.comment = ""
        pending.save()
        flow.pending = pending
        if flow.mode == "submit":
            self.tell_submitted(request, flow)

    def log_change(self, request, obj, message):
        flow = getattr(request, "workflow", None)
        if flow is None or not flow.holds_back:
            return super().log_change(request, obj, message)
        # No "changed" entry for the live item; the revision says what it holds.
        from django.contrib.admin.models import LogEntry  # noqa: PLC0415

        text = LogEntry(change_message=message).get_change_message() if message else ""
        set_comment(
            gettext("Draft change, not published: %(change)s") % {"change": text}
            if text
            else gettext("Draft change, not published.")
        )
        return None

    def response_change(self, request, obj):
        flow = getattr(request, "workflow", None)
        if flow is None or flow.mode == "save":
            return super().response_change(request, obj)
        if flow.holds_back and flow.mode == "draft":
            message = _(
                "The change to “%(item)s” is saved as a draft. Visitors see the published "
                "version until the change is published."
            )
        elif flow.mode == "submit":
            message = _("“%(item)s” is submitted for review. Publishers have been told.")
        elif flow.mode == "publish":
            message = _("“%(item)s” is published.")
        else:
            message = _("“%(item)s” is saved as a draft.")
        self.message_user(request, message % {"item": obj}, messages.SUCCESS)
        warn = getattr(self, "warn_about_accessibility", None)
        if warn is not None and not flow.holds_back:
            warn(request, obj)
        if flow.mode == "publish":
            return HttpResponseRedirect(self._change_url(obj))
        return HttpResponseRedirect(request.path)

    def delete_model(self, request, obj):
        pending = PendingChange.of(obj)
        super().delete_model(request, obj)
        if pending is not None:
            pending.delete()

    # --- Discard and reject -------------------------------------------------------

    def discard(self, request, obj, pending):
        if pending is not None:
            pending.delete()
            self.message_user(
                request,
                _("The draft change to “%(item)s” was discarded. It stays in the history.")
                % {"item": obj},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(request.path)

    def reject_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        if not self.has_publish_permission(request, obj):
            raise PermissionDenied
        pending = PendingChange.of(obj)
        if pending is None or pending.state != PendingChange.State.SUBMITTED:
            self.message_user(
                request, _("“%(item)s” is not awaiting review.") % {"item": obj}, messages.WARNING
            )
            return HttpResponseRedirect(self._change_url(obj))
        form = RejectForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            pending.state = PendingChange.State.REJECTED
            pending.reviewer = request.user
            pending.reviewed_at = timezone.now()
            pending.comment = form.cleaned_data["comment"]
            pending.save()
            self.tell_rejected(request, obj, pending)
            self.message_user(
                request,
                _("The change to “%(item)s” was rejected; %(who)s has been told.")
                % {"item": obj, "who": person(pending.submitted_by or pending.author)},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse(f"{self.admin_site.name}:index"))
        rows = differences(*self.bound_pending(request, obj, pending)) if pending.data else []
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject the change to “%(item)s”") % {"item": obj},
            "subtitle": None,
            "opts": opts,
            "original": obj,
            "pending_change": pending,
            "pending_differences": rows,
            "form": form,
            "change_url": self._change_url(obj),
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/publishing/reject.html", context)

    # --- Telling people -------------------------------------------------------------

    def _link(self, request, obj):
        return request.build_absolute_uri(self._change_url(obj))

    def tell_submitted(self, request, flow):
        obj = flow.obj
        notify(
            request,
            publishers(exclude=request.user),
            gettext("For review: %(item)s") % {"item": obj},
            gettext(
                "%(who)s submitted a change to “%(item)s” (%(type)s) for review.\n\n"
                "Review it, then publish or reject it: %(link)s\n"
            )
            % {
                "who": person(request.user),
                "item": obj,
                "type": obj._meta.verbose_name,
                "link": self._link(request, obj),
            },
        )

    def tell_rejected(self, request, obj, pending):
        notify(
            request,
            [pending.submitted_by or pending.author],
            gettext("Rejected: %(item)s") % {"item": obj},
            gettext(
                "%(who)s rejected your change to “%(item)s” with this comment:\n\n"
                "%(comment)s\n\nFix the change and submit it again: %(link)s\n"
            )
            % {
                "who": person(request.user),
                "item": obj,
                "comment": pending.comment,
                "link": self._link(request, obj),
            },
        )

    def tell_published(self, request, flow):
        pending = flow.pending
        submitter = pending.submitted_by or pending.author
        if submitter is None or submitter == request.user:
            return
        notify(
            request,
            [submitter],
            gettext("Published: %(item)s") % {"item": flow.obj},
            gettext("%(who)s published your change to “%(item)s”: %(link)s\n")
            % {
                "who": person(request.user),
                "item": flow.obj,
                "link": self._link(request, flow.obj),
            },
        )

    # --- History: no live change without the permission ----------------------------

    def _refuse_live_change(self, request, obj, version):
        """True (and a message) when a revert or recover would change what visitors see."""
        if request.method != "POST" or can_publish(request.user):
            return False
        if not self.has_change_permission(request, obj):
            return False  # refused by the view itself
        was_published = version is not None and version.field_dict.get("status") == Status.PUBLISHED
        if not was_published and not (obj is not None and obj.status == Status.PUBLISHED):
            return False
        self.message_user(
            request,
            _(
                "Only publishers restore a version that visitors would see. Change the item "
                "and submit the change for review instead."
            ),
            messages.ERROR,
        )
        return True

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        version = Version.objects.filter(pk=version_id).first()
        if self._refuse_live_change(request, obj, version):
            return HttpResponseRedirect(request.path)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = Version.objects.filter(pk=version_id).first()
        if self._refuse_live_change(request, None, version):
            return HttpResponseRedirect(request.path)
        return super().recover_view(request, version_id, extra_context)


def apply_pending(request, pending):
    """
    Save ``pending`` through its item's admin form and formsets, in the caller's
    transaction (the draft preview rolls it back). True when it was valid.
    """
    from django.contrib import admin  # noqa: PLC0415

    model = pending.content_type.model_class()
    model_admin = admin.site._registry.get(model)
    obj = model._default_manager.filter(pk=pending.object_id).first() if model else None
    if model_admin is None or obj is None:
        return False
    fake = with_data(request, as_query_dict(pending.data))
    fake.workflow = None
    # The author's form: a viewer who previews may not change the item themself.
    fake.user = pending.author or request.user
    form = model_admin.get_form(fake, obj, change=True)(fake.POST, fake.FILES, instance=obj)
    formsets, _inlines = model_admin._create_formsets(fake, form.instance, change=True)
    if not (form.is_valid() and all_valid(formsets)):
        return False
    obj = model_admin.save_form(fake, form, change=True)
    model_admin.save_model(fake, obj, form, True)
    model_admin.save_related(fake, form, formsets, True)
    return True
