"""The Atom feed of recently published or changed live content, in the active language."""

from heapq import nlargest

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from pages.models import Page
from priorities.models import Priority, Programme, Sector
from regions.models import Municipality, Region

FEED_ITEMS = 30

# Every type with a page of its own, and what its query needs for the address.
SOURCES = [
    (Region, ()),
    (Municipality, ("region",)),
    (Sector, ()),
    (Programme, ("region",)),
    (Priority, ("programme__region",)),
    (Page, ()),
]


class UpdatesFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Kainuu Portal: updates")

    def subtitle(self):
        return _("Recently published or changed content of the Kainuu Portal.")

    def link(self):
        return reverse("home")

    def feed_url(self):
        return reverse("feed")

    def author_name(self):
        return _("Regional Council of Kainuu")

    def feed_copyright(self):
        return "CC BY 4.0"

    def items(self):
        """The newest changes of each type (one query a type), newest first overall."""
        candidates = []
        for model, related in SOURCES:
            queryset = model.objects.live().order_by("-updated_at", "-pk")
            if related:
                queryset = queryset.select_related(*related)
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
