from django.contrib import admin

from kainuu_portal.publishing.admin import (
    PublishableAdmin,
    localized,
    publishable_fieldsets,
    side_by_side,
    slugs_from,
)

from .models import Page


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ["title", "slug", "show_in_footer", "order", "status", "live_now"]
    list_filter = ["status", "show_in_footer", "is_accessibility_statement"]
    search_fields = localized("title", "summary", "body", "slug")
    prepopulated_fields = slugs_from("title")
    fieldsets = publishable_fieldsets(
        main=[*side_by_side("slug")],
        translated=["title", "summary", "body"],
        details=["show_in_footer", "is_accessibility_statement", "order"],
    )
