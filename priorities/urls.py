from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "priorities"

urlpatterns = [
    path(_("sectors/"), views.SectorListView.as_view(), name="sector-list"),
    path(_("sectors/<slug:slug>/"), views.SectorDetailView.as_view(), name="sector-detail"),
    path(_("programmes/"), views.ProgrammeListView.as_view(), name="programme-list"),
    path(
        _("programmes/by-economic-domain/"),
        views.priorities_by_economic_domain,
        name="economic-domains",
    ),
    # Before the programme page, whose slug would otherwise match "compare".
    path(
        _("programmes/<slug:region_slug>/compare/"),
        views.programme_compare,
        name="programme-compare",
    ),
    path(
        _("programmes/<slug:region_slug>/<slug:slug>/"),
        views.ProgrammeDetailView.as_view(),
        name="programme-detail",
    ),
    path(
        _("programmes/<slug:region_slug>/<slug:slug>/priorities.csv"),
        views.programme_csv,
        name="programme-csv",
    ),
    path(
        _("programmes/<slug:region_slug>/<slug:programme_slug>/<slug:slug>/"),
        views.PriorityDetailView.as_view(),
        name="priority-detail",
    ),
]
