"""
The queries the app's lists, a visitor's programme page and the CSV download run on every
request, as statements (``kainuu_portal.publishing.statements``): built and compiled once
per process (per language where the SQL names its columns, per number of ids and page where
they vary) with stand-ins for the time, the address's slugs and the ids, run with each
request's own.
Their rows are dicts: the programme list, the programme page and the CSV read each
translated text as a model instance gives it (``translated_value``), the list of sectors and
the priorities by economic domain read it in the query (``shown_text``).
"""

import functools
from operator import itemgetter
from types import SimpleNamespace

from django.db import connections
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils.text import capfirst
from django.utils.translation import get_language
from modeltranslation.thread_context import fallbacks_enabled

from kainuu_portal.publishing.models import (
    language_order,
    text_in,
    translated_value,
    translations,
)
from kainuu_portal.publishing.statements import (
    STAND_IN_TIME,
    Statement,
    now_for,
    stand_in_ids,
    stand_in_time,
)
from regions.models import Region

from .models import (
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

# Stand-ins no address or row has: slugs of a private-use character, an id below zero.
STAND_IN_REGION_SLUG = "\ue000region\ue001"
STAND_IN_SLUG = "\ue000programme\ue001"
STAND_IN_PROGRAMME = -1_000_000_000


def _values(connection, **values):
    """``{stand-in: value}``: the time as the database is given it, and ``values`` by name."""
    stand_ins = {
        "region_slug": STAND_IN_REGION_SLUG,
        "slug": STAND_IN_SLUG,
        "programme": STAND_IN_PROGRAMME,
    }
    return now_for(connection) | {stand_ins[name]: value for name, value in values.items()}


def _stand_ins(connection):
    return [stand_in_time(connection), STAND_IN_REGION_SLUG, STAND_IN_SLUG, STAND_IN_PROGRAMME]


def _region(*lookups):
    """The region's translations of ``lookups``, each named by its lookup (``region__slug_fi``)."""
    return {
        column: F(column) for column in translations(*(f"region__{lookup}" for lookup in lookups))
    }


def _reader(lookup, language):
    """
    ``translated_value(row, lookup, language)`` as a function of the row, for many rows:
    the columns to read, the language's own and its fallbacks', found once.
    """
    columns = [f"{lookup}_{code}" for code in language_order(language)]

    def read(row):
        for column in columns:
            if value := row[column]:
                return value
        return ""

    return read


# --- The programme list -------------------------------------------------------------


def live_programmes(now):
    """The live programmes at ``now``, the home region's first: what a card shows of each."""
    return (
        Programme.objects.live(now=now)
        .order_by("-region__is_home", "region__name", "-start_year")
        .values(
            "start_year",
            "end_year",
            *translations("title", "slug", "summary"),
            **_region("name", "slug"),
        )
    )


def programme_cards(rows, language):
    """
    Rows of ``live_programmes`` as the list shows them: ``title``, ``url``, ``region``
    (its name), ``period``, ``start_year``, ``end_year`` and ``summary``.
    """
    url = Programme.address.urls_of(language)
    title, region, summary = (
        _reader(lookup, language) for lookup in ("title", "region__name", "summary")
    )
    return [
        {
            "title": title(row),
            "url": url(row),
            "region": region(row),
            # As Programme.period writes it.
            "period": f"{row['start_year']}–{row['end_year']}",
            "start_year": row["start_year"],
            "end_year": row["end_year"],
            "summary": summary(row),
        }
        for row in rows
    ]


# --- A programme's page for visitors ---------------------------------------------


@functools.cache
def _programme_page(using, languages):
    # The slugs are read in ``languages``, the active one and its fallbacks.
    programme = (
        Programme.objects.live(now=STAND_IN_TIME)
        .at_address(languages[0], region_slug=STAND_IN_REGION_SLUG, slug=STAND_IN_SLUG)
        .with_region_programme_count(now=STAND_IN_TIME)
        .values(
            "id",
            "start_year",
            "end_year",
            "image",
            "image_renditions",
            "source_document",
            "source_document_report",
            "region_programme_count",
            *translations(
                "title", "slug", "summary", "body", "aims", "source_document_title", "image_alt"
            ),
            region__is_home=F("region__is_home"),
            **_region("name", "slug"),
        )
    )
    return Statement(programme, _stand_ins(connections[using]), using)


def live_programme_page(region_slug, slug):
    """
    What a visitor's page shows of the live programme at this address in the active
    language, its texts in every language (for ``translated_value``), with
    ``region_programme_count``; None when there is none.
    """
    using = Programme.objects.db
    statement = _programme_page(using, language_order(get_language()))
    rows = statement.rows(_values(connections[using], region_slug=region_slug, slug=slug))
    return rows[0] if rows else None


@functools.cache
def _programme_children(using):
    """
    The statements of a live programme's cross-cutting themes and links: the programme
    and its region are live, only their own state is left to check.
    """
    programme = STAND_IN_PROGRAMME
    querysets = {
        "themes": CrossCuttingTheme.objects.live(
            known_live=CrossCuttingTheme.live_parents, now=STAND_IN_TIME
        )
        .filter(programme=programme)
        .values(*translations("title", "description")),
        "links": ProgrammeLink.objects.live(
            known_live=ProgrammeLink.live_parents, now=STAND_IN_TIME
        )
        .filter(programme=programme)
        .values(*translations("title", "url")),
    }
    stand_ins = _stand_ins(connections[using])
    return {name: Statement(queryset, stand_ins, using) for name, queryset in querysets.items()}


def programme_page_lists(programme, language):
    """
    What the page of a live programme (``{"id", "slug", "region": {"slug"}}``) lists, in
    their order, as rows of values in ``language`` keyed as the template reads them:
    ``priorities`` (``title``, ``summary``, ``get_absolute_url``, with their
    ``focus_areas`` (``title``, and ``label`` as the page writes it) and ``sectors``
    (``name``, ``get_absolute_url``)), ``themes`` (``title``, ``description``) and
    ``links`` (``title``, ``url``). The priorities and themes have an empty
    ``draft_badge``: visitors see no drafts.
    """
    using = Priority.objects.db
    values = _values(connections[using], programme=programme["id"])
    statements = _priority_statements(using)
    title, summary, slug, name, description, url = (
        _reader(lookup, language)
        for lookup in ("title", "summary", "slug", "name", "description", "url")
    )
    address = {"region_slug": programme["region"]["slug"], "programme_slug": programme["slug"]}
    priorities = {
        row["id"]: {
            "title": title(row),
            "summary": summary(row),
            "get_absolute_url": Priority.address.url({**address, "slug": slug(row)}, language),
            "draft_badge": "",
            "focus_areas": [],
            "sectors": [],
        }
        for row in statements["priorities"].rows(values)
    }
    for row in statements["focus_areas"].rows(values):
        if (priority := priorities.get(row["owner"])) is not None:
            area = title(row)
            priority["focus_areas"].append({"title": area, "label": capfirst(area)})
    sector_url = Sector.address.urls_of(language)
    for row in statements["sectors"].rows(values):
        if (priority := priorities.get(row["owner"])) is not None:
            priority["sectors"].append({"name": name(row), "get_absolute_url": sector_url(row)})
    children = _programme_children(using)
    return {
        "priorities": list(priorities.values()),
        "themes": [
            {"title": title(row), "description": description(row), "draft_badge": ""}
            for row in children["themes"].rows(values)
        ],
        "links": [{"title": title(row), "url": url(row)} for row in children["links"].rows(values)],
    }


# --- A programme's priorities as CSV ------------------------------------------------


@functools.cache
def _programme_at_address(using, languages):
    # The slugs are read in ``languages``, the active one and its fallbacks.
    programme = (
        Programme.objects.live(now=STAND_IN_TIME)
        .at_address(languages[0], region_slug=STAND_IN_REGION_SLUG, slug=STAND_IN_SLUG)
        .values("id", *translations("slug"), **_region("slug"))
    )
    return Statement(programme, _stand_ins(connections[using]), using)


def live_programme_at(region_slug, slug, language):
    """
    The live programme at this address in ``language``, as ``{"id", "slug",
    "region_slug"}``, the slugs as a model instance gives them; None when there is none.
    """
    using = Programme.objects.db
    statement = _programme_at_address(using, language_order(language))
    rows = statement.rows(_values(connections[using], region_slug=region_slug, slug=slug))
    if not rows:
        return None
    row = rows[0]
    return {
        "id": row["id"],
        "slug": translated_value(row, "slug"),
        "region_slug": translated_value(row, "region__slug"),
    }


@functools.cache
def _priority_statements(using):
    """
    The statements of a live programme's priorities and of what the CSV and the
    programme's page list of them, each row naming its priority (``owner``). The
    programme and its region are live: only the priorities' and focus areas' own state
    is left to check. The focus areas of a draft priority are read too, and left out
    with it.
    """
    programme = STAND_IN_PROGRAMME
    querysets = {
        "priorities": Priority.objects.live(known_live=Priority.live_parents, now=STAND_IN_TIME)
        .filter(programme=programme)
        .values("id", *translations("title", "summary", "slug")),
        "focus_areas": FocusArea.objects.live(known_live=FocusArea.live_parents, now=STAND_IN_TIME)
        .filter(priority__programme=programme)
        .values(*translations("title"), owner=F("priority")),
        "sectors": Sector.objects.live(now=STAND_IN_TIME)
        .filter(priorities__programme=programme)
        .values(*translations("name", "slug"), owner=F("priorities")),
        "economic_domains": EconomicDomain.objects.filter(priorities__programme=programme).values(
            "code", owner=F("priorities")
        ),
        "scientific_domains": ScientificDomain.objects.filter(
            priorities__programme=programme
        ).values("code", owner=F("priorities")),
    }
    stand_ins = _stand_ins(connections[using])
    return {name: Statement(queryset, stand_ins, using) for name, queryset in querysets.items()}


def programme_priorities(programme_id, language):
    """
    The live priorities of a live programme, in their order, as rows of values in
    ``language``: ``id``, ``title``, ``summary``, ``slug``, and the texts of each one's
    ``focus_areas``, ``sectors`` (names), ``economic_domains`` and ``scientific_domains``
    (codes).
    """
    using = Priority.objects.db
    values = _values(connections[using], programme=programme_id)
    statements = _priority_statements(using)
    title, summary, slug, sector_name = (
        _reader(lookup, language) for lookup in ("title", "summary", "slug", "name")
    )
    # What each list holds of its rows.
    texts = {
        "focus_areas": title,
        "sectors": sector_name,
        "economic_domains": itemgetter("code"),
        "scientific_domains": itemgetter("code"),
    }
    priorities = {
        row["id"]: {
            "id": row["id"],
            "title": title(row),
            "summary": summary(row),
            "slug": slug(row),
            **{kind: [] for kind in texts},
        }
        for row in statements["priorities"].rows(values)
    }
    for kind, text in texts.items():
        for row in statements[kind].rows(values):
            priority = priorities.get(row["owner"])
            if priority is not None:
                priority[kind].append(text(row))
    return list(priorities.values())


# --- Statements by shape: the sectors and the priorities by economic domain ------


def shown_text(lookup):
    """A translated text as visitors see it, as a query expression: "" when it has none."""
    return Coalesce(text_in(lookup), Value(""))


@functools.lru_cache(maxsize=256)
def _statement(build, using, language, fallbacks, id_count, shape):
    """
    The statement of ``build(stand-in ids, *shape)``. Compiled once per database,
    language and fallback setting of the translation app, as the SQL names the active
    language's columns (``text_in()``, ordering by a translated name); per number of ids
    in its ``IN`` list and per ``shape`` (a page's slice).
    """
    ids = stand_in_ids(id_count)
    stand_ins = [stand_in_time(connections[using]), *ids]
    return Statement(build(ids, *shape), stand_ins, using)


def rows(build, ids=(), shape=()):
    """The rows of ``build``'s statement, live now, for ``ids``, as dicts by column name."""
    using = Priority.objects.db
    statement = _statement(build, using, get_language(), fallbacks_enabled(), len(ids), shape)
    values = now_for(connections[using]) | dict(zip(stand_in_ids(len(ids)), ids, strict=True))
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


# --- A priority's page ---------------------------------------------------------

# Stand-ins for a priority page's own slug and for the priority's id: no slug is a
# private-use character's, no row's id is below zero.
STAND_IN_PRIORITY_SLUG = "\ue000priority\ue001"
STAND_IN_PRIORITY = -1_000_000_000


@functools.cache
def _priority_page_statements(using, language, fallbacks):
    """
    The statements of a live priority's page: the priority at its address, with what it
    shows of its programme and region, and its live focus areas, its live sectors and its
    S3 codes, selected by the priority's id. Compiled once per database, language and
    fallback setting of the translation app (the texts are read in the query).
    """
    priority = STAND_IN_PRIORITY
    querysets = {
        "priority": Priority.objects.live(now=STAND_IN_TIME)
        .at_address(
            language,
            region_slug=STAND_IN_REGION_SLUG,
            programme_slug=STAND_IN_SLUG,
            slug=STAND_IN_PRIORITY_SLUG,
        )
        .values(
            "pk",
            "programme__start_year",
            "programme__end_year",
            *Priority.address.columns(),
            shown_title=shown_text("title"),
            shown_short_title=shown_text("short_title"),
            shown_summary=shown_text("summary"),
            shown_body=shown_text("body"),
            programme_title=shown_text("programme__title"),
            region_name=shown_text("programme__region__name"),
        ),
        # The priority and its parents are live: only the focus areas' own state is left.
        "focus_areas": FocusArea.objects.live(known_live=FocusArea.live_parents, now=STAND_IN_TIME)
        .filter(priority=priority)
        .values(shown_title=shown_text("title"), shown_description=shown_text("description")),
        "sectors": Sector.objects.live(now=STAND_IN_TIME)
        .filter(priorities=priority)
        .values(*Sector.address.columns(), shown_name=shown_text("name")),
        "economic_domains": EconomicDomain.objects.filter(priorities=priority).values(
            "code", shown_name=shown_text("name")
        ),
        "scientific_domains": ScientificDomain.objects.filter(priorities=priority).values(
            "code", shown_name=shown_text("name")
        ),
    }
    stand_ins = [
        stand_in_time(connections[using]),
        STAND_IN_REGION_SLUG,
        STAND_IN_SLUG,
        STAND_IN_PRIORITY_SLUG,
        STAND_IN_PRIORITY,
    ]
    return {name: Statement(queryset, stand_ins, using) for name, queryset in querysets.items()}


def priority_page(region_slug, programme_slug, slug):
    """
    The live priority at this address in the active language, as the page shows it: a
    dict keyed as the attributes of a priority its template reads (``title``,
    ``display_title``, ``programme.region.name``...), with the lists ``focus_areas``,
    ``sectors``, ``economic_domains`` and ``scientific_domains`` of dicts. None when
    there is none.
    """
    using = Priority.objects.db
    language = get_language()
    statements = _priority_page_statements(using, language, fallbacks_enabled())
    values = now_for(connections[using]) | {
        STAND_IN_REGION_SLUG: region_slug,
        STAND_IN_SLUG: programme_slug,
        STAND_IN_PRIORITY_SLUG: slug,
    }
    rows = statements["priority"].rows(values)
    if not rows:
        return None
    row = rows[0]
    values[STAND_IN_PRIORITY] = row["pk"]
    sector_url = Sector.address.urls_of(language)
    return {
        **row,
        "title": row["shown_title"],
        "display_title": row["shown_short_title"] or row["shown_title"],
        "summary": row["shown_summary"],
        "body": row["shown_body"],
        "get_absolute_url": Priority.address.url_of(row, language),
        "programme": {
            "title": row["programme_title"],
            "get_absolute_url": Programme.address.via("programme").url_of(row, language),
            # As Programme.period writes it.
            "period": f"{row['programme__start_year']}–{row['programme__end_year']}",
            "region": {"name": row["region_name"]},
        },
        "focus_areas": [
            {"title": area["shown_title"], "description": area["shown_description"]}
            for area in statements["focus_areas"].rows(values)
        ],
        "sectors": [
            {"name": sector["shown_name"], "get_absolute_url": sector_url(sector)}
            for sector in statements["sectors"].rows(values)
        ],
        **{
            kind: [
                {"code": domain["code"], "name": domain["shown_name"]}
                for domain in statements[kind].rows(values)
            ]
            for kind in ("economic_domains", "scientific_domains")
        },
    }


# --- The list of sectors -----------------------------------------------------


def top_level_sectors(now):
    """The live sectors without a parent (none to check), at ``now``: what a card shows."""
    return (
        Sector.objects.live(known_live=["parent"], now=now)
        .filter(parent__isnull=True)
        .values(
            "pk",
            *Sector.address.columns(),
            shown_name=shown_text("name"),
            shown_summary=shown_text("summary"),
        )
    )


def live_sub_sectors(ids):
    """The live sub-sectors of the live sectors ``ids``, whose state is not checked again."""
    return (
        Sector.objects.live(known_live=["parent"], now=STAND_IN_TIME)
        .filter(parent__in=ids)
        .values("parent", *Sector.address.columns(), shown_name=shown_text("name"))
    )


def sector_cards(page):
    """
    A page's rows of ``top_level_sectors`` as the list shows it: ``{"url", "name", "summary",
    "sub_sectors"}``, each sub-sector as ``{"url", "name"}``.
    """
    url = Sector.address.urls_of(get_language())
    sectors = {
        row["pk"]: {
            "url": url(row),
            "name": row["shown_name"],
            "summary": row["shown_summary"],
            "sub_sectors": [],
        }
        for row in page
    }
    for row in rows(live_sub_sectors, ids=list(sectors)):
        sectors[row["parent"]]["sub_sectors"].append({"url": url(row), "name": row["shown_name"]})
    return list(sectors.values())


# --- A sector's page, as visitors see it -------------------------------------


@functools.cache
def _sector_at_address(using, language, fallbacks):
    # Compiled per language and fallback setting: the slug and the texts read in it.
    sector = (
        Sector.objects.live(now=STAND_IN_TIME)
        .at_address(language, slug=STAND_IN_SLUG)
        .values(
            "pk",
            "parent",
            "image",
            "image_renditions",
            *Sector.address.columns(),
            *Sector.address.via("parent").columns(),
            shown_name=shown_text("name"),
            shown_summary=shown_text("summary"),
            shown_body=shown_text("body"),
            shown_image_alt=shown_text("image_alt"),
            parent_name=shown_text("parent__name"),
        )
    )
    return Statement(sector, _stand_ins(connections[using]), using)


def live_sector_at(slug):
    """
    The live sector at this address in the active language, as its page shows it: its
    row keyed as the model's attributes the template reads (``name``, ``summary``,
    ``body``, ``responsive_image``, ``image_alt``, ``get_absolute_url`` and ``parent``,
    itself ``{"name", "get_absolute_url"}`` or None), with its ``pk`` and the columns of
    its address in every language; None when there is none.
    """
    using = Sector.objects.db
    statement = _sector_at_address(using, get_language(), fallbacks_enabled())
    found = statement.rows(_values(connections[using], slug=slug))
    if not found:
        return None
    row = found[0]
    parent = None
    if row["parent"] is not None:
        parent = {
            "name": row["parent_name"],
            "get_absolute_url": Sector.address.via("parent").url_of(row),
        }
    return {
        **row,
        "name": row["shown_name"],
        "summary": row["shown_summary"],
        "body": row["shown_body"],
        "responsive_image": _responsive_image(row),
        "image_alt": row["shown_image_alt"],
        "get_absolute_url": Sector.address.url_of(row),
        "parent": parent,
    }


def _responsive_image(row):
    """``WithImage.responsive_image`` of a row with the sector's image and its sizes."""
    if not row["image"] or not row["image_renditions"]:
        return None
    return Sector(image=row["image"], image_renditions=row["image_renditions"]).responsive_image


def sub_sectors_of(ids):
    """The live sub-sectors of the live sector ``ids``: what a card shows of each."""
    return (
        Sector.objects.live(known_live=["parent"], now=STAND_IN_TIME)
        .filter(parent__in=ids)
        .values(
            *Sector.address.columns(),
            shown_name=shown_text("name"),
            shown_summary=shown_text("summary"),
        )
    )


def descriptions_of_sector(ids):
    """What the live regions say of the live sector ``ids``, whose state is not checked again."""
    return (
        RegionKeySector.objects.live(known_live=["sector"], now=STAND_IN_TIME)
        .filter(sector__in=ids)
        .values(
            region_slug=shown_text("region__slug"),
            region_name=shown_text("region__name"),
            shown_description=shown_text("description"),
        )
    )


def economic_domains_of_sector(ids):
    """The NACE Rev. 2 codes the sector ``ids`` names, in the code list's order."""
    return EconomicDomain.objects.filter(sectors__in=ids).values(
        "code", shown_name=shown_text("name")
    )


def scientific_domains_of_sector(ids):
    """The NABS 2007 chapters the sector ``ids`` names, in their order."""
    return ScientificDomain.objects.filter(sectors__in=ids).values(
        "code", shown_name=shown_text("name")
    )


def priorities_naming_sector(ids):
    """The live priorities of every period that name the sector ``ids``: what a link shows."""
    return (
        Priority.objects.live(now=STAND_IN_TIME)
        .filter(sectors__in=ids)
        .values(
            "programme__start_year",
            "programme__end_year",
            *Priority.address.columns(),
            shown_title=shown_text("title"),
            region_name=shown_text("programme__region__name"),
        )
    )


def sector_page_lists(sector_id):
    """
    What the live sector ``sector_id``'s page lists, as the view gives it to the
    template: ``sub_sectors`` (``{"get_absolute_url", "name", "summary"}``),
    ``regional_descriptions`` (``{"region": {"slug", "name"}, "description"}``),
    ``economic_domains`` and ``scientific_domains`` (``{"code", "name"}``) and
    ``naming_priorities`` (``{"get_absolute_url", "title", "programme": {"region":
    {"name"}, "period"}}``), each keyed as the model's attributes the template reads.
    """
    ids = [sector_id]
    sector_url = Sector.address.urls_of(get_language())
    priority_url = Priority.address.urls_of(get_language())
    return {
        "sub_sectors": [
            {
                "get_absolute_url": sector_url(row),
                "name": row["shown_name"],
                "summary": row["shown_summary"],
            }
            for row in rows(sub_sectors_of, ids=ids)
        ],
        "regional_descriptions": [
            {
                "region": {"slug": row["region_slug"], "name": row["region_name"]},
                "description": row["shown_description"],
            }
            for row in rows(descriptions_of_sector, ids=ids)
        ],
        "economic_domains": _codes(rows(economic_domains_of_sector, ids=ids)),
        "scientific_domains": _codes(rows(scientific_domains_of_sector, ids=ids)),
        "naming_priorities": [
            {
                "get_absolute_url": priority_url(row),
                "title": row["shown_title"],
                "programme": {
                    "region": {"name": row["region_name"]},
                    # As Programme.period writes it.
                    "period": f"{row['programme__start_year']}–{row['programme__end_year']}",
                },
            }
            for row in rows(priorities_naming_sector, ids=ids)
        ],
    }


def _codes(found):
    return [{"code": row["code"], "name": row["shown_name"]} for row in found]


# --- The comparison of two programme periods ----------------------------------------


@functools.cache
def _compared_region(using, languages):
    # The slug is read in ``languages``, the active one and its fallbacks.
    region = (
        Region.objects.live(now=STAND_IN_TIME)
        .at_address(languages[0], slug=STAND_IN_REGION_SLUG)
        .values("id", *translations("name", "slug"))
    )
    return Statement(region, _stand_ins(connections[using]), using)


@functools.cache
def _comparison_statements(using):
    """
    The statements of a live region's live programmes, newest first (for the region's
    id), and of what the comparison shows of two of them (for their ids): their
    priorities, the priorities' focus areas and their cross-cutting themes, each row
    naming its programme (a focus area its priority). The programmes and their region are
    live: only the items' own state is left to check. The focus areas of a draft priority
    are read too, and left out with it.
    """
    ids = stand_in_ids(2)
    querysets = {
        "programmes": Programme.objects.live(known_live=Programme.live_parents, now=STAND_IN_TIME)
        .for_region(ids[0])
        .values("id", "start_year", "end_year", *translations("title", "slug")),
        "priorities": Priority.objects.live(known_live=Priority.live_parents, now=STAND_IN_TIME)
        .filter(programme__in=ids)
        .values("id", "programme", "key", *translations("title"), *Priority.address.columns()),
        "focus_areas": FocusArea.objects.live(known_live=FocusArea.live_parents, now=STAND_IN_TIME)
        .filter(priority__programme__in=ids)
        .values("priority", "key", *translations("title")),
        "themes": CrossCuttingTheme.objects.live(
            known_live=CrossCuttingTheme.live_parents, now=STAND_IN_TIME
        )
        .filter(programme__in=ids)
        .values("programme", "key", *translations("title")),
    }
    stand_ins = [stand_in_time(connections[using]), *ids]
    return {name: Statement(queryset, stand_ins, using) for name, queryset in querysets.items()}


def _comparison_rows(using, name, *ids):
    """The rows of the comparison's statement ``name``, live now, for these ids."""
    values = now_for(connections[using]) | dict(zip(stand_in_ids(len(ids)), ids, strict=True))
    return _comparison_statements(using)[name].rows(values)


def compared_region(slug, language):
    """
    The live region at this address in ``language``, with its programmes live now,
    newest first: ``{"id", "name", "slug_*", "programmes"}``, each programme as
    ``{"id", "start_year", "end_year", "period", "title", "slug", "slug_*"}``, the
    texts as a model instance gives them; None when there is no such region.
    """
    using = Programme.objects.db
    statement = _compared_region(using, language_order(language))
    rows = statement.rows(_values(connections[using], region_slug=slug))
    if not rows:
        return None
    region = rows[0]
    region["name"] = translated_value(region, "name", language)
    title, slug = (_reader(lookup, language) for lookup in ("title", "slug"))
    region["programmes"] = [
        {
            **row,
            # As Programme.period writes it.
            "period": f"{row['start_year']}–{row['end_year']}",
            "title": title(row),
            "slug": slug(row),
        }
        for row in _comparison_rows(using, "programmes", region["id"])
    ]
    return region


def compared_items(first_id, second_id, language):
    """
    What the comparison shows of two live programmes, each as ``{"priorities",
    "themes"}``: the live items in their order, each an object with its ``key``, its
    ``title`` as visitors see it and the title's translations (``title_fi``...); a
    priority also with its ``url`` and its live ``focus_areas``.
    """
    using = Priority.objects.db
    ids = (first_id, second_id)
    title = _reader("title", language)
    url = Priority.address.urls_of(language)
    programmes = {pk: {"priorities": [], "themes": []} for pk in ids}
    priorities = {}
    for row in _comparison_rows(using, "priorities", *ids):
        priority = SimpleNamespace(**row, title=title(row), url=url(row), focus_areas=[])
        priorities[row["id"]] = priority
        programmes[row["programme"]]["priorities"].append(priority)
    for row in _comparison_rows(using, "focus_areas", *ids):
        priority = priorities.get(row["priority"])
        if priority is not None:
            priority.focus_areas.append(SimpleNamespace(**row, title=title(row)))
    for row in _comparison_rows(using, "themes", *ids):
        programmes[row["programme"]]["themes"].append(SimpleNamespace(**row, title=title(row)))
    return programmes[first_id], programmes[second_id]
