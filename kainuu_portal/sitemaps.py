"""sitemap.xml: every live public page in every language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Count
from django.urls import reverse

from kainuu_portal.publishing.models import live_condition
from pages.models import Page
from priorities.models import Priority, Programme, Sector
from regions.models import Municipality, Region


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticViewSitemap(PortalSitemap):
    def items(self):
        return [
            "home",
            "regions:region-list",
            "priorities:sector-list",
            "priorities:programme-list",
            "open-data",
        ]

    def location(self, item):
        return reverse(item)


class LiveContentSitemap(PortalSitemap):
    model = None
    related = ()

    def items(self):
        items = self.model.objects.live().order_by("pk")
        return items.select_related(*self.related) if self.related else items

    def lastmod(self, item):
        return item.updated_at


class RegionSitemap(LiveContentSitemap):
    model = Region


class MunicipalitySitemap(LiveContentSitemap):
    model = Municipality
    related = ("region",)


class SectorSitemap(LiveContentSitemap):
    model = Sector


class ProgrammeSitemap(LiveContentSitemap):
    model = Programme
    related = ("region",)


class PrioritySitemap(LiveContentSitemap):
    model = Priority
    related = ("programme__region",)


class PageSitemap(LiveContentSitemap):
    model = Page


class ComparisonSitemap(PortalSitemap):
    """The comparison page of each region with two or more live programme periods."""

    def items(self):
        return (
            Region.objects.live()
            .annotate(programme_count=Count("programmes", filter=live_condition("programmes__")))
            .filter(programme_count__gte=2)
            .order_by("pk")
        )

    def location(self, item):
        return reverse("priorities:programme-compare", kwargs={"region_slug": item.slug})


sitemaps = {
    "static": StaticViewSitemap,
    "regions": RegionSitemap,
    "municipalities": MunicipalitySitemap,
    "sectors": SectorSitemap,
    "programmes": ProgrammeSitemap,
    "priorities": PrioritySitemap,
    "pages": PageSitemap,
    "comparisons": ComparisonSitemap,
}
