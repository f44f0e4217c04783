"""
What every app's open data router builds on, so that all lists share one shape: the
list parameters (``lang``, ``limit``, ``offset``), the page they answer with and the
validation error, the renderer the API writes its JSON with, and the helpers a list
writes its page with.

A list view takes its parameters as ``params: Query[<ListParams subclass>]`` and is
registered with ``@list_view(router, path, page, tag)``, where ``page`` is a ``Page``
subclass that names the type of its items. It answers with the JSON of its page itself
(``page_response()``): its rows are read with ``values()`` (``page_rows()``), each
nested list in one query for the page's items (``rows_of_items()``, ``related_to()``,
``grouped()``), each query a statement compiled once per process and run with the
request's values (``Statement``), and the rows are written as they are, without
model instances or a validation of every item against its schema. A translated field
is read as the text the list shows, picked with modeltranslation's fallback by the
database (``texts_in()``), or in every language (``translations()``) and picked with
``translated_value()`` where a row needs more than that text; the items' addresses
are their route's template filled with their slugs (``Address.columns()``,
``page_addresses()``). The schemas describe that JSON in the OpenAPI schema
(``tests/site/test_open_data.py`` validates every list against them).
"""

import functools
import operator
from collections import defaultdict
from typing import Annotated, Any, Literal

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Count, Q, Window
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from ninja import Field, Schema
from ninja.renderers import JSONRenderer

from .models import LANGUAGES, first_text, language_order, text_in
from .statements import STAND_IN_TIME, Statement, now_for, stand_in_ids, stand_in_time

LICENSE = {"name": settings.COUNCIL["license"], "url": settings.COUNCIL["license_url"]}
MAX_LIMIT = 100
MAX_OFFSET = 100_000

Language = Literal["fi", "en", "sv"]
# A slug in the language of the list (``lang``).
Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", min_length=1, max_length=100)]


class Renderer(JSONRenderer):
    """The API's JSON: django-ninja's, with the texts' letters as they are (UTF-8)."""

    json_dumps_params = {"ensure_ascii": False}


# The renderer of the API (``kainuu_portal.api`` is made with it) and of the lists'
# pages (``page_response()``): a view is not told which API it answers for, so the two
# share this one.
RENDERER = Renderer()


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


class ValidationErrors(Schema):
    detail: list[dict[str, Any]]


class Addresses(Schema):
    fi: str
    en: str
    sv: str


def url_field():
    return Field(description="The item's page on the portal, in the language of the list.")


def urls_field():
    return Field(description="The item's page on the portal in each language.")


def list_view(router, path, page, tag):
    """
    Register a list view at ``path`` that answers with ``page_response()``: ``page``
    describes that JSON in the schema, and a bad parameter gets a 422.
    """
    return router.get(path, response={200: page, 422: ValidationErrors}, tags=[tag])


# --- The rows of a page -------------------------------------------------------------


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
            queryset = queryset.alias(**{alias: text_in(lookup, params.lang)})
            lookup = alias
        queryset = queryset.filter(**{lookup: value})
    return queryset


def related_to(relation, ids):
    """
    Rows whose ``relation`` is one of the page's items ``ids``, as a filter: ``pk__in``
    compares plain numbers, without the related lookup's checks of every id.
    """
    return Q(**{f"{relation}__pk__in": ids})


@functools.lru_cache(maxsize=1024)
def _items_statement(build, count, active_language, using):
    # ``active_language``: the translation app writes a model's ordering by a translated
    # field in the active language.
    stand_ins = tuple(stand_in_ids(count))
    queryset = build(list(stand_ins), STAND_IN_TIME)
    return stand_ins, Statement(queryset, [stand_in_time(connections[using]), *stand_ins], using)


def rows_of_items(build, ids, using=DEFAULT_DB_ALIAS, fields=()):
    """
    The rows of a nested list for the page's items ``ids``: of ``build(ids, now)``, a
    values() queryset of the rows live at ``now`` (``related_to(relation, ids)``). It is
    compiled once per process and number of ids, with distinct negative numbers (no row's
    id) standing in for the ids and ``STAND_IN_TIME`` for the time, and run with the
    page's ids and the present: a few hundred calls instead of the ORM's thousands.
    Dicts by column name; with ``fields``, tuples of those columns in that order (for a
    list of hundreds of rows that are written out at once).
    """
    if not ids:
        return []
    stand_ins, statement = _items_statement(build, len(ids), get_language(), using)
    values = {**now_for(connections[using]), **dict(zip(stand_ins, ids, strict=True))}
    if not fields:
        return statement.rows(values)
    rows = statement.tuples(values)
    if tuple(fields) == tuple(statement.names):
        return rows
    row_of = operator.itemgetter(*(statement.names.index(name) for name in fields))
    return [row_of(row) for row in rows]


