from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import (
    CrossCuttingTheme,
    EconomicDomain,
    FocusArea,
    Priority,
    Programme,
    ProgrammeLink,
    RegionKeySector,
    ScientificDomain,
    Sector,
)

REQUIRED_SLUG = {settings.LANGUAGE_CODE: ("slug",), "default": ()}


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "summary", "body", "image_alt")
    # Every item has an address in the default language; the others fall back to it.
    required_languages = REQUIRED_SLUG


@register(RegionKeySector)
class RegionKeySectorTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "aims", "source_document_title", "image_alt")
    # Every item has an address in the default language; the others fall back to it.
    required_languages = REQUIRED_SLUG


@register(ProgrammeLink)
class ProgrammeLinkTranslationOptions(TranslationOptions):
    fields = ("title", "url")


@register(Priority)
class PriorityTranslationOptions(TranslationOptions):
    fields = ("title", "short_title", "slug", "summary", "body")
    # Every item has an address in the default language; the others fall back to it.
    required_languages = REQUIRED_SLUG


@register(FocusArea)
class FocusAreaTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(CrossCuttingTheme)
class CrossCuttingThemeTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(EconomicDomain)
class EconomicDomainTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(ScientificDomain)
class ScientificDomainTranslationOptions(TranslationOptions):
    fields = ("name",)
