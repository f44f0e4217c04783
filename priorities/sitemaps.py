from django.db.models import Count

from kainuu_portal.publishing.models import Address, live_condition
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
        return (
            Region.objects.live(now=now)
            .annotate(
                programme_count=Count("programmes", filter=live_condition("programmes__", now=now))
            )
            .filter(programme_count__gte=2)
            .order_by("pk")
        )


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
