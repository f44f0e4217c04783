"""
Structured data (schema.org JSON-LD) of programme pages, built from what the view
has already fetched: no extra queries.
"""

from types import SimpleNamespace

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from regions.structured_data import SCHEMA_ORG, place


def programme(request, programme, priorities):
    """
    A programme (a strategy period) as a schema.org CreativeWork: the document
    of a region's choices, its priorities as parts with focus areas as keywords.
    ``programme`` is a model instance (staff's page) or a visitor's row keyed as its
    attributes; ``priorities`` are the rows the page lists.
    """
    if isinstance(programme, dict):
        region = programme["region"]
        name, summary, is_home = programme["title"], programme["summary"], region["is_home"]
        url, region_url = programme["get_absolute_url"], region["get_absolute_url"]
        start_year, end_year = programme["start_year"], programme["end_year"]
        region = SimpleNamespace(name=region["name"])  # place() reads its name, given the url
    else:
        region = programme.region
        name, summary, is_home = programme.title, programme.summary, region.is_home
        url, region_url = programme.get_absolute_url(), None
        start_year, end_year = programme.start_year, programme.end_year
    data = {
        "@context": SCHEMA_ORG,
        "@type": "CreativeWork",
        "name": name,
        "url": request.build_absolute_uri(url),
        "inLanguage": get_language(),
        "temporalCoverage": f"{start_year}/{end_year}",
        "spatialCoverage": place(request, region, region_url),
        "license": settings.COUNCIL["license_url"],
        "hasPart": [
            {
                "@type": "CreativeWork",
                "name": priority["title"],
                "url": request.build_absolute_uri(priority["get_absolute_url"]),
                "keywords": [area["title"] for area in priority["focus_areas"]],
            }
            for priority in priorities
        ],
    }
    if summary:
        data["description"] = strip_tags(summary)
    if is_home:
        data["publisher"] = {
            "@type": "GovernmentOrganization",
            "name": _(settings.COUNCIL["name"]),
            "url": settings.COUNCIL["url"],
        }
    return data
