"""
The shared publishing base of every content model.

A visitor sees only *live* content: published, with no publish-at time or one
that has passed, and no unpublish-at time or one still to come. A content model
lists in ``live_parents`` the lookups to the parents whose own state it
inherits, so a draft region hides its municipalities and a draft programme
hides its priorities.
"""

import functools
import re
from operator import attrgetter

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q, Value
from django.db.models.constants import LOOKUP_SEP
from django.db.models.functions import Coalesce, NullIf
from django.db.models.lookups import Exact
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.thread_context import fallbacks_enabled
from modeltranslation.utils import get_language as translation_language

from kainuu_portal.publishing.checks import content_problems

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The control characters that XML 1.0 cannot hold (tabs and line breaks it can): the feed
# could not carry a text with one, and HTML does not allow them either.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F]")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


# The fields that say whether a row is live now (``is_published_now``): what a query
# narrowed with ``only()`` keeps for a draft badge.
STATE_FIELDS = ("status", "publish_at", "unpublish_at")


def live_condition(prefix="", now=None):
    """The Q object that is true for a live row, optionally through a relation prefix."""
    return Q(*_live_lookups(prefix, now or timezone.now()))


def _live_lookups(prefix, now):
    """
    The lookups of ``live_condition``, ANDed: published, not to be published later and
    not unpublished yet. A row whose time is empty stays live: Django writes a negated
    lookup on a nullable column as ``NOT (publish_at > now AND publish_at IS NOT
    NULL)``, and builds it for less than an OR of two lookups.
    """
    return (
        (f"{prefix}status", Status.PUBLISHED),
        ~Q((f"{prefix}publish_at__gt", now)),
        ~Q((f"{prefix}unpublish_at__lte", now)),
    )


@functools.cache
def _parents_to_check(model, known_live):
    """
    The relation prefixes of the parents that ``live()`` checks on ``model``, each with
    True for an optional one (a sector's parent sector), which may be absent.
    """
    return tuple(
        (f"{parent}__", model._meta.get_field(parent.split(LOOKUP_SEP)[0]).null)
        for parent in model.live_parents
        if parent not in known_live
    )


class PublishableQuerySet(models.QuerySet):
    # True once live() filtered this queryset: its rows, and every parent in their
    # model's live_parents, are live (see VisiblePrefetch).
    _live = False

    def _clone(self):
        clone = super()._clone()
        clone._live = self._live
        return clone

    def live(self, known_live=(), now=None):
        """
        Rows a visitor may see: live themselves and every parent in ``live_parents`` live.
        ``known_live`` names parents the caller already knows to be live (the rows a
        prefetch fetches for live parents), whose conditions and joins are left out.
        ``now`` is the time they are live at (by default the present).
        """
        if self.query.is_sliced:
            raise TypeError("Cannot filter a query once a slice has been taken.")
        self._not_support_combined_queries("live")
        now = now or timezone.now()
        lookups = list(_live_lookups("", now))
        for prefix, optional in _parents_to_check(self.model, tuple(known_live)):
            if optional:
                parent_live = Q(*_live_lookups(prefix, now))
                lookups.append(Q(parent_live, (f"{prefix}isnull", True), _connector=Q.OR))
            else:
                lookups.extend(_live_lookups(prefix, now))
        queryset = self._chain()
        # As filter() does, without the rewriting of translated fields' lookups that the
        # translation app adds to filter(): the live conditions name none.
        queryset.query.add_q(Q(*lookups))
        queryset._live = True
        return queryset

    def visible_to(self, user, known_live=()):
        """
        Everything for staff who may preview drafts; only live rows for everyone else
        (and for ``user=None``, which stands for a visitor). ``known_live`` names parents
        the caller knows to be live for a visitor; those ``user`` may see as drafts (or
        whose own parents they may) are checked all the same.
        """
        if user is not None and can_preview(user, self.model):
            return self.all()
        if user is not None:
            known_live = [
                parent for parent in known_live if not _may_preview_along(user, self.model, parent)
            ]
        return self.live(known_live)

    def _prefetch_related_objects(self):
        lookups = self._prefetch_related_lookups
        if self._live:
            # These rows are live, and so are their parents: the rows prefetched for them
            # need not check again that their parent is.
            lookups = [
                lookup.for_live(self.model) if isinstance(lookup, VisiblePrefetch) else lookup
                for lookup in lookups
            ]
        models.prefetch_related_objects(self._result_cache, *lookups)
        self._prefetch_done = True

    def for_cards(self):
        """What a link to each row needs: the relations its address is made from."""
        address = self.model.address
        return self.select_related(*address.related) if address and address.related else self

    def at_address(self, language=None, **values):
        """
        The rows whose address has these arguments (``slug="matkailu"``, and
        ``region_slug=...`` for a child) in ``language`` (the active one by default),
        each slug read as visitors see it: the language's own, else a fallback's.
        """
        lookups = self.model.address.lookups
        # Each slug's expression compared directly, as the unique constraints index it,
        # without an alias of its own to resolve by name.
        return self.filter(
            *(Exact(text_in(lookups[name], language), value) for name, value in values.items())
        )


