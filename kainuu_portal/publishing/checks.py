"""
Accessibility checks of what editors write and upload (WCAG 2.1 AA, Act 306/2019).

``content_problems(instance)`` reads a content object's translated text fields,
its image's alt text and the reports of its PDF documents, and returns a list of
``Problem``: what is wrong, where (the field and the language) and how to fix it.
The checks are plain functions of the text, so they can run anywhere: on save
(``Publishable.save`` stores the result in ``accessibility_problems``), in the
admin and in the accessibility statement.

Rich text is the sanitised HTML of ``richtext.RichTextField``: paragraphs,
headings h2-h4, lists, block quotes and links. It cannot hold images (images are
``media.WithImage`` with alt text per language) or tables, so the table check
(``table_problems``) runs only if ``richtext.ALLOWLIST`` ever allows tables.
"""

import re
from dataclasses import asdict, dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.db import models
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from kainuu_portal.publishing.richtext import ALLOWLIST, RichTextField

LANGUAGES = mt_settings.AVAILABLE_LANGUAGES

ALT_TEXT_MAX_LENGTH = 150

# Words that say only "an image", whatever the language of the page.
GENERIC_ALT_TEXTS = {
    "image", "picture", "photo", "photograph", "img", "logo", "graphic",
    "kuva", "valokuva", "kuvake", "grafiikka",
    "bild", "foto", "fotografi", "logotyp",
}  # fmt: skip

