"""
The parts a content item is published with: its children, found through the
related names each model declares in ``publish_children`` (a programme's
priorities, themes and links; a priority's focus areas), followed in turn.

Publishing a parent offers to publish the drafts among them in the same step
(``children_admin``); a published parent with draft parts is flagged.
"""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from kainuu_portal.publishing.models import Status


@dataclass(frozen=True)
class ChildPath:
    """A kind of descendant: its model and the lookup from it back to the ancestor."""

    model: type
    to_ancestor: str  # e.g. "priority__programme"
    depth: int


def _relation(model, accessor):
    for relation in model._meta.related_objects:
        if relation.get_accessor_name() == accessor:
            return relation
    raise LookupError(f"{model._meta.label} has no related name {accessor!r}")


def child_paths(model, _seen=None):
    """Every kind of descendant ``model`` is published with, parents before children."""
    seen = set() if _seen is None else _seen
    paths = []
    for accessor in getattr(model, "publish_children", ()):
        relation = _relation(model, accessor)
        child = relation.related_model
        if child in seen:
            continue
        seen.add(child)
        paths.append(ChildPath(child, relation.field.name, 1))
        for deeper in child_paths(child, seen):
            paths.append(
                ChildPath(
                    deeper.model, f"{deeper.to_ancestor}__{relation.field.name}", deeper.depth + 1
                )
            )
    return paths


def has_children(model):
    return bool(getattr(model, "publish_children", ()))


def draft_children(obj):
    """The drafts among the parts of ``obj`` (children, their children...), in page order."""
    if obj.pk is None:
        return []
    drafts = []
    for path in child_paths(type(obj)):
        drafts.extend(
            path.model._default_manager.filter(
                **{path.to_ancestor: obj.pk}, status=Status.DRAFT
            ).for_cards()
        )
    return drafts


def draft_children_by_parent(parents):
    """``{parent: [draft parts]}`` for the parents with any."""
    return {parent: drafts for parent in parents if (drafts := draft_children(parent))}


def with_draft_children_count(queryset):
    """Annotate ``draft_children_count``: how many of each row's parts are drafts."""
    total = Value(0, output_field=IntegerField())
    for path in child_paths(queryset.model):
        counts = (
            path.model._default_manager.filter(
                **{path.to_ancestor: OuterRef("pk")}, status=Status.DRAFT
            )
            .order_by()
            .values(path.to_ancestor)
            .annotate(count=Count("pk"))
            .values("count")
        )
        total = total + Coalesce(Subquery(counts, output_field=IntegerField()), 0)
    return queryset.annotate(draft_children_count=total)