def _may_preview_along(user, model, path):
    """Whether ``user`` may preview drafts of any model on the relation ``path`` from ``model``."""
    for name in path.split(LOOKUP_SEP):
        model = model._meta.get_field(name).related_model
        if can_preview(user, model):
            return True
    return False


def visible(lookup, queryset, user=None, known_live=(), to_attr=None):
    """
    A ``Prefetch`` of ``lookup`` with only the rows of ``queryset`` that ``user`` may see,
    in a list ``to_attr`` when given. ``known_live`` names the parents of the rows that
    the caller knows to be live, as ``live()`` takes them.
    """
    return VisiblePrefetch(lookup, queryset, user, known_live, to_attr)


class VisiblePrefetch(Prefetch):
    """
    A prefetch of the rows of ``queryset`` that ``user`` may see, its queryset built when
    the prefetch runs. Run for the rows of a live() queryset, a reverse foreign key's
    rows leave out the live conditions (and joins) of that parent and of the parent's
    own live parents, already checked by the outer query (``for_live``).
    """

    def __init__(self, lookup, queryset, user=None, known_live=(), to_attr=None):
        super().__init__(lookup, to_attr=to_attr)
        self.base = queryset
        self.user = user
        self.known_live = tuple(known_live)

    def __getstate__(self):
        # A copy (Django copies the prefetches inside another prefetch's queryset) builds
        # its own queryset when it runs, rather than this one's being built to be copied.
        state = self.__dict__.copy()
        state["_queryset"] = None
        return state

    @property
    def queryset(self):
        if self._queryset is None:
            self._queryset = self.base.visible_to(self.user, known_live=self.known_live)
        return self._queryset

    @queryset.setter
    def queryset(self, value):
        self._queryset = value

    def for_live(self, parent_model):
        """This prefetch for live rows of ``parent_model``."""
        if LOOKUP_SEP in self.prefetch_through or self.known_live:
            return self
        try:
            relation = parent_model._meta.get_field(self.prefetch_through)
        except FieldDoesNotExist:
            return self
        if not (relation.one_to_many and relation.auto_created):
            return self
        field = relation.field.name
        inherited = set(parent_model.live_parents)
        known = [
            parent
            for parent in self.base.model.live_parents
            if parent == field
            or (parent.startswith(f"{field}__") and parent[len(field) + 2 :] in inherited)
        ]
        if not known:
            return self
        prefetch = VisiblePrefetch(self.prefetch_through, self.base, self.user, known, self.to_attr)
        prefetch.prefetch_to = self.prefetch_to
        return prefetch


def language_order(language, fallbacks=None):
    """
    The languages a translated field is read in for ``language``, as the translation app
    reads them (its ``resolution_order()``): the language, then its fallback languages,
    each once. Only the language while the app's fallbacks are off for the thread
    (``fallbacks(False)``), unless ``fallbacks`` is given: ``True`` for an order that
    does not depend on the thread, as search's stored text.
    """
    return _language_order(language, fallbacks_enabled() if fallbacks is None else fallbacks)


