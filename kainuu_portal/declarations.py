"""How the project package collects what the content apps declare in their own modules."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule


def collect(module_name, attribute):
    """
    What each content app (``settings.CONTENT_APPS``, in that order) declares as
    ``attribute`` in its module ``module_name``: one value an app that has the module,
    e.g. ``collect("search", "searchables")`` gives each app's list of searchables.
    """
    values = []
    for label in settings.CONTENT_APPS:
        app_config = apps.get_app_config(label)
        if module_has_submodule(app_config.module, module_name):
            module = import_module(f"{app_config.name}.{module_name}")
            values.append(getattr(module, attribute))
    return values
