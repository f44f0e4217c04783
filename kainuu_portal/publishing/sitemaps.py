"""Sitemap bases that the content apps' ``sitemaps.py`` build on."""

import functools

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db import connections
from django.utils.translation import get_language

from .models import Address
from .statements import STAND_IN_TIME, Statement, now_for, stand_in_time


class PortalSitemap(Sitemap):
    """
    Every address in every language, with hreflang alternates. Its items are ``Entry``
    objects, which carry their addresses in every language: ``get_urls`` gives what
    Django's does without activating each language in turn for each address and each
    of its alternates.
    """

    i18n = True
    alternates = True
    x_default = True

    def location(self, item):
        return item.urls[get_language()]

    def lastmod(self, item):
        return item.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        """What Django's ``Sitemap.get_urls`` gives, from the addresses the items carry."""
        site_root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls = []
        latest_lastmod = None
        all_items_lastmod = True
        for item, language in self.paginator.page(page).object_list:
            lastmod = item.updated_at
            if lastmod is None:
                all_items_lastmod = False
            elif latest_lastmod is None or lastmod > latest_lastmod:
                latest_lastmod = lastmod
            urls.append(
                {
                    "item": (item, language),
                    "location": site_root + item.urls[language],
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": "",
                    # The same list for each language's entry of the item.
                    "alternates": self._alternates(item, site_root),
                }
            )
        if all_items_lastmod and latest_lastmod:
            self.latest_lastmod = latest_lastmod
        return urls

    def _alternates(self, item, site_root):
        if item.alternates is None:
            languages = self.get_languages_for_item(item)
            item.alternates = [
                {"location": site_root + item.urls[code], "lang_code": code} for code in languages
            ]
            default = settings.LANGUAGE_CODE
            if default in languages:
                location = (site_root + item.urls[default]).replace(f"/{default}/", "/", 1)
                item.alternates.append({"location": location, "lang_code": "x-default"})
        return item.alternates


class Entry:
    """An item of a ``PortalSitemap``: its addresses by language, and its last change."""

    def __init__(self, urls, updated_at=None):
        self.urls = urls
        self.updated_at = updated_at
        self.alternates = None


class RouteSitemap(PortalSitemap):
    """The pages of ``routes``, URL names of routes without arguments."""

    routes = ()

    def items(self):
        return [
            Entry({code: Address(name).url({}, code) for code in self._languages()})
            for name in self.routes
        ]


class LiveContentSitemap(PortalSitemap):
    """
    The live rows of ``model``, each at its ``address`` (the model's by default), last
    changed at its ``lastmod_field`` (none when empty). The rows are read as ``values()``
    with what their addresses are made of (``Address.urls_of``): no model instances.
    """

    model = None
    address = None
    lastmod_field = "updated_at"

    def rows(self, now):
        """The rows to list, live at ``now``: a queryset of ``model``."""
        return self.model.objects.live(now=now).order_by("pk")

    def items(self):
        address = self.address or self.model.address
        using = self.model.objects.db
        rows = _statement(type(self), using).rows(now_for(connections[using]))
        urls = {code: address.urls_of(code) for code in self._languages()}
        return [
            Entry(
                {code: url(row) for code, url in urls.items()},
                row[self.lastmod_field] if self.lastmod_field else None,
            )
            for row in rows
        ]


@functools.cache
def _statement(sitemap, using):
    # Every sitemap request reads each type's rows: compiled once per process, run with
    # each request's time.
    address = sitemap.address or sitemap.model.address
    fields = [sitemap.lastmod_field] if sitemap.lastmod_field else []
    # The translations as stored (raw_values: no fallback of the translation app's own).
    rows = sitemap().rows(STAND_IN_TIME).raw_values(*fields, *address.columns())
    return Statement(rows, [stand_in_time(connections[using])], using)


def live_content_sitemap(model):
    """A ``LiveContentSitemap`` of ``model``."""
    return type(f"{model.__name__}Sitemap", (LiveContentSitemap,), {"model": model})
