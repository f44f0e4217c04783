"""
The Atom feed of recently published or changed live content, in the active
language: the types each content app lists in its ``feeds.py``.
"""

import functools
from heapq import nlargest
from operator import attrgetter

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db import connections
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from kainuu_portal.declarations import collect
from kainuu_portal.publishing.models import translated_value, translations
from kainuu_portal.publishing.statements import STAND_IN_TIME, Statement, now_for, stand_in_time

FEED_ITEMS = 30


class UpdatesFeed(Feed):
    feed_type = Atom1Feed
    reads_query = ()  # What the page cache keys the feed by (publishing.views.reads_query).

    def title(self):
        return _("Kainuu Portal: updates")

    def subtitle(self):
        return _("Recently published or changed content of the Kainuu Portal.")

    def link(self):
        return reverse("home")

    def feed_url(self):
        return reverse("feed")

    def author_name(self):
        return _(settings.COUNCIL["name"])

    def feed_copyright(self):
        return settings.COUNCIL["license"]

    def items(self):
        """
        The newest changes of each type (one query a type), newest first overall: of each
        row the fields the feed shows and its address, read as ``values()``.
        """
        candidates = []
        for models in collect("feeds", "feed_models"):
            for model, title in models.items():
                texts = {"title": title}
                if any(field.name == "summary" for field in model._meta.fields):
                    texts["summary"] = "summary"
                # The type's names, translated once for all its rows.
                names = (str(model._meta.verbose_name), str(model._meta.verbose_name_plural))
                candidates.extend(
                    Update(model, row, texts, *names) for row in _newest(model, texts)
                )
        return nlargest(FEED_ITEMS, candidates, key=attrgetter("updated_at"))

    def item_title(self, item):
        return f"{item.text('title')} ({item.type_name})"

    def item_description(self, item):
        return item.text("summary")

    def item_link(self, item):
        return item.model.address.url_of(item.row)

    def item_pubdate(self, item):
        return item.row["publish_at"] or item.row["created_at"]

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category]


class Update:
    """One row of the feed: a row of ``_newest``, its texts in the active language."""

    def __init__(self, model, row, texts, type_name, category):
        self.model = model
        self.row = row
        self.texts = texts
        self.type_name = type_name
        self.category = category
        self.updated_at = row["updated_at"]

    def text(self, name):
        field = self.texts.get(name)
        return translated_value(self.row, field) if field else ""


def _newest(model, texts):
    """
    The newest live rows of ``model`` as ``values()`` rows: the translations of the
    ``texts`` the feed shows (fields by name: the title, which names an item as its
    ``__str__`` does, and the summary), the dates and the address.
    """
    using = model.objects.db
    return _newest_statement(model, tuple(texts.values()), using).rows(now_for(connections[using]))


@functools.cache
def _newest_statement(model, fields, using):
    # The feed runs one of these per type: compiled once per process, run with each
    # request's time.
    columns = translations(*fields)
    rows = (
        model.objects.live(now=STAND_IN_TIME)
        .order_by("-updated_at", "-pk")
        # The translations as stored (raw_values: no fallback of the translation app's own).
        .raw_values(*columns, "updated_at", "publish_at", "created_at", *model.address.columns())[
            :FEED_ITEMS
        ]
    )
    return Statement(rows, [stand_in_time(connections[using])], using)
