"""
Structured data (schema.org JSON-LD) of programme pages, built from objects the
view has already fetched: no extra queries.
"""

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from regions.structured_data import SCHEMA_ORG, place


def programme(request, programme):
    """
    A programme (a strategy period) as a schema.org CreativeWork: the document
    of a region's choices, its priorities as parts with focus areas as keywords.
    """
    data = {
        "@context": SCHEMA_ORG,
        "@type": "CreativeWork",
        "name": programme.title,
        "url": request.build_absolute_uri(programme.get_absolute_url()),
        "inLanguage": get_language(),
        "temporalCoverage": f"{programme.start_year}/{programme.end_year}",
        "spatialCoverage": place(request, programme.region),
        "license": settings.COUNCIL["license_url"],
        "hasPart": [
            {
                "@type": "CreativeWork",
                "name": priority.title,
                "url": request.build_absolute_uri(priority.get_absolute_url()),
                "keywords": [area.title for area in priority.focus_areas.all()],
            }
            for priority in programme.priorities.all()
        ],
    }
    if programme.summary:
        data["description"] = strip_tags(programme.summary)
    if programme.region.is_home:
        data["publisher"] = {
            "@type": "GovernmentOrganization",
            "name": _(settings.COUNCIL["name"]),
            "url": settings.COUNCIL["url"],
        }
    return data
