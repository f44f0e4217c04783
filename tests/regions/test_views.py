"""The regions' public pages over HTTP."""

import re

from django.utils.translation import override


def test_region_page_lists_municipalities_with_population_and_neighbours(client, site):
    with override("en"):
        url = site["region"].get_absolute_url()
    response = client.get(url)
    content = response.content.decode()
    assert "Kajaani" in content
    assert re.search(r"37.000", content)
    assert "North Karelia" in content
