from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from kainuu_portal.publishing.media import (
    WithDocuments,
    WithImage,
    document_facts,
    document_language,
    document_storage,
    document_upload_to,
    pdf_extension_validator,
    validate_pdf,
)
from kainuu_portal.publishing.models import (
    STATE_FIELDS,
    Address,
    LinkBase,
    Orderable,
    Publishable,
    PublishableQuerySet,
    VisiblePrefetch,
    unique_slugs,
    visible,
)
from kainuu_portal.publishing.richtext import RichTextField
from regions.models import Region

year_validators = [MinValueValidator(1990), MaxValueValidator(2100)]


class CodeQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        """Backups name the codes a priority or sector carries, not their primary keys."""
        return self.get(code=code)


class EconomicDomain(models.Model):
    """
    An economic domain of the EU's S3 classification: a NACE Rev. 2 section (a letter)
    or division (two digits), as the Eye@RIS3 database used them. A code list shipped
    with the portal (``priorities/data/nace-rev2.json``); editors choose from it.
    """

    code = models.CharField(_("code"), max_length=2, unique=True)
    section = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="divisions",
        verbose_name=_("section"),
    )
    name = models.CharField(_("name"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CodeQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("economic domain (NACE Rev. 2)")
        verbose_name_plural = _("economic domains (NACE Rev. 2)")

    def __str__(self):
        return f"{self.code} {self.name}"

    def natural_key(self):
        return (self.code,)

    @property
    def is_section(self):
        return self.section_id is None


class ScientificDomain(models.Model):
    """
    A scientific domain of the EU's S3 classification: a chapter of NABS 2007, the
    nomenclature of research and development by its socio-economic objective. A code
    list shipped with the portal (``priorities/data/nabs-2007.json``).
    """

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=300)

    objects = CodeQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("scientific domain (NABS 2007)")
        verbose_name_plural = _("scientific domains (NABS 2007)")

    def __str__(self):
        return f"{self.code} {self.name}"

    def natural_key(self):
        return (self.code,)


def economic_domains_field(related_name):
    return models.ManyToManyField(
        EconomicDomain,
        blank=True,
        related_name=related_name,
        verbose_name=_("economic domains (NACE Rev. 2)"),
        help_text=_(
            "The EU's S3 classification: NACE Rev. 2 sections or divisions. Choose a division "
            "where one fits, its section where the choice spans several divisions."
        ),
    )


def scientific_domains_field(related_name):
    return models.ManyToManyField(
        ScientificDomain,
        blank=True,
        related_name=related_name,
        verbose_name=_("scientific domains (NABS 2007)"),
        help_text=_("The EU's S3 classification: chapters of NABS 2007."),
    )


class SectorQuerySet(PublishableQuerySet):
    def get_by_natural_key(self, slug):
        """For fixtures and backups (``natural_key()``), so they survive primary-key changes."""
        return self.at_address(settings.LANGUAGE_CODE, slug=slug).get()

    def with_classification(self):
        """Each sector with its S3 codes: economic and scientific domains."""
        return self.prefetch_related("economic_domains", "scientific_domains")

    def for_detail(self, user):
        """
        A sector's page: its parent, the sub-sectors, regions' descriptions and
        priorities naming it that ``user`` may see, and its S3 codes.
        """
        # Of the sub-sectors, descriptions and priorities, only what the page shows.
        children = Sector.objects.only(
            "parent", "name", "slug", "summary", "status", "publish_at", "unpublish_at"
        )
        descriptions = RegionKeySector.objects.select_related("region").only(
            "sector", "description", "region__slug", "region__name"
        )
        priorities = (
            Priority.objects.visible_to(user)
            .for_cards()
            .only(
                "title",
                "slug",
                "programme__slug",
                "programme__start_year",
                "programme__end_year",
                "programme__region__slug",
                "programme__region__name",
            )
        )
        return self.select_related("parent").prefetch_related(
            "economic_domains",
            "scientific_domains",
            visible("children", children, user),
            # For a live sector, its descriptions check only their region's state.
            visible("region_links", descriptions, user, to_attr="regional_descriptions"),
            Prefetch("priorities", queryset=priorities, to_attr="naming_priorities"),
        )


def comparison_key_field():
    """The key that pairs an item with its counterpart in another programme period."""
    return models.SlugField(
        _("comparison key"),
        max_length=100,
        blank=True,
        help_text=_(
            "Optional. Give the same key to the matching item of another programme period "
            "(for example “tourism”) to show them as kept on the comparison page, even when "
            "the title has changed. Items without a key are matched by their title."
        ),
    )


class Sector(WithImage, Publishable, Orderable):
    """A business sector; sectors form a tree (Technology industries > ICT)."""

    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent sector"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Shown publicly in lists."))
    body = RichTextField(_("body"))
    economic_domains = economic_domains_field("sectors")
    scientific_domains = scientific_domains_field("sectors")

    objects = SectorQuerySet.as_manager()
    address = Address("priorities:sector-detail", slug="slug")

    live_parents = ("parent",)

    class Meta(Orderable.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="priorities_sector_not_own_parent"
            ),
            *unique_slugs(
                "priorities_sector_unique_slug",
                _("Another sector already has this slug in {language}."),
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        with override(settings.LANGUAGE_CODE):
            return (self.slug,)

    def clean(self):
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A sector cannot be its own ancestor.")})
            ancestor = ancestor.parent


class RegionKeySector(Publishable, Orderable):
    """A key sector of a region, with what it means in that region."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="key_sectors", verbose_name=_("region")
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.CASCADE, related_name="region_links", verbose_name=_("sector")
    )
    description = RichTextField(_("description"))

    address = Sector.address.via("sector")
    live_parents = ("region", "sector")
    history_parents = ("region", "sector")

    # Shown on the sector's page under a heading naming the region.
    first_heading_levels = {"description": 3}

    class Meta(Orderable.Meta):
        verbose_name = _("key sector of a region")
        verbose_name_plural = _("key sectors of regions")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "sector"], name="priorities_region_key_sector_unique"
            ),
        ]

    def __str__(self):
        return f"{self.region}: {self.sector}"


# What ``is_published_now`` reads: a draft badge, whether a region is live.
class ProgrammeQuerySet(PublishableQuerySet):
    def for_region(self, region):
        """Programmes of one region, newest first."""
        return self.filter(region=region).order_by("-start_year", "-end_year", "pk")

    def with_region_programme_count(self, now=None):
        """
        Each programme with ``region_programme_count``, how many programmes of its region
        are published at ``now`` (by default the present; the comparison of periods needs
        two): its live programmes when the region is live, as it is for each programme a
        visitor sees. The region's own state is left to the caller, which has it at hand
        (``region.is_live``).
        """
        programmes = (
            Programme.objects.live(known_live=Programme.live_parents, now=now)
            .filter(region=OuterRef("region"))
            .order_by()
            .values("region")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(region_programme_count=Coalesce(Subquery(programmes), 0))

    def for_detail(self, user=None):
        """
        A programme's page: the columns it shows of the programme and its region, with
        the priorities (their focus areas and sectors), themes and links ``user`` may see.
        """
        return (
            self.select_related("region")
            .only(
                "title",
                "slug",
                "start_year",
                "end_year",
                "summary",
                "body",
                "aims",
                "image",
                "image_alt",
                "image_renditions",
                "source_document",
                "source_document_title",
                "source_document_report",
                "region__name",
                "region__slug",
                "region__is_home",
                *(f"region__{field}" for field in STATE_FIELDS),
            )
            .prefetch_related(
                visible(
                    "priorities",
                    Priority.objects.only("programme", "title", "slug", "summary", *STATE_FIELDS),
                    user,
                ),
                # Flat lookups rather than prefetches inside the priorities' queryset, which
                # would be copied, their querysets built again for nothing. The priorities
                # are those ``user`` may see, for a visitor live as are their parents: the
                # focus areas have only their own state left to check.
                VisiblePrefetch(
                    "priorities__focus_areas",
                    FocusArea.objects.only("priority", "title", *STATE_FIELDS),
                    user,
                    known_live=FocusArea.live_parents,
                ),
                visible("priorities__sectors", Sector.objects.only("name", "slug"), user),
                visible(
                    "themes",
                    CrossCuttingTheme.objects.only(
                        "programme", "title", "description", *STATE_FIELDS
                    ),
                    user,
                ),
                visible("links", ProgrammeLink.objects.only("programme", "title", "url"), user),
            )
        )

    def current_for_region(self, region, year=None):
        """
        A region's programmes with the current one first: the newest that has
        started by ``year`` (this year by default), else the newest still to come.
        """
        year = year or timezone.localdate().year
        started = Case(When(start_year__lte=year, then=0), default=1)
        return self.filter(region=region).order_by(started, "-start_year")


class Programme(WithImage, WithDocuments, Publishable):
    """One Smart Specialisation strategy period of a region, such as 2018-2021."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("region")
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in the address, for example 2018-2021.")
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), validators=year_validators)
    end_year = models.PositiveSmallIntegerField(_("end year"), validators=year_validators)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Shown publicly in lists."))
    body = RichTextField(_("body"))
    aims = RichTextField(_("aims"))
    source_document = models.FileField(
        _("source document (PDF)"),
        upload_to=document_upload_to,
        storage=document_storage,
        max_length=200,
        blank=True,
        validators=[pdf_extension_validator, validate_pdf],
        help_text=_(
            "A PDF file of at most 20 MB. Visitors download it; it is never shown as a page."
        ),
    )
    source_document_title = models.CharField(_("source document title"), max_length=300, blank=True)
    source_document_report = models.JSONField(
        _("source document check"), default=dict, blank=True, editable=False
    )

    live_parents = ("region",)
    publish_children = ("priorities", "themes", "links")
    documents = ("source_document",)
    # The aims are shown under a heading "Aims" of their own.
    first_heading_levels = {"aims": 3}

    objects = ProgrammeQuerySet.as_manager()
    address = Address("priorities:programme-detail", region_slug="region__slug", slug="slug")
    csv_address = Address("priorities:programme-csv", region_slug="region__slug", slug="slug")
    redirected_addresses = {
        "page": "get_absolute_url",
        "csv": "get_csv_url",
        "document": "get_document_url",
    }

    class Meta:
        ordering = ["region__name", "-start_year"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="priorities_programme_end_after_start",
                violation_error_message=_("The end year cannot be before the start year."),
            ),
            *unique_slugs(
                "priorities_programme_unique_slug",
                _("This region already has a programme with this slug in {language}."),
                parent="region",
            ),
        ]

    def __str__(self):
        return self.title

    def get_csv_url(self):
        """The CSV download of the programme's priorities."""
        return self.csv_address.of(self)

    def get_document_url(self):
        """The download of the source document; "" when there is none."""
        return self.source_document.url if self.source_document else ""

    @property
    def period(self):
        return f"{self.start_year}–{self.end_year}"

    class PeriodState(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming period")
        CURRENT = "current", _("Current period")
        ENDED = "ended", _("Period ended")

    def period_state(self, year=None):
        """Where the period stands in ``year`` (this year by default)."""
        return period_state(self.start_year, self.end_year, year)

    @property
    def period_state_now(self):
        """The period's state today; pages change at midnight, when the page cache does."""
        return self.period_state()

    @property
    def source_document_facts(self):
        """“PDF, 1.2 MB, in Finnish”, for the link to the source document."""
        return document_facts(self.source_document_report or {})

    @property
    def source_document_language(self):
        return document_language(self.source_document_report or {})


def period_state(start_year, end_year, year=None):
    """Where a period of these years stands in ``year`` (this year by default)."""
    year = year or timezone.localdate().year
    if end_year < year:
        return Programme.PeriodState.ENDED
    if start_year > year:
        return Programme.PeriodState.UPCOMING
    return Programme.PeriodState.CURRENT


class ProgrammeLink(LinkBase):
    """A related link or document of a programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="links", verbose_name=_("programme")
    )

    address = Programme.address.via("programme")
    live_parents = ("programme", "programme__region")
    history_parents = ("programme",)

    class Meta(LinkBase.Meta):
        verbose_name = _("programme link")
        verbose_name_plural = _("programme links")


class PriorityQuerySet(PublishableQuerySet):
    def with_focus_areas_and_sectors(self, user=None):
        """Each priority with the focus areas and sectors that ``user`` may see."""
        return self.prefetch_related(
            visible("focus_areas", FocusArea.objects, user),
            visible("sectors", Sector.objects, user),
        )

    def with_classification(self):
        """Each priority with its S3 codes: economic and scientific domains."""
        return self.prefetch_related("economic_domains", "scientific_domains")

    def for_page(self, user=None):
        """
        A priority's page: the columns it shows of the priority, its programme and its
        region, with the focus areas and sectors that ``user`` may see and its S3 codes.
        """
        return (
            self.select_related("programme__region")
            .only(
                "title",
                "short_title",
                "slug",
                "summary",
                "body",
                "programme__title",
                "programme__slug",
                "programme__start_year",
                "programme__end_year",
                "programme__region__name",
                "programme__region__slug",
            )
            .prefetch_related(
                visible("focus_areas", FocusArea.objects, user),
                visible("sectors", Sector.objects.only("name", "slug"), user),
                Prefetch("economic_domains", EconomicDomain.objects.only("code", "name")),
                Prefetch("scientific_domains", ScientificDomain.objects.only("code", "name")),
            )
        )

    def in_economic_domain(self, code):
        """Priorities with the NACE Rev. 2 code ``code``, a section's by its divisions too."""
        return self.filter(
            Exists(
                Priority.economic_domains.through.objects.filter(
                    Q(economicdomain__code=code) | Q(economicdomain__section__code=code),
                    priority=OuterRef("pk"),
                )
            )
        )

    def in_scientific_domain(self, code):
        """Priorities with the NABS 2007 chapter ``code``."""
        return self.filter(
            Exists(
                Priority.scientific_domains.through.objects.filter(
                    scientificdomain__code=code, priority=OuterRef("pk")
                )
            )
        )


class Priority(Publishable, Orderable):
    """A smart-specialisation choice of a programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="priorities", verbose_name=_("programme")
    )
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(
        _("short title"), max_length=120, blank=True, help_text=_("Used in menus and lists.")
    )
    slug = models.SlugField(_("slug"), max_length=100)
    key = comparison_key_field()
    summary = models.TextField(_("summary"), blank=True, help_text=_("Shown publicly in lists."))
    body = RichTextField(_("body"))
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="priorities", verbose_name=_("sectors")
    )
    economic_domains = economic_domains_field("priorities")
    scientific_domains = scientific_domains_field("priorities")

    objects = PriorityQuerySet.as_manager()
    address = Address(
        "priorities:priority-detail",
        region_slug="programme__region__slug",
        programme_slug="programme__slug",
        slug="slug",
    )
    live_parents = ("programme", "programme__region")
    history_parents = ("programme",)
    publish_children = ("focus_areas",)

    class Meta(Orderable.Meta):
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        constraints = unique_slugs(
            "priorities_priority_unique_slug",
            _("This programme already has a priority with this slug in {language}."),
            parent="programme",
        )

    def __str__(self):
        return self.title

    @property
    def display_title(self):
        return self.short_title or self.title


class FocusArea(Publishable, Orderable):
    """A focus area of a priority, such as “applications of measurement technology”."""

    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("priority")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    key = comparison_key_field()

    address = Priority.address.via("priority")
    live_parents = ("priority", "priority__programme", "priority__programme__region")
    history_parents = ("priority",)

    class Meta(Orderable.Meta):
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self):
        return self.title


class CrossCuttingTheme(Publishable, Orderable):
    """A theme that runs across all priorities of a programme."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="themes",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = RichTextField(_("description"))
    key = comparison_key_field()

    # Shown under the heading "Cross-cutting themes" of the programme page.
    first_heading_levels = {"description": 3}

    address = Programme.address.via("programme")
    live_parents = ("programme", "programme__region")
    history_parents = ("programme",)

    class Meta(Orderable.Meta):
        verbose_name = _("cross-cutting theme")
        verbose_name_plural = _("cross-cutting themes")

    def __str__(self):
        return self.title
