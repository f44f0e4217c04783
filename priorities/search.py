"""The sectors and programmes' content that the site's search covers."""

from django.utils.translation import gettext_lazy as _

from kainuu_portal.publishing.search import Searchable

from .models import CrossCuttingTheme, FocusArea, Priority, Programme, Sector

searchables = [
    Searchable(
        "sector",
        _("Sectors"),
        Sector,
        title="name",
        texts=("summary",),
        rich_texts=("body",),
        context="parent__name",
    ),
    Searchable(
        "programme",
        _("Programmes"),
        Programme,
        texts=("summary",),
        rich_texts=("body", "aims"),
        context="region__name",
    ),
    Searchable(
        "priority",
        _("Priorities"),
        Priority,
        texts=("short_title", "summary"),
        rich_texts=("body",),
        context="programme__title",
    ),
    Searchable(
        "focus_area",
        _("Focus areas"),
        FocusArea,
        texts=("description",),
        context="priority__title",
    ),
    Searchable(
        "theme",
        _("Cross-cutting themes"),
        CrossCuttingTheme,
        rich_texts=("description",),
        context="programme__title",
    ),
]
