"""
Site-wide search over the live content, in the active language.

On PostgreSQL the search uses full-text search with the language's own
configuration (``finnish``, ``english``, ``swedish``), so an inflected word
finds its base form, and ``ts_headline`` marks the matched words. Elsewhere
(SQLite) every word must occur in the text as typed (case-insensitive).

On PostgreSQL each searchable row's text vector in each language is stored
(``kainuu_portal.models.SearchEntry``, one GIN index per language), so a search
reads the index instead of computing every row's vector: its cost follows the
number of matches, not the amount of content. The entries are written on every
save and delete of a searchable row (``entry_saved``, ``entry_deleted``), raw
saves such as a revert or a fixture included, and rebuilt by ``rebuild()`` after
the commands that write without signals (``generate_scale_data``,
``import_content``), after ``migrate``, and by ``manage.py rebuild_search_index``.
The entries hold every row, drafts too: the live condition (the row's own state
and its parents') is asked of the content tables for each match, so a visitor
never finds a draft or a scheduled row.

The content apps declare what is searchable (``<app>/search.py``); this module
collects the declarations. Two queries whatever the number of content types:
one ranks every match (type, id, rank; from the entries on PostgreSQL, a
``UNION ALL`` of the content tables elsewhere), another fetches titles, snippets
and the parts of the address (the model's ``address`` lookups, each slug in the
page's language) for the matches on the current page only. The ORM builds and
compiles each of the two once per process (a ``Statement`` per language and number
of words, and for the second per kinds on the page), and every search runs them with
its own words, time and ids: building and compiling them was most of a search's cost.
"""

import functools
import html
import logging
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from functools import reduce

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.db.models import Case, CharField, Exists, F, Func, OuterRef, TextField, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, add_truncation_text, calculate_truncate_chars_length

from kainuu_portal.declarations import collect
from kainuu_portal.models import SearchEntry
from kainuu_portal.publishing.models import language_order
from kainuu_portal.publishing.search import Searchable
from kainuu_portal.publishing.statements import (
    STAND_IN_TIME,
    Constant,
    Statement,
    now_for,
    stand_in_ids,
    stand_in_time,
)

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
MAX_RESULTS = 500
SNIPPET_CHARS = 240
CONFIGS = {"fi": "finnish", "en": "english", "sv": "swedish"}

# ts_headline marks matches with these (private-use characters that no text contains);
# the text is escaped first and the marks then become <mark> elements.
START, STOP = "\ue000", "\ue001"


@dataclass(frozen=True)
class Query:
    """What a visitor typed, made safe to search with."""

    text: str = ""
    words: tuple = ()
    was_shortened: bool = False

    @property
    def has_text(self):
        return bool(self.text)


def parse_query(raw):
    """Cap the length, drop control characters and keep only the words (letters and digits)."""
    raw = raw or ""
    was_shortened = len(raw) > MAX_QUERY_LENGTH
    text = re.sub(r"[\x00-\x1f\x7f\ue000\ue001]", " ", raw[:MAX_QUERY_LENGTH])
    text = " ".join(text.split())
    words = tuple(dict.fromkeys(word for word in re.findall(r"\w+", text)))[:MAX_WORDS]
    return Query(text=text, words=words, was_shortened=was_shortened)


def _collect_kinds():
    """Every searchable type of content, as the content apps declare them in ``search.py``."""
    return [searchable for declared in collect("search", "searchables") for searchable in declared]


KINDS = _collect_kinds()
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}
KINDS_BY_MODEL = {}
for _kind in KINDS:
    KINDS_BY_MODEL.setdefault(_kind.model._meta.concrete_model, []).append(_kind)
ADDRESS_PARTS = max(len(kind.address.lookups) for kind in KINDS)


@dataclass
class Hit:
    kind: Searchable
    pk: int
    rank: float
    title: str = ""
    snippet: str = ""
    context: str = ""
    url: str = ""


@dataclass
class Results:
    """Every match, best first, and how many there are of each kind."""

    hits: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    @property
    def is_capped(self):
        return len(self.hits) >= MAX_RESULTS


# --- Expressions --------------------------------------------------------------


def translated(lookup, language):
    """A translated field as visitors see it: the language's text, else a fallback's."""
    # With the fallbacks whatever the thread's setting: the statements are compiled once
    # per language, and the stored vectors are the same whichever code saves a row.
    columns = [
        NullIf(F(f"{lookup}_{code}"), Value(""), output_field=TextField())
        for code in language_order(language, fallbacks=True)
    ]
    return Coalesce(*columns, Value(""), output_field=TextField())


