"""
A search result, written by a tag rather than five variables and two conditions: a
page of results lists twenty.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def search_result(hit):
    """A result's title linked to its page, its context and its snippet, as a list item."""
    url = conditional_escape(hit.url)
    title = conditional_escape(hit.title) if hit.title else url
    context = f'<p class="meta">{conditional_escape(hit.context)}</p>' if hit.context else ""
    snippet = f"<p>{conditional_escape(hit.snippet)}</p>" if hit.snippet else ""
    # The line breaks and indentation are those of the list in search.html.
    return SafeString(
        f'<li>\n      <a class="result-title" href="{url}">{title}</a>\n'
        f"      {context}\n      {snippet}\n    </li>"
    )
