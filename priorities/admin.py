from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kainuu_portal.publishing.admin import (
    ChildAdmin,
    ParentBreadcrumbMixin,
    PublishableAdmin,
    PublishableStackedInline,
    SortableAdminMixin,
    SortableStackedInline,
    SortableTabularInline,
    document_check,
    document_summary,
    localized,
    publishable_fieldsets,
    side_by_side,
    slugs_from,
)
from kainuu_portal.publishing.models import Status
from regions.admin import RegionAdmin, home_region_initial
from regions.models import Region

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

CLASSIFICATION_FIELDS = ["economic_domains", "scientific_domains"]


class CodeListAdmin(admin.ModelAdmin):
    """
    A code list shipped with the portal (``priorities/classifications.py``): every
    staff member may read it and choose from it, nobody changes it here.
    """

    search_fields = ["code", *localized("name")]
    list_per_page = 200

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EconomicDomain)
class EconomicDomainAdmin(CodeListAdmin):
    list_display = ["code", "name", "section"]
    list_select_related = ["section"]
    list_filter = [("section", admin.RelatedOnlyFieldListFilter)]


@admin.register(ScientificDomain)
class ScientificDomainAdmin(CodeListAdmin):
    list_display = ["code", "name"]


class KeySectorOfRegionInline(SortableStackedInline):
    """The key sectors of a region, edited in the region."""

    model = RegionKeySector
    fields = ["sector", *localized("description"), "status"]
    autocomplete_fields = ["sector"]
    verbose_name = _("key sector")
    verbose_name_plural = _("key sectors")


class RegionsOfSectorInline(PublishableStackedInline):
    """The regions that have a sector as a key sector, edited in the sector."""

    model = RegionKeySector
    fields = ["region", *localized("description"), ("order", "status")]
    autocomplete_fields = ["region"]
    verbose_name = _("region with this key sector")
    verbose_name_plural = _("regions with this key sector")


class PriorityInline(SortableTabularInline):
    """
    A compact list of a programme's priorities, with their titles in every language;
    each is edited in full on its own page, which the last column links to.
    """

    model = Priority
    fields = ["order", *localized("title", "slug"), "status", "own_page"]
    readonly_fields = ["own_page"]
    prepopulated_fields = slugs_from("title")

    def get_queryset(self, request):
        drafts = Count("focus_areas", filter=Q(focus_areas__status=Status.DRAFT))
        return (
            super()
            .get_queryset(request)
            .annotate(focus_area_count=Count("focus_areas"), draft_focus_area_count=drafts)
        )

    @admin.display(description=_("focus areas and more"))
    def own_page(self, obj):
        if obj.pk is None:
            return _("Save first, then open the priority to add its focus areas.")
        url = reverse("admin:priorities_priority_change", args=[obj.pk])
        count = getattr(obj, "focus_area_count", 0)
        drafts = getattr(obj, "draft_focus_area_count", 0)
        areas = ngettext("%(count)d focus area", "%(count)d focus areas", count) % {"count": count}
        if drafts:
            areas += " " + ngettext("(%(count)d draft)", "(%(count)d drafts)", drafts) % {
                "count": drafts
            }
        return format_html(
            '<a href="{}">{}</a><br><span class="meta">{}</span>',
            url,
            _("Open “%(title)s”") % {"title": obj},
            areas,
        )


class CrossCuttingThemeInline(SortableStackedInline):
    model = CrossCuttingTheme
    fields = [*side_by_side("title"), *localized("description"), ("key", "status")]


class ProgrammeLinkInline(SortableStackedInline):
    model = ProgrammeLink
    fields = [*side_by_side("title", "url"), "status"]


class FocusAreaInline(SortableStackedInline):
    model = FocusArea
    fields = [*side_by_side("title", "description"), ("key", "status")]


# The region admin gets its key sectors here, so that regions never imports priorities.
admin.site.unregister(Region)


@admin.register(Region)
class RegionWithKeySectorsAdmin(RegionAdmin):
    inlines = [*RegionAdmin.inlines, KeySectorOfRegionInline]


