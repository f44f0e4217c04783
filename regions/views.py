import functools

from django.db import connections
from django.db.models import Q
from django.utils.translation import get_language, ngettext
from django.views.generic import DetailView, ListView

from kainuu_portal.publishing.models import STATE_FIELDS, visible
from kainuu_portal.publishing.statements import STAND_IN_TIME, Statement, now_for, stand_in_time
from kainuu_portal.publishing.views import PreviewMixin

from . import structured_data
from .charts import population_chart
from .models import Municipality, PopulationFigure, Region

# What the region page shows of each municipality and population figure.
MUNICIPALITY_ROW = ("region", "name", "slug", "code", "is_town", "area_km2", "area_year")
MUNICIPALITY_ROW += STATE_FIELDS
FIGURE_ROW = ("region", "municipality", "year", "value", "is_approximate", "is_preliminary")
FIGURE_ROW += ("source", "source_url", "table_updated")
# What the municipality page shows of it and of its region.
MUNICIPALITY_PAGE = ("name", "slug", "code", "is_town", "website", *STATE_FIELDS)
MUNICIPALITY_PAGE += ("area_km2", "land_area_km2", "area_year", "region__name", "region__slug")


@functools.cache
def _region_list_statement(using, language):
    # Compiled once per process and language (the titles' fallbacks), run with each
    # request's time.
    regions = (
        Region.objects.live(now=STAND_IN_TIME)
        .with_municipality_count(now=STAND_IN_TIME)
        .order_by("-is_home", "kind", "name")
        .for_list()
    )
    return Statement(regions, [stand_in_time(connections[using])], using)


class RegionListView(ListView):
    """
    The live regions, paginated from the rows of one compiled query: there are tens of
    regions, fewer than a query's building and counting would cost to leave out.
    """

    template_name = "regions/region_list.html"
    context_object_name = "regions"
    paginate_by = 50

    def get_queryset(self):
        using = Region.objects.db
        statement = _region_list_statement(using, get_language())
        return statement.rows(now_for(connections[using]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kinds = Region.kind_labels()
        regions = list(context["regions"])
        url = Region.address.urls_of(get_language())
        for region in regions:
            region["url"] = url(region)
            region["meta"] = _card_meta(region, kinds)
        context["regions"] = regions
        return context


def _card_meta(region, kinds):
    """
    The line under a region card's title, "Finnish region · FI-18 · 8 municipalities":
    written here, not in the template, as the list shows fifty cards.
    """
    parts = [kinds.get(region["kind"], region["kind"])]
    if region["iso_code"]:
        parts.append(region["iso_code"])
    if count := region["municipality_count"]:
        parts.append(
            ngettext("%(count)s municipality", "%(count)s municipalities", count) % {"count": count}
        )
    return " · ".join(parts)


class RegionDetailView(PreviewMixin, DetailView):
    model = Region
    context_object_name = "region"

    def get_queryset(self):
        return super().get_queryset().for_detail(self.request.user)

    def get_context_data(self, **kwargs):
        region = self.object
        user = self.request.user
        # A visitor sees a live region here: its municipalities need not check it again.
        municipalities = list(
            Municipality.objects.visible_to(user, known_live=("region",))
            .filter(region=region)
            .only(*MUNICIPALITY_ROW)
        )
        figures = list(
            PopulationFigure.objects.visible_to(user)
            .filter(Q(region=region) | Q(municipality__in=[m.pk for m in municipalities]))
            .only(*FIGURE_ROW)
            .order_by("year")
        )
        latest_by_municipality = {}
        for figure in figures:
            if figure.municipality_id:
                latest_by_municipality[figure.municipality_id] = figure
        url = Municipality.address.urls_of_objects()
        for municipality in municipalities:
            municipality.region = region  # for their addresses, without a query each
            municipality.url = url(municipality)
            municipality.latest_population = latest_by_municipality.get(municipality.pk)
        region_figures = [figure for figure in figures if figure.region_id]
        return super().get_context_data(
            municipalities=municipalities,
            population_figures=region_figures,
            population_chart=population_chart(region_figures),
            structured_data=structured_data.region(self.request, region, municipalities),
            **kwargs,
        )


class MunicipalityDetailView(PreviewMixin, DetailView):
    model = Municipality
    context_object_name = "municipality"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("region")
            .only(*MUNICIPALITY_PAGE)
            .prefetch_related(
                visible(
                    "population_figures",
                    PopulationFigure.objects.only(*FIGURE_ROW),
                    self.request.user,
                )
            )
        )

    def get_context_data(self, **kwargs):
        figures = list(self.object.population_figures.all())
        return super().get_context_data(
            population_figures=figures, population_chart=population_chart(figures), **kwargs
        )
