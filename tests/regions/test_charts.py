"""The population chart: its geometry, and the region and municipality pages that show it."""

import re

import pytest
from django.utils.translation import override

from kainuu_portal.publishing.models import Status
from regions import charts
from regions.charts import nice_step, population_chart, value_range
from tests import factories


def figures(*pairs):
    return list(pairs)


# --- Geometry -----------------------------------------------------------------


def test_no_chart_for_fewer_than_two_figures():
    assert population_chart([]) is None
    assert population_chart(figures((2018, 73600))) is None


@pytest.mark.parametrize(
    ("span", "step"),
    [(0, 1), (3, 1), (10, 5), (4000, 1000), (7000, 2000), (15000, 5000), (90000, 50000)],
)
def test_nice_step_is_round_and_gives_at_most_five_ticks(span, step):
    assert nice_step(span) == step
    assert span / step <= charts.MAX_TICKS - 1 or span == 0


def test_the_value_axis_has_round_bounds_around_the_figures():
    assert value_range([73600, 71000, 76500]) == (70000, 78000, 2000)
    assert value_range([5, 5]) == (4, 6, 1)
    assert value_range([0, 3]) == (0, 3, 1)


def test_points_run_left_to_right_by_year_and_bottom_to_top_by_value():
    chart = population_chart(figures((2020, 72000), (2010, 80000), (2015, 76000)))
    assert [point.year for point in chart.points] == [2010, 2015, 2020]
    xs = [point.x for point in chart.points]
    assert xs[0] == chart.left and xs[-1] == chart.right
    assert xs[1] == pytest.approx((chart.left + chart.right) / 2)
    ys = [point.y for point in chart.points]
    assert ys[0] < ys[1] < ys[2]  # a falling population: larger y is lower on the screen
    assert all(chart.top <= y <= chart.bottom for y in ys)
    assert chart.polyline.startswith(f"{chart.left:g},")
    assert chart.first.value == 80000 and chart.last.year == 2020


def test_ticks_span_the_plot_from_bottom_to_top():
    chart = population_chart(figures((2010, 80000), (2020, 72000)))
    assert [tick.value for tick in chart.ticks] == [72000, 74000, 76000, 78000, 80000]
    assert chart.ticks[0].y == chart.bottom
    assert chart.ticks[-1].y == chart.top


def test_year_labels_never_overlap_and_always_show_the_first_and_last_year():
    chart = population_chart(figures(*((year, 1000 + year) for year in range(1990, 2025))))
    labels = chart.year_labels
    assert labels[0].year == 1990 and labels[-1].year == 2024
    gaps = [b.x - a.x for a, b in zip(labels, labels[1:], strict=False)]
    assert min(gaps) >= charts.MIN_LABEL_GAP
    assert len(labels) < len(chart.points)


def test_irregular_years_are_spaced_by_time():
    chart = population_chart(figures((2000, 10), (2001, 10), (2010, 20)))
    first, second, third = chart.points
    assert second.x - first.x == pytest.approx((third.x - first.x) / 10, abs=0.1)


# --- Pages --------------------------------------------------------------------


@pytest.fixture
def region(db):
    region = factories.make_region(slug="kainuu", name_en="Kainuu")
    factories.make_population(region=region, year=2010, value=82000)
    factories.make_population(region=region, year=2018, value=73600, is_approximate=True)
    return region


def page(client, obj, language="en"):
    with override(language):
        url = obj.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_region_page_shows_the_chart_with_a_text_alternative_and_the_table(client, region):
    content = page(client, region)
    svg = re.search(r"<svg .*?</svg>", content, re.S).group()
    assert 'role="img"' in svg
    assert 'aria-labelledby="population-chart-title population-chart-desc"' in svg
    assert '<title id="population-chart-title">Inhabitants of Kainuu by year</title>' in svg
    assert "from 2010 (82,000 inhabitants) to 2018 (73,600 inhabitants)" in svg
    assert svg.count("<circle") == 2
    assert "<script" not in svg and "style=" not in svg
    # The same figures as a table.
    assert "<caption>Inhabitants of Kainuu by year</caption>" in content
    assert "82,000" in content and "about 73,600" in content


def test_coordinates_are_not_localised(client, region):
    content = page(client, region, "fi")
    points = re.search(r'<polyline class="line" points="([^"]+)"', content).group(1)
    assert re.fullmatch(r"[\d.]+,[\d.]+ [\d.]+,[\d.]+", points)
    assert "82\xa0000" in content


def test_no_chart_with_one_figure_but_the_table_stays(client, region):
    region.population_figures.filter(year=2010).update(status=Status.DRAFT)
    content = page(client, region)
    assert "<svg" not in content
    assert "<caption>Inhabitants of Kainuu by year</caption>" in content


def test_the_municipality_page_shows_its_chart(client, region):
    municipality = factories.make_municipality(region=region, name_en="Kajaani")
    factories.make_population(municipality=municipality, year=2000, value=36000)
    factories.make_population(municipality=municipality, year=2020, value=37000)
    content = page(client, municipality)
    assert '<title id="population-chart-title">Inhabitants of Kajaani by year</title>' in content
    assert content.count("<circle") == 2
    assert "<caption>Inhabitants of Kajaani by year</caption>" in content
