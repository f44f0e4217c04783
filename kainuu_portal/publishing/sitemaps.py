"""Sitemap bases that the content apps' ``sitemaps.py`` build on."""

from django.contrib.sitemaps import Sitemap


class PortalSitemap(Sitemap):
    """Every address in every language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class LiveContentSitemap(PortalSitemap):
    """The live rows of ``model``, each at its ``get_absolute_url``."""

    model = None

    def items(self):
        return self.model.objects.live().for_cards().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


def live_content_sitemap(model):
    """A ``LiveContentSitemap`` of ``model``."""
    return type(f"{model.__name__}Sitemap", (LiveContentSitemap,), {"model": model})
