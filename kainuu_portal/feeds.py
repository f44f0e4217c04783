"""
The Atom feed of recently published or changed live content, in the active
language: the types each content app lists in its ``feeds.py``.
"""

from heapq import nlargest

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from kainuu_portal.declarations import collect

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
        """The newest changes of each type (one query a type), newest first overall."""
        candidates = []
        for models in collect("feeds", "feed_models"):
            for model in models:
                queryset = model.objects.live().for_cards().order_by("-updated_at", "-pk")
                candidates.extend(queryset[:FEED_ITEMS])
        return nlargest(FEED_ITEMS, candidates, key=lambda item: item.updated_at)

    def item_title(self, item):
        return f"{item} ({item._meta.verbose_name})"

    def item_description(self, item):
        return getattr(item, "summary", "") or ""

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.publish_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [str(item._meta.verbose_name_plural)]