@functools.cache
def _language_order(language, fallbacks):
    # Keyed by whether fallbacks are on, not by the language alone: an order worked out
    # under fallbacks(False) is not the one of later reads with fallbacks.
    if not fallbacks:
        return (language,)
    defaults = mt_settings.FALLBACK_LANGUAGES
    return tuple(dict.fromkeys((language, *defaults.get(language, ()), *defaults["default"])))


def text_in(lookup="slug", language=None):
    """
    A translated text (a slug, a title, a name...) in ``language`` (the active one by
    default) as visitors see it, as a query expression: the language's own value, else
    the first fallback's.
    """
    columns = [
        NullIf(F(f"{lookup}_{code}"), Value(""))
        for code in language_order(language or get_language())
    ]
    if len(columns) == 1:
        return columns[0]
    return Coalesce(*columns, output_field=models.CharField())


def first_text(lookup, languages):
    """
    The translated field ``lookup`` in the first of ``languages`` (``language_order()``
    of a language) that has a text, else "", as a query expression: the database picks
    the text, so that a row brings one text rather than one per language.
    """
    return Coalesce(
        *(NullIf(F(f"{lookup}_{code}"), Value("")) for code in languages),
        Value(""),
        output_field=models.CharField(),
    )


def translations(*lookups):
    """
    The translation fields of the translated fields ``lookups`` (or lookups to them) in
    every language, for ``values()`` or ``raw_values()``: ``title_fi``, ``title_en``...
    """
    return tuple(f"{lookup}_{code}" for lookup in lookups for code in LANGUAGES)


@functools.cache
def _fallback_columns(lookup, language, fallbacks):
    return tuple(f"{lookup}_{code}" for code in language_order(language, fallbacks))


def translated_value(row, lookup, language=None):
    """
    The translated field ``lookup`` in ``language`` (the active one by default) from a
    row with its ``translations(lookup)``, as a model instance gives it: the language's
    own text, else the first fallback's, else "".
    """
    # Whether fallbacks are on is the translation app's, per thread (``fallbacks()``).
    columns = _fallback_columns(lookup, language or translation_language(), fallbacks_enabled())
    for column in columns:
        if value := row[column]:
            return value
    return ""


def unique_slugs(name, message, parent=None):
    """
    One unique constraint per language on the slug as visitors see it (with the
    fallback), within ``parent`` (a foreign key's name) when given: two items never
    share an address in any language. ``message`` names the language as ``{language}``.
    """
    within = [F(parent)] if parent else []
    names = dict(settings.LANGUAGES)
    return [
        models.UniqueConstraint(
            text_in("slug", code),
            *within,
            name=f"{name}_{code}",
            violation_error_message=format_lazy(message, language=names[code]),
        )
        for code in LANGUAGES
    ]


