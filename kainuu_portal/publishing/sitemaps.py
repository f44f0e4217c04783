"""Sitemap bases that the content apps' ``sitemaps.py`` build on."""

import functools
from collections.abc import Sequence
from html import escape
from itertools import chain, repeat
from string import Formatter

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db import connections
from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone

from .models import SLUG, Address, first_text, language_order, url_template
from .statements import STAND_IN_TIME, Statement, now_for, stand_in_time


class PortalSitemap(Sitemap):
    """
    Every address in every language, with hreflang alternates, written as XML.

    ``get_urls`` gives a page of the sitemap's ``<url>`` elements as texts, in the order
    of Django's ``Sitemap.get_urls``: each element the text Django's ``sitemap.xml``
    writes of the entry that method gives (its location, its day of last change, its
    alternates in every language and x-default), an item's elements in one text
    (``_Elements``), joined by ``templates/sitemap.xml``. A sitemap lists thousands of
    addresses, each with its alternates: written by Django's framework, each address
    would cost a few dozen function calls per language, and its template a few dozen
    more per entry.

    Subclasses give ``entries()``. Every item is in every language (``_languages()``);
    there is no change frequency or priority.
    """

    i18n = True
    alternates = True
    x_default = True

    def entries(self, site_root):
        """
        The ``<url>`` elements (``_Elements``), the addresses starting with ``site_root``
        (escaped for XML), each item's in each of ``_languages()``.
        """
        raise NotImplementedError

    def aware(self, lastmod):
        """A last change of ``entries()`` as an aware datetime (``latest_lastmod``)."""
        return lastmod

    def x_default_language(self):
        """The language whose address is the x-default one, without its prefix; or None."""
        if self.x_default and settings.LANGUAGE_CODE in self._languages():
            return settings.LANGUAGE_CODE
        return None

    def get_urls(self, page=1, site=None, protocol=None):
        site_root = escape(f"{self.get_protocol(protocol)}://{self.get_domain(site)}")
        elements = self.entries(site_root)
        page = Paginator(elements, self.limit).page(page)
        lastmods = elements.lastmods(page.start_index() - 1, page.end_index())
        if lastmods and None not in lastmods:
            self.latest_lastmod = self.aware(max(lastmods))
        return page.object_list

    def _written(self, rows, addresses, lastmod_column=None, columns=None):
        """``_Elements`` of ``rows`` (or of their ``columns``) in this sitemap's languages."""
        languages = self._languages()
        hreflangs = [escape(code) for code in languages]
        if self.x_default_language():
            hreflangs.append("x-default")
        if columns is None:
            columns = _columns(rows)
        return _Elements(
            columns, len(rows), addresses, hreflangs, len(languages), lastmod_column, self.aware
        )

    def _fixed(self, urls):
        """
        ``urls`` (one in each of ``_languages()``), then the x-default one when the
        sitemap has it, escaped for XML: the whole addresses that start a row of
        ``_whole()``'s.
        """
        x_default = self.x_default_language()
        if x_default:
            urls = [*urls, _without_prefix(urls[self._languages().index(x_default)], x_default)]
        return tuple(escape(url) for url in urls)

    def _whole(self, site_root):
        """The addresses of ``_Elements`` for rows that start with ``_fixed()``'s."""
        count = len(self._languages()) + (self.x_default_language() is not None)
        return [(site_root, ((number, ""),)) for number in range(count)]


class RouteSitemap(PortalSitemap):
    """The pages of ``routes``, URL names of routes without arguments."""

    routes = ()

    def entries(self, site_root):
        rows = [
            self._fixed([Address(name).url({}, code) for code in self._languages()])
            for name in self.routes
        ]
        return self._written(rows, self._whole(site_root))