FILE_NAME = re.compile(
    r"""^\S+\.(jpe?g|png|gif|webp|svg|tiff?|bmp|heic|avif)$   # photo.jpg
      | ^(img|dsc|dscn|dcim|pxl|screenshot|image|kuva|bild)[_\-\s]?\d+   # IMG_1234
      | ^[\w\-]*[_\-][\w\-]*\d[\w\-]*$   # vuokatti_winter_2019
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Link texts that do not say where the link leads, in the site's languages.
VAGUE_LINK_TEXTS = {
    "click here", "click", "here", "read more", "more", "learn more", "link", "this link",
    "more information", "continue", "go",
    "lue lisää", "lisää", "tästä", "täältä", "tässä", "klikkaa", "klikkaa tästä",
    "napsauta tästä", "linkki", "lisätietoa", "lisätietoja", "jatka",
    "läs mer", "mer", "här", "klicka här", "klicka", "länk", "mer information", "fortsätt",
}  # fmt: skip

# A whole web address as the link text. A site's name alone ("www.traficom.fi") is
# allowed: it says where the link leads.
ADDRESS = re.compile(r"^(https?|ftp)://\S+$", re.IGNORECASE)

# Three or more words in capitals in a row; acronyms such as EU or ICT stand alone.
CAPITALS_RUN = 3


@dataclass(frozen=True)
class Check:
    """One kind of problem: what is wrong, how to fix it, the WCAG success criterion."""

    what: str
    fix: str
    criterion: str


CHECKS = {
    "alt_missing": Check(
        _("An image has no alt text."),
        _("Describe in a short sentence what the image shows."),
        "1.1.1",
    ),
    "alt_too_long": Check(
        _("The alt text of an image is longer than %(limit)s characters."),
        _("Shorten it to what matters; put a longer description in the body text."),
        "1.1.1",
    ),
    "alt_file_name": Check(
        _("The alt text of an image looks like a file name: “%(text)s”."),
        _("Replace it with a short description of what the image shows."),
        "1.1.1",
    ),
    "alt_generic": Check(
        _("The alt text of an image only says that it is an image: “%(text)s”."),
        _("Say what the image shows, such as “Ski slopes at Vuokatti in winter”."),
        "1.1.1",
    ),
    "link_vague": Check(
        _("A link text does not say where the link leads: “%(text)s”."),
        _("Write the link text so that it makes sense alone, such as “Apply for funding”."),
        "2.4.4",
    ),
    "link_address": Check(
        _("A link text is a bare address: “%(text)s”."),
        _("Name the page or the organisation instead, such as “Traficom’s website”."),
        "2.4.4",
    ),
    "link_empty": Check(
        _("A link has no text."),
        _("Give the link a text that says where it leads, or remove it."),
        "2.4.4",
    ),
    "link_same_text": Check(
        _("Links to different addresses have the same text: “%(text)s”."),
        _("Give each link a text of its own that tells them apart."),
        "2.4.4",
    ),
    "heading_skip": Check(
        _("A heading skips a level: “%(text)s”."),
        _(
            "Use the next heading level down: the page title is the top level, so the "
            "first heading of the text is “Heading 2”, then “Heading 3” under it."
        ),
        "1.3.1",
    ),
    "heading_empty": Check(
        _("A heading is empty."),
        _("Write the heading, or turn the line back into a paragraph."),
        "1.3.1",
    ),
    "capitals": Check(
        _("Text is written in capitals: “%(text)s”."),
        _(
            "Write it in ordinary letters: capitals are hard to read, and screen readers "
            "may spell them out letter by letter. Use bold for emphasis."
        ),
        "3.1.5",
    ),
    "table_header": Check(
        _("A table has no header row."),
        _("Make the first row of the table a header row."),
        "1.3.1",
    ),
    "pdf_untagged": Check(
        _("The PDF document is not tagged: its headings, lists and reading order are unknown."),
        _("Export the PDF again with tags (“Tagged PDF” or “Document structure tags”)."),
        "1.3.1",
    ),
    "pdf_no_language": Check(
        _("The PDF document does not state its language."),
        _("Set the document language in the program the PDF is made in and export it again."),
        "3.1.1",
    ),
    "pdf_no_title": Check(
        _("The PDF document has no title."),
        _("Give the document a title in its properties and export it again."),
        "2.4.2",
    ),
    "pdf_title_not_shown": Check(
        _("The PDF document does not tell PDF readers to show its title."),
        _("Choose “show the document title” in the export settings of the PDF."),
        "2.4.2",
    ),
    "pdf_no_text": Check(
        _("The PDF document has no text that can be read out: it is probably a scan."),
        _("Upload a PDF made from the original document, or recognise its text (OCR)."),
        "1.1.1",
    ),
}


@dataclass(frozen=True)
class Problem:
    """A problem found by a check: its ``code`` (a key of ``CHECKS``), field and language."""

    code: str
    field: str
    language: str = ""
    text: str = ""

    @classmethod
    def from_dict(cls, data):
        return cls(**{key: data.get(key, "") for key in ("code", "field", "language", "text")})

    def as_dict(self):
        return {key: value for key, value in asdict(self).items() if value}

    @property
    def check(self):
        return CHECKS[self.code]

    @property
    def what(self):
        return self.check.what % {"text": self.text, "limit": ALT_TEXT_MAX_LENGTH}

    def where(self, model):
        """The field and language of the problem, for editors: “Body (English)”."""
        if self.field:
            where = capfirst(model._meta.get_field(self.field).verbose_name)
        else:
            where = _("Links")
        if self.language:
            name = dict(settings.LANGUAGES).get(self.language, self.language)
            return f"{where} ({name})"
        return str(where)

    @property
    def fix(self):
        return self.check.fix

    @property
    def criterion(self):
        return self.check.criterion


def _short(text):
    return Truncator(" ".join(text.split())).chars(80)


# --- Reading rich text -------------------------------------------------------------


class _RichText(HTMLParser):
    """The headings, links, tables and text blocks of sanitised rich text."""

    BLOCKS = {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []  # (level, text)
        self.links = []  # (href, text)
        self.blocks = []  # text of each paragraph, list item, heading or cell
        self.tables = []  # True for a table with a header cell in its first row
        self._text = {}  # open element -> text gathered inside it
        self._link = None
        self._rows = []  # per open table: [rows seen, header cell in the first row]

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._text[tag] = []
        if tag == "a":
            self._link = (dict(attrs).get("href") or "", [])
        elif tag == "table":
            self._rows.append([0, False])
        elif tag == "tr" and self._rows:
            self._rows[-1][0] += 1
        elif tag == "th" and self._rows and self._rows[-1][0] <= 1:
            self._rows[-1][1] = True

    def handle_endtag(self, tag):
        if tag in self.BLOCKS and tag in self._text:
            text = " ".join("".join(self._text.pop(tag)).split())
            self.blocks.append(text)
            if tag[0] == "h" and tag[1:].isdigit():
                self.headings.append((int(tag[1:]), text))
        elif tag == "a" and self._link:
            href, parts = self._link
            self.links.append((href, " ".join("".join(parts).split())))
            self._link = None
        elif tag == "table" and self._rows:
            self.tables.append(self._rows.pop()[1])

    def handle_data(self, data):
        for parts in self._text.values():
            parts.append(data)
        if self._link:
            self._link[1].append(data)


def read_rich_text(html):
    parser = _RichText()
    parser.feed(html or "")
    parser.close()
    return parser


# --- The checks, each a function of text -------------------------------------------


def alt_text_problems(alt):
    """Codes and texts of what is wrong with the alt text of an image that is there."""
    alt = " ".join((alt or "").split())
    if not alt:
        return [("alt_missing", "")]
    if len(alt) > ALT_TEXT_MAX_LENGTH:
        return [("alt_too_long", "")]
    if FILE_NAME.search(alt):
        return [("alt_file_name", alt)]
    if alt.lower().strip(".:!") in GENERIC_ALT_TEXTS:
        return [("alt_generic", alt)]
    return []


def link_text_problems(href, text):
    """Codes and texts of what is wrong with one link text."""
    if not text:
        return [("link_empty", "")]
    words = text.lower().strip(" .:!?…»›→>")
    if words in VAGUE_LINK_TEXTS:
        return [("link_vague", text)]
    if ADDRESS.match(text) or (text == href and not href.startswith("mailto:")):
        return [("link_address", text)]
    return []


def same_text_problems(links):
    """Link texts used for more than one address, among ``(href, text)`` pairs."""
    targets = {}
    for href, text in links:
        if text:
            targets.setdefault(text.lower(), {})[href] = text
    return [
        ("link_same_text", next(iter(hrefs.values())))
        for hrefs in targets.values()
        if len(hrefs) > 1
    ]


def heading_problems(headings, first_level=2):
    """Empty headings and headings that go down more than one level."""
    problems = []
    previous = first_level - 1
    for level, text in headings:
        if not text:
            problems.append(("heading_empty", ""))
        elif level > previous + 1:
            problems.append(("heading_skip", text))
        previous = level
    return problems


def capitals_problems(text):
    """A run of words in capitals, such as “APPLY NOW FOR FUNDING”."""
    run = []
    for word in re.finditer(r"\w+", text or ""):
        if word.group().isupper() and sum(c.isalpha() for c in word.group()) >= 2:
            run.append(word)
            if len(run) == CAPITALS_RUN:
                return [("capitals", _short(text[run[0].start() :]))]
        else:
            run = []
    return []


def table_problems(tables):
    return [("table_header", "") for has_header in tables if not has_header]


TABLES_ALLOWED = "table" in ALLOWLIST.get("tags", ())


def rich_text_problems(html, first_level=2):
    """What the checks find in one rich-text value; the links, for checks across fields."""
    content = read_rich_text(html)
    problems = []
    for href, text in content.links:
        problems += link_text_problems(href, text)
    problems += heading_problems(content.headings, first_level)
    for block in content.blocks:
        problems += capitals_problems(block)
    if TABLES_ALLOWED:
        problems += table_problems(content.tables)
    return problems, content.links


# --- A content object ---------------------------------------------------------------


def translated_fields(model):
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


PLAIN_TEXT = (models.CharField, models.TextField)
NOT_TEXT = (models.SlugField, models.URLField, models.EmailField)


def content_problems(instance):
    """Every ``Problem`` in the content of ``instance``, in field order, per language."""
    model = type(instance)
    names = translated_fields(model)
    link_fields = getattr(model, "link_text_fields", ())
    first_levels = getattr(model, "first_heading_levels", {})
    problems = []
    for language in LANGUAGES:
        links = []
        for name in names:
            if name == "image_alt":
                continue
            field = model._meta.get_field(name)
            value = getattr(instance, build_localized_fieldname(name, language), "") or ""
            if isinstance(field, RichTextField):
                found, field_links = rich_text_problems(value, first_levels.get(name, 2))
                links += field_links
            elif isinstance(field, PLAIN_TEXT) and not isinstance(field, NOT_TEXT):
                found = capitals_problems(value)
                if name in link_fields and value:
                    href = getattr(instance, build_localized_fieldname("url", language), "")
                    found += link_text_problems(href or "", " ".join(value.split()))
            else:
                continue
            problems += [Problem(code, name, language, text) for code, text in found]
        problems += [Problem(code, "", language, text) for code, text in same_text_problems(links)]
        if "image_alt" in names and getattr(instance, "image", None):
            alt = getattr(instance, build_localized_fieldname("image_alt", language), "")
            problems += [
                Problem(code, "image_alt", language, text) for code, text in alt_text_problems(alt)
            ]
    for name in getattr(model, "documents", ()):
        if getattr(instance, name, None):
            report = getattr(instance, f"{name}_report", None) or {}
            problems += [Problem(code, name) for code in pdf_problems(report)]
    return problems


def pdf_problems(report):
    """The codes of what a PDF report (``media.examine_pdf``) shows to be missing."""
    if not report:
        return []
    checks = [
        ("pdf_untagged", report.get("tagged")),
        ("pdf_no_language", report.get("language")),
        ("pdf_no_title", report.get("title")),
        ("pdf_title_not_shown", report.get("displays_title") or not report.get("title")),
        ("pdf_no_text", report.get("has_text")),
    ]
    return [code for code, passes in checks if not passes]


def stored_problems(instance):
    """The problems stored on ``instance`` when it was last saved."""
    return [Problem.from_dict(data) for data in instance.accessibility_problems or []]