class Address:
    """
    How a content object's public address is made: the URL's name and, for each of
    its arguments, the lookup that reads it from the object (``"programme__slug"``).

    ``get_absolute_url`` follows the lookups on the object; search reads the same
    lookups as columns of a query, and ``for_cards()`` loads the relations they cross.
    """

    def __init__(self, url_name, **lookups):
        self.url_name = url_name
        self.lookups = lookups

    @property
    def related(self):
        """The relations the lookups cross, for ``select_related``."""
        paths = {lookup.rsplit("__", 1)[0] for lookup in self.lookups.values() if "__" in lookup}
        return sorted(path for path in paths if not any(o.startswith(f"{path}__") for o in paths))

    def via(self, relation):
        """This address read through ``relation``: a child shown on this object's page."""
        return Address(
            self.url_name,
            **{name: f"{relation}__{lookup}" for name, lookup in self.lookups.items()},
        )

    def url(self, values, language=None):
        """
        The address from the lookups' values, by argument name, in ``language`` (the
        active one by default).
        """
        for value in values.values():
            if not (isinstance(value, str) and SLUG.fullmatch(value)):
                break
        else:
            template = url_template(
                self.url_name,
                tuple(sorted(values)),
                language or get_language(),
                get_script_prefix(),
                get_urlconf() or settings.ROOT_URLCONF,
            )
            if template is not None:
                return template.format_map(values)
        if language is None:
            return reverse(self.url_name, kwargs=values)
        with override(language):
            return reverse(self.url_name, kwargs=values)

    def columns(self):
        """
        What a query reads for the addresses of its rows in every language, without
        model instances: each lookup's translation in each language (``slug_fi``,
        ``programme__slug_en``...), for ``values(*address.columns())`` (or ``raw_values``,
        the same without the translation app's fallbacks) and ``url_of``.
        """
        return translations(*self.lookups.values())

    def url_of(self, row, language=None):
        """
        The address in ``language`` (the active one by default) from a row of
        ``values(*address.columns())``, each slug as a model instance gives it.
        """
        return self.urls_of(language or get_language())(row)

    def urls_of(self, language):
        """
        ``url_of`` in ``language`` as a function of the row, for many rows: the route's
        URL template and the language's fallbacks looked up once.
        """
        order = language_order(language)
        columns = {
            name: [f"{lookup}_{code}" for code in order] for name, lookup in self.lookups.items()
        }
        template = url_template(
            self.url_name,
            tuple(sorted(self.lookups)),
            language,
            get_script_prefix(),
            get_urlconf() or settings.ROOT_URLCONF,
        )

        def url(row):
            values = {}
            for name, names in columns.items():
                for column in names:
                    if value := row[column]:
                        break
                else:
                    value = ""
                values[name] = value
            if template is not None:
                for value in values.values():
                    if not SLUG.fullmatch(value):
                        break
                else:
                    return template.format_map(values)
            return self.url(values, language)

        return url

    def of(self, obj):
        """The address of ``obj`` in the active language."""
        return self.urls_of_objects()(obj)

    def urls_of_objects(self, language=None):
        """
        ``of`` in ``language`` (the active one by default) as a function of the object,
        for many objects: the language's fallbacks and the route's URL template looked up
        once, each slug read as ``of`` reads it.
        """
        language = language or get_language()
        order = _field_languages(language, fallbacks_enabled())
        readers = self._readers
        template = url_template(
            self.url_name,
            tuple(sorted(readers)),
            language,
            get_script_prefix(),
            get_urlconf() or settings.ROOT_URLCONF,
        )

        def url(obj):
            values = {
                name: _as_visitors_see(parent(obj) if parent else obj, field, order)
                for name, (parent, field) in readers.items()
            }
            if template is not None:
                for value in values.values():
                    if not (isinstance(value, str) and SLUG.fullmatch(value)):
                        break
                else:
                    return template.format_map(values)
            return self.url(values, language)

        return url

    @functools.cached_property
    def _readers(self):
        """Of each argument: what leads to the object that holds its field, and the field."""
        readers = {}
        for name, lookup in self.lookups.items():
            *path, field = lookup.split(LOOKUP_SEP)
            readers[name] = (attrgetter(".".join(path)) if path else None, field)
        return readers


@functools.cache
def _field_languages(language, fallbacks):
    """
    The languages a translated field is read in (the translation app's, then its
    fallbacks) while Django's active language is ``language``, with the translation
    app's fallbacks on or off: worked out once for each.
    """
    with override(language):
        return language_order(translation_language(), fallbacks)


def _as_visitors_see(obj, field, order):
    """
    ``getattr(obj, field)`` of a translated field, in the languages of ``order`` (the
    active one and its fallbacks) read once for all the fields of an address.
    """
    for code in order:
        value = getattr(obj, f"{field}_{code}", None)
        if value is not None and value != "":
            return value
    return getattr(obj, field)  # no translation: the field's default, or an untranslated field


def route(url_name, **values):
    """
    ``reverse(url_name, kwargs=values)``, each route reversed once per language (see
    ``url_template``): the layout's links to the site's sections on every page.
    """
    return Address(url_name).url(values)


