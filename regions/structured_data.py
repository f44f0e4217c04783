"""
Structured data (schema.org JSON-LD) of region pages, built from objects the
view has already fetched: no extra queries.
"""

SCHEMA_ORG = "https://schema.org"


def place(request, region, url=None):
    """
    A region (or a municipality) as a schema.org AdministrativeArea: its name and
    address (``url``, when the caller has it already).
    """
    return {
        "@type": "AdministrativeArea",
        "name": region.name,
        "url": request.build_absolute_uri(url or region.get_absolute_url()),
    }


def region(request, region, municipalities=()):
    """
    A region as a schema.org AdministrativeArea with its municipalities: ``region`` a
    mapping of its ``name``, ``url``, ``country``, ``summary``, ``iso_code``,
    ``nuts_code`` and ``area_km2``, ``municipalities`` the ``(name, url)`` of each.
    """
    data = {
        "@context": SCHEMA_ORG,
        "@type": "AdministrativeArea",
        "name": region["name"],
        "url": request.build_absolute_uri(region["url"]),
        "containedInPlace": {"@type": "Country", "identifier": region["country"]},
    }
    if region["summary"]:
        data["description"] = region["summary"]
    identifiers = [
        {"@type": "PropertyValue", "propertyID": name, "value": value}
        for name, value in (("ISO 3166-2", region["iso_code"]), ("NUTS", region["nuts_code"]))
        if value
    ]
    if identifiers:
        data["identifier"] = identifiers
    if region["area_km2"]:
        data["additionalProperty"] = {
            "@type": "PropertyValue",
            "name": "area",
            "value": float(region["area_km2"]),
            "unitCode": "KMK",
        }
    if municipalities:
        data["containsPlace"] = [
            {"@type": "AdministrativeArea", "name": name, "url": request.build_absolute_uri(url)}
            for name, url in municipalities
        ]
    return data
