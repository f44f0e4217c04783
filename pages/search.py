"""The pages' content that the site's search covers."""

from django.utils.translation import gettext_lazy as _

from kainuu_portal.publishing.search import Searchable

from .models import Page

searchables = [
    Searchable("page", _("Pages"), Page, texts=("summary",), rich_texts=("body",)),
]
