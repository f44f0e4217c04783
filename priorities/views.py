import csv
import re
from collections import defaultdict
from urllib.parse import urlencode

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView
from modeltranslation.thread_context import fallbacks_enabled

from kainuu_portal.publishing.media import (
    StorageUnavailable,
    document_facts,
    document_language,
    read_document,
    storage_unavailable,
)
from kainuu_portal.publishing.models import route, translated_value
from kainuu_portal.publishing.statements import StatementPages
from kainuu_portal.publishing.templatetags.drafts import draft_badge
from kainuu_portal.publishing.views import PreviewMixin, reads_query, show_in_languages
from regions.models import Region

from . import statements, structured_data
from .comparison import Change, compare_programmes
from .models import (
    Priority,
    Programme,
    Sector,
    period_state,
)
from .templatetags.classification import division_item, priority_link
from .templatetags.programmes import period_badge


class SectorListView(ListView):
    context_object_name = "sectors"
    paginate_by = 50
    template_name = "priorities/sector_list.html"

    def get_queryset(self):
        # Compiled per language and fallback setting: the names read in the query.
        return StatementPages(
            statements.top_level_sectors,
            key=(get_language(), fallbacks_enabled()),
            rows=statements.sector_cards,
            using=Sector.objects.db,
        )


class SectorDetailView(PreviewMixin, DetailView):
    """
    A sector's page. Visitors' pages read it and what it lists from statements compiled
    once per process, as dicts keyed as the model's attributes the template reads; staff,
    who may see drafts and pending changes, get model instances.
    """

    model = Sector
    context_object_name = "sector"

    def get_queryset(self):
        return super().get_queryset().for_detail(self.request.user)

    def get_object(self, queryset=None):
        if self.request.user.is_staff:
            return super().get_object(queryset)
        sector = statements.live_sector_at(self.kwargs["slug"])
        if sector is None:
            return super().get_object(queryset)  # its 404
        show_in_languages(self.request, lambda: Sector.address.url_of(sector))
        return sector

    def get_context_data(self, **kwargs):
        sector = self.object
        if isinstance(sector, dict):
            lists = statements.sector_page_lists(sector["pk"])
            # A visitor's page is no preview: past PreviewMixin, which asks of a model.
            context = super(PreviewMixin, self).get_context_data
        else:
            lists = {
                "sub_sectors": sector.children.all(),
                "regional_descriptions": sector.regional_descriptions,
                "economic_domains": sector.economic_domains.all(),
                "scientific_domains": sector.scientific_domains.all(),
                "naming_priorities": sector.naming_priorities,
            }
            context = super().get_context_data
        return context(**lists, **kwargs)


class ProgrammeListView(ListView):
    template_name = "priorities/programme_list.html"
    context_object_name = "programmes"
    paginate_by = 50

    def get_queryset(self):
        """
        The live programmes, a page at a time, as rows of values (``statements``), each
        with its period's badge: the three badges written once, as many programmes share
        each. Compiled per language: the order by the region's name.
        """
        language = get_language()
        return StatementPages(
            statements.live_programmes,
            key=language,
            rows=lambda rows: self.cards(rows, language),
            using=Programme.objects.db,
        )

    @staticmethod
    def cards(rows, language):
        programmes = statements.programme_cards(rows, language)
        badges = {state: period_badge(state) for state in Programme.PeriodState}
        year = timezone.localdate().year
        for programme in programmes:
            state = period_state(programme["start_year"], programme["end_year"], year)
            programme["period_badge"] = badges[state]
        return programmes


def priority_links():
    """
    ``{pk: link}`` of the live priorities of every period, in their order: each one's
    title linked to its page, with its programme's region and period.
    """
    url = Priority.address.urls_of(get_language())
    return {
        row["pk"]: priority_link(
            {
                "url": url(row),
                "title": row["shown_title"],
                "region": row["region_name"],
                # As Programme.period writes it.
                "period": f"{row['programme__start_year']}–{row['programme__end_year']}",
            }
        )
        for row in statements.rows(statements.live_priorities)
    }


