"""
Generate extra content at a multiple of the demo content's size, for query-count
checks and benchmarks.

N times the demo content is N - 1 generated copies of its shape (a home-like region
with its neighbours, municipalities, population series from 2010 on, strengths and
links; a sector tree; key sectors; a programme with its priorities, focus areas,
themes and links), in all three languages. Copies come in pairs whose second
programme is the next period of the first one's region, so some regions have two
periods to compare. The texts are the demo content's own, with the region's and
municipalities' names replaced by generated Finnish-style place names.

Generated rows are recognisable by the ``gen-`` prefix of the slugs of their
regions and sectors; everything else generated belongs to those. The demo content
is never read for writing, changed or deleted. Generating again replaces the
generated content, so it is idempotent. Rows are written with ``bulk_create``,
which sends no signals, so a new page-cache version starts at the end.
"""

import random
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation

from kainuu_portal import pagecache, search
from kainuu_portal.publishing.models import Status
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

from .loader import clean, key_slug, read, translated

PREFIX = "gen-"
MAX_SCALE = 200
FIRST_YEAR = 2010
LAST_YEAR = 2024

# Finnish-style place names: back-vowel syllables ending in -la, so that the demo
# texts' inflected forms (Kainuun, Kainuussa) read naturally with a plain suffix.
STEMS = [
    "Aho", "Hon", "Kor", "Lou", "Mur", "Or", "Pal", "Rau", "Sal", "Tuo", "Ul", "Var",
    "Kou", "Los", "Jou", "Mus", "Hau", "Kal", "Rok", "Tol", "Sor", "Lah", "Pur", "Ruk",
]  # fmt: skip
MIDDLES = ["ka", "ve", "ri", "to", "pe", "ko", "ta", "mo", "ni", "su", "va", "ho"]
STATISTICS_FINLAND = {"fi": "Tilastokeskus", "en": "Statistics Finland", "sv": "Statistikcentralen"}


def place_names(rng):
    """
    An endless series of distinct place names. A stem and a middle syllable make 288
    names, fewer than 100x content needs: when a thousand draws in a row find only names
    already taken, the names get one more middle syllable (Ahokala, then Ahokavela).
    """
    seen = set()
    middles = 1
    misses = 0
    while True:
        name = rng.choice(STEMS) + "".join(rng.choice(MIDDLES) for _ in range(middles)) + "la"
        if name in seen:
            misses += 1
            if misses >= 1000:
                middles += 1
                misses = 0
            continue
        seen.add(name)
        misses = 0
        yield name


def substitute(value, replacements):
    """``value`` (a text or a dict of language to text) as stored, with names replaced."""
    if isinstance(value, dict):
        return {code: substitute(text, replacements) for code, text in value.items()}
    value = clean(value)
    for old, new in replacements:
        value = value.replace(old, new)
    return value


def prefixed(prefix, slug):
    """A demo slug (one, or one per language) with the copy's prefix in every language."""
    if isinstance(slug, dict):
        return {code: f"{prefix}-{value}" for code, value in slug.items()}
    return f"{prefix}-{slug}"


def sector_shape(items):
    """The demo sector tree flattened: (item, parent item or None), parents first."""
    shape = []

    def walk(nodes, parent=None):
        for node in nodes:
            shape.append((node, parent))
            walk(node.get("children", []), node)

    walk(items)
    return shape


class SubSectorsNotGenerated(Exception):
    """Generated sectors cannot be removed while they have sub-sectors that were not."""


