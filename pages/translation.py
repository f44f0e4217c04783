from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Page

REQUIRED_SLUG = {settings.LANGUAGE_CODE: ("slug",), "default": ()}


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    # Every item has an address in the default language; the others fall back to it.
    required_languages = REQUIRED_SLUG
