from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Municipality, PopulationFigure, Region, RegionLink, Strength

REQUIRED_SLUG = {settings.LANGUAGE_CODE: ("slug",), "default": ()}


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "summary", "body", "administrative_centre", "image_alt")
    # Every item has an address in the default language; the others fall back to it.
    required_languages = REQUIRED_SLUG


@register(Municipality)
class MunicipalityTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    # Every item has an address in the default language; the others fall back to it.
    required_languages = REQUIRED_SLUG


@register(PopulationFigure)
class PopulationFigureTranslationOptions(TranslationOptions):
    fields = ("source",)


@register(Strength)
class StrengthTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(RegionLink)
class RegionLinkTranslationOptions(TranslationOptions):
    fields = ("title", "url")
