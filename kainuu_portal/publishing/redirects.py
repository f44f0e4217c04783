"""
Old addresses keep working.

When an item's address changes in any language (an editor changes a slug, or
moves the item to another parent), every address it and the items below it had
(a renamed region's municipalities, programmes and priorities; a programme's CSV
download and document) becomes a ``Redirect`` to the item, recorded by the signal
handlers here. ``RedirectFallbackMiddleware`` answers a request that would be a
404 with a 301 to the target's current address, read at that moment: renaming
again never makes a chain, an address in use again is never redirected, and a
target the visitor may not see (a draft) stays a 404.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils.translation import get_language_from_path, override
from django.utils.translation import gettext_lazy as _

from .models import LANGUAGES, Publishable, Redirect, Status


def addressed_models():
    """The content models with a page of their own."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and model.has_own_address()
    ]


def _relation_paths(model, parent):
    """The lookups from ``model`` to ``parent`` that its address crosses ("programme__region")."""
    paths = []
    for lookup in model.address.lookups.values():
        parts = lookup.split("__")[:-1]
        current = model
        for depth, name in enumerate(parts, start=1):
            field = current._meta.get_field(name)
            current = field.related_model
            if current is parent:
                paths.append("__".join(parts[:depth]))
    return sorted(set(paths))


def address_fields(model):
    """The fields whose change can change addresses: the slugs and the parents they cross."""
    names = {"source_document"}
    for lookup in model.address.lookups.values():
        first = lookup.split("__")[0]
        names.add(first)
        names.update(f"{first}_{code}" for code in LANGUAGES)
    return names


def affected(instance):
    """``instance`` and every item whose address is made from its own, as stored now."""
    model = type(instance)
    objects = []
    for other in addressed_models():
        queryset = other._default_manager.for_cards().filter(status=Status.PUBLISHED)
        if other is model:
            objects.extend(queryset.filter(pk=instance.pk))
        for path in _relation_paths(other, model):
            objects.extend(queryset.filter(**{path: instance.pk}))
    return objects


def addresses(objects):
    """``{(model, pk, address name, language): path}`` of ``objects`` in every language."""
    found = {}
    for obj in objects:
        for name, method in type(obj).redirected_addresses.items():
            for code in LANGUAGES:
                with override(code):
                    path = getattr(obj, method)()
                if path:
                    found[(type(obj), obj.pk, name, code)] = path
    return found


def remember_addresses(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: the addresses before the change, when the change may touch them."""
    if raw or instance.pk is None or not isinstance(instance, Publishable):
        return
    if not instance.has_own_address():
        return
    if update_fields is not None and not set(update_fields) & address_fields(type(instance)):
        return
    instance._addresses_before = addresses(affected(instance))


def record_redirects(sender, instance, raw=False, **kwargs):
    """post_save: a redirect from every address that changed, to its item."""
    before = getattr(instance, "_addresses_before", None)
    if raw or before is None:
        return
    del instance._addresses_before
    after = addresses(affected(instance))
    save_redirects(before, after)


def save_redirects(before, after):
    """Redirects from the addresses in ``before`` that are not the same in ``after``."""
    current = set(after.values())
    for key, old_path in before.items():
        model, pk, name, language = key
        if after.get(key) == old_path or old_path in current:
            continue
        Redirect.objects.update_or_create(
            old_path=old_path,
            defaults={
                "content_type": ContentType.objects.get_for_model(model),
                "object_id": pk,
                "language": language,
                "address": name,
                "new_path": "",
                "is_automatic": True,
            },
        )
    # An address in use again is no longer an old one.
    Redirect.objects.filter(old_path__in=current).delete()


# --- Redirects editors add ------------------------------------------------------


def site_path(value):
    """The path of an address of this site, given as a path or a full address."""
    parts = urlsplit(value.strip())
    return parts.path


def is_storable(path):
    """A path a redirect can hold: PostgreSQL refuses NUL characters in text."""
    return "\x00" not in path


def content_at(path):
    """The item whose page is at ``path`` now, with the address's language; or None."""
    language = get_language_from_path(path)
    if language is None:
        return None
    with override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        for model in addressed_models():
            if model.address.url_name == match.view_name:
                obj = model._default_manager.at_address(**match.kwargs).first()
                if obj is not None:
                    return obj, language
    return None


def shows_a_page(path):
    """True when ``path`` is the address of a page now (an item's, or a page such as search)."""
    language = get_language_from_path(path)
    if language is None:
        return False
    with override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return False
    if match.view_name in {model.address.url_name for model in addressed_models()}:
        return content_at(path) is not None
    return True


def clean_redirect(redirect):
    """Check a redirect from the admin, and point it at the item whose address it names."""
    redirect.old_path = site_path(redirect.old_path)
    if not redirect.old_path.startswith("/") or not is_storable(redirect.old_path):
        raise ValidationError(
            {"old_path": _("Give an address on this site, starting with /.")}, code="not_a_path"
        )
    if shows_a_page(redirect.old_path):
        raise ValidationError(
            {
                "old_path": _(
                    "This address shows a page now, so a redirect from it would never be used."
                )
            },
            code="address_in_use",
        )
    if redirect.new_path:
        redirect.new_path = site_path(redirect.new_path)
        if not redirect.new_path.startswith("/") or not is_storable(redirect.new_path):
            raise ValidationError(
                {"new_path": _("Give an address on this site, starting with /.")},
                code="not_a_path",
            )
        if redirect.new_path == redirect.old_path:
            raise ValidationError(
                {"new_path": _("A redirect cannot lead to its own old address.")}, code="loop"
            )
        if Redirect.objects.filter(old_path=redirect.new_path).exclude(pk=redirect.pk).exists():
            raise ValidationError(
                {"new_path": _("This address is itself redirected. Give the address it leads to.")},
                code="chain",
            )
        found = content_at(redirect.new_path)
        if found is not None:
            redirect.target, redirect.language = found
            redirect.address = "page"
            redirect.new_path = ""
        else:
            redirect.content_type = None
            redirect.object_id = None
    elif redirect.content_type_id is None:
        raise ValidationError({"new_path": _("Give the new address.")}, code="required")


# --- Answering -----------------------------------------------------------------


def _candidates(path):
    """The old addresses ``path`` may mean: itself, and with APPEND_SLASH with a slash added."""
    if settings.APPEND_SLASH and not path.endswith("/"):
        return [path, f"{path}/"]
    return [path]


class RedirectFallbackMiddleware:
    """
    Answers a GET or HEAD that would be a 404 with a 301 when its address has a redirect.
    An old address without its trailing slash is found too, and leads straight to the
    current address (Django's CommonMiddleware would first add the slash: two hops).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        if not is_storable(request.path):
            return response
        candidates = _candidates(request.path)
        found = {
            redirect.old_path: redirect
            for redirect in Redirect.objects.filter(old_path__in=candidates).select_related(
                "content_type"
            )
        }
        redirect = next((found[path] for path in candidates if path in found), None)
        if redirect is None:
            return response
        url = redirect.target_url(getattr(request, "user", None))
        if not url or url == request.path:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
