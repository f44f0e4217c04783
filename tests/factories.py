"""Small plain-Python factories: each makes one valid, published object with sensible defaults."""

from itertools import count

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

_sequence = count(1)


def _n():
    return next(_sequence)


def addressed(fields):
    """``slug`` given as the Finnish one, the slug every item has; the others fall back to it."""
    if "slug" in fields:
        fields = {"slug_fi": fields["slug"]} | {
            name: value for name, value in fields.items() if name != "slug"
        }
    return fields


def make_region(**fields):
    n = _n()
    defaults = {
        "name_en": f"Region {n}",
        "name_fi": f"Maakunta {n}",
        "slug": f"region-{n}",
        "status": Status.PUBLISHED,
    }
    return Region.objects.create(**addressed(defaults | fields))


def make_municipality(region=None, **fields):
    n = _n()
    defaults = {
        "region": region or make_region(),
        "name_fi": f"Kunta {n}",
        "name_en": f"Municipality {n}",
        "slug": f"municipality-{n}",
        "code": f"{n % 1000:03d}",
        "status": Status.PUBLISHED,
    }
    return Municipality.objects.create(**addressed(defaults | fields))


def make_population(region=None, municipality=None, **fields):
    defaults = {
        "region": region,
        "municipality": municipality,
        "year": 2018,
        "value": 1000,
        "source_en": "Statistics Finland",
        "status": Status.PUBLISHED,
    }
    return PopulationFigure.objects.create(**(defaults | fields))


def make_strength(region=None, **fields):
    n = _n()
    defaults = {
        "region": region or make_region(),
        "title_en": f"Strength {n}",
        "order": n,
        "status": Status.PUBLISHED,
    }
    return Strength.objects.create(**(defaults | fields))


def make_region_link(region=None, **fields):
    defaults = {
        "region": region or make_region(),
        "title_fi": "Kainuun liitto",
        "url_fi": "https://kainuunliitto.fi/",
        "status": Status.PUBLISHED,
    }
    return RegionLink.objects.create(**(defaults | fields))


def make_sector(parent=None, **fields):
    n = _n()
    defaults = {
        "parent": parent,
        "name_en": f"Sector {n}",
        "name_fi": f"Toimiala {n}",
        "slug": f"sector-{n}",
        "status": Status.PUBLISHED,
    }
    return Sector.objects.create(**addressed(defaults | fields))


def make_key_sector(region=None, sector=None, **fields):
    defaults = {
        "region": region or make_region(),
        "sector": sector or make_sector(),
        "description_en": "<p>Regional description.</p>",
        "status": Status.PUBLISHED,
    }
    return RegionKeySector.objects.create(**(defaults | fields))


def make_programme(region=None, **fields):
    n = _n()
    defaults = {
        "region": region or make_region(),
        "title_en": f"Programme {n}",
        "title_fi": f"Ohjelma {n}",
        "slug": f"{2000 + n}-{2003 + n}",
        "start_year": 2000 + n % 90,
        "status": Status.PUBLISHED,
    }
    values = defaults | fields
    values.setdefault("end_year", values["start_year"] + 3)
    return Programme.objects.create(**addressed(values))


def make_programme_link(programme=None, **fields):
    defaults = {
        "programme": programme or make_programme(),
        "title_fi": "Strategia",
        "url_fi": "https://kainuunliitto.fi/strategia.pdf",
        "status": Status.PUBLISHED,
    }
    return ProgrammeLink.objects.create(**(defaults | fields))


def make_priority(programme=None, **fields):
    n = _n()
    defaults = {
        "programme": programme or make_programme(),
        "title_en": f"Priority {n}",
        "title_fi": f"Painopiste {n}",
        "slug": f"priority-{n}",
        "order": n,
        "status": Status.PUBLISHED,
    }
    return Priority.objects.create(**addressed(defaults | fields))


def make_focus_area(priority=None, **fields):
    n = _n()
    defaults = {
        "priority": priority or make_priority(),
        "title_en": f"Focus area {n}",
        "order": n,
        "status": Status.PUBLISHED,
    }
    return FocusArea.objects.create(**(defaults | fields))


def make_theme(programme=None, **fields):
    n = _n()
    defaults = {
        "programme": programme or make_programme(),
        "title_en": f"Theme {n}",
        "order": n,
        "status": Status.PUBLISHED,
    }
    return CrossCuttingTheme.objects.create(**(defaults | fields))


def make_page(**fields):
    n = _n()
    defaults = {
        "title_en": f"Page {n}",
        "title_fi": f"Sivu {n}",
        "slug": f"page-{n}",
        "body_en": "<p>Body.</p>",
        "show_in_footer": True,
        "status": Status.PUBLISHED,
    }
    return Page.objects.create(**addressed(defaults | fields))