class LiveContentSitemap(PortalSitemap):
    """
    The live rows of ``model``, each at its ``address`` (the model's by default), last
    changed at its ``lastmod_field`` (a DateTimeField; none when empty). The rows are
    read as tuples of what their addresses are made of, each slug in each language as
    visitors see it (the database picks the language's own or its fallback's): no model
    instances.
    """

    model = None
    address = None
    lastmod_field = "updated_at"

    def rows(self, now):
        """The rows to list, live at ``now``: a queryset of ``model``."""
        return self.model.objects.live(now=now).order_by("pk")

    def entries(self, site_root):
        address = self.address or self.model.address
        connection = connections[self.model.objects.db]
        languages = self._languages()
        # The fallbacks a slug is read with depend on the translation app's, per thread.
        orders = tuple(language_order(code) for code in languages)
        statement = _statement(type(self), connection.alias, tuple(languages), orders)
        rows = statement.tuples(now_for(connection))
        columns = {name: number for number, name in enumerate(statement.names)}
        lastmod_column = columns[self.lastmod_field] if self.lastmod_field else None
        addresses = self._addresses(site_root, address, columns)
        values = _columns(rows)
        # The slugs come after the last change, when there is one.
        first_slug = 0 if lastmod_column is None else 1
        if addresses is not None and _slugs_as_written(values[first_slug:]):
            return self._written(rows, addresses, lastmod_column, values)

        # Slugs that reverse() writes otherwise: each row's addresses by Address.url,
        # then the row itself.
        def urls(row):
            return [
                address.url(
                    {name: row[columns[_slug_column(name, code)]] for name in address.lookups}, code
                )
                for code in languages
            ]

        whole = self._whole(site_root)
        rows = [(*self._fixed(urls(row)), *row) for row in rows]
        if lastmod_column is not None:
            lastmod_column += len(whole)
        return self._written(rows, whole, lastmod_column)

    def _addresses(self, site_root, address, columns):
        """
        The addresses of ``_Elements`` from ``address``'s URL template in each language
        and the x-default one, the rows' slugs at ``columns`` (``_statement()``'s names);
        None when the route has no template, or its x-default one is not its own.
        """
        x_default = self.x_default_language()
        codes = [*self._languages(), *([x_default] if x_default else [])]
        templates = [_url_parts(address, code) for code in codes]
        if None in templates:
            return None
        if x_default:
            head, pieces = templates[-1]
            if f"/{x_default}/" not in head:
                return None
            templates[-1] = (_without_prefix(head, x_default), pieces)
        return [
            (
                site_root + head,
                tuple((columns[_slug_column(name, code)], literal) for name, literal in pieces),
            )
            for code, (head, pieces) in zip(codes, templates, strict=True)
        ]

    def aware(self, lastmod):
        # What the ORM's converter makes of a time the driver gives (naive on SQLite).
        if timezone.is_naive(lastmod):
            return timezone.make_aware(lastmod, connections[self.model.objects.db].timezone)
        return lastmod


