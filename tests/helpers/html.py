"""Reading admin pages as a browser does: a form's current values, and what a page would run."""

import html
import json
import re
from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """Collects the values a browser would submit from the form with ``form_id``."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.values = []  # (name, value) pairs, in document order
        self._select = None
        self._option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {"name": name, "selected": [], "first": None}
        elif tag == "option" and self._select is not None:
            self._option = attrs
            value = attrs.get("value")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["selected"].append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            # A browser drops the one newline that follows <textarea>.
            self.values.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            selected = self._select["selected"]
            for value in selected:
                self.values.append((self._select["name"], value or ""))
            self._select = None


def form_values(page, form_id):
    """The values the form ``form_id`` of ``page`` (HTML) would submit, as a dict of lists."""
    reader = _FormReader(form_id)
    reader.feed(page)
    data = {}
    for name, value in reader.values:
        if "__prefix__" in name:
            continue
        data.setdefault(name, []).append(value)
    return data


_SCRIPT_URL = re.compile(r"^(?:javascript|data|vbscript):", re.I)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"}


class _DangerFinder(HTMLParser):
    """Finds what a payload would need to run: its script, style, iframe, handler or URL."""

    def __init__(self, marker):
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.found = []
        self._raw = None
        self._json = False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed", "frame"):
            self.found.append(f"<{tag}>")
        if tag in ("script", "style"):
            self._raw = tag
            # JSON-LD is data the browser never runs; it is safe while it stays valid JSON
            # (a payload that closed the element would leave it broken).
            self._json = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRIBUTES:
                # Browsers ignore ASCII whitespace and control characters in a scheme.
                squeezed = re.sub(r"[\x00-\x20]", "", html.unescape(value))
                if _SCRIPT_URL.match(squeezed):
                    self.found.append(f'<{tag} {name}="{value}">')

    def handle_endtag(self, tag):
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data):
        if self._raw and self._json:
            try:
                json.loads(data)
            except ValueError:
                self.found.append("JSON-LD broken by the payload")
        elif self._raw and self.marker in data:
            self.found.append(f"<{self._raw}> with the payload")


def dangers(page, marker):
    """What on ``page`` (HTML) could run a payload marked with ``marker``; empty when clean."""
    finder = _DangerFinder(marker)
    finder.feed(page)
    return finder.found
