from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from kainuu_portal.publishing.media import WithImage
from kainuu_portal.publishing.models import (
    STATE_FIELDS,
    Address,
    LinkBase,
    Orderable,
    Publishable,
    PublishableQuerySet,
    live_condition,
    text_in,
    unique_slugs,
    visible,
)
from kainuu_portal.publishing.richtext import RichTextField


# The fields ``is_published_now`` reads: what a draft badge needs of a row.
class RegionQuerySet(PublishableQuerySet):
    def home(self):
        """The portal's own region (Kainuu); at most one row, enforced by the database."""
        return self.filter(is_home=True)

    def get_by_natural_key(self, slug):
        """For fixtures and backups (``natural_key()``), so they survive primary-key changes."""
        return self.at_address(settings.LANGUAGE_CODE, slug=slug).get()

    def with_municipality_count(self, now=None):
        """
        Each region with ``municipality_count``, the number of its municipalities live at
        ``now`` (by default the present).
        """
        live_municipalities = (
            Municipality.objects.filter(live_condition(now=now), region=OuterRef("pk"))
            .order_by()
            .values("region")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(municipality_count=Coalesce(Subquery(live_municipalities), 0))

    def for_list(self):
        """
        What the list of regions shows of each, as dictionaries rather than model
        instances, its translated texts read in the query as visitors see them (the
        active language's, else a fallback's): ``title`` and ``lead``, with the slugs in
        every language for the address (``Region.address.urls_of``).
        """
        return self.values(
            "kind",
            "iso_code",
            "municipality_count",
            *Region.address.columns(),
            title=text_in("name"),
            lead=text_in("summary"),
        )

    def for_detail(self, user):
        """A region's page: its neighbours, strengths and links that ``user`` may see."""
        return self.prefetch_related(
            visible("neighbours", Region.objects.only("name", "slug", "kind", "country"), user),
            visible(
                "strengths",
                Strength.objects.only("region", "title", "description", *STATE_FIELDS),
                user,
            ),
            visible("links", RegionLink.objects.only("region", "title", "url"), user),
        )


class WithArea(models.Model):
    """The area of a region or municipality, total and land, in km², with its reference year."""

    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Total area, inland waters and sea included."),
    )
    land_area_km2 = models.DecimalField(
        _("land area (km²)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    area_year = models.PositiveSmallIntegerField(
        _("area reference year"),
        null=True,
        blank=True,
        help_text=_("The year the area figures refer to (1 January), for example 2021."),
    )

    class Meta:
        abstract = True


class Region(WithImage, WithArea, Publishable):
    class Kind(models.TextChoices):
        FINNISH = "finnish", _("Finnish region")
        FOREIGN = "foreign", _("Foreign region")

    KIND_LABELS = dict(Kind.choices)  # translated when shown

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.FINNISH)
    country = models.CharField(
        _("country"),
        max_length=2,
        default="FI",
        help_text=_("Two-letter ISO 3166-1 code, for example FI or RU."),
    )
    iso_code = models.CharField(
        _("ISO 3166-2 code"), max_length=10, blank=True, help_text=_("For example FI-05.")
    )
    nuts_code = models.CharField(
        _("NUTS code"), max_length=10, blank=True, help_text=_("For example FI1D8 (NUTS 2021).")
    )
    code = models.CharField(
        _("region code"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{2}$", _("Two digits, for example 18."))],
        help_text=_(
            "The two-digit code of Statistics Finland, for example 18 for Kainuu; "
            "the population import needs it."
        ),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("Shown publicly in lists."))
    body = RichTextField(_("body"))
    administrative_centre = models.CharField(_("administrative centre"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_home = models.BooleanField(
        _("home region"),
        default=False,
        help_text=_("The region this portal is about. Only one region can be the home region."),
    )
    neighbours = models.ManyToManyField("self", verbose_name=_("neighbours"), blank=True)

    objects = RegionQuerySet.as_manager()
    address = Address("regions:region-detail", slug="slug")

    class Meta:
        ordering = ["-is_home", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_home"], condition=Q(is_home=True), name="regions_one_home_region"
            ),
            *unique_slugs(
                "regions_region_unique_slug",
                _("Another region already has this slug in {language}."),
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        with override(settings.LANGUAGE_CODE):
            return (self.slug,)

    def clean(self):
        super().clean()
        if self.country:
            self.country = self.country.upper()

    @classmethod
    def kind_labels(cls):
        """``{kind: label}`` in the active language."""
        return {kind: str(label) for kind, label in cls.KIND_LABELS.items()}

    def get_kind_display(self):
        """As Django's own, without making every choice hashable on each call."""
        return str(self.KIND_LABELS.get(self.kind, self.kind))

    @property
    def statistics_code(self):
        """The region's area code in Statistics Finland's tables, for example MK18."""
        return f"MK{self.code}" if self.code else ""


class Municipality(WithArea, Publishable):
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="municipalities", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    code = models.CharField(
        _("municipality code"),
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{3}$", _("Three digits, for example 205."))],
        help_text=_("The official three-digit code of Statistics Finland, for example 205."),
    )
    is_town = models.BooleanField(_("town"), default=False)
    website = models.URLField(_("website"), blank=True)

    address = Address("regions:municipality-detail", region_slug="region__slug", slug="slug")
    live_parents = ("region",)
    history_parents = ("region",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = unique_slugs(
            "regions_municipality_unique_slug",
            _("This region already has a municipality with this slug in {language}."),
            parent="region",
        )

    def __str__(self):
        return self.name

    @property
    def statistics_code(self):
        """The municipality's area code in Statistics Finland's tables, for example KU205."""
        return f"KU{self.code}" if self.code else ""


class PopulationFigure(Publishable):
    """One figure of a population series, for a region or for a municipality."""

    # What a figure tells besides its place and its source's name: the admin's details,
    # the API's fields.
    DETAILS = (
        "year",
        "value",
        "is_approximate",
        "is_preliminary",
        "source_url",
        "origin",
        "table_id",
        "table_updated",
    )

    class Origin(models.TextChoices):
        EDITOR = "editor", _("an editor")
        IMPORT = "import", _("the import from Statistics Finland")

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="population_figures",
        verbose_name=_("region"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="population_figures",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.PositiveIntegerField(_("inhabitants"))
    is_approximate = models.BooleanField(
        _("approximate"), default=False, help_text=_("Shown as “about” the figure.")
    )
    is_preliminary = models.BooleanField(
        _("preliminary"), default=False, help_text=_("Shown as a preliminary figure.")
    )
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(
        _("source address"), max_length=500, blank=True, help_text=_("Optional: where to read it.")
    )
    origin = models.CharField(
        _("entered by"),
        max_length=16,
        choices=Origin.choices,
        default=Origin.EDITOR,
        help_text=_(
            "The population import updates only the figures it imported itself; "
            "a figure an editor entered or changed is never overwritten or deleted."
        ),
    )
    table_id = models.CharField(
        _("statistical table"),
        max_length=100,
        blank=True,
        help_text=_("The table an imported figure comes from, for example 11ra."),
    )
    table_updated = models.DateTimeField(
        _("table updated"),
        null=True,
        blank=True,
        help_text=_("When the statistical agency last updated that table."),
    )

    history_parents = ("region", "municipality")

    class Meta:
        ordering = ["year"]
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(region__isnull=False, municipality__isnull=True)
                    | Q(region__isnull=True, municipality__isnull=False)
                ),
                name="regions_population_one_owner",
                violation_error_message=_(
                    "A population figure belongs either to a region or to a municipality."
                ),
            ),
            models.UniqueConstraint(
                fields=["region", "year"], name="regions_population_unique_region_year"
            ),
            models.UniqueConstraint(
                fields=["municipality", "year"],
                name="regions_population_unique_municipality_year",
            ),
        ]

    def __str__(self):
        return f"{self.region or self.municipality} {self.year}: {self.value}"

    def get_absolute_url(self):
        owner = self.region or self.municipality
        return owner.get_absolute_url() if owner else ""

    def clean(self):
        super().clean()
        # Compare the related objects, not their ids: an inline row's parent may be unsaved.
        if (self.region is None) == (self.municipality is None):
            raise ValidationError(
                _("A population figure belongs either to a region or to a municipality.")
            )


class Strength(Publishable, Orderable):
    """A strength of a region's profile, such as “infrastructure”."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="strengths", verbose_name=_("region")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    address = Region.address.via("region")
    live_parents = ("region",)
    history_parents = ("region",)

    class Meta(Orderable.Meta):
        verbose_name = _("strength")
        verbose_name_plural = _("strengths")

    def __str__(self):
        return self.title


class RegionLink(LinkBase):
    """A “see also” link of a region."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="links", verbose_name=_("region")
    )

    address = Region.address.via("region")
    live_parents = ("region",)
    history_parents = ("region",)

    class Meta(LinkBase.Meta):
        verbose_name = _("region link")
        verbose_name_plural = _("region links")