class _Elements(Sequence):
    """
    The ``<url>`` elements of rows as Django's ``sitemap.xml`` writes them, one for each
    row in each of the first ``count`` of ``hreflangs`` (the languages, then x-default
    when the sitemap has it), with the alternates in all of them, in the order of
    Django's ``Sitemap.get_urls``. ``addresses`` gives an address for each of
    ``hreflangs``: its start, then of each slug its column and the text after it, all
    escaped for XML. Each element's last change is its row's at ``lastmod_column`` (made
    aware by ``aware``), or None.

    The elements are written when a slice of them is taken (the page ``Paginator``
    takes): a list of texts, each row's elements in the slice in one.
    """

    def __init__(self, columns, size, addresses, hreflangs, count, lastmod_column, aware):
        # A sitemap writes thousands of elements, each the same texts with its row's values
        # between them: the rows' values are held column by column (``columns``, of
        # ``size`` rows), and each kind of text is written for all rows at once (_joined()).
        self.count = count
        self.size = size
        self.columns = list(columns)
        if lastmod_column is None or not size:  # no rows: no columns either
            self.row_lastmods = [None] * size
            days = [""] * size
        else:
            self.row_lastmods = self.columns[lastmod_column]
            # The day is the same for every time of one minute, in any time zone today.
            minutes = [
                None if time is None else time.replace(second=0, microsecond=0)
                for time in self.row_lastmods
            ]
            day_of = {
                minute: "" if minute is None else f"<lastmod>{_day(aware(minute))}</lastmod>"
                for minute in set(minutes)
            }
            days = list(map(day_of.__getitem__, minutes))
        self.columns.append(days)
        self.urls = [[head, *chain.from_iterable(pieces)] for head, pieces in addresses]
        self.alternates = ["</loc>", len(self.columns) - 1]
        for code, url in zip(hreflangs, self.urls, strict=True):
            self.alternates += [
                f'<xhtml:link rel="alternate" hreflang="{code}" href="',
                *url,
                '"/>',
            ]
        self.alternates.append("</url>")

    def __len__(self):
        return self.size * self.count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            index = range(len(self))[index]
            return self[index : index + 1][0]
        start, stop, step = index.indices(len(self))
        if step != 1:
            raise ValueError("the elements are taken in order")
        if start >= stop:
            return []
        row, language = divmod(start, self.count)
        end_row, end_language = divmod(stop, self.count)
        if row == end_row:
            return self._texts(row, row + 1, range(language, end_language))
        texts = []
        if language:
            texts += self._texts(row, row + 1, range(language, self.count))
            row += 1
        texts += self._texts(row, end_row, range(self.count))
        if end_language:
            texts += self._texts(end_row, end_row + 1, range(end_language))
        return texts

    def lastmods(self, start, stop):
        """The last changes of the rows of the elements ``start`` to ``stop``."""
        return self.row_lastmods[start // self.count : -(-stop // self.count)]

    def _texts(self, start, stop, languages):
        """The elements of the rows ``start`` to ``stop`` in ``languages``: a text per row."""
        columns = [column[start:stop] for column in self.columns]
        columns.append(list(_joined(self.alternates, columns)))
        parts = []
        for number in languages:
            parts += ["<url><loc>", *self.urls[number], len(columns) - 1]
        return list(_joined(parts, columns))


def _columns(rows):
    """The values of ``rows`` (tuples of one length) column by column."""
    return list(zip(*rows, strict=False))


def _joined(parts, columns):
    """
    Each row's text made of ``parts``, texts and numbers of ``columns`` (each a value per
    row) one after another: an iterator of the rows' texts, each joined in one call.
    """
    merged = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    values = [repeat(part) if isinstance(part, str) else columns[part] for part in merged]
    # The texts repeat without end: the columns end it.
    return map("".join, zip(*values, strict=False))


def _day(lastmod):
    """What ``{{ lastmod|date:"Y-m-d" }}`` writes of an aware time."""
    return timezone.template_localtime(lastmod).date().isoformat()


def _slug_column(name, language):
    """The column of ``_statement()``'s rows with the URL argument ``name`` in ``language``."""
    return f"{name}_in_{language}"


def _slugs_as_written(columns):
    """
    Whether every slug of ``columns`` (of ``_statement()``'s, its slugs) is one that
    ``reverse()`` writes as it is, so that the URL template writes the same address.
    """
    slugs = list(chain.from_iterable(columns))
    # None of them empty, and all of them checked at once.
    return not slugs or ("" not in slugs and SLUG.fullmatch("".join(slugs)) is not None)


def _without_prefix(url, language):
    """The x-default address of ``url``, as Django's ``Sitemap.get_urls`` makes it."""
    return url.replace(f"/{language}/", "/", 1)


def _url_parts(address, language):
    """
    ``address``'s URL template in ``language`` as ``(head, ((name, literal), ...))``:
    the text before the first argument, then each argument's name and the text after
    it, escaped for XML; None when the route has no template (``Address.url`` reverses
    each row).
    """
    template = url_template(
        address.url_name,
        tuple(sorted(address.lookups)),
        language,
        get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
    )
    if template is None:
        return None
    return _split(template)


@functools.cache
def _split(template):
    parsed = list(Formatter().parse(template))
    head = escape(parsed[0][0])
    pieces = []
    for number, (_literal, name, _spec, _conversion) in enumerate(parsed):
        if name is None:
            break
        literal = parsed[number + 1][0] if number + 1 < len(parsed) else ""
        pieces.append((name, escape(literal)))
    return head, tuple(pieces)


@functools.cache
def _statement(sitemap, using, languages, orders):
    """
    The statement of a ``LiveContentSitemap``'s rows: each its last change (as the
    driver gives it, when the sitemap has one) and then each URL argument's slug in each
    of ``languages`` as visitors see it (``first_text()`` in ``orders``, the languages'
    ``language_order()``), named by ``_slug_column()``. Every sitemap request reads
    each type's rows: compiled once per process, run with each request's time.
    """
    address = sitemap.address or sitemap.model.address
    fields = [sitemap.lastmod_field] if sitemap.lastmod_field else []
    slugs = {
        _slug_column(name, code): first_text(lookup, order)
        for code, order in zip(languages, orders, strict=True)
        for name, lookup in address.lookups.items()
    }
    rows = sitemap().rows(STAND_IN_TIME).raw_values(*fields, **slugs)
    statement = Statement(rows, [stand_in_time(connections[using])], using, converted=False)
    if statement.names != [*fields, *slugs]:
        raise ValueError(f"not the columns asked for: {statement.names}")
    return statement


def live_content_sitemap(model):
    """A ``LiveContentSitemap`` of ``model``."""
    return type(f"{model.__name__}Sitemap", (LiveContentSitemap,), {"model": model})
