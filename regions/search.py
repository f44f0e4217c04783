"""The regions' content that the site's search covers."""

from django.utils.translation import gettext_lazy as _

from kainuu_portal.publishing.search import Searchable

from .models import Municipality, Region

searchables = [
    Searchable(
        "region",
        _("Regions"),
        Region,
        title="name",
        texts=("summary", "administrative_centre"),
        rich_texts=("body",),
    ),
    Searchable(
        "municipality",
        _("Municipalities"),
        Municipality,
        title="name",
        context="region__name",
    ),
]
