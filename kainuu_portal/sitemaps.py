"""sitemap.xml: the site-wide pages and what each content app lists in its ``sitemaps.py``."""

from kainuu_portal.declarations import collect
from kainuu_portal.publishing.sitemaps import RouteSitemap


class StaticViewSitemap(RouteSitemap):
    routes = [
        "home",
        "regions:region-list",
        "priorities:sector-list",
        "priorities:programme-list",
        "open-data",
    ]


sitemaps = {"static": StaticViewSitemap}
for app_sitemaps in collect("sitemaps", "sitemaps"):
    sitemaps.update(app_sitemaps)
