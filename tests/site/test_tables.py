"""Data tables on the public pages have a caption and header cells for columns and rows."""

import pytest
from django.utils import translation

from tests.helpers.html import parse
from tests.helpers.pages import LANGUAGES, public_page_urls


def tables(response):
    """Each table as {caption, column headers, rows: [first cell's tag and scope]}."""
    for table in parse(response).find_all("table"):
        caption = table.find("caption")
        column_headers, rows = 0, []
        for row in table.find_all("tr"):
            cells = [(cell.tag, cell.get("scope")) for cell in row.find_all("th", "td")]
            if all(cell == ("th", "col") for cell in cells):
                column_headers += 1
            else:
                rows.append(cells[0])
        yield {
            "caption": caption.text.strip() if caption else "",
            "column_headers": column_headers,
            "rows": rows,
        }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_data_table_has_a_caption_and_header_cells(client, demo, language):
    found = 0
    with translation.override(language):
        for url in public_page_urls(language).values():
            for table in tables(client.get(url)):
                found += 1
                assert table["caption"], url
                assert table["column_headers"] == 1, url
                assert table["rows"], url
                assert all(cell == ("th", "row") for cell in table["rows"]), url
    assert found >= 2  # the home region: its municipalities, its population by year
