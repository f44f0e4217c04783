"""Sitemap bases that the content apps' ``sitemaps.py`` build on."""

import functools
import re
from html import escape
from string import Formatter

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db import connections
from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone

from .models import SLUG, Address, language_order, url_template
from .statements import STAND_IN_TIME, Statement, now_for, stand_in_time

# The addresses' slugs of a sitemap, each followed by a space: all of them checked at once.
SLUGS = re.compile(f"(?:{SLUG.pattern} )*")


class PortalSitemap(Sitemap):
    """
    Every address in every language, with hreflang alternates, written as XML.

    ``get_urls`` gives a page of the sitemap's ``<url>`` elements, one string for each
    address in each language, in the order of Django's ``Sitemap.get_urls``: each the
    text Django's ``sitemap.xml`` writes of the entry that method gives (its location,
    its day of last change, its alternates in every language and x-default), joined by
    ``templates/sitemap.xml``. A sitemap lists thousands of addresses, each with its
    alternates: written by Django's framework, each address would cost a few dozen
    function calls per language, and its template a few dozen more per entry.

    Subclasses give ``addresses()``. Every item is in every language (``_languages()``);
    there is no change frequency or priority.
    """

    i18n = True
    alternates = True
    x_default = True

    def addresses(self):
        """
        ``(locations, lastmods)``: for each item, its addresses (the paths, escaped for
        XML) in each of ``_languages()`` and then the x-default one when the sitemap has
        it (``x_default_language()``); and each item's last change as read, or None.
        """
        raise NotImplementedError

    def aware(self, lastmod):
        """A last change of ``addresses()`` as an aware datetime (``latest_lastmod``)."""
        return lastmod

    def x_default_language(self):
        """The language whose address is the x-default one, without its prefix; or None."""
        if self.x_default and settings.LANGUAGE_CODE in self._languages():
            return settings.LANGUAGE_CODE
        return None

    def get_urls(self, page=1, site=None, protocol=None):
        site_root = escape(f"{self.get_protocol(protocol)}://{self.get_domain(site)}")
        entries, lastmods = _entries(
            *self.addresses(),
            self._languages(),
            self.x_default_language() is not None,
            site_root,
            self.aware,
        )
        page = Paginator(entries, self.limit).page(page)
        first = (page.number - 1) * self.limit
        lastmods = lastmods[first : first + self.limit]
        if lastmods and None not in lastmods:
            self.latest_lastmod = self.aware(max(lastmods))
        return page.object_list


class RouteSitemap(PortalSitemap):
    """The pages of ``routes``, URL names of routes without arguments."""

    routes = ()

    def addresses(self):
        languages = self._languages()
        x_default = self.x_default_language()
        locations = []
        for name in self.routes:
            urls = [Address(name).url({}, code) for code in languages]
            if x_default:
                urls.append(_without_prefix(urls[languages.index(x_default)], x_default))
            locations.append([escape(url) for url in urls])
        return locations, [None] * len(locations)


class LiveContentSitemap(PortalSitemap):
    """
    The live rows of ``model``, each at its ``address`` (the model's by default), last
    changed at its ``lastmod_field`` (a DateTimeField; none when empty). The rows are
    read as ``raw_values()`` with what their addresses are made of (``Address.urls_of``):
    no model instances.
    """

    model = None
    address = None
    lastmod_field = "updated_at"

    def rows(self, now):
        """The rows to list, live at ``now``: a queryset of ``model``."""
        return self.model.objects.live(now=now).order_by("pk")

    def addresses(self):
        address = self.address or self.model.address
        connection = connections[self.model.objects.db]
        rows = _statement(type(self), connection.alias).rows(now_for(connection))
        languages = [*self._languages()]
        x_default = self.x_default_language()
        if x_default:
            languages.append(x_default)
        locations = _locations(rows, address, languages, x_default)
        if locations is None:  # slugs reverse() writes otherwise
            locations = _locations_by_reverse(rows, address, languages, x_default)
        field = self.lastmod_field
        return locations, [row[field] for row in rows] if field else [None] * len(rows)

    def aware(self, lastmod):
        # What the ORM's converter makes of a time the driver gives (naive on SQLite).
        if timezone.is_naive(lastmod):
            return timezone.make_aware(lastmod, connections[self.model.objects.db].timezone)
        return lastmod


