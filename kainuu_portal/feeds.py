"""
The Atom feed of recently published or changed live content, in the active
language: the types each content app lists in its ``feeds.py``.

The document is the one Django's syndication framework writes with ``Atom1Feed``
(the same elements, attributes in the same order, the same escaping), written in
one piece: the framework looks each attribute of each item up through a chain of
calls and writes each element in several pieces, most of the feed's cost.
"""

import functools
from datetime import UTC, datetime
from heapq import nlargest
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.db import connections
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.feedgenerator import Atom1Feed, rfc3339_date
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kainuu_portal.declarations import collect
from kainuu_portal.publishing.models import CONTROL_CHARACTERS, translated_value, translations
from kainuu_portal.publishing.statements import STAND_IN_TIME, Statement, now_for, stand_in_time

FEED_ITEMS = 30


class UpdatesFeed:
    """The feed's view: the newest updates as an Atom document."""

    reads_query = ()  # What the page cache keys the feed by (publishing.views.reads_query).

    def __call__(self, request):
        site = f"{'https' if request.is_secure() else 'http'}://{get_current_site(request).domain}"
        link = iri_to_uri(site + reverse("home"))
        updates = newest_updates()
        # The latest of the entries' times, as the syndication framework dates a feed.
        latest = max(
            (time for row, _kind in updates for time in (row["updated_at"], row["published_at"])),
            default=None,
        ) or datetime.now(tz=UTC)
        document = "".join(
            [
                '<?xml version="1.0" encoding="utf-8"?>\n',
                f'<feed xml:lang={quoteattr(get_language())} xmlns="{Atom1Feed.ns}">',
                _element("title", _("Kainuu Portal: updates")),
                f'<link href={quoteattr(link)} rel="alternate"/>',
                f'<link href={quoteattr(iri_to_uri(site + reverse("feed")))} rel="self"/>',
                _element("id", link),
                _element("updated", rfc3339_date(latest)),
                f"<author>{_element('name', _(settings.COUNCIL['name']))}</author>",
                _element(
                    "subtitle", _("Recently published or changed content of the Kainuu Portal.")
                ),
                _element("rights", settings.COUNCIL["license"]),
                *[_entry(site, row, kind) for row, kind in updates],
                "</feed>",
            ]
        )
        # What XML 1.0 cannot hold, which Django's XML writer refuses: the admin refuses it
        # too, but a text saved otherwise (an import, a revert of an older version) would
        # break the whole feed.
        document = CONTROL_CHARACTERS.sub("", document)
        response = HttpResponse(
            document.encode("utf-8", "xmlcharrefreplace"), content_type=Atom1Feed.content_type
        )
        # For ConditionalGetMiddleware's 304 Not Modified, as the framework's feeds set it.
        response.headers["Last-Modified"] = http_date(latest.timestamp())
        return response


def _element(name, text, attributes=""):
    """An element of text, as Django's XML writer writes it (empty, it closes itself)."""
    if text:
        return f"<{name}{attributes}>{escape(text)}</{name}>"
    return f"<{name}{attributes}/>"


def _entry(site, row, kind):
    # The address is reverse()'s, a URI already: iri_to_uri() would leave it as it is.
    link = site + kind.url(row)
    title = translated_value(row, kind.title)
    summary = translated_value(row, kind.summary) if kind.summary else ""
    return (
        f"<entry>{_element('title', f'{title} ({kind.name})')}"
        f'<link href={quoteattr(link)} rel="alternate"/>'
        f"<published>{rfc3339_date(row['published_at'])}</published>"
        f"<updated>{rfc3339_date(row['updated_at'])}</updated>"
        f"{_element('id', link)}"
        f"{_element('summary', summary, ' type="html"')}"
        f"{kind.category_element}</entry>"
    )


class Kind:
    """A type of content in the feed as the active language shows it."""

    def __init__(self, model, title, summary):
        self.title = title
        self.summary = summary
        self.name = str(model._meta.verbose_name)
        self.category = str(model._meta.verbose_name_plural)
        self.category_element = f"<category term={quoteattr(self.category)}/>"
        self.url = model.address.urls_of(get_language())


def newest_updates():
    """
    The newest changes of each type (one query a type), newest first overall, at most
    ``FEED_ITEMS``: each as its row (a ``values()`` row of the fields the feed shows, its
    times and its address) and its ``Kind``.
    """
    rows = [
        (row, kind)
        for model, title, summary in _feed_types()
        for kind in [Kind(model, title, summary)]
        for row in _newest(model, (title, summary) if summary else (title,))
    ]
    # Equal times keep the order of the types and of their rows: the first row the
    # greatest position.
    candidates = [
        (row["updated_at"], -position, row, kind) for position, (row, kind) in enumerate(rows)
    ]
    return [(row, kind) for _updated, _position, row, kind in nlargest(FEED_ITEMS, candidates)]


@functools.cache
def _feed_types():
    """Of each type the feed lists: the model, its title's field and its summary's (or None)."""
    return [
        (model, title, "summary" if any(f.name == "summary" for f in model._meta.fields) else None)
        for models in collect("feeds", "feed_models")
        for model, title in models.items()
    ]


def _newest(model, fields):
    """
    The newest live rows of ``model`` as ``values()`` rows: the translations of the
    ``fields`` the feed shows (the title, which names an item as its ``__str__`` does,
    and the summary), the dates and the address.
    """
    using = model.objects.db
    return _newest_statement(model, fields, using).rows(now_for(connections[using]))


@functools.cache
def _newest_statement(model, fields, using):
    # The feed runs one of these per type: compiled once per process, run with each
    # request's time.
    columns = translations(*fields)
    rows = (
        model.objects.live(now=STAND_IN_TIME)
        .order_by("-updated_at", "-pk")
        # The translations as stored (raw_values: no fallback of the translation app's own).
        .raw_values(
            *columns,
            "updated_at",
            *model.address.columns(),
            # When it was published, or else created: one time to read instead of two.
            published_at=Coalesce("publish_at", "created_at"),
        )[:FEED_ITEMS]
    )
    return Statement(rows, [stand_in_time(connections[using])], using)
