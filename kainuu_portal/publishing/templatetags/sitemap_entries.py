"""The entries of sitemap.xml, written in one tag (templates/sitemap.xml)."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def sitemap_entries(urlset):
    """
    The ``<url>`` elements of ``urlset``, the texts of ``PortalSitemap.get_urls``:
    each element already written as Django's own sitemap.xml writes it (what its
    ``{% spaceless %}`` loop renders), one after another.
    """
    return mark_safe("".join(urlset))  # noqa: S308 - PortalSitemap escapes every value
