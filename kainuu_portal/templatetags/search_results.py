"""
The results of a search in a group, written by a tag rather than a loop of five
variables and two conditions for each: a page of results lists twenty.
"""

import html

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def search_results(hits):
    """Each result's title linked to its page, its context and its snippet, as list items."""
    return SafeString("".join(_item(hit) for hit in hits))


def _item(hit):
    # The address and the context are plain text, escaped as Django's escape() does.
    url = html.escape(hit.url)
    title = conditional_escape(hit.title) if hit.title else url
    context = f'<p class="meta">{html.escape(hit.context)}</p>' if hit.context else ""
    snippet = f"<p>{conditional_escape(hit.snippet)}</p>" if hit.snippet else ""
    # The line breaks and indentation are those the list's loop in search.html wrote.
    return (
        f'\n    <li>\n      <a class="result-title" href="{url}">{title}</a>\n'
        f"      {context}\n      {snippet}\n    </li>\n    "
    )
