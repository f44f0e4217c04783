"""
Write the demo content in ``content/`` to the database.

Idempotent: every row is found by its English slug (the one the content files
name items by, and the slug of every language before slugs were translated) or its
natural key and updated, so loading again changes nothing and creates no duplicates.
Ordered child rows (strengths, links, focus areas, themes) are keyed by their parent
and position. A slug that changes leaves a redirect from the old address, as an
editor's change does.
"""

import json
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import translation

from kainuu_portal.publishing.models import Status
from pages.models import Page
from priorities.classifications import load_code_lists
from priorities.models import (
    CrossCuttingTheme,
    EconomicDomain,
    FocusArea,
    Priority,
    Programme,
    ProgrammeLink,
    RegionKeySector,
    ScientificDomain,
    Sector,
)
from regions.models import Municipality, PopulationFigure, Region, RegionLink, Strength

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
AREA_FIELDS = ("area_km2", "land_area_km2", "area_year")
POPULATION_FIELDS = ("value", "is_approximate", "is_preliminary", "source_url")


def read(name):
    """
    One file of the demo content: ``read("region")`` is ``content/region.json``, with
    ``{council_email}`` and ``{council_url}`` replaced by the council's facts
    (``settings.COUNCIL``) and ``{signin_retention_days}`` by how long sign-in events
    are kept (``settings.SIGNIN_EVENT_RETENTION_DAYS``).
    """
    text = (CONTENT / f"{name}.json").read_text(encoding="utf-8")
    for fact in ("email", "url"):
        text = text.replace(f"{{council_{fact}}}", settings.COUNCIL[fact])
    text = text.replace("{signin_retention_days}", str(settings.SIGNIN_EVENT_RETENTION_DAYS))
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


# The language whose slug finds a row again.
KEY_LANGUAGE = "en"


def key_slug(value):
    """The slug that finds an item: its English one (``value`` is a slug or one per language)."""
    return value[KEY_LANGUAGE] if isinstance(value, dict) else value


def by_slug(data, **parent):
    """The lookup of the row of ``data``, within ``parent`` if given."""
    return {**parent, f"slug_{KEY_LANGUAGE}": key_slug(data["slug"])}


def fields(data, plain=(), translated_fields=()):
    """Model field values from one item of the content data."""
    values = {"status": Status.PUBLISHED, "publish_at": None, "unpublish_at": None}
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
            # A migration loads the code lists; a flushed database has lost them.
            load_code_lists()
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
            plain=("kind", "country", "iso_code", "nuts_code", "code", "website", *AREA_FIELDS),
            translated_fields=("name", "slug", "summary", "body", "administrative_centre"),
        )
        lookup = by_slug(data)
        other_home = Region.objects.filter(is_home=True).exclude(**lookup)
        if other_home.exists():
            self.warnings.append(
                f"Another region ({other_home.first()}) is the home region; "
                f"{key_slug(data['slug'])} is loaded as an ordinary region."
            )
        else:
            values["is_home"] = True
        region = self.save(Region, lookup, values)

        neighbours = [
            self.save(
                Region,
                by_slug(item),
                fields(
                    item,
                    plain=("kind", "country", "iso_code"),
                    translated_fields=("name", "slug", "summary"),
                ),
            )
            for item in data["neighbours"]
        ]
        region.neighbours.add(*neighbours)

        for item in data["municipalities"]:
            municipality = self.save(
                Municipality,
                by_slug(item, region=region),
                fields(
                    item,
                    plain=("code", "is_town", *AREA_FIELDS),
                    translated_fields=("name", "slug"),
                ),
            )
            self.load_population(municipality, item.get("population_figures", []))
        self.load_population(region, data["population_figures"])
        self.save_ordered(
            Strength, {"region": region}, data["strengths"], translated_fields=("title",)
        )
        self.save_ordered(
            RegionLink, {"region": region}, data["links"], translated_fields=("title", "url")
        )
        return region

    def load_population(self, owner, figures):
        """A region's or municipality's figures, keyed by year, entered as by an editor."""
        owner_field = owner._meta.model_name
        for item in figures:
            values = fields(item, plain=POPULATION_FIELDS, translated_fields=("source",))
            values["origin"] = PopulationFigure.Origin.EDITOR
            self.save(PopulationFigure, {owner_field: owner, "year": item["year"]}, values)

    def load_sectors(self, tree):
        """The sector tree; returns every sector by its English slug."""
        sectors = {}

        def load(items, parent=None):
            for position, item in enumerate(items, start=1):
                values = fields(item, translated_fields=("name", "slug", "summary", "body"))
                values.update(parent=parent, order=position)
                sector = self.save(Sector, by_slug(item), values)
                self.classify(sector, item)
                sectors[key_slug(item["slug"])] = sector
                load(item.get("children", []), parent=sector)

        load(tree)
        return sectors

    def classify(self, obj, item):
        """A sector's or priority's S3 codes: ``economic_domains`` and ``scientific_domains``."""
        for field, model in (
            ("economic_domains", EconomicDomain),
            ("scientific_domains", ScientificDomain),
        ):
            codes = item.get(field, [])
            domains = list(model.objects.filter(code__in=codes))
            if len(domains) != len(set(codes)):
                unknown = sorted(set(codes) - {domain.code for domain in domains})
                raise ValueError(f"{obj}: no such {field} code: {', '.join(unknown)}")
            getattr(obj, field).set(domains)

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
            translated_fields=("title", "slug", "summary", "body", "aims"),
        )
        programme = self.save(Programme, by_slug(data, region=region), values)

        self.save_ordered(
            ProgrammeLink,
            {"programme": programme},
            data["links"],
            translated_fields=("title", "url"),
        )
        for position, item in enumerate(data["priorities"], start=1):
            values = fields(
                item, translated_fields=("title", "short_title", "slug", "summary", "body")
            )
            values["order"] = position
            priority = self.save(Priority, by_slug(item, programme=programme), values)
            priority.sectors.set([sectors[slug] for slug in item["sectors"]])
            self.classify(priority, item)
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
                translated_fields=("title", "slug", "summary", "body"),
            )
            values["order"] = position
            self.save(Page, by_slug(item), values)