def _entries(locations, lastmods, languages, x_default, site_root, aware):
    """
    The ``<url>`` elements of the items ``locations`` and ``lastmods`` (as
    ``PortalSitemap.addresses()`` gives them, made aware by ``aware``), one for each
    item in each language, as Django's ``sitemap.xml`` writes them; and each element's
    last change.
    """
    # No function calls per item or address (string building and lookups only), but for
    # each minute of last change met: a sitemap writes thousands of addresses.
    hreflangs = [escape(code) for code in languages]
    if x_default:
        hreflangs.append("x-default")
    count = len(languages)
    days = {}
    entries = []
    entry_lastmods = []
    for urls, lastmod in zip(locations, lastmods, strict=True):
        links = ""
        for hreflang, url in zip(hreflangs, urls, strict=True):
            links += f'<xhtml:link rel="alternate" hreflang="{hreflang}" href="{site_root}{url}"/>'
        day = ""
        if lastmod is not None:
            # The day is the same for every time of one minute, in any time zone today.
            minute = (
                lastmod.tzinfo,
                lastmod.year,
                lastmod.month,
                lastmod.day,
                lastmod.hour,
                lastmod.minute,
            )
            if minute not in days:
                days[minute] = f"<lastmod>{_day(aware(lastmod))}</lastmod>"
            day = days[minute]
        entries += [f"<url><loc>{site_root}{url}</loc>{day}{links}</url>" for url in urls[:count]]
        entry_lastmods += [lastmod] * count
    return entries, entry_lastmods


def _day(lastmod):
    """What ``{{ lastmod|date:"Y-m-d" }}`` writes of an aware time."""
    return timezone.template_localtime(lastmod).date().isoformat()


def _locations(rows, address, languages, x_default):
    """
    The addresses of ``rows`` (``raw_values()`` with ``address.columns()``) in each of
    ``languages`` (the last one again for x-default when given), escaped for XML, as
    ``address.urls_of()`` makes them; None when a slug is not one that it writes in its
    route's URL template.
    """
    parts = [_url_parts(address, code) for code in languages]
    if None in parts:
        return None
    if x_default:
        head, pieces = parts[-1]
        prefix = f"/{x_default}/"
        if prefix not in head:
            return None
        parts[-1] = (head.replace(prefix, "/", 1), pieces)
    slugs = ""
    locations = []
    for row in rows:
        urls = []
        for head, pieces in parts:
            url = head
            for columns, literal in pieces:
                for column in columns:
                    if value := row[column]:
                        break
                else:
                    value = ""
                slugs += value + " "
                url += value + literal
            urls += [url]
        locations += [urls]
    if not SLUGS.fullmatch(slugs):
        return None
    return locations


def _locations_by_reverse(rows, address, languages, x_default):
    """The addresses of ``_locations()`` by ``address.urls_of()``, whatever the slugs."""
    urls_of = [address.urls_of(code) for code in languages]
    locations = []
    for row in rows:
        urls = [url(row) for url in urls_of]
        if x_default:
            urls[-1] = _without_prefix(urls[-1], x_default)
        locations.append([escape(url) for url in urls])
    return locations


def _without_prefix(url, language):
    """The x-default address of ``url``, as Django's ``Sitemap.get_urls`` makes it."""
    return url.replace(f"/{language}/", "/", 1)


def _url_parts(address, language):
    """
    ``address``'s URL template in ``language`` as ``(head, ((columns, literal), ...))``:
    the text before the first argument, then each argument's columns in the order the
    translation app reads them for ``language`` and the text after it, escaped for
    XML; None when the route has no template (``Address.urls_of`` reverses each row).
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
    return _split(template, tuple(address.lookups.items()), language_order(language))


@functools.cache
def _split(template, lookups, order):
    lookups = dict(lookups)
    parsed = list(Formatter().parse(template))
    head = escape(parsed[0][0])
    pieces = []
    for number, (_literal, name, _spec, _conversion) in enumerate(parsed):
        if name is None:
            break
        literal = parsed[number + 1][0] if number + 1 < len(parsed) else ""
        columns = tuple(f"{lookups[name]}_{code}" for code in order)
        pieces.append((columns, escape(literal)))
    return head, tuple(pieces)


@functools.cache
def _statement(sitemap, using):
    # Every sitemap request reads each type's rows: compiled once per process, run with
    # each request's time.
    address = sitemap.address or sitemap.model.address
    fields = [sitemap.lastmod_field] if sitemap.lastmod_field else []
    # The translations as stored (raw_values: no fallback of the translation app's own),
    # the times as the driver gives them (made aware only for the day they are written as).
    rows = sitemap().rows(STAND_IN_TIME).raw_values(*fields, *address.columns())
    return Statement(rows, [stand_in_time(connections[using])], using, converted=False)


def live_content_sitemap(model):
    """A ``LiveContentSitemap`` of ``model``."""
    return type(f"{model.__name__}Sitemap", (LiveContentSitemap,), {"model": model})
