"""
The queries of the list of sectors and of the priorities by economic domain, as
statements (``kainuu_portal.publishing.statements``): each queryset is built and compiled
once per process, language and shape, and run with each request's time and ids. Their rows
are dicts, which the templates read as they would model instances.
"""

import functools

from django.db import connections
from django.db.models import F, Func, IntegerField, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from modeltranslation.thread_context import fallbacks_enabled

from kainuu_portal.publishing.models import text_in
from kainuu_portal.publishing.statements import STAND_IN_TIME, Statement, now_for, stand_in_time

from .models import Priority, Sector


def shown_text(lookup):
    """A translated text as visitors see it, as a query expression: "" when it has none."""
    return Coalesce(text_in(lookup), Value(""))


def _stand_in_ids(count):
    """Ids no row has, distinct, in place of a request's ids in an ``IN`` list."""
    return [-1_000_000_000 - number for number in range(count)]


@functools.lru_cache(maxsize=256)
def _statement(build, using, language, fallbacks, id_count, shape):
    """
    The statement of ``build(stand-in ids, *shape)``. Compiled once per database,
    language and fallback setting of the translation app, as the SQL names the active
    language's columns (``text_in()``, ordering by a translated name); per number of ids
    in its ``IN`` list and per ``shape`` (a page's slice).
    """
    ids = _stand_in_ids(id_count)
    stand_ins = [stand_in_time(connections[using]), *ids]
    return Statement(build(ids, *shape), stand_ins, using)


def rows(build, ids=(), shape=()):
    """The rows of ``build``'s statement, live now, for ``ids``, as dicts by column name."""
    using = Priority.objects.db
    statement = _statement(build, using, get_language(), fallbacks_enabled(), len(ids), shape)
    values = now_for(connections[using]) | dict(zip(_stand_in_ids(len(ids)), ids, strict=True))
    return statement.rows(values)


# --- Priorities by economic domain -------------------------------------------


def live_priorities(_ids):
    """
    What a link to each live priority shows, of every programme period: the address's
    slugs, the title and the region's name as visitors see them, and the period's years.
    """
    return (
        Priority.objects.live(now=STAND_IN_TIME)
        .order_by("programme__region__name", "-programme__start_year", "order", "pk")
        .values(
            "pk",
            "programme__start_year",
            "programme__end_year",
            *Priority.address.columns(),
            shown_title=shown_text("title"),
            region_name=shown_text("programme__region__name"),
        )
    )


def economic_domains_named(_ids):
    """
    The NACE Rev. 2 codes each live priority names, in the code list's order, with
    their sections (none for a section itself), the names as visitors see them.
    """
    return (
        Priority.economic_domains.through.objects.filter(
            priority__in=Priority.objects.live(now=STAND_IN_TIME).values("pk")
        )
        .order_by("economicdomain__order", "economicdomain__code")
        .values(
            "priority",
            code=F("economicdomain__code"),
            name=shown_text("economicdomain__name"),
            section_code=F("economicdomain__section__code"),
            section_name=shown_text("economicdomain__section__name"),
            section_order=Coalesce("economicdomain__section__order", "economicdomain__order"),
        )
    )


# --- The list of sectors -----------------------------------------------------


def _top_level_sectors():
    # Without a parent, none to check.
    return Sector.objects.live(known_live=["parent"], now=STAND_IN_TIME).filter(parent__isnull=True)


def top_level_count(_ids):
    """How many live sectors have no parent: ``COUNT``, which the ORM would group by."""
    count = Func(F("pk"), function="COUNT", output_field=IntegerField())
    return _top_level_sectors().order_by().annotate(count=count).values("count")


def top_level_page(_ids, start, stop):
    """Of the live sectors without a parent, those from ``start`` to ``stop``."""
    return _top_level_sectors().values(
        "pk",
        *Sector.address.columns(),
        shown_name=shown_text("name"),
        shown_summary=shown_text("summary"),
    )[start:stop]


def live_sub_sectors(ids):
    """The live sub-sectors of the live sectors ``ids``, whose state is not checked again."""
    return (
        Sector.objects.live(known_live=["parent"], now=STAND_IN_TIME)
        .filter(parent__in=ids)
        .values("parent", *Sector.address.columns(), shown_name=shown_text("name"))
    )


class TopLevelSectors:
    """
    The live sectors without a parent, for a paginator: their count, and a page of
    them as ``{"url", "name", "summary", "sub_sectors"}``, each sub-sector as
    ``{"url", "name"}``: what the list of sectors shows.
    """

    def count(self):
        return rows(top_level_count)[0]["count"]

    def __getitem__(self, page):
        if page.start >= page.stop:
            return []  # a query of no rows compiles to none
        url = Sector.address.urls_of(get_language())
        sectors = {
            row["pk"]: {
                "url": url(row),
                "name": row["shown_name"],
                "summary": row["shown_summary"],
                "sub_sectors": [],
            }
            for row in rows(top_level_page, shape=(page.start, page.stop))
        }
        for row in rows(live_sub_sectors, ids=list(sectors)):
            sectors[row["parent"]]["sub_sectors"].append(
                {"url": url(row), "name": row["shown_name"]}
            )
        return list(sectors.values())
