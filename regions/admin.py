from django.contrib import admin

from kainuu_portal.publishing.admin import (
    ChildAdmin,
    PublishableAdmin,
    PublishableTabularInline,
    SortableAdminMixin,
    SortableStackedInline,
    localized,
    publishable_fieldsets,
    side_by_side,
    slugs_from,
)

from .models import Municipality, PopulationFigure, Region, RegionLink, Strength


def home_region_initial(initial):
    """Prefill a new object's region with the home region (Kainuu)."""
    if "region" not in initial:
        home = Region.objects.home().first()
        if home is not None:
            initial["region"] = home.pk
    return initial


class MunicipalityInline(PublishableTabularInline):
    model = Municipality
    fields = [*localized("name"), *localized("slug"), "code", "is_town", "status"]
    prepopulated_fields = slugs_from("name")


class PopulationFigureInline(PublishableTabularInline):
    model = PopulationFigure
    fields = ["year", "value", "is_approximate", *localized("source"), "status"]


class StrengthInline(SortableStackedInline):
    model = Strength
    fields = [*side_by_side("title", "description"), "status"]


class RegionLinkInline(SortableStackedInline):
    model = RegionLink
    fields = [*side_by_side("title", "url"), "status"]


@admin.register(Region)
class RegionAdmin(PublishableAdmin):
    list_display = ["name", "kind", "country", "nuts_code", "is_home", "status", "live_now"]
    list_filter = ["status", "kind", "is_home", "country"]
    search_fields = [*localized("name", "slug"), "iso_code", "nuts_code"]
    prepopulated_fields = slugs_from("name")
    autocomplete_fields = ["neighbours"]
    fieldsets = publishable_fieldsets(
        main=[*side_by_side("slug"), "kind", "is_home"],
        translated=["name", "summary", "body", "administrative_centre"],
        details=["country", "iso_code", "nuts_code", "area_km2", "website", "neighbours"],
        image=True,
    )
    inlines = [MunicipalityInline, StrengthInline, PopulationFigureInline, RegionLinkInline]


@admin.register(Municipality)
class MunicipalityAdmin(PublishableAdmin):
    list_display = ["name", "region", "code", "is_town", "status", "live_now"]
    list_filter = ["status", "region", "is_town"]
    list_select_related = ["region"]
    search_fields = [*localized("name", "slug"), "code"]
    prepopulated_fields = slugs_from("name")
    autocomplete_fields = ["region"]
    fieldsets = publishable_fieldsets(
        main=["region", *side_by_side("slug")],
        translated=["name"],
        details=["code", "is_town", "website"],
    )
    inlines = [PopulationFigureInline]

    def get_changeform_initial_data(self, request):
        return home_region_initial(super().get_changeform_initial_data(request))


@admin.register(PopulationFigure)
class PopulationFigureAdmin(PublishableAdmin):
    list_display = ["__str__", "year", "value", "region", "municipality", "status", "live_now"]
    list_filter = ["status", "region", "year"]
    list_select_related = ["region", "municipality"]
    search_fields = [*localized("source", "region__name", "municipality__name")]
    autocomplete_fields = ["region", "municipality"]
    fieldsets = publishable_fieldsets(
        main=["region", "municipality"],
        translated=["source"],
        details=["year", "value", "is_approximate"],
    )


@admin.register(Strength)
class StrengthAdmin(SortableAdminMixin, ChildAdmin):
    parent = "region"
    texts = ("description",)


@admin.register(RegionLink)
class RegionLinkAdmin(ChildAdmin):
    parent = "region"
    texts = ("url",)
    list_extra = ("url",)
