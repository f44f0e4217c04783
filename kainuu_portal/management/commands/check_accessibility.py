"""Run the accessibility checks on all content again and store the results."""

from django.apps import apps
from django.core.management.base import BaseCommand

from kainuu_portal.publishing.checks import content_problems
from kainuu_portal.publishing.models import Publishable


class Command(BaseCommand):
    help = (
        "Check all content and PDF documents for accessibility problems and store the "
        "results, which the admin and the accessibility statement show. Run it after an "
        "upgrade that changes the checks; saving an item checks it too."
    )

    def handle(self, *args, **options):
        total = failing = 0
        for model in apps.get_models():
            if not issubclass(model, Publishable):
                continue
            for obj in model._default_manager.all():
                for name in model.documents:
                    obj._examine_document(name)
                problems = [problem.as_dict() for problem in content_problems(obj)]
                changes = {"accessibility_problems": problems}
                for name in model.documents:
                    changes[f"{name}_report"] = getattr(obj, f"{name}_report")
                model._default_manager.filter(pk=obj.pk).update(**changes)
                total += 1
                failing += bool(problems)
        self.stdout.write(f"Checked {total} items: {failing} with accessibility problems.")
