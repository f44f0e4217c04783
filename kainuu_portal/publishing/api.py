"""
What every app's open data router builds on, so that all lists share one shape: the
list parameters (``lang``, ``limit``, ``offset``), the page they answer with, the
pagination that fills it and the validation error.

A list view takes its parameters as ``params: Query[<ListParams subclass>]``, returns
a queryset and is registered with ``@list_endpoint(router, path, page, tag)``, where
``page`` is a ``Page`` subclass that names the type of its items.
"""

from typing import Annotated, Any, Literal

from django.conf import settings
from django.utils.translation import override
from ninja import Field, Schema
from ninja.pagination import PaginationBase, paginate
from pydantic import field_validator

from .models import slug_in

LICENSE = {"name": settings.COUNCIL["license"], "url": settings.COUNCIL["license_url"]}
MAX_LIMIT = 100
MAX_OFFSET = 100_000

Language = Literal["fi", "en", "sv"]
# A slug in the language of the list (``lang``).
Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", min_length=1, max_length=100)]


# The schemas have no docstrings: the OpenAPI schema would show them as descriptions.


class ListParams(Schema):
    lang: Language = Field("fi", description="Language of the texts: fi, en or sv.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Items per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")


class Page(Schema):
    count: int = Field(description="Items in the whole list.")
    limit: int
    offset: int
    lang: Language
    license: str = LICENSE["name"]

    @field_validator("items", mode="wrap", check_fields=False)
    @classmethod
    def read_in_the_page_language(cls, items, handler, info):
        """Translated fields and the portal addresses of the items follow ``lang``."""
        with override(info.data["lang"]):
            return handler(items)


class ValidationErrors(Schema):
    detail: list[dict[str, Any]]


class Addresses(Schema):
    fi: str
    en: str
    sv: str


def absolute_url(obj, context):
    """The address of ``obj``'s page on the portal: a ``resolve_url`` for the schemas."""
    return context["request"].build_absolute_uri(obj.get_absolute_url())


def absolute_urls(obj, context):
    """The addresses of ``obj``'s page in every language: a ``resolve_urls`` for the schemas."""
    request = context["request"]
    return {
        code: request.build_absolute_uri(url)
        for code, url in obj.addresses_in_every_language().items()
    }


def url_field():
    return Field(description="The item's page on the portal, in the language of the list.")


def urls_field():
    return Field(description="The item's page on the portal in each language.")


class ListPagination(PaginationBase):
    """
    One page of the queryset a list view returns, sliced by the view's ``params``.

    ``limit`` and ``offset`` are in ``ListParams`` rather than in an ``Input`` of the
    pagination: django-ninja lists such an input after the view's filters, as a schema
    component of its own. The view names its page schema itself (``Output`` is unset),
    so the components keep names that say what each list holds, e.g. ``RegionList``.
    """

    Output = None

    def paginate_queryset(self, queryset, pagination, request, *, params, **kwargs):
        return {
            "count": queryset.count(),
            "limit": params.limit,
            "offset": params.offset,
            "lang": params.lang,
            "items": queryset[params.offset : params.offset + params.limit],
        }


def list_endpoint(router, path, page, tag):
    """Register a paginated list view at ``path``: ``page`` on success, 422 for bad params."""

    def register(view):
        return router.get(path, response={200: page, 422: ValidationErrors}, tags=[tag])(
            paginate(ListPagination)(view)
        )

    return register


def filtered(queryset, params, **lookups):
    """
    ``queryset`` filtered by each parameter that was given: ``region="region__slug"``.
    A slug is the one in the list's language (``lang``), with its fallback.
    """
    for name, lookup in lookups.items():
        value = getattr(params, name)
        if not value:
            continue
        if lookup.rsplit("__", 1)[-1] == "slug":
            alias = f"filter_{name}"
            queryset = queryset.alias(**{alias: slug_in(lookup, params.lang)})
            lookup = alias
        queryset = queryset.filter(**{lookup: value})
    return queryset
