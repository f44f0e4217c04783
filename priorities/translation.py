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


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "body", "image_alt")


@register(RegionKeySector)
class RegionKeySectorTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "aims", "source_document_title", "image_alt")


@register(ProgrammeLink)
class ProgrammeLinkTranslationOptions(TranslationOptions):
    fields = ("title", "url")


@register(Priority)
class PriorityTranslationOptions(TranslationOptions):
    fields = ("title", "short_title", "summary", "body")


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
