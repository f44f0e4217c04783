"""The entries of sitemap.xml, written in one tag (templates/sitemap.xml)."""

from datetime import datetime
from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

register = template.Library()


@register.simple_tag
def sitemap_entries(urlset):
    """
    The ``<url>`` elements of ``urlset`` (the entries ``Sitemap.get_urls`` gives) as
    Django's own sitemap.xml writes them: what its ``{% spaceless %}`` loop renders,
    one entry after another. A sitemap lists thousands of addresses, each with its
    alternates: a template node for each of their parts would cost more than the rest.
    """
    escaped = {}  # each text once: an address comes again as an alternate of each entry
    days = {}
    links = {}  # by list: the entries of one item share theirs (LiveContentSitemap)

    def text(value):
        # What {{ value }} writes of a string, as Django's escape() does it.
        if value not in escaped:
            escaped[value] = escape(str(value))
        return escaped[value]

    parts = []
    for url in urlset:
        parts.append(f"<url><loc>{text(url['location'])}</loc>")
        lastmod = url["lastmod"]
        if lastmod:
            if lastmod not in days:
                days[lastmod] = _day(lastmod)
            parts.append(f"<lastmod>{days[lastmod]}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{text(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{text(url['priority'])}</priority>")
        alternates = url["alternates"]
        if id(alternates) not in links:
            links[id(alternates)] = "".join(
                f'<xhtml:link rel="alternate" hreflang="{text(alternate["lang_code"])}" '
                f'href="{text(alternate["location"])}"/>'
                for alternate in alternates
            )
        parts.append(links[id(alternates)])
        parts.append("</url>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def _day(value):
    """What ``{{ value|date:"Y-m-d" }}`` writes of a date or datetime."""
    value = template_localtime(value)
    return (value.date() if isinstance(value, datetime) else value).isoformat()
