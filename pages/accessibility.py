"""
What the accessibility statement lists from the data itself: the live content and
documents that the accessibility checks (``publishing.checks``) found problems in
when they were last saved. The content models are collected from the app
registry, so a new content model is listed without a change here.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Value

from kainuu_portal.publishing.checks import stored_problems
from kainuu_portal.publishing.models import Publishable


@dataclass
class FailingItem:
    """A live item with problems: its name, kind, address and problems."""

    name: str
    kind: str
    url: str
    problems: list


def content_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def failing_live_content():
    """
    ``(documents, content)``: the live PDF documents and the live content items
    with accessibility problems, each a list of ``FailingItem``. One query finds
    them all; one more per kind of content that has any loads them.
    """
    queries = [
        model._default_manager.live()
        .exclude(accessibility_problems=[])
        .order_by()
        .annotate(model_label=Value(model._meta.label))
        .values_list("model_label", "pk")
        for model in content_models()
    ]
    if not queries:
        return [], []
    found = {}
    for label, pk in queries[0].union(*queries[1:], all=True).order_by():
        found.setdefault(label, []).append(pk)
    documents, content = [], []
    for label, pks in sorted(found.items()):
        model = apps.get_model(label)
        for obj in model._default_manager.filter(pk__in=pks).for_cards():
            url = obj.get_absolute_url() if model.address else ""
            problems = stored_problems(obj)
            for name in model.documents:
                in_document = [p for p in problems if p.field == name]
                if in_document:
                    document = getattr(obj, name)
                    documents.append(
                        FailingItem(
                            getattr(obj, f"{name}_title", "") or str(obj),
                            str(model._meta.get_field(name).verbose_name),
                            document.url,
                            [(p.what, p.criterion) for p in in_document],
                        )
                    )
            in_content = [p for p in problems if p.field not in model.documents]
            if in_content:
                content.append(
                    FailingItem(
                        str(obj),
                        str(model._meta.verbose_name),
                        url,
                        [(f"{p.where(model)}: {p.what}", p.criterion) for p in in_content],
                    )
                )
    return documents, content
