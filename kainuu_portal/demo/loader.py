"""
Write the demo content in ``content/`` to the database.

Idempotent: every row is found by its slug or natural key and updated, so loading
again changes nothing and creates no duplicates. Ordered child rows (strengths,
links, focus areas, themes) are keyed by their parent and position.
"""

import json
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import translation

from kainuu_portal.publishing.models import Status
from pages.models import Page
from priorities.models import (
    CrossCuttingTheme,
    FocusArea,
    Priority,
    Programme,
    ProgrammeLink,
    RegionKeySector,
    Sector,
)
from regions.models import Municipality, PopulationFigure, Region, RegionLink, Strength

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def read(name):
    """
    One file of the demo content: ``read("region")`` is ``content/region.json``, with
    ``{council_email}`` and ``{council_url}`` replaced by the council's facts
    (``settings.COUNCIL``).
    """
    text = (CONTENT / f"{name}.json").read_text(encoding="utf-8")
    for fact in ("email", "url"):
        text = text.replace(f"{{council_{fact}}}", settings.COUNCIL[fact])
    return json.loads(text)


def clean(value):
    """A text as stored: its lines joined, and each run of whitespace made one space."""
    if isinstance(value, list):
        value = " ".join(value)
    return " ".join(value.split()) if isinstance(value, str) else value


def translated(field, values):
    """``{"en": ..., "fi": ...}`` -> ``{"field_en": ..., "field_fi": ..., "field_sv": ""}``."""
    if not isinstance(values, dict):
        values = dict.fromkeys(LANGUAGES, values)
    return {f"{field}_{code}": clean(values.get(code, "")) for code in LANGUAGES}


def fields(data, plain=(), translated_fields=()):
    """Model field values from one item of the content data."""
    values = {"status": Status.PUBLISHED, "publish_at": None}
    for name in plain:
        if name in data:
            values[name] = clean(data[name])
    for name in translated_fields:
        if name in data:
            values.update(translated(name, data[name]))
    return values


class DemoContentLoader:
    """Loads the demo content, counting the rows it creates and updates by model name."""

    def __init__(self):
        self.created = Counter()
        self.updated = Counter()
        self.warnings = []

    def load(self):
        # The untranslated columns keep the default language, as in the admin.
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            region_data = read("region")
            region = self.load_regions(region_data)
            sectors = self.load_sectors(read("sectors"))
            self.load_key_sectors(region, sectors, region_data["key_sectors"])
            self.load_programme(region, sectors, read("programme"))
            self.load_pages(read("pages"))

    def save(self, model, lookup, defaults):
        obj, created = model.objects.update_or_create(**lookup, defaults=defaults)
        (self.created if created else self.updated)[model.__name__] += 1
        return obj

    def save_ordered(self, model, parent_lookup, items, plain=(), translated_fields=()):
        """Ordered children of one parent, keyed by their position (1, 2, 3 ...)."""
        return [
            self.save(
                model,
                {**parent_lookup, "order": position},
                fields(item, plain, translated_fields),
            )
            for position, item in enumerate(items, start=1)
        ]

    def load_regions(self, data):
        values = fields(
            data,
            plain=("kind", "country", "iso_code", "nuts_code", "website"),
            translated_fields=("name", "summary", "body", "administrative_centre"),
        )
        other_home = Region.objects.filter(is_home=True).exclude(slug=data["slug"])
        if other_home.exists():
            self.warnings.append(
                f"Another region ({other_home.first()}) is the home region; "
                f"{data['slug']} is loaded as an ordinary region."
            )
        else:
            values["is_home"] = True
        region = self.save(Region, {"slug": data["slug"]}, values)

        neighbours = [
            self.save(
                Region,
                {"slug": item["slug"]},
                fields(
                    item,
                    plain=("kind", "country", "iso_code"),
                    translated_fields=("name", "summary"),
                ),
            )
            for item in data["neighbours"]
        ]
        region.neighbours.add(*neighbours)

        for item in data["municipalities"]:
            self.save(
                Municipality,
                {"region": region, "slug": item["slug"]},
                fields(item, plain=("code", "is_town"), translated_fields=("name",)),
            )
        for item in data["population_figures"]:
            self.save(
                PopulationFigure,
                {"region": region, "year": item["year"]},
                fields(item, plain=("value", "is_approximate"), translated_fields=("source",)),
            )
        self.save_ordered(
            Strength, {"region": region}, data["strengths"], translated_fields=("title",)
        )
        self.save_ordered(
            RegionLink, {"region": region}, data["links"], translated_fields=("title", "url")
        )
        return region

    def load_sectors(self, tree):
        """The sector tree; returns every sector by slug."""
        sectors = {}

        def load(items, parent=None):
            for position, item in enumerate(items, start=1):
                values = fields(
                    item, plain=("nace_codes",), translated_fields=("name", "summary", "body")
                )
                values.setdefault("nace_codes", "")
                values.update(parent=parent, order=position)
                sector = self.save(Sector, {"slug": item["slug"]}, values)
                sectors[sector.slug] = sector
                load(item.get("children", []), parent=sector)

        load(tree)
        return sectors

    def load_key_sectors(self, region, sectors, key_sectors):
        for position, item in enumerate(key_sectors, start=1):
            values = fields(item, translated_fields=("description",))
            values["order"] = position
            self.save(
                RegionKeySector, {"region": region, "sector": sectors[item["sector"]]}, values
            )

    def load_programme(self, region, sectors, data):
        values = fields(
            data,
            plain=("start_year", "end_year"),
            translated_fields=("title", "summary", "body", "aims"),
        )
        programme = self.save(Programme, {"region": region, "slug": data["slug"]}, values)

        self.save_ordered(
            ProgrammeLink,
            {"programme": programme},
            data["links"],
            translated_fields=("title", "url"),
        )
        for position, item in enumerate(data["priorities"], start=1):
            values = fields(item, translated_fields=("title", "short_title", "summary", "body"))
            values["order"] = position
            priority = self.save(Priority, {"programme": programme, "slug": item["slug"]}, values)
            priority.sectors.set([sectors[slug] for slug in item["sectors"]])
            focus_areas = [{"title": title} for title in item["focus_areas"]]
            self.save_ordered(
                FocusArea, {"priority": priority}, focus_areas, translated_fields=("title",)
            )
        self.save_ordered(
            CrossCuttingTheme,
            {"programme": programme},
            data["themes"],
            translated_fields=("title", "description"),
        )

    def load_pages(self, pages):
        for position, item in enumerate(pages, start=1):
            values = fields(
                item,
                plain=("show_in_footer", "is_accessibility_statement"),
                translated_fields=("title", "summary", "body"),
            )
            values["order"] = position
            self.save(Page, {"slug": item["slug"]}, values)
