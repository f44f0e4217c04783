"""The admin index's lists of changes awaiting review and rejected (``workflow.py``)."""

from django import template
from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse

from ..models import PendingChange
from ..workflow import person

register = template.Library()


@register.inclusion_tag("admin/publishing/includes/review_lists.html", takes_context=True)
def review_lists(context):
    """What awaits review and what was rejected, among the items the user may view."""
    user = context["request"].user
    lists = {"awaiting": [], "rejected": []}
    states = {PendingChange.State.SUBMITTED: "awaiting", PendingChange.State.REJECTED: "rejected"}
    changes = (
        PendingChange.objects.filter(state__in=states)
        .select_related("content_type", "submitted_by", "author", "reviewer")
        .order_by("submitted_at", "pk")
    )
    for change in changes:
        model = change.content_type.model_class()
        if model is None:
            continue
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        target = model._default_manager.filter(pk=change.object_id).first()
        if target is None:
            continue
        try:
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(target.pk)]
            )
        except NoReverseMatch:
            continue
        lists[states[change.state]].append(
            {
                "change": change,
                "target": target,
                "type": opts.verbose_name,
                "url": url,
                "who": person(change.submitted_by or change.author),
                "reviewer": person(change.reviewer),
            }
        )
    return lists
