"""sitemap.xml: the site-wide pages and what each content app lists in its ``sitemaps.py``."""

from django.urls import reverse

from kainuu_portal.declarations import collect
from kainuu_portal.publishing.sitemaps import PortalSitemap


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


sitemaps = {"static": StaticViewSitemap}
for app_sitemaps in collect("sitemaps", "sitemaps"):
    sitemaps.update(app_sitemaps)