@admin.register(Sector)
class SectorAdmin(PublishableAdmin):
    list_display = ["name", "parent", "order", "status", "live_now"]
    list_filter = [
        "status",
        ("parent", admin.RelatedOnlyFieldListFilter),
        ("economic_domains", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["parent"]
    search_fields = [*localized("name", "slug"), "=economic_domains__code"]
    prepopulated_fields = slugs_from("name")
    autocomplete_fields = ["parent", *CLASSIFICATION_FIELDS]
    fieldsets = publishable_fieldsets(
        main=["parent", *side_by_side("slug"), "order"],
        translated=["name", "summary", "body"],
        details=CLASSIFICATION_FIELDS,
        image=True,
    )
    inlines = [RegionsOfSectorInline]


@admin.register(RegionKeySector)
class RegionKeySectorAdmin(SortableAdminMixin, PublishableAdmin):
    list_display = ["__str__", "region", "sector", "order", "status", "live_now"]
    list_filter = ["status", "region", "sector"]
    list_select_related = ["region", "sector"]
    search_fields = localized("region__name", "sector__name")
    autocomplete_fields = ["region", "sector"]
    fieldsets = publishable_fieldsets(
        main=["region", "sector", "order"],
        translated=["description"],
    )

    def get_changeform_initial_data(self, request):
        return home_region_initial(super().get_changeform_initial_data(request))


@admin.register(Programme)
class ProgrammeAdmin(PublishableAdmin):
    list_display = ["title", "region", "period", "source_document_summary", "status", "live_now"]
    list_filter = ["status", "region"]
    list_select_related = ["region"]
    search_fields = localized("title", "summary", "slug")
    # The slug is the period, for example 2018-2021, in every language.
    prepopulated_fields = slugs_from("start_year", "end_year", translated=False)
    autocomplete_fields = ["region"]
    fieldsets = publishable_fieldsets(
        main=["region", "start_year", "end_year", *side_by_side("slug")],
        translated=["title", "summary", "body", "aims", "source_document_title"],
        details=["source_document", "source_document_check"],
        image=True,
    )
    readonly_fields = [*PublishableAdmin.readonly_fields, "source_document_check"]
    inlines = [PriorityInline, CrossCuttingThemeInline, ProgrammeLinkInline]

    @admin.display(description=_("accessibility check of the source document"))
    def source_document_check(self, obj):
        return document_check(obj.source_document_report)

    @admin.display(description=_("source document (PDF)"))
    def source_document_summary(self, obj):
        return document_summary(obj.source_document_report)

    @admin.display(description=_("period"), ordering="start_year")
    def period(self, obj):
        return obj.period

    def get_changeform_initial_data(self, request):
        return home_region_initial(super().get_changeform_initial_data(request))


@admin.register(ProgrammeLink)
class ProgrammeLinkAdmin(ChildAdmin):
    parent = "programme"
    texts = ("url",)
    list_extra = ("url",)
    parent_filters = ("programme__region", "programme")


@admin.register(Priority)
class PriorityAdmin(SortableAdminMixin, ParentBreadcrumbMixin, PublishableAdmin):
    parent = "programme"  # the breadcrumb leads back to the programme
    list_display = ["title", "programme", "order", "status", "live_now"]
    list_filter = ["status", "programme__region", "programme"]
    list_select_related = ["programme"]
    search_fields = localized("title", "short_title", "summary", "slug")
    prepopulated_fields = slugs_from("title")
    autocomplete_fields = ["programme", "sectors", *CLASSIFICATION_FIELDS]
    fieldsets = publishable_fieldsets(
        main=["programme", *side_by_side("slug"), "order", "key"],
        translated=["title", "short_title", "summary", "body"],
        details=["sectors", *CLASSIFICATION_FIELDS],
    )
    inlines = [FocusAreaInline]


@admin.register(FocusArea)
class FocusAreaAdmin(SortableAdminMixin, ChildAdmin):
    parent = "priority"
    texts = ("description",)
    parent_filters = ("priority__programme",)
    main_extra = ("key",)


@admin.register(CrossCuttingTheme)
class CrossCuttingThemeAdmin(SortableAdminMixin, ChildAdmin):
    parent = "programme"
    texts = ("description",)
    main_extra = ("key",)
