from django import forms
from django.contrib import admin

from kainuu_portal.publishing.admin import (
    ChildAdmin,
    PublishableAdmin,
    PublishableForm,
    PublishableStackedInline,
    PublishableTabularInline,
    SortableAdminMixin,
    SortableStackedInline,
    localized,
    publishable_fieldsets,
    side_by_side,
    slugs_from,
)

from .models import Municipality, PopulationFigure, Region, RegionLink, Strength

AREA_FIELDS = ["area_km2", "land_area_km2", "area_year"]


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


# Saving these changes nothing a figure says, so an imported figure stays the import's.
NOT_EDITING_THE_FIGURE = {"status", "publish_at", "concurrency_token"}


class EditorsFigureMixin:
    """A figure an editor entered or changed is the editor's: the import never touches it."""

    def save(self, commit=True):
        if set(self.changed_data) - NOT_EDITING_THE_FIGURE:
            self.instance.origin = PopulationFigure.Origin.EDITOR
        return super().save(commit)


class PopulationFigureForm(EditorsFigureMixin, PublishableForm):
    pass


class PopulationFigureInlineForm(EditorsFigureMixin, forms.ModelForm):
    pass


class PopulationFigureInline(PublishableStackedInline):
    """Stacked, so that every field has its own label (a table row's inputs have none)."""

    model = PopulationFigure
    form = PopulationFigureInlineForm
    fields = [
        ("year", "value"),
        ("is_approximate", "is_preliminary"),
        *localized("source"),
        ("status", "origin"),
    ]
    readonly_fields = ["origin"]


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
        details=[
            "country",
            "iso_code",
            "nuts_code",
            "code",
            *AREA_FIELDS,
            "website",
            "neighbours",
        ],
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
        details=["code", "is_town", *AREA_FIELDS, "website"],
    )
    inlines = [PopulationFigureInline]

    def get_changeform_initial_data(self, request):
        return home_region_initial(super().get_changeform_initial_data(request))


@admin.register(PopulationFigure)
class PopulationFigureAdmin(PublishableAdmin):
    form = PopulationFigureForm
    list_display = [
        "__str__",
        "year",
        "value",
        "region",
        "municipality",
        "origin",
        "status",
        "live_now",
    ]
    list_filter = ["status", "origin", "region", "year"]
    list_select_related = ["region", "municipality"]
    search_fields = [*localized("source", "region__name", "municipality__name")]
    autocomplete_fields = ["region", "municipality"]
    readonly_fields = [*PublishableAdmin.readonly_fields, "origin", "table_id", "table_updated"]
    fieldsets = publishable_fieldsets(
        main=["region", "municipality"],
        translated=["source"],
        details=list(PopulationFigure.DETAILS),
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
