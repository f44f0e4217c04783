from kainuu_portal.publishing.sitemaps import live_content_sitemap

from .models import Page

sitemaps = {"pages": live_content_sitemap(Page)}
