"""
The roles: one group each, holding exactly what the role needs.

- Editors add, change, delete and view every content model of the content
  apps (``settings.CONTENT_APPS``): they change published content as pending
  changes and submit them for review, and nothing else.
- Publishers do what editors do and also publish (the ``publishing.publish``
  permission): they change live content directly, publish, unpublish, revert
  and recover it, and publish or reject what editors submit. Giving the
  Editors group that permission lets editors publish without a review.
- Viewers only view the content models, their drafts and their history.
- Both do the same with the redirects of old addresses (the core's ``Redirect``):
  editors add and remove them, viewers see them.
- Only superusers manage users, groups and permissions: no group gets those.

``sync_groups`` takes an app registry, so a data migration can call it again
whenever a content model is added or removed: a new migration in
kainuu_portal with

    migrations.RunPython(roles.sync_groups, migrations.RunPython.noop)

depending on the latest migration of each content app.
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

EDITORS_GROUP = "Editors"
PUBLISHERS_GROUP = "Publishers"
VIEWERS_GROUP = "Viewers"
ACTIONS = ("add", "change", "delete", "view")
GROUP_ACTIONS = {EDITORS_GROUP: ACTIONS, PUBLISHERS_GROUP: ACTIONS, VIEWERS_GROUP: ("view",)}
# Permissions beyond the model actions, as (app label, codename); a migration before
# the core's pending changes has none of them.
PUBLISH_PERMISSION = ("publishing", "publish")
GROUP_EXTRA = {PUBLISHERS_GROUP: (PUBLISH_PERMISSION,)}


def content_models(apps):
    """
    The content models of the content apps in ``apps``: those with a publishing status
    (no auto-created M2M tables, and no code lists such as NACE Rev. 2, which are
    reference data shipped with the portal that nobody edits in the admin).
    """
    return [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if any(field.name == "status" for field in model._meta.concrete_fields)
    ]


# The app of the publishing core, whose models (the redirects) the roles cover too.
CORE_APP = "publishing"
CORE_MODELS = ("redirect",)


def role_apps(apps):
    """The labels of the apps the roles cover; a migration before the core's has no core."""
    labels = list(settings.CONTENT_APPS)
    try:
        apps.get_app_config(CORE_APP)
    except LookupError:
        return labels
    return [*labels, CORE_APP]


def role_models(apps):
    """Every model the roles give permissions on: the content and the core's redirects."""
    core = apps.get_app_config(CORE_APP).get_models() if CORE_APP in role_apps(apps) else []
    # Pending changes are made and reviewed through the content's own admin.
    core = [model for model in core if model._meta.model_name in CORE_MODELS]
    return [*content_models(apps), *core]


def sync_editors_group(apps, schema_editor=None):
    """The Editors group, created or brought up to date (see ``sync_group``)."""
    return sync_group(apps, schema_editor, EDITORS_GROUP)


def sync_groups(apps, schema_editor=None):
    """Every role's group, created or brought up to date; a dict by group name."""
    return {name: sync_group(apps, schema_editor, name) for name in GROUP_ACTIONS}


def sync_group(apps, schema_editor, name):
    """
    Create the group ``name`` if it is missing and give it exactly its role's
    permissions (``GROUP_ACTIONS``) on every content model.

    Usable in a ``RunPython`` operation through ``sync_groups``; ``apps`` may
    also be the global registry (``django.apps.apps``).
    """
    using = schema_editor.connection.alias if schema_editor else DEFAULT_DB_ALIAS
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    # Permissions are normally created after migrate (post_migrate), which is
    # too late for a data migration: create the missing ones now.
    for label in role_apps(apps):
        app_config = apps.get_app_config(label)
        # The app configs of a migration's registry have no models module, and
        # create_permissions skips an app without one.
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        try:
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
        finally:
            app_config.models_module = original

    permissions = []
    for model in role_models(apps):
        content_type = ContentType.objects.db_manager(using).get_for_model(
            model, for_concrete_model=False
        )
        codenames = [f"{action}_{model._meta.model_name}" for action in GROUP_ACTIONS[name]]
        found = list(
            Permission.objects.using(using).filter(
                content_type=content_type, codename__in=codenames
            )
        )
        if len(found) != len(codenames):
            missing = set(codenames) - {permission.codename for permission in found}
            raise RuntimeError(f"Permissions missing for {model._meta.label}: {sorted(missing)}")
        permissions.extend(found)
    for app_label, codename in GROUP_EXTRA.get(name, ()):
        permissions.extend(
            Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename=codename
            )
        )

    group, _created = Group.objects.using(using).get_or_create(name=name)
    group.permissions.set(permissions)
    return group