def analyze():
    """
    Bring PostgreSQL's planner statistics up to date with the rows just written, as
    autovacuum would only later (or never, where it is off): planned with the counts of
    an empty database, a page's queries read whole tables where an index would do.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class ScaleGenerator:
    """Generates copies of the demo content's shape, counting the rows by model name."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.created = Counter()
        self.demo_region = read("region")
        self.demo_sectors = read("sectors")
        self.demo_programme = read("programme")
        self.domains = {
            "economic_domains": {d.code: d for d in EconomicDomain.objects.all()},
            "scientific_domains": {d.code: d for d in ScientificDomain.objects.all()},
        }

    def replace(self, copies):
        """Remove the generated content, then generate ``copies`` copies of the demo
        content's shape; returns how many generated rows were removed."""
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            removed = self.clear()
            names = place_names(self.rng)
            for copy in range(1, copies + 1):
                self.generate_copy(copy, names)
            # bulk_create sends no signals: the search's stored vectors are written here.
            search.rebuild()
        analyze()
        pagecache.invalidate()
        return removed

    def clear(self):
        """Delete every generated row; returns how many rows went."""
        removed = 0
        generated_regions = Region.objects.filter(slug__startswith=PREFIX)
        # Programmes protect their region, and sectors protect their sub-sectors.
        removed += Programme.objects.filter(region__in=generated_regions).delete()[0]
        removed += generated_regions.delete()[0]
        sectors = Sector.objects.filter(slug__startswith=PREFIX)
        while sectors.exists():
            deleted = sectors.filter(children__isnull=True).delete()[0]
            if not deleted:
                raise SubSectorsNotGenerated(
                    "Some generated sectors have sub-sectors that were not generated; "
                    "move those sub-sectors first."
                )
            removed += deleted
        return removed

    def bulk(self, model, objects):
        model.objects.bulk_create(objects)
        self.created[model.__name__] += len(objects)
        return objects

    def classify(self, model, rows, items):
        """The S3 codes of generated sectors or priorities, as the demo items give them."""
        for field, domains in self.domains.items():
            relation = getattr(model, field)
            own, other = relation.field.m2m_field_name(), relation.field.m2m_reverse_field_name()
            self.bulk(
                relation.through,
                [
                    relation.through(**{own: row, other: domains[code]})
                    for row, item in zip(rows, items, strict=True)
                    for code in item.get(field, [])
                ],
            )

    def published(self, **fields):
        """Most rows are published now; some were scheduled and their time has come."""
        publish_at = None
        if self.rng.random() < 0.1:
            publish_at = timezone.now() - timedelta(days=self.rng.randint(1, 900))
        return {"status": Status.PUBLISHED, "publish_at": publish_at, **fields}

    def generate_copy(self, copy, names):
        place = next(names)
        municipality_names = [next(names) for _item in self.demo_region["municipalities"]]
        centre = municipality_names[1]
        replacements = [
            ("Kainuuseen", place + place[-1] + "n"),
            ("Kainuun", place + "n"),
            ("Kainuu", place),
            ("Kajanalands", place + "s"),
            ("Kajanaland", place),
            ("Kajaani", centre),
            ("Kajana", centre),
        ]
        slug = f"{PREFIX}{copy}"
        region = self.generate_regions(slug, place, centre, replacements, names)
        self.generate_municipalities(slug, region, municipality_names)
        sectors = self.generate_sectors(slug, place, replacements)
        self.generate_key_sectors(region, sectors, replacements)
        # Copies come in pairs: the second one's programme is the next period of the first
        # one's region, so that some regions have two periods to compare, as real ones do.
        if copy % 2:
            self.first_of_pair = (region, replacements)
            self.generate_programme(region, sectors, replacements, 2018)
        else:
            owner, owner_replacements = self.first_of_pair
            self.generate_programme(owner, sectors, owner_replacements, 2022)

    def generate_regions(self, slug, place, centre, replacements, names):
        home = self.demo_region
        region = Region(
            **translated("slug", f"{slug}-{place.lower()}"),
            kind=Region.Kind.FINNISH,
            country="FI",
            website=f"https://{slug}.example.org/",
            area_km2=self.rng.randint(5000, 25000),
            **translated("name", place),
            **translated("summary", substitute(home["summary"], replacements)),
            **translated("body", substitute(home["body"], replacements)),
            **translated("administrative_centre", centre),
            **self.published(),
        )
        neighbours = []
        for item in self.demo_region["neighbours"]:
            name = next(names)
            own_names = [(old, name) for old in item["name"].values()]
            neighbours.append(
                Region(
                    **translated("slug", f"{slug}-{name.lower()}"),
                    kind=item["kind"],
                    country=item["country"],
                    **translated("name", name),
                    **translated("summary", substitute(item["summary"], replacements + own_names)),
                    **self.published(),
                )
            )
        self.bulk(Region, [region, *neighbours])
        through = Region.neighbours.through
        self.bulk(
            through,
            [
                link
                for neighbour in neighbours
                for link in (
                    through(from_region=region, to_region=neighbour),
                    through(from_region=neighbour, to_region=region),
                )
            ],
        )
        self.bulk(
            PopulationFigure,
            [
                PopulationFigure(
                    region=owner,
                    year=year,
                    value=value,
                    **translated("source", STATISTICS_FINLAND),
                    **self.published(),
                )
                for owner in [region, *neighbours]
                for year, value in self.series(20_000, 400_000)
            ],
        )
        self.bulk(
            Strength,
            [
                Strength(
                    region=region,
                    order=order,
                    **translated("title", item["title"]),
                    **self.published(),
                )
                for order, item in enumerate(self.demo_region["strengths"], start=1)
            ],
        )
        self.bulk(
            RegionLink,
            [
                RegionLink(
                    region=region,
                    order=order,
                    **translated("title", substitute(item["title"], replacements)),
                    **translated("url", f"https://{slug}.example.org/"),
                    **self.published(),
                )
                for order, item in enumerate(self.demo_region["links"], start=1)
            ],
        )
        return region

    def series(self, low, high):
        """A population series from FIRST_YEAR to LAST_YEAR, slowly shrinking as in Kainuu."""
        value = self.rng.randint(low, high)
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            yield year, value
            value = max(100, round(value * self.rng.uniform(0.985, 1.004)))

    def generate_municipalities(self, slug, region, names):
        municipalities = [
            Municipality(
                region=region,
                **translated("slug", f"{slug}-{name.lower()}"),
                code=f"{self.rng.randint(100, 999)}",
                is_town=item["is_town"],
                area_km2=item.get("area_km2"),
                land_area_km2=item.get("land_area_km2"),
                area_year=item.get("area_year"),
                **translated("name", name),
                **self.published(),
            )
            for name, item in zip(names, self.demo_region["municipalities"], strict=True)
        ]
        self.bulk(Municipality, municipalities)
        self.bulk(
            PopulationFigure,
            [
                PopulationFigure(
                    municipality=municipality,
                    year=year,
                    value=value,
                    **translated("source", STATISTICS_FINLAND),
                    **self.published(),
                )
                for municipality in municipalities
                for year, value in self.series(800, 40_000)
            ],
        )

    def generate_sectors(self, slug, place, replacements):
        """A copy of the demo sector tree, named after the region; returns them by demo slug."""
        sectors = {}
        for level in (0, 1):
            rows, items = [], []
            for position, (item, parent) in enumerate(sector_shape(self.demo_sectors), start=1):
                if (parent is not None) != bool(level):
                    continue
                name = {code: f"{text} ({place})" for code, text in item["name"].items()}
                sector = Sector(
                    **translated("slug", prefixed(slug, item["slug"])),
                    parent=sectors[key_slug(parent["slug"])] if parent else None,
                    order=position,
                    **translated("name", name),
                    **translated("summary", substitute(item.get("summary", ""), replacements)),
                    **translated("body", substitute(item.get("body", ""), replacements)),
                    **self.published(),
                )
                sectors[key_slug(item["slug"])] = sector
                rows.append(sector)
                items.append(item)
            self.bulk(Sector, rows)
            self.classify(Sector, rows, items)
        return sectors

    def generate_key_sectors(self, region, sectors, replacements):
        self.bulk(
            RegionKeySector,
            [
                RegionKeySector(
                    region=region,
                    sector=sectors[item["sector"]],
                    order=order,
                    **translated("description", substitute(item["description"], replacements)),
                    **self.published(),
                )
                for order, item in enumerate(self.demo_region["key_sectors"], start=1)
            ],
        )

    def generate_programme(self, region, sectors, replacements, start):
        data = self.demo_programme
        end = start + 3
        period = (f"{data['start_year']}–{data['end_year']}", f"{start}–{end}")
        texts = replacements + [period]
        programme = Programme(
            region=region,
            **translated("slug", f"{start}-{end}"),
            start_year=start,
            end_year=end,
            **translated("title", substitute(data["title"], texts)),
            **translated("summary", substitute(data["summary"], texts)),
            **translated("body", substitute(data["body"], texts)),
            **translated("aims", substitute(data["aims"], texts)),
            **self.published(),
        )
        self.bulk(Programme, [programme])
        self.bulk(
            ProgrammeLink,
            [
                ProgrammeLink(
                    programme=programme,
                    order=order,
                    **translated("title", substitute(item["title"], texts)),
                    **translated("url", f"https://{region.slug}.example.org/s3.pdf"),
                    **self.published(),
                )
                for order, item in enumerate(data["links"], start=1)
            ],
        )
        priorities = self.bulk(
            Priority,
            [
                Priority(
                    programme=programme,
                    **translated("slug", item["slug"]),
                    order=order,
                    **translated("title", substitute(item["title"], texts)),
                    **translated("short_title", substitute(item.get("short_title", ""), texts)),
                    **translated("summary", substitute(item.get("summary", ""), texts)),
                    **translated("body", substitute(item.get("body", ""), texts)),
                    **self.published(),
                )
                for order, item in enumerate(data["priorities"], start=1)
            ],
        )
        self.classify(Priority, priorities, data["priorities"])
        through = Priority.sectors.through
        self.bulk(
            through,
            [
                through(priority=priority, sector=sectors[sector_slug])
                for priority, item in zip(priorities, data["priorities"], strict=True)
                for sector_slug in item["sectors"]
            ],
        )
        self.bulk(
            FocusArea,
            [
                FocusArea(
                    priority=priority,
                    order=order,
                    **translated("title", title),
                    # Now and then a focus area still in draft, as editors leave them.
                    **(self.published() if self.rng.random() > 0.05 else {}),
                )
                for priority, item in zip(priorities, data["priorities"], strict=True)
                for order, title in enumerate(item["focus_areas"], start=1)
            ],
        )
        self.bulk(
            CrossCuttingTheme,
            [
                CrossCuttingTheme(
                    programme=programme,
                    order=order,
                    **translated("title", item["title"]),
                    **translated("description", item["description"]),
                    **self.published(),
                )
                for order, item in enumerate(data["themes"], start=1)
            ],
        )
