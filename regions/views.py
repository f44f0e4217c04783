from django.contrib.humanize.templatetags.humanize import intcomma
from django.db import connections
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from kainuu_portal.publishing.media import responsive_image
from kainuu_portal.publishing.models import STATE_FIELDS, visible
from kainuu_portal.publishing.statements import (
    StatementPages,
    now_for,
)
from kainuu_portal.publishing.views import PreviewMixin, show_in_languages

from . import statements, structured_data
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
# What the region page's structured data tells of the region besides its address.
STRUCTURED_FACTS = ("name", "country", "summary", "iso_code", "nuts_code", "area_km2")


class RegionListView(ListView):
    """The live regions, each page of them read by a statement (``StatementPages``)."""

    template_name = "regions/region_list.html"
    context_object_name = "regions"
    paginate_by = 50

    def get_queryset(self):
        # Compiled per language: the titles' fallbacks and the order by name.
        return StatementPages(statements.live_regions, key=get_language(), using=Region.objects.db)

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
    """
    A region's page. Visitors' pages read the region, its strengths, links, neighbours,
    municipalities and population figures from queries compiled once per process, as
    dictionaries keyed as the attributes the template reads; staff, who may see drafts
    and pending changes, get model instances.
    """

    model = Region
    context_object_name = "region"

    def get_queryset(self):
        return super().get_queryset().for_detail(self.request.user)

    def get_object(self, queryset=None):
        if self.request.user.is_staff:
            return super().get_object(queryset)
        using = Region.objects.db
        self.now = now_for(connections[using])
        values = self.now | {statements.STAND_IN_REGION_SLUG: self.kwargs["slug"]}
        rows = statements.region_statement(using, get_language()).rows(values)
        if not rows:
            return super().get_object(queryset)  # its 404
        row = rows[0]
        show_in_languages(self.request, lambda: Region.address.url_of(row))
        image = Region._meta.get_field("image")
        return {
            **row,
            "name": row["title"],
            "summary": row["lead"],
            "body": row["text"],
            "administrative_centre": row["centre"],
            "image_alt": row["alt"] or "",
            "responsive_image": responsive_image(
                image.storage, row["image"], row["image_renditions"]
            ),
            "get_kind_display": Region.kind_labels().get(row["kind"], row["kind"]),
            "get_absolute_url": Region.address.url_of(row),
        }

    def get_context_data(self, **kwargs):
        if isinstance(self.object, dict):
            return self._visitor_context(**kwargs)
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
            figure = latest_by_municipality.get(municipality.pk)
            municipality.inhabitants = figure and _inhabitants(
                figure.value, figure.year, figure.is_approximate, figure.is_preliminary
            )
            municipality.area_text = _area(municipality.area_km2, municipality.area_year)
        region_figures = [figure for figure in figures if figure.region_id]
        facts = {name: getattr(region, name) for name in STRUCTURED_FACTS}
        facts["url"] = region.get_absolute_url()
        return super().get_context_data(
            strengths=list(region.strengths.all()),
            links=list(region.links.all()),
            neighbours=list(region.neighbours.all()),
            municipalities=municipalities,
            population_figures=region_figures,
            population_chart=population_chart([(f.year, f.value) for f in region_figures]),
            structured_data=structured_data.region(
                self.request, facts, [(m.name, m.url) for m in municipalities]
            ),
            **kwargs,
        )

    def _visitor_context(self, **kwargs):
        region = self.object
        using = Region.objects.db
        language = get_language()
        values = self.now | {statements.STAND_IN_ID: region["pk"]}
        strengths = statements.strengths_statement(using, language).rows(values)
        for strength in strengths:
            strength["title"] = strength.pop("heading")
            strength["description"] = strength.pop("text")
        links = statements.links_statement(using, language).rows(values)
        for link in links:
            link["title"] = link.pop("heading")
            link["url"] = link.pop("address")
        kinds = Region.kind_labels()
        url = Region.address.urls_of(language)
        neighbours = statements.neighbours_statement(using, language).rows(values)
        for neighbour in neighbours:
            neighbour["name"] = neighbour["title"]
            neighbour["get_kind_display"] = kinds.get(neighbour["kind"], neighbour["kind"])
            neighbour["get_absolute_url"] = url(neighbour)
        municipalities = statements.municipalities_statement(using, language).rows(values)
        url = Municipality.address.urls_of(language)
        by_pk = {}
        for municipality in municipalities:
            municipality["name"] = municipality["title"]
            municipality["url"] = url(municipality)
            municipality["area_text"] = _area(municipality["area_km2"], municipality["area_year"])
            by_pk[municipality["pk"]] = municipality
        region_figures = []
        latest_by_municipality = {}
        for figure in statements.region_figures_statement(using, language).rows(values):
            figure["source"] = figure.pop("source_text") or ""
            if figure["region"]:
                region_figures.append(figure)
            else:
                latest_by_municipality[figure["municipality"]] = figure
        for pk, municipality in by_pk.items():
            # None for a municipality without live figures; a figure of a municipality
            # no longer live is not looked for.
            figure = latest_by_municipality.get(pk)
            municipality["inhabitants"] = figure and _inhabitants(
                figure["value"], figure["year"], figure["is_approximate"], figure["is_preliminary"]
            )
        facts = {name: region[name] for name in STRUCTURED_FACTS}
        facts["url"] = region["get_absolute_url"]
        # A visitor's page is no preview: past PreviewMixin, which asks of a model.
        return super(PreviewMixin, self).get_context_data(
            is_preview=False,
            strengths=strengths,
            links=links,
            neighbours=neighbours,
            municipalities=municipalities,
            population_figures=region_figures,
            population_chart=population_chart([(f["year"], f["value"]) for f in region_figures]),
            structured_data=structured_data.region(
                self.request, facts, [(m["name"], m["url"]) for m in municipalities]
            ),
            **kwargs,
        )


