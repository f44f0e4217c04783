"""
Structured data (schema.org JSON-LD) for region and programme pages, built
from objects the views have already fetched: no extra queries.
"""

from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

SCHEMA_ORG = "https://schema.org"
COUNCIL_URL = "https://kainuunliitto.fi/"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


def _place(request, region):
    return {
        "@type": "AdministrativeArea",
        "name": region.name,
        "url": request.build_absolute_uri(region.get_absolute_url()),
    }


def region_data(request, region, municipalities=()):
    """A region as a schema.org AdministrativeArea with its municipalities."""
    data = {
        "@context": SCHEMA_ORG,
        **_place(request, region),
        "containedInPlace": {"@type": "Country", "identifier": region.country},
    }
    if region.summary:
        data["description"] = region.summary
    identifiers = [
        {"@type": "PropertyValue", "propertyID": name, "value": value}
        for name, value in (("ISO 3166-2", region.iso_code), ("NUTS", region.nuts_code))
        if value
    ]
    if identifiers:
        data["identifier"] = identifiers
    if region.area_km2:
        data["additionalProperty"] = {
            "@type": "PropertyValue",
            "name": "area",
            "value": float(region.area_km2),
            "unitCode": "KMK",
        }
    if municipalities:
        data["containsPlace"] = [
            {
                "@type": "AdministrativeArea",
                "name": municipality.name,
                "url": request.build_absolute_uri(municipality.get_absolute_url()),
            }
            for municipality in municipalities
        ]
    return data


def programme_data(request, programme):
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
        "spatialCoverage": _place(request, programme.region),
        "license": LICENSE_URL,
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
            "name": _("Regional Council of Kainuu"),
            "url": COUNCIL_URL,
        }
    return data
