"""
The read-only open data API under ``/api/v1/``, made with django-ninja: the
router each content app declares in its ``api.py``, assembled into one API
whose OpenAPI 3 schema is at ``/api/v1/openapi.json``.

Only live content is served. ``lang`` (fi, en, sv) picks the language of the
texts, with the same fallback as on the pages. Lists are paginated with
``limit`` and ``offset``. The data is licensed under CC BY 4.0.
"""

from django.conf import settings
from ninja import NinjaAPI

from kainuu_portal.declarations import collect
from kainuu_portal.publishing.api import LICENSE, RENDERER
from kainuu_portal.publishing.views import reads_query

COUNCIL = settings.COUNCIL
ATTRIBUTION = f"{COUNCIL['name']} ({COUNCIL['name_fi']})"


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
    The API's URLs, each view declaring the query parameters its operation reads
    in the schema (publishing.views.reads_query), so the page cache keys by them.
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
        reads_query(*reads.get(operation_id, ()))(pattern.callback)
    return patterns, app_name, namespace