def without_tags(expression):
    """PostgreSQL: rich text without its HTML tags."""
    return Func(
        expression,
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def joined(expressions):
    if not expressions:
        return Value("", output_field=TextField())
    if len(expressions) == 1:
        return expressions[0]
    parts = [expressions[0]]
    for expression in expressions[1:]:
        parts += [Value(" "), expression]
    return Concat(*parts, output_field=TextField())


def body_text(kind, language, strip_html):
    texts = [translated(name, language) for name in kind.texts]
    for name in kind.rich_texts:
        text = translated(name, language)
        texts.append(without_tags(text) if strip_html else text)
    return joined(texts)


def is_postgresql():
    return connection.vendor == "postgresql"


# --- Search -------------------------------------------------------------------


def search(query, language):
    """Every live match of ``query`` in ``language``, ranked, with counts per kind."""
    if not query.words:
        return Results()
    statement = _ranking(connection.alias, language, len(query.words))
    rows = statement.rows(_values(connection, query.words))
    hits = [Hit(KINDS_BY_NAME[row["hit_kind"]], row["hit_pk"], row["hit_rank"]) for row in rows]
    counts = {}
    for hit in hits:
        counts[hit.kind.name] = counts.get(hit.kind.name, 0) + 1
    return Results(hits=hits, counts=counts)


@functools.lru_cache(maxsize=64)
def _ranking(using, language, word_count):
    """The ranking of every match of ``word_count`` words in ``language``, as a statement."""
    query = _stand_in_query(word_count)
    if connections[using].vendor == "postgresql":
        rows = ranked_entries(query, language, STAND_IN_TIME)
    else:
        querysets = [ranked_simple(kind, query, language, STAND_IN_TIME) for kind in KINDS]
        rows = querysets[0].union(*querysets[1:], all=True)
    rows = rows.order_by("-hit_rank", "hit_kind", "hit_pk")[:MAX_RESULTS]
    # Up to MAX_RESULTS rows of a kind's name, an id and a rank, which the driver gives
    # as they are used: their conversion would grow with the matches.
    return Statement(rows, _stand_ins(connections[using], word_count), using, converted=False)


def _base(kind, now):
    return kind.model.objects.live(now=now).order_by()


def _labelled(queryset, kind, rank):
    return queryset.annotate(
        hit_kind=Value(kind.name, output_field=CharField()),
        hit_pk=F("pk"),
        hit_rank=rank,
    ).values("hit_kind", "hit_pk", "hit_rank")


def _ts_query(query, language):
    return SearchQuery(
        " ".join(query.words), config=CONFIGS.get(language, "simple"), search_type="plain"
    )


def _vector(kind, language):
    config = CONFIGS.get(language, "simple")
    return SearchVector(translated(kind.title, language), weight="A", config=config) + SearchVector(
        body_text(kind, language, strip_html=True), weight="B", config=config
    )


def ranked_entries(query, language, now):
    """
    PostgreSQL: the stored entries that match, through the language's GIN index,
    each kept only if its row is live at ``now`` (its own table asked, by primary key).
    """
    ts_query = _ts_query(query, language)
    # One part per kind, put together with UNION ALL: in a part of its own, a kind's
    # live check is a join that reads its table by primary key for each match. As one
    # OR of every kind's check, each became a subplan that the planner chose to run by
    # reading the kind's whole table (and its parents') into a hash.
    parts = [
        # The language in the SQL's text: the index its plan reads is the language's own.
        SearchEntry.objects.filter(language=Constant(language), kind=kind.name, vector=ts_query)
        .filter(Exists(_base(kind, now).filter(pk=OuterRef("object_id"))))
        .annotate(
            hit_kind=F("kind"), hit_pk=F("object_id"), hit_rank=SearchRank(F("vector"), ts_query)
        )
        .values("hit_kind", "hit_pk", "hit_rank")
        for kind in KINDS
    ]
    return parts[0].union(*parts[1:], all=True)


def ranked_simple(kind, query, language, now):
    """Every word somewhere in the title or text; words in the title rank higher."""
    title = translated(kind.title, language)
    queryset = _base(kind, now).alias(
        search_title=title,
        search_document=Concat(
            title, Value(" "), body_text(kind, language, strip_html=False), output_field=TextField()
        ),
    )
    for word in query.words:
        queryset = queryset.filter(search_document__icontains=word)
    in_title = [
        Case(When(search_title__icontains=word, then=Value(1.0)), default=Value(0.0))
        for word in query.words
    ]
    rank = reduce(operator.add, in_title, Value(1.0))
    return _labelled(queryset, kind, rank)


# --- The stored entries (PostgreSQL) -------------------------------------------


def uses_entries(using=None):
    """The entries are kept on PostgreSQL only; SQLite searches the content tables."""
    return connections[using or DEFAULT_DB_ALIAS].vendor == "postgresql"


def searched_fields(kind):
    """The model fields a kind's text is made of, with their columns per language."""
    names = {kind.title, *kind.texts, *kind.rich_texts}
    return names | {f"{name}_{code}" for name in names for code, _name in settings.LANGUAGES}


def index(kind, pks=None, using=None):
    """
    Write the entries of ``kind``'s rows ``pks`` (every row when None) in every
    language, replacing what they had: one DELETE and one INSERT ... SELECT, the
    vectors computed by the database from the rows as stored.
    """
    using = using or DEFAULT_DB_ALIAS
    entries = SearchEntry.objects.using(using).filter(kind=kind.name)
    rows = kind.model._base_manager.using(using).order_by()
    if pks is not None:
        entries = entries.filter(object_id__in=pks)
        rows = rows.filter(pk__in=pks)
    # A plain DELETE: the entries have no signals or relations of their own to collect.
    entries._raw_delete(using)
    parts = [
        rows.annotate(
            entry_kind=Value(kind.name, output_field=CharField()),
            entry_object=F("pk"),
            entry_language=Value(code, output_field=CharField()),
            entry_vector=_vector(kind, code),
        ).values_list("entry_kind", "entry_object", "entry_language", "entry_vector")
        for code, _name in settings.LANGUAGES
    ]
    union = parts[0].union(*parts[1:], all=True).order_by()
    sql, params = union.query.sql_with_params()
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(SearchEntry._meta.db_table)
    columns = ", ".join(quote(name) for name in ("kind", "object_id", "language", "vector"))
    # By name: the order of the columns in the SELECT is the ORM's.
    selected = ", ".join(
        quote(name) for name in ("entry_kind", "entry_object", "entry_language", "entry_vector")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {selected} FROM ({sql}) AS entries",  # noqa: S608
            params,
        )


def rebuild(using=None):
    """Every entry written again from the content tables (PostgreSQL; nothing elsewhere)."""
    using = using or DEFAULT_DB_ALIAS
    if not uses_entries(using):
        return 0
    SearchEntry.objects.using(using).exclude(kind__in=KINDS_BY_NAME)._raw_delete(using)
    for kind in KINDS:
        index(kind, using=using)
    return SearchEntry.objects.using(using).count()


def entry_saved(sender, instance, using, raw=False, update_fields=None, **kwargs):
    """post_save: the row's entries follow its text (a raw save, such as a revert, too)."""
    kinds = KINDS_BY_MODEL.get(sender._meta.concrete_model)
    if not kinds or not uses_entries(using):
        return
    for kind in kinds:
        if update_fields is None or searched_fields(kind) & set(update_fields):
            index(kind, [instance.pk], using)


def entry_deleted(sender, instance, using, **kwargs):
    kinds = KINDS_BY_MODEL.get(sender._meta.concrete_model)
    if not kinds or not uses_entries(using):
        return
    SearchEntry.objects.using(using).filter(
        kind__in=[kind.name for kind in kinds], object_id=instance.pk
    )._raw_delete(using)


def rebuild_after_migrate(sender, using=DEFAULT_DB_ALIAS, plan=None, **kwargs):
    """After migrations ran forward (a searched field may have changed): every entry again."""
    if not plan or any(backwards for _migration, backwards in plan) or not uses_entries(using):
        return
    try:
        with transaction.atomic(using=using):
            rebuild(using)
    except DatabaseError:
        # Migrated to a state older than the code: the entries wait for the last migration.
        logger.warning(
            "The search entries were not rebuilt; run manage.py rebuild_search_index",
            exc_info=True,
        )


# --- The current page's results ----------------------------------------------


def fill(hits, query, language):
    """Titles, snippets with the matched words marked, context and address of ``hits``."""
    if not hits:
        return hits
    ids = {}
    for hit in hits:
        ids.setdefault(hit.kind.name, []).append(hit.pk)
    # Each kind's ids repeated up to the number of hits: one statement for every page
    # with hits of the same kinds.
    kinds = tuple(kind.name for kind in KINDS if kind.name in ids)
    size = len(hits)
    pks = [pk for name in kinds for pk in ids[name] + ids[name][-1:] * (size - len(ids[name]))]
    statement = _details(connection.alias, language, len(query.words), kinds, size)
    values = _values(connection, query.words, pks)
    rows = {(row["hit_kind"], row["hit_pk"]): row for row in statement.rows(values)}
    postgresql = is_postgresql()
    patterns = word_patterns(query.words)
    for hit in hits:
        row = rows.get((hit.kind.name, hit.pk))
        if row is None:  # changed between the two queries
            continue
        if postgresql:
            hit.title = marked(row["hit_title"])
            hit.snippet = marked(row["hit_snippet"])
        else:
            hit.title = highlighted(row["hit_title"], patterns)
            hit.snippet = highlighted(excerpt(row["hit_snippet"], patterns), patterns)
        hit.context = row["hit_context"]
        address = hit.kind.address
        hit.url = address.url(
            {name: row[f"url_{number}"] for number, name in enumerate(address.lookups)},
            language,
        )
    return [hit for hit in hits if hit.url]


@functools.lru_cache(maxsize=256)
def _details(using, language, word_count, kinds, size):
    """The details of up to ``size`` hits of each kind in ``kinds`` (names), as a statement."""
    query = _stand_in_query(word_count)
    postgresql = connections[using].vendor == "postgresql"
    ids = stand_in_ids(len(kinds) * size)
    querysets = [
        details(
            KINDS_BY_NAME[name],
            ids[number * size : (number + 1) * size],
            query,
            language,
            postgresql,
        )
        for number, name in enumerate(kinds)
    ]
    union = querysets[0].union(*querysets[1:], all=True).order_by()
    return Statement(union, _stand_ins(connections[using], word_count, len(ids)), using)


def details(kind, pks, query, language, postgresql):
    title = translated(kind.title, language)
    text = body_text(kind, language, strip_html=postgresql)
    if postgresql:
        ts_query = _ts_query(query, language)
        config = CONFIGS.get(language, "simple")
        marks = {"start_sel": START, "stop_sel": STOP}
        title = SearchHeadline(title, ts_query, config=config, highlight_all=True, **marks)
        text = SearchHeadline(
            text,
            ts_query,
            config=config,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
            **marks,
        )
    # The address in the page's language (each slug with its fallback). A union needs the
    # same columns in every query: as many address parts as the longest.
    url_parts = [translated(lookup, language) for lookup in kind.address.lookups.values()]
    url_parts += [Value("", output_field=TextField())] * (ADDRESS_PARTS - len(url_parts))
    context = translated(kind.context, language) if kind.context else Value("")
    return (
        kind.model.objects.filter(pk__in=pks)
        .order_by()
        .annotate(
            hit_kind=Value(kind.name, output_field=CharField()),
            hit_pk=F("pk"),
            hit_title=title,
            hit_snippet=text,
            hit_context=Coalesce(context, Value(""), output_field=TextField()),
            **{f"url_{number}": part for number, part in enumerate(url_parts)},
        )
        .values(
            "hit_kind",
            "hit_pk",
            "hit_title",
            "hit_snippet",
            "hit_context",
            *(f"url_{number}" for number in range(ADDRESS_PARTS)),
        )
    )


# --- Statements ------------------------------------------------------------------

# The stand-ins the statements are compiled with: words of private-use characters,
# which no query holds (``parse_query`` removes them), ids no row has, and the core's
# time long past (``STAND_IN_TIME``).


def _stand_in_words(count):
    return tuple(f"{START}{number}{STOP}" for number in range(count))


def _stand_in_query(word_count):
    words = _stand_in_words(word_count)
    return Query(text=" ".join(words), words=words)


def _stand_ins(connection, word_count, id_count=0):
    """What a statement's parameters hold in place of the values of ``_values()``."""
    return [*_stand_in_words(word_count), stand_in_time(connection), *stand_in_ids(id_count)]


def _values(connection, words, ids=()):
    """
    ``{stand-in: value}`` for a search's statements: the words (in LIKE patterns on
    SQLite, escaped as Django escapes them there; the query's text on PostgreSQL), the
    time as the database is given it, and ``ids``.
    """
    if connection.vendor != "postgresql":
        words = [connection.ops.prep_for_like_query(word) for word in words]
    return (
        dict(zip(_stand_in_words(len(words)), words, strict=True))
        | now_for(connection)
        | dict(zip(stand_in_ids(len(ids)), ids, strict=True))
    )


# --- Highlighting ---------------------------------------------------------------

# Marks written round the matched words before a text is escaped, then made <mark>
# elements: one escape of the whole text instead of one for each piece between marks.
# A text that holds the characters itself keeps the escape of each piece.
_WELL_MARKED = re.compile(f"[^{START}{STOP}]*(?:{START}[^{START}{STOP}]+{STOP}[^{START}{STOP}]*)*")


def _marks_to_elements(text):
    """``text`` escaped, with each START ... STOP made a <mark> element."""
    return SafeString(html.escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def marked(text):
    """PostgreSQL's headline: escape everything, then turn its marks into <mark> elements."""
    text = " ".join(html.unescape(text or "").split())
    if _WELL_MARKED.fullmatch(text):
        return _marks_to_elements(text)
    out = []
    inside = False
    for part in re.split(f"([{START}{STOP}])", text):
        if part == START:
            inside = True
        elif part == STOP:
            inside = False
        elif part:
            out.append(f"<mark>{html.escape(part)}</mark>" if inside else html.escape(part))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def word_patterns(words):
    """Each word as typed, in any case: compiled once for every text of a search."""
    return [re.compile(re.escape(word), re.IGNORECASE) for word in words]


def _spans(text, patterns):
    spans = [match.span() for pattern in patterns for match in pattern.finditer(text)]
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlighted(text, patterns):
    """Escape everything, then wrap each occurrence of a word (``word_patterns``) in <mark>."""
    text = text or ""
    spans = _spans(text, patterns)
    if START not in text and STOP not in text:
        pieces, position = [], 0
        for start, end in spans:
            pieces += (text[position:start], START, text[start:end], STOP)
            position = end
        pieces.append(text[position:])
        return _marks_to_elements("".join(pieces))
    out, position = [], 0
    for start, end in spans:
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


# Rich text as it is saved (cleaned with the rich-text allow-list): these tags with
# double-quoted attributes, and an & only where an entity starts. In such a text
# strip_tags() removes exactly the tags, which one substitution does without an HTML
# parser; any other text (a "<" or a bare "&" in a plain-text field) goes to strip_tags().
_TAG_NAMES = "a|b|blockquote|br|em|h[1-6]|i|li|ol|p|strong|ul"
_RICH_TEXT_TAG = re.compile(
    rf"</(?:{_TAG_NAMES})\s*>"
    rf'|<(?:{_TAG_NAMES})(?:\s+[a-zA-Z][-a-zA-Z0-9_:.]*="[^"<>]*")*\s*/?>'
)
_BARE_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)")


def stripped_of_tags(text):
    """``strip_tags(text)``, for rich text as it is saved without parsing its HTML."""
    if "<" not in text:
        return text
    stripped = _RICH_TEXT_TAG.sub("", text)
    if "<" in stripped or _BARE_AMPERSAND.search(text):
        return strip_tags(text)
    return stripped


def truncated(text, length):
    """``Truncator(text).chars(length)``, without a call for each character."""
    text = unicodedata.normalize("NFC", text)
    if len(text) <= length:
        return text
    if any(map(unicodedata.combining, text[: length + 1])):
        return Truncator(text).chars(length)
    # Each character counts one: the text is cut where Truncator cuts it.
    return add_truncation_text(text[: calculate_truncate_chars_length(length, None)])


def excerpt(text, patterns, length=SNIPPET_CHARS):
    """Plain text around the first matched word, for the simple search's snippets."""
    text = " ".join(html.unescape(stripped_of_tags(text or "")).split())
    starts = [match.start() for pattern in patterns if (match := pattern.search(text))]
    start = max(min(starts) - length // 3, 0) if starts else 0
    if start:
        start = text.rfind(" ", 0, start) + 1
        text = "… " + text[start:]
    return truncated(text, length)
