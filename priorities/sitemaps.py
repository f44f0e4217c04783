from django.db.models import Count

from kainuu_portal.publishing.models import Address
from kainuu_portal.publishing.sitemaps import (
    LiveContentSitemap,
    RouteSitemap,
    live_content_sitemap,
)
from regions.models import Region

from .models import Priority, Programme, Sector


class ComparisonSitemap(LiveContentSitemap):
    """The comparison page of each region with two or more live programme periods."""

    model = Region
    address = Address("priorities:programme-compare", region_slug="slug")
    lastmod_field = None

    def rows(self, now):
        # The regions' ids in a subquery: grouping the regions themselves would group by
        # every column of theirs, their long texts included.
        compared = (
            Programme.objects.live(now=now)
            .values("region")
            .annotate(periods=Count("pk"))
            .filter(periods__gte=2)
            .values("region")
        )
        return Region.objects.live(now=now).filter(pk__in=compared).order_by("pk")


class EconomicDomainsSitemap(RouteSitemap):
    """The page of every period's priorities grouped by economic domain."""

    routes = ["priorities:economic-domains"]


sitemaps = {
    "sectors": live_content_sitemap(Sector),
    "programmes": live_content_sitemap(Programme),
    "priorities": live_content_sitemap(Priority),
    "comparisons": ComparisonSitemap,
    "economic-domains": EconomicDomainsSitemap,
}
