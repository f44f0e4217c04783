"""The public pages: the site's languages, the query budget, every page type as URLs."""

from django.urls import reverse
from django.utils.translation import override

from pages.models import Page
from priorities.models import Priority, Programme, Sector
from regions.models import Municipality, Region

LANGUAGES = ["fi", "en", "sv"]
# The most queries any public page may make.
QUERY_BUDGET = 8


def public_page_urls(language):
    """``{page type: path}`` for the demo content (``load_demo_content``) in ``language``.

    Items are found by their English slug; each address has the language's own slugs.
    The sector is a parent with sub-sectors, the priority has focus areas and sectors, and
    the last entry is an address that does not exist (the 404 page).
    """
    home_region = Region.objects.get(is_home=True)
    with override(language):
        urls = {
            "home": reverse("home"),
            "region-list": reverse("regions:region-list"),
            "region": home_region.get_absolute_url(),
            "municipality": Municipality.objects.get(slug_en="kajaani").get_absolute_url(),
            "sector-list": reverse("priorities:sector-list"),
            "sector": Sector.objects.get(slug_en="technology-industries").get_absolute_url(),
            "sub-sector": Sector.objects.get(slug_en="ict").get_absolute_url(),
            "programme-list": reverse("priorities:programme-list"),
            "economic-domains": reverse("priorities:economic-domains"),
            "programme": Programme.objects.get(region=home_region).get_absolute_url(),
            "priority": Priority.objects.filter(programme__region=home_region)
            .first()
            .get_absolute_url(),
        }
        for page in Page.objects.order_by("slug_en"):
            urls[f"page-{page.slug_en}"] = page.get_absolute_url()
        urls["not-found"] = f"{reverse('home')}no-such-page/"
    return urls


def page_urls(site, language):
    """``{page type: path}`` for the ``site`` fixture in ``language``."""
    with override(language):
        return {
            "home": reverse("home"),
            "region-list": reverse("regions:region-list"),
            "region": site["region"].get_absolute_url(),
            "municipality": site["municipality"].get_absolute_url(),
            "sector-list": reverse("priorities:sector-list"),
            "sector": site["sector"].get_absolute_url(),
            "parent-sector": site["parent_sector"].get_absolute_url(),
            "programme-list": reverse("priorities:programme-list"),
            "programme": site["programme"].get_absolute_url(),
            "priority": site["priority"].get_absolute_url(),
            "page": site["page"].get_absolute_url(),
        }


def new_page_urls(site, language):
    """Pages that are not in the sitemap as such (search) or only with two periods (compare)."""
    with override(language):
        return {
            "search": reverse("search") + "?q=Kainuu",
            "search-empty": reverse("search"),
            "open-data": reverse("open-data"),
            "economic-domains": reverse("priorities:economic-domains"),
            "compare": reverse(
                "priorities:programme-compare", kwargs={"region_slug": site["region"].slug}
            ),
        }
