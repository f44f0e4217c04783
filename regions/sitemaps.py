from kainuu_portal.publishing.sitemaps import live_content_sitemap

from .models import Municipality, Region

sitemaps = {
    "regions": live_content_sitemap(Region),
    "municipalities": live_content_sitemap(Municipality),
}