# How many pages' statements a process keeps: one per language, parameters given, limit
# and offset, as the ORM writes a page's LIMIT and OFFSET into its SQL.
PAGE_STATEMENTS = 256


def page_rows(build, params, *fields, texts=()):
    """
    The number of rows of the list and its rows on the page that ``params`` asks for
    (``limit``, ``offset``), as dicts of ``fields`` and of the translated fields
    ``texts`` in the list's language (``texts_in()``). ``build(params, now)`` is the
    list's queryset: its rows live at ``now``, filtered by the parameters given.

    The page's query is compiled once per process for each language, set of parameters
    given, limit and offset, with stand-ins for those parameters' values and for the
    time, and run with the request's (as ``rows_of_items()``).
    """
    given = tuple(
        name
        for name in type(params).model_fields
        if name not in ListParams.model_fields and getattr(params, name)
    )
    using = DEFAULT_DB_ALIAS
    stand_ins, statement = _page_statement(
        build,
        fields,
        type(params),
        get_language(),
        params.lang,
        language_order(params.lang),
        texts,
        given,
        params.limit,
        params.offset,
        using,
    )
    values = {stand_ins[name]: getattr(params, name) for name in given}
    rows = statement.rows({**now_for(connections[using]), **values})
    # The number comes with each row, counted in the same query; a page past the end
    # has no row to bring it.
    return (rows[0]["total_count"] if rows else build(params, timezone.now()).count()), rows


@functools.lru_cache(maxsize=PAGE_STATEMENTS)
def _page_statement(
    build, fields, kind, active_language, lang, languages, texts, given, limit, offset, using
):
    # ``kind``: the class of the list's parameters. ``active_language``: the translation
    # app writes an ordering by a translated field in the active language.
    stand_ins = {name: f"zqx{name}zqx" for name in given}
    params = kind.model_construct(lang=lang, limit=limit, offset=offset, **stand_ins)
    queryset = build(params, STAND_IN_TIME).raw_values(
        *fields, **texts_in(languages, *texts), total_count=Window(Count("pk"))
    )
    statement = Statement(
        queryset[offset : offset + limit],
        [stand_in_time(connections[using]), *stand_ins.values()],
        using,
    )
    return stand_ins, statement


def grouped(pairs):
    """``{key: [value, ...]}`` of ``(key, value)`` pairs, in their order."""
    groups = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return groups


# --- Texts and addresses ------------------------------------------------------------


def texts_in(languages, *lookups):
    """
    The translated fields ``lookups`` as the list shows them, each in the first of
    ``languages`` (``language_order()`` of the list's language) that has a text, else
    "": expressions for ``raw_values()``, named ``<lookup>_text``. The database picks
    the text, so that a row brings one text of each field rather than one per language
    (``translations()``) for ``translated_value()`` to choose from: for nested lists of
    many rows. A ``build`` that reads them is made for its ``languages``, which depend
    on whether the translation app's fallbacks are on.
    """
    return {f"{lookup}_text": first_text(lookup, languages) for lookup in lookups}


def page_addresses(request, address, rows):
    """
    ``{language: absolute address}`` of the page of each of ``rows`` (with their
    ``Address.columns()``), from the route's template per language (``Address.urls_of``).
    """
    # The addresses are paths with slugs in them, which build_absolute_uri() would leave
    # as they are: only the scheme and host are added, the same for every address.
    origin = request.build_absolute_uri("/")[:-1]
    addresses = [{} for _row in rows]
    for code in LANGUAGES:
        url = address.urls_of(code)
        for row, urls in zip(rows, addresses, strict=True):
            urls[code] = origin + url(row)
    return addresses


# --- The page -----------------------------------------------------------------------


def page_response(request, params, count, items):
    """
    The page of a list, written by the API's renderer: the envelope of ``Page`` with
    ``items``, dicts with the fields of the item schema in order.
    """
    page = {
        "count": count,
        "limit": params.limit,
        "offset": params.offset,
        "lang": params.lang,
        "license": LICENSE["name"],
        "items": items,
    }
    # What django-ninja answers with a page it has validated (NinjaAPI.create_response).
    return HttpResponse(
        RENDERER.render(request, page, response_status=200),
        content_type=f"{RENDERER.media_type}; charset={RENDERER.charset}",
    )
