"""Data tables on the public pages have a caption and header cells for columns and rows."""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.utils import translation

from tests.helpers.pages import LANGUAGES, public_page_urls


class Tables(HTMLParser):
    """Each table as {caption, column headers, rows: [first cell's tag and scope]}."""

    def __init__(self):
        super().__init__()
        self.tables = []
        self._caption = False
        self._row = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"caption": "", "column_headers": 0, "rows": []})
        elif not self.tables:
            return
        elif tag == "caption":
            self._caption = True
        elif tag == "tr":
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._row.append((tag, attrs.get("scope")))

    def handle_endtag(self, tag):
        if tag == "caption":
            self._caption = False
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if all(cell == ("th", "col") for cell in self._row):
                table["column_headers"] += 1
            else:
                table["rows"].append(self._row[0])
            self._row = None

    def handle_data(self, data):
        if self._caption:
            self.tables[-1]["caption"] += data.strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_data_table_has_a_caption_and_header_cells(client, db, language):
    call_command("load_demo_content", verbosity=0)
    found = 0
    with translation.override(language):
        for url in public_page_urls(language).values():
            parser = Tables()
            parser.feed(client.get(url).content.decode())
            for table in parser.tables:
                found += 1
                assert table["caption"], url
                assert table["column_headers"] == 1, url
                assert table["rows"], url
                assert all(cell == ("th", "row") for cell in table["rows"]), url
    assert found >= 2  # the home region: its municipalities, its population by year
