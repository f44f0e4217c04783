"""Reading pages as a browser does: one parser turns a page into elements that tests query.

``parse(page)`` gives the document; ``find`` and ``find_all`` walk it in document order. The
readers below it (a form's values, what could run a payload) are built on the same tree.
"""

import html
import json
import re
from html.parser import HTMLParser

# Elements that never have content or an end tag.
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class Element:
    """One element: its tag, its attributes, and its children (elements and text)."""

    def __init__(self, tag, attribute_pairs, parent=None):
        self.tag = tag
        # As written, repeats included (a browser keeps the first; the checks see them all).
        self.attribute_pairs = attribute_pairs
        self.attrs = dict(attribute_pairs)
        self.parent = parent
        self.children = []

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    def elements(self):
        """The child elements, without the text between them."""
        return [child for child in self.children if isinstance(child, Element)]

    def find_all(self, *tags, **attrs):
        """Descendants in document order, of one of ``tags`` (any, if none) with ``attrs``."""
        for child in self.elements():
            if (not tags or child.tag in tags) and all(
                child.attrs.get(name) == value for name, value in attrs.items()
            ):
                yield child
            yield from child.find_all(*tags, **attrs)

    def find(self, *tags, **attrs):
        return next(self.find_all(*tags, **attrs), None)

    def strings(self):
        """The text inside, piece by piece, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                yield from child.strings()
            else:
                yield child

    @property
    def text(self):
        return "".join(self.strings())

    def is_inside(self, tag):
        parent = self.parent
        while parent is not None:
            if parent.tag == tag:
                return True
            parent = parent.parent
        return False


class _TreeBuilder(HTMLParser):
    """Builds the element tree; an end tag closes the nearest open element of its name."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.document = Element("#document", [])
        self._open = [self.document]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self._open[-1])
        self._open[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self._open[-1].children.append(Element(tag, attrs, self._open[-1]))

    def handle_endtag(self, tag):
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data):
        self._open[-1].children.append(data)


def parse(page):
    """The document of ``page`` (HTML, or a test client's response)."""
    if not isinstance(page, str):
        page = page.content.decode()
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.document


def form_values(page, form_id):
    """The values the form ``form_id`` of ``page`` would submit, as a dict of lists."""
    form = parse(page).find("form", id=form_id)
    assert form is not None, f"no form {form_id!r} on the page"
    data = {}
    for field in form.find_all("input", "textarea", "select"):
        name = field.get("name")
        if not name or "__prefix__" in name:
            continue
        if field.tag == "input":
            kind = (field.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio") and "checked" not in field.attrs:
                continue
            values = [field.get("value", "on" if kind == "checkbox" else "")]
        elif field.tag == "textarea":
            # A browser drops the one newline that follows <textarea>.
            values = [field.text.removeprefix("\n")]
        else:
            values = [
                option.get("value") or ""
                for option in field.find_all("option")
                if "selected" in option.attrs
            ]
        data.setdefault(name, []).extend(values)
    return {name: values for name, values in data.items() if values}


_SCRIPT_URL = re.compile(r"^(?:javascript|data|vbscript):", re.I)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"}


def dangers(page, marker):
    """What on ``page`` could run a payload marked with ``marker``; empty when clean."""
    found = []
    for element in parse(page).find_all():
        tag = element.tag
        if tag in ("iframe", "object", "embed", "frame"):
            found.append(f"<{tag}>")
        for name, value in element.attribute_pairs:
            value = value or ""
            if name.startswith("on"):
                found.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRIBUTES:
                # Browsers ignore ASCII whitespace and control characters in a scheme.
                squeezed = re.sub(r"[\x00-\x20]", "", html.unescape(value))
                if _SCRIPT_URL.match(squeezed):
                    found.append(f'<{tag} {name}="{value}">')
        if tag in ("script", "style") and (text := element.text):
            # JSON-LD is data the browser never runs; it is safe while it stays valid JSON
            # (a payload that closed the element would leave it broken).
            if tag == "script" and element.get("type") == "application/ld+json":
                try:
                    json.loads(text)
                except ValueError:
                    found.append("JSON-LD broken by the payload")
            elif marker in text:
                found.append(f"<{tag}> with the payload")
    return found