@require_safe
def priorities_by_economic_domain(request):
    """
    The live priorities of every programme period, grouped by the NACE Rev. 2 section
    of their economic domains, as the EU's S3 classification compares regions. Each
    priority's link and each division are written once, however often they are listed.
    """
    links = priority_links()
    sections = {}
    items = {}  # {division's code: its list item}
    named = defaultdict(dict)  # {priority: {section's code: the divisions named in it}}
    for link in statements.rows(statements.economic_domains_named):
        code, name, section_code = link["code"], link["name"], link["section_code"]
        if section_code is None:
            # The priority names a whole section.
            section_code, section_name, division = code, name, None
        else:
            section_name = link["section_name"]
            division = items.get(code) or items.setdefault(code, division_item(code, name))
        sections.setdefault(
            section_code,
            {"code": section_code, "name": section_name, "order": link["section_order"]},
        )
        divisions = named[link["priority"]].setdefault(section_code, [])
        if division:
            divisions.append(division)
    entries = defaultdict(list)
    unclassified = []
    for pk, priority in links.items():
        if pk not in named:
            unclassified.append(priority)
            continue
        for section_code, divisions in named[pk].items():
            entries[section_code].append({"link": priority, "divisions": divisions})
    groups = [
        {"section": sections[code], "entries": entries[code]}
        for code in sorted(entries, key=lambda code: sections[code]["order"])
    ]
    return render(
        request,
        "priorities/economic_domain_list.html",
        {"groups": groups, "unclassified": unclassified},
    )


class ProgrammeDetailView(PreviewMixin, DetailView):
    """
    A programme's page. Visitors' pages read it and what it lists from queries compiled
    once per process (``statements``), as dictionaries keyed as the model's attributes
    the template reads; staff, who may see drafts and pending changes, get the model
    instances, their lists made into the same rows (``programme_page_lists``).
    """

    model = Programme
    context_object_name = "programme"

    def get_queryset(self):
        return super().get_queryset().with_region_programme_count().for_detail(self.request.user)

    def get_object(self, queryset=None):
        if self.request.user.is_staff:
            return super().get_object(queryset)
        row = statements.live_programme_page(self.kwargs["region_slug"], self.kwargs["slug"])
        if row is None:
            return super().get_object(queryset)  # its 404
        show_in_languages(self.request, lambda: Programme.address.url_of(row))
        return programme_page_row(row)

    def get_context_data(self, **kwargs):
        programme = self.object
        if isinstance(programme, dict):
            lists = statements.programme_page_lists(programme, get_language())
            if programme["region_programme_count"] > 1:
                kwargs["comparison_url"] = comparison_url(programme["region"]["slug"])
            # A visitor's page is no preview: past PreviewMixin, which asks of a model.
            context = super(PreviewMixin, self).get_context_data
        else:
            lists = programme_page_lists(programme)
            if programme.region_programme_count > 1 and programme.region.is_live:
                kwargs["comparison_url"] = comparison_url(programme.region.slug)
            context = super().get_context_data
        data = structured_data.programme(self.request, programme, lists["priorities"])
        return context(structured_data=data, **lists, **kwargs)


def programme_page_row(row):
    """
    A row of ``statements.live_programme_page`` as the programme's page reads a
    programme: keyed as the model's attributes and properties, in the active language.
    """
    report = row["source_document_report"] or {}
    programme = {
        "id": row["id"],
        **{
            name: translated_value(row, name)
            for name in ("title", "slug", "summary", "body", "aims", "source_document_title")
        },
        "start_year": row["start_year"],
        "end_year": row["end_year"],
        # As Programme.period and period_state_now give them.
        "period": f"{row['start_year']}–{row['end_year']}",
        "period_state_now": period_state(row["start_year"], row["end_year"]),
        "region_programme_count": row["region_programme_count"],
        "get_absolute_url": Programme.address.url_of(row),
        "get_csv_url": Programme.csv_address.url_of(row),
        "region": {
            "name": translated_value(row, "region__name"),
            "slug": translated_value(row, "region__slug"),
            "is_home": row["region__is_home"],
            "get_absolute_url": Region.address.via("region").url_of(row),
        },
        "responsive_image": None,
        "image_alt": "",
        "source_document": "",
    }
    if row["image"] and row["image_renditions"]:
        # An image is rare: read as the model reads it.
        image = Programme(image=row["image"], image_renditions=row["image_renditions"])
        programme["responsive_image"] = image.responsive_image
        programme["image_alt"] = translated_value(row, "image_alt")
    if name := row["source_document"]:
        storage = Programme._meta.get_field("source_document").storage
        programme["source_document"] = {"url": storage.url(name)}
        programme["source_document_facts"] = document_facts(report)
        programme["source_document_language"] = document_language(report)
    return programme


