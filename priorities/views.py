from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.views.generic import DetailView, ListView

from kainuu_portal.publishing import PreviewMixin

from .models import (
    CrossCuttingTheme,
    FocusArea,
    Priority,
    Programme,
    ProgrammeLink,
    RegionKeySector,
    Sector,
)


class SectorListView(ListView):
    context_object_name = "sectors"
    paginate_by = 50

    def get_queryset(self):
        return (
            Sector.objects.live()
            .filter(parent__isnull=True)
            .prefetch_related(Prefetch("children", queryset=Sector.objects.live()))
        )


class SectorDetailView(PreviewMixin, DetailView):
    model = Sector
    context_object_name = "sector"

    def get_queryset(self):
        user = self.request.user
        return (
            super()
            .get_queryset()
            .select_related("parent")
            .prefetch_related(
                Prefetch("children", queryset=Sector.objects.visible_to(user)),
                Prefetch(
                    "region_links",
                    queryset=RegionKeySector.objects.visible_to(user).select_related("region"),
                    to_attr="regional_descriptions",
                ),
                Prefetch(
                    "priorities",
                    queryset=Priority.objects.visible_to(user).select_related("programme__region"),
                    to_attr="naming_priorities",
                ),
            )
        )


class ProgrammeListView(ListView):
    context_object_name = "programmes"
    paginate_by = 50

    def get_queryset(self):
        return (
            Programme.objects.live()
            .select_related("region")
            .order_by("-region__is_home", "region__name", "-start_year")
        )


class ProgrammeDetailView(PreviewMixin, DetailView):
    model = Programme
    context_object_name = "programme"

    def get_queryset(self):
        user = self.request.user
        return (
            super()
            .get_queryset()
            .filter(region__slug=self.kwargs["region_slug"])
            .select_related("region")
            .prefetch_related(
                Prefetch(
                    "priorities",
                    queryset=Priority.objects.visible_to(user).prefetch_related(
                        Prefetch("focus_areas", queryset=FocusArea.objects.visible_to(user)),
                        Prefetch("sectors", queryset=Sector.objects.visible_to(user)),
                    ),
                ),
                Prefetch("themes", queryset=CrossCuttingTheme.objects.visible_to(user)),
                Prefetch("links", queryset=ProgrammeLink.objects.visible_to(user)),
            )
        )


class PriorityDetailView(PreviewMixin, DetailView):
    model = Priority
    context_object_name = "priority"

    def get_queryset(self):
        user = self.request.user
        return (
            super()
            .get_queryset()
            .filter(
                programme__region__slug=self.kwargs["region_slug"],
                programme__slug=self.kwargs["programme_slug"],
            )
            .select_related("programme__region")
            .prefetch_related(
                Prefetch("focus_areas", queryset=FocusArea.objects.visible_to(user)),
                Prefetch("sectors", queryset=Sector.objects.visible_to(user)),
            )
        )


def programme_document(request, name):
    """
    A programme's PDF document, sent as a download. The headers keep a file
    from ever running as a page of the site: attachment, a sandboxing CSP and
    nosniff. Visitors get documents of live programmes only.
    """
    programme = (
        Programme.objects.visible_to(request.user)
        .filter(source_document=name)
        .select_related("region")
        .first()
    )
    if programme is None:
        raise Http404
    storage = programme.source_document.storage
    try:
        file = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        file,
        as_attachment=True,
        filename=f"{programme.region.slug}-{programme.slug}.pdf",
        content_type="application/pdf",
    )
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response.headers["X-Content-Type-Options"] = "nosniff"
    if not programme.is_live:
        response.headers["Cache-Control"] = "private, no-store"
    return response
