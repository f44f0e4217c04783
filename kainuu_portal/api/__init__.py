"""
The read-only open data API under ``/api/v1/``, made with django-ninja: the
router each content app declares in its ``api.py``, assembled into one API
whose OpenAPI 3 schema is at ``/api/v1/openapi.json``.

Only live content is served. ``lang`` (fi, en, sv) picks the language of the
texts, with the same fallback as on the pages. Lists are paginated with
``limit`` and ``offset``. The data is licensed under CC BY 4.0.

Every address answers GET and HEAD, as the pages do, and 405 to any other method.
The schema states the GET operations only.
"""

import functools

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from ninja import NinjaAPI

from kainuu_portal.declarations import collect
from kainuu_portal.publishing.api import LICENSE, RENDERER
from kainuu_portal.publishing.views import reads_query

COUNCIL = settings.COUNCIL
ATTRIBUTION = f"{COUNCIL['name']} ({COUNCIL['name_fi']})"


def schema_view(view):
    """
    The schema's view answers GET and HEAD only: 405 to other methods, without a CSRF
    check first (it changes nothing), as the operations do.
    """
    return csrf_exempt(require_safe(view))


def answers_head(view):
    """
    ``view`` answering HEAD as GET, as Django's class-based views do (``View.setup``):
    django-ninja dispatches on the method its operations declare, and the schema
    declares GET alone. The server drops the body of the answer to HEAD. A 405 names
    HEAD in its ``Allow`` header too.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "HEAD":
            response = view(request, *args, **kwargs)
        else:
            request.method = "GET"
            try:
                response = view(request, *args, **kwargs)
            finally:
                request.method = "HEAD"
        allowed = response.get("Allow")
        if response.status_code == 405 and allowed is not None:
            methods = {method.strip() for method in allowed.split(",")}
            if "GET" in methods:
                response["Allow"] = ", ".join(sorted(methods | {"HEAD"}))
        return response

    return wrapper


class OpenDataAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        # Clients generate code from the ids: they name the API and the view, not the
        # view's module, so that moving a view to another app does not change them.
        return f"kainuu_portal_api_{operation.view_func.__name__}"


api = OpenDataAPI(
    title="Kainuu Portal open data API",
    version="1.0.0",
    description=(
        "Read-only open data of the Kainuu Portal: regions, municipalities with their "
        "population figures, sectors, and the Smart Specialisation programmes with their "
        "priorities, focus areas and cross-cutting themes. Only published content is served. "
        f"Licence: {LICENSE['name']}; attribution: {ATTRIBUTION}."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url=None,  # The interactive docs load scripts from a CDN: the Open data page documents.
    docs_decorator=schema_view,
    renderer=RENDERER,  # The lists write their pages with it too (page_response).
    openapi_extra={
        "info": {
            "license": LICENSE,
            "contact": {"name": ATTRIBUTION, "email": COUNCIL["email"]},
        }
    },
)
for router in collect("api", "router"):
    api.add_router("", router)


def api_urls():
    """
    The API's URLs, each view answering HEAD as GET (``answers_head()``) and
    declaring the query parameters its operation reads in the schema
    (publishing.views.reads_query), so the page cache keys by them.
    """
    schema = api.get_openapi_schema(path_prefix="")
    reads = {
        operation["operationId"]: tuple(
            parameter["name"]
            for parameter in operation.get("parameters", [])
            if parameter["in"] == "query"
        )
        for methods in schema["paths"].values()
        for operation in methods.values()
    }
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        operation_id = f"kainuu_portal_api_{pattern.name}"
        pattern.callback = reads_query(*reads.get(operation_id, ()))(answers_head(pattern.callback))
    return patterns, app_name, namespace