def programme_page_lists(programme):
    """
    What the programme's page lists of the model instance ``programme`` and its
    prefetched rows, as ``statements.programme_page_lists`` gives a visitor's:
    ``priorities`` with their ``focus_areas`` and ``sectors``, ``themes`` and ``links``,
    each item that visitors do not see with its ``draft_badge`` (a focus area's in its
    ``label``).
    """
    return {
        "priorities": [
            {
                "title": priority.title,
                "summary": priority.summary,
                "get_absolute_url": priority.get_absolute_url(),
                "draft_badge": draft_badge(priority),
                "focus_areas": [
                    {
                        "title": area.title,
                        "label": format_html("{}{}", capfirst(area.title), draft_badge(area)),
                    }
                    for area in priority.focus_areas.all()
                ],
                "sectors": [
                    {"name": sector.name, "get_absolute_url": sector.get_absolute_url()}
                    for sector in priority.sectors.all()
                ],
            }
            for priority in programme.priorities.all()
        ],
        "themes": [
            {
                "title": theme.title,
                "description": theme.description,
                "draft_badge": draft_badge(theme),
            }
            for theme in programme.themes.all()
        ],
        "links": list(programme.links.all()),
    }


class PriorityDetailView(PreviewMixin, DetailView):
    """
    A priority's page. Visitors' pages read it, its programme, region and lists from
    queries compiled once per process (``statements.priority_page``), as dictionaries keyed
    as the attributes the template reads; staff, who may see drafts and pending changes,
    get model instances.
    """

    model = Priority
    context_object_name = "priority"
    lists = ("focus_areas", "sectors", "economic_domains", "scientific_domains")

    def get_queryset(self):
        return super().get_queryset().for_page(self.request.user)

    def get_object(self, queryset=None):
        if self.request.user.is_staff:
            return super().get_object(queryset)
        kwargs = self.kwargs
        priority = statements.priority_page(
            kwargs["region_slug"], kwargs["programme_slug"], kwargs["slug"]
        )
        if priority is None:
            return super().get_object(queryset)  # its 404
        show_in_languages(self.request, lambda: Priority.address.url_of(priority))
        return priority

    def get_context_data(self, **kwargs):
        priority = self.object
        if isinstance(priority, dict):
            kwargs.update((name, priority[name]) for name in self.lists)
            # A visitor's page is no preview: past PreviewMixin, which asks of a model.
            return super(PreviewMixin, self).get_context_data(**kwargs)
        kwargs.update((name, getattr(priority, name).all()) for name in self.lists)
        return super().get_context_data(**kwargs)


DOCUMENT_NAME = re.compile(r"[\w./-]+")


@require_safe
def programme_document(request, name):
    """
    A programme's PDF document, sent as a download. The headers keep a file
    from ever running as a page of the site: attachment, a sandboxing CSP and
    nosniff. Visitors get documents of live programmes only. When the storage
    does not answer, a 503 page in three languages with Retry-After.
    """
    # Stored names are made by the server (letters, digits, dashes, dots, slashes): anything
    # else, such as a NUL byte that PostgreSQL would refuse in a query, names no document.
    if not DOCUMENT_NAME.fullmatch(name):
        raise Http404
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
        file = read_document(storage, name)
    except FileNotFoundError:
        raise Http404 from None
    except StorageUnavailable:
        return storage_unavailable()
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


def comparison_url(region_slug, first_slug=None, second_slug=None):
    """The comparison page of a region's periods (of the two given by slug, if any)."""
    url = route("priorities:programme-compare", region_slug=region_slug)
    if first_slug is None:
        return url
    return f"{url}?{urlencode({'a': first_slug, 'b': second_slug})}"


