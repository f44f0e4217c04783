from modeltranslation.translator import TranslationOptions, register

from .models import Municipality, PopulationFigure, Region, RegionLink, Strength


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "body", "administrative_centre", "image_alt")


@register(Municipality)
class MunicipalityTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(PopulationFigure)
class PopulationFigureTranslationOptions(TranslationOptions):
    fields = ("source",)


@register(Strength)
class StrengthTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(RegionLink)
class RegionLinkTranslationOptions(TranslationOptions):
    fields = ("title", "url")
