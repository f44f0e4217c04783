"""
What every app's open data router builds on, so that all lists share one shape: the
list parameters (``lang``, ``limit``, ``offset``), the page they answer with, the
pagination that fills it and the validation error.

A list view takes its parameters as ``params: Query[<ListParams subclass>]``, returns
a queryset and is registered with ``@list_endpoint(router, path, page, tag)``, where
``page`` is a ``Page`` subclass that names the type of its items.
"""

import functools
import json
from collections import defaultdict
from typing import Annotated, Any, Literal

from django.conf import settings
from django.db.models import Count, Q, Window
from django.http import HttpResponse
from django.utils.translation import override
from modeltranslation.utils import resolution_order
from ninja import Field, Schema
from ninja.pagination import PaginationBase, paginate
from ninja.responses import NinjaJSONEncoder
from pydantic import field_validator

from .models import LANGUAGES, slug_in

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


def list_view(router, path, page, tag):
    """
    Register a list view at ``path`` that answers with ``page_response()``: ``page``
    describes that JSON in the schema, and a bad parameter gets a 422.
    """
    return router.get(path, response={200: page, 422: ValidationErrors}, tags=[tag])


def page_rows(queryset, params, *fields):
    """
    The number of rows of ``queryset`` and its rows on the page that ``params`` asks for
    (``limit``, ``offset``), as dicts of ``fields``.
    """
    # The number comes with each row, counted in the same query; a page past the end
    # has no row to bring it.
    rows = list(
        queryset.raw_values(*fields, total_count=Window(Count("pk")))[
            params.offset : params.offset + params.limit
        ]
    )
    return (rows[0]["total_count"] if rows else queryset.count()), rows


def related_to(relation, ids):
    """
    Rows whose ``relation`` is one of the page's items ``ids``, as a filter: ``pk__in``
    compares plain numbers, without the related lookup's checks of every id.
    """
    return Q(**{f"{relation}__pk__in": ids})


def translations(*lookups):
    """The columns of translated fields in every language, for ``values()``: ``name_fi``..."""
    return [f"{lookup}_{code}" for lookup in lookups for code in LANGUAGES]


@functools.cache
def _fallback_columns(lookup, language):
    return tuple(f"{lookup}_{code}" for code in resolution_order(language))


def shown(row, lookup, language):
    """
    A translated field (or a lookup to one) in ``language`` from a row with its
    ``translations()``, as visitors read it: the language's own text, else the first
    fallback's, else empty (what modeltranslation gives).
    """
    for column in _fallback_columns(lookup, language):
        if row[column]:
            return row[column]
    return ""


def address_fields(address):
    """What ``page_addresses()`` reads from each row for ``address``."""
    return translations(*address.lookups.values())


def page_addresses(request, address, rows):
    """
    ``{language: absolute address}`` of the page of each of ``rows`` (with their
    ``address_fields()``), from the route's template per language (``Address.url``).
    """
    # The addresses are paths with slugs in them, which build_absolute_uri() would leave
    # as they are: only the scheme and host are added, the same for every address.
    origin = request.build_absolute_uri("/")[:-1]
    lookups = address.lookups.items()
    addresses = [{} for _row in rows]
    for code in LANGUAGES:
        with override(code):
            for row, urls in zip(rows, addresses, strict=True):
                values = {name: shown(row, lookup, code) for name, lookup in lookups}
                urls[code] = origin + address.url(values)
    return addresses


def grouped(pairs):
    """``{key: [value, ...]}`` of ``(key, value)`` pairs, in their order."""
    groups = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return groups


def page_response(params, count, items):
    """
    The page of a list as the API writes JSON (``kainuu_portal.api.Renderer``): the
    envelope of ``Page`` with ``items``, dicts with the fields of the item schema in order.
    """
    page = {
        "count": count,
        "limit": params.limit,
        "offset": params.offset,
        "lang": params.lang,
        "license": LICENSE["name"],
        "items": items,
    }
    return HttpResponse(
        json.dumps(page, cls=NinjaJSONEncoder, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