@reads_query("a", "b")
@require_safe
def programme_compare(request, region_slug):
    """
    Two programme periods of a region side by side: ``?a=`` and ``?b=`` name
    them by slug (the two newest by default); the earlier one is shown first.
    A public page only: its rows are read by statements, live now.
    """
    language = get_language()
    region = statements.compared_region(region_slug, language)
    if region is None:
        raise Http404("No Region matches the given query.")
    programmes = region["programmes"]
    context = {
        "region": region,
        "programmes": programmes,
        "comparison_url": comparison_url(translated_value(region, "slug")),
    }
    show_in_languages(request, lambda: comparison_url(translated_value(region, "slug")))
    if len(programmes) < 2:
        if programmes:
            programme = programmes[0]
            programme["url"] = Programme.address.url(
                {"region_slug": translated_value(region, "slug"), "slug": programme["slug"]}
            )
        return render(request, "priorities/programme_compare.html", context)

    by_slug = {programme["slug"]: programme for programme in programmes}
    slug_a = request.GET.get("a", "").strip()
    slug_b = request.GET.get("b", "").strip()
    unknown = [slug for slug in (slug_a, slug_b) if slug and slug not in by_slug]
    if unknown:
        context["unknown_periods"] = [Truncator(slug).chars(40) for slug in unknown]
        return render(request, "priorities/programme_compare.html", context, status=404)
    if not slug_a and not slug_b:
        slug_a, slug_b = programmes[1]["slug"], programmes[0]["slug"]
    elif not slug_a or not slug_b:
        given = slug_a or slug_b
        other = next(programme["slug"] for programme in programmes if programme["slug"] != given)
        slug_a, slug_b = given, other
    context.update(selected_a=slug_a, selected_b=slug_b)
    if slug_a == slug_b:
        context["same_period"] = True
        return render(request, "priorities/programme_compare.html", context)

    first, second = sorted(
        [by_slug[slug_a], by_slug[slug_b]],
        key=lambda programme: (programme["start_year"], programme["end_year"], programme["id"]),
    )
    show_in_languages(
        request,
        lambda: comparison_url(*(translated_value(row, "slug") for row in (region, first, second))),
    )
    comparison = compare_programmes(*statements.compared_items(first["id"], second["id"], language))
    context.update(
        first=first,
        second=second,
        selected_a=first["slug"],
        selected_b=second["slug"],
        comparison=comparison,
        summary={
            name: {change: sum(row.change == change for row in rows) for change in Change}
            for name, rows in comparison.items()
        },
    )
    return render(request, "priorities/programme_compare.html", context)


def spreadsheet_cell(value):
    """Text a spreadsheet shows as text: no leading character that starts a formula."""
    value = "" if value is None else str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@reads_query()
@require_safe
def programme_csv(request, region_slug, slug):
    """
    A programme's priorities with their focus areas and sectors as CSV, in the
    active language. UTF-8 with a byte order mark, so spreadsheets read the
    letters right; separated by semicolons in Finnish and Swedish, where
    spreadsheets expect them, and by commas in English. Written from rows of
    values (``statements``): a spreadsheet needs no model instances.
    """
    language = get_language()
    programme = statements.live_programme_at(region_slug, slug, language)
    if programme is None:
        raise Http404
    priorities = statements.programme_priorities(programme["id"], language)
    address = {"region_slug": programme["region_slug"], "programme_slug": programme["slug"]}

    filename = f"{programme['region_slug']}-{programme['slug']}-priorities-{language}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter="," if language == "en" else ";")
    writer.writerow(
        [
            _("Order"),
            _("Priority"),
            _("Summary"),
            _("Focus areas"),
            _("Sectors"),
            _("Economic domains (NACE Rev. 2)"),
            _("Scientific domains (NABS 2007)"),
            _("Address"),
        ]
    )
    for number, priority in enumerate(priorities, start=1):
        row = [
            number,
            priority["title"],
            priority["summary"],
            "; ".join(priority["focus_areas"]),
            "; ".join(priority["sectors"]),
            "; ".join(priority["economic_domains"]),
            "; ".join(priority["scientific_domains"]),
            request.build_absolute_uri(Priority.address.url({**address, "slug": priority["slug"]})),
        ]
        writer.writerow([spreadsheet_cell(value) for value in row])
    return response