def _inhabitants(value, year, is_approximate, is_preliminary):
    """
    A municipality's cell of inhabitants in the region page's table, "about 12,345
    (2024, preliminary)": written here, not in the template, as the table has a row for
    each municipality.
    """
    about = f"{pgettext('approximately', 'about')} " if is_approximate else ""
    preliminary = f", {_('preliminary')}" if is_preliminary else ""
    return f"{about}{intcomma(value)} ({year}{preliminary})"


def _area(area_km2, area_year):
    """A municipality's cell of area in the region page's table, "5,196.89 (2021)"."""
    if not area_km2:
        return ""
    year = f" ({area_year})" if area_year else ""
    # As ``floatformat:"2g"`` writes a decimal of two places, for less.
    return f"{number_format(area_km2, 2, force_grouping=True)}{year}"


class MunicipalityDetailView(PreviewMixin, DetailView):
    """
    A municipality's page. Visitors' pages read it and its figures from queries compiled
    once per process, as dictionaries keyed as the model's attributes the template reads;
    staff, who may see drafts and pending changes, get model instances.
    """

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

    def get_object(self, queryset=None):
        if self.request.user.is_staff:
            return super().get_object(queryset)
        using = Municipality.objects.db
        values = now_for(connections[using])
        values[statements.STAND_IN_REGION_SLUG] = self.kwargs["region_slug"]
        values[statements.STAND_IN_SLUG] = self.kwargs["slug"]
        rows = statements.municipality_statement(using, get_language()).rows(values)
        if not rows:
            return super().get_object(queryset)  # its 404
        row = rows[0]
        show_in_languages(self.request, lambda: Municipality.address.url_of(row))
        return {
            **row,
            "name": row["title"],
            "get_absolute_url": Municipality.address.url_of(row),
            "region": {
                "name": row["region_name"],
                "get_absolute_url": Region.address.via("region").url_of(row),
            },
        }

    def get_context_data(self, **kwargs):
        if isinstance(self.object, dict):
            using = PopulationFigure.objects.db
            values = now_for(connections[using]) | {statements.STAND_IN_ID: self.object["pk"]}
            figures = statements.figures_statement(using, get_language()).rows(values)
            for figure in figures:
                figure["source"] = figure.pop("source_text") or ""
            series = [(figure["year"], figure["value"]) for figure in figures]
            # A visitor's page is no preview: past PreviewMixin, which asks of a model.
            context = super(PreviewMixin, self).get_context_data
        else:
            figures = list(self.object.population_figures.all())
            series = [(figure.year, figure.value) for figure in figures]
            context = super().get_context_data
        return context(
            population_figures=figures, population_chart=population_chart(series), **kwargs
        )