# What a slug argument may hold; such values come out of reverse() unquoted, as written.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@functools.lru_cache(maxsize=1024)
def url_template(url_name, names, language, script_prefix, urlconf):
    """
    The address of ``url_name`` as a template, ``/en/programmes/{region_slug}/{slug}/``,
    reversed once per route, language and prefix: a page with fifty links makes one
    reverse() of each route instead of fifty. None when placeholders cannot stand in.
    """
    marks = {name: f"zqx{number}markzqx" for number, name in enumerate(names)}
    try:
        with override(language):
            url = reverse(url_name, urlconf=urlconf, kwargs=marks)
    except NoReverseMatch:
        return None
    if "{" in url or "}" in url or any(url.count(mark) != 1 for mark in marks.values()):
        return None
    for name, mark in marks.items():
        url = url.replace(mark, "{" + name + "}")
    return url


def can_preview(user, model):
    """Staff with the view permission on ``model`` may preview its drafts."""
    opts = model._meta
    return bool(
        user.is_authenticated
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    )


class Publishable(models.Model):
    """Abstract base: timestamps, status and optional scheduled publishing and unpublishing."""

    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published content is shown publicly."),
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. Published content becomes public at this time; leave empty to show it "
            "as soon as it is published."
        ),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. Published content leaves the site by itself at this time, for example "
            "when a call for projects closes; leave empty to keep it public."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # What the accessibility checks (``checks.content_problems``) found when the
    # object was last saved, so lists can filter on it and the accessibility
    # statement can name failing content without checking everything again.
    accessibility_problems = models.JSONField(
        _("accessibility problems"), default=list, blank=True, editable=False
    )

    objects = PublishableQuerySet.as_manager()

    # The public address (an ``Address``); None for content shown on a parent's page
    # only, whose ``get_absolute_url`` then leads to that page.
    address = None

    # The addresses of a model with an address of its own, by name: each names the
    # method that gives it in the active language. When one changes (a slug, a parent),
    # a Redirect keeps the old one working.
    redirected_addresses = {"page": "get_absolute_url"}

    # Lookups to parents whose state this model inherits, e.g. ("region",).
    live_parents = ()

    # Related names of the children that publishing this object offers to publish
    # with it when they are drafts, e.g. ("priorities", "themes"); their own
    # ``publish_children`` are followed in turn (``children.draft_children``).
    publish_children = ()

    # Foreign keys to the parents whose versions in the history hold this object
    # (the parents whose admin page edits it), e.g. ("priority",): reverting the
    # parent reverts it, recovering the parent recovers it.
    history_parents = ()

    # For the accessibility checks: plain-text fields that are the text of a link to
    # the ``url`` field, the heading level a rich-text field's headings start at when
    # the page puts the field under a heading of its own (2 otherwise), and the PDF
    # documents (FileFields, each with a JSONField ``<name>_report``).
    link_text_fields = ()
    first_heading_levels = {}
    documents = ()

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            if (
                isinstance(value, str)
                and field.name not in (exclude or ())
                and field.name not in errors
                and CONTROL_CHARACTERS.search(value)
            ):
                errors[field.name] = [
                    ValidationError(
                        _(
                            "This text holds an invisible control character (one is often "
                            "pasted with text from a word processor), which web pages and "
                            "feeds cannot carry. Delete the text around it and type it again."
                        ),
                        code="control_character",
                    )
                ]
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        if (
            self.publish_at is not None
            and self.unpublish_at is not None
            and self.unpublish_at <= self.publish_at
        ):
            raise ValidationError(
                {
                    "unpublish_at": ValidationError(
                        _(
                            "The unpublishing time must be after the publishing time, or the "
                            "item would never be shown. Choose a later time, or empty one of "
                            "the two fields."
                        ),
                        code="unpublish_before_publish",
                    )
                }
            )

    def save(self, *args, **kwargs):
        # A save of a few named fields (status, order) leaves the content as it was.
        if kwargs.get("update_fields") is None:
            self.accessibility_problems = [p.as_dict() for p in content_problems(self)]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.address.of(self)

    def addresses_in_every_language(self):
        """``{language: address}`` of the object's page."""
        urls = {}
        for code in LANGUAGES:
            with override(code):
                urls[code] = self.get_absolute_url()
        return urls

    @classmethod
    def has_own_address(cls):
        """True for a model with a page of its own (not one shown on its parent's page)."""
        address = cls.address
        return bool(address) and any("__" not in lookup for lookup in address.lookups.values())

    @property
    def is_published_now(self):
        """
        Published, its publish-at time (if any) passed and its unpublish-at time (if any)
        still to come; parents not considered. The same test as ``live_condition``.
        """
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and (self.publish_at is None or self.publish_at <= now)
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @property
    def is_live(self):
        """What ``live()`` checks, on this object: itself and every parent published now."""
        if not self.is_published_now:
            return False
        for lookup in self.live_parents:
            parent = attrgetter(lookup.replace("__", "."))(self)
            # An optional parent (a sector's parent sector) may be absent.
            if parent is not None and not parent.is_published_now:
                return False
        return True

    @classmethod
    def history_children(cls):
        """Related names of the children whose ``history_parents`` name this model."""
        return tuple(
            relation.get_accessor_name()
            for relation in cls._meta.related_objects
            if relation.field.name in getattr(relation.related_model, "history_parents", ())
        )


class Orderable(models.Model):
    """Abstract base for items that editors put in order."""

    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class LinkBase(Publishable, Orderable):
    """A titled link to a page elsewhere (a "see also" link or a related document)."""

    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)

    link_text_fields = ("title",)

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title


class Redirect(models.Model):
    """
    An old address of the site that answers 301 (``redirects.RedirectFallbackMiddleware``).

    It leads to its target item's current address in ``language``, read when a visitor
    asks, so renaming an item again never makes a chain of redirects, and a target a
    visitor may not see (a draft) answers 404. One an editor adds may lead to a fixed
    address of the site instead (``new_path``).
    """

    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_("An address on this site, for example /fi/toimialat/matkailu/."),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=500,
        blank=True,
        help_text=_(
            "An address on this site. When it is the address of an item's page, the "
            "redirect follows the item wherever its address goes later."
        ),
    )
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("type of the target"),
    )
    object_id = models.PositiveBigIntegerField(_("target"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    # Which of the target's ``redirected_addresses``: its page, a programme's CSV download...
    address = models.CharField(_("address of the target"), max_length=32, default="page")
    is_automatic = models.BooleanField(
        _("made automatically"),
        default=False,
        help_text=_("Made when the item's address changed."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.old_path

    def clean(self):
        from .redirects import clean_redirect

        super().clean()
        clean_redirect(self)

    def target_url(self, user=None):
        """
        Where the old address leads now, for ``user`` (None: a visitor): the target's
        current address, or "" when the target is gone or not visible to them.
        """
        if self.content_type_id is None:
            return self.new_path
        model = self.content_type.model_class()
        if model is None or self.address not in getattr(model, "redirected_addresses", {}):
            return ""
        target = (
            model._default_manager.visible_to(user).for_cards().filter(pk=self.object_id).first()
        )
        if target is None:
            return ""
        with override(self.language or None):
            return getattr(target, model.redirected_addresses[self.address])()


class PendingChange(models.Model):
    """
    A change to a content item that visitors do not see yet (``workflow.py``).

    ``data`` is what the item's admin change form submitted, with its inline
    formsets: publishing it sends the same data through the same form again, so it
    is validated and saved as any save is. An item that is not published yet has no
    data here, only its review state: its draft itself is what is reviewed.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting review")
        REJECTED = "rejected", _("Rejected")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("type of the item")
    )
    object_id = models.PositiveBigIntegerField(_("item"))
    target = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("submitted form"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"))

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="publishing_one_pending_change"
            )
        ]
        permissions = [("publish", _("Can publish content and review changes"))]

    def __str__(self):
        return f"{self.content_type.name} {self.object_id}: {self.get_state_display()}"

    @classmethod
    def of(cls, obj):
        """The pending change of ``obj``, or None."""
        if obj is None or obj.pk is None:
            return None
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        return (
            cls.objects.select_related("author", "submitted_by", "reviewer")
            .filter(content_type=content_type, object_id=obj.pk)
            .first()
        )


def can_publish(user):
    """Publishers (and superusers) publish, reject, and change live content directly."""
    return bool(user.is_active and user.is_staff and user.has_perm("publishing.publish"))
