"""
The geometry of the population chart: a line over the years, drawn as inline
SVG by ``templates/regions/includes/_population_chart.html``. No chart library;
the page shows the same figures in a table.
"""

import math
from dataclasses import dataclass

from django.utils.safestring import SafeString

WIDTH = 640
HEIGHT = 280
MARGIN_LEFT = 72  # room for tick labels such as "100 000"
MARGIN_RIGHT = 24
MARGIN_TOP = 16
MARGIN_BOTTOM = 36
MIN_LABEL_GAP = 44  # horizontal room one year label needs
MAX_TICKS = 5


@dataclass(frozen=True)
class Point:
    year: int
    value: int
    x: float
    y: float

    @property
    def svg_x(self):
        """``x`` as the SVG attribute writes it: 72, not 72.0."""
        return svg_number(self.x)

    @property
    def svg_y(self):
        return svg_number(self.y)


@dataclass(frozen=True)
class Tick:
    value: int
    y: float

    @property
    def svg_y(self):
        return svg_number(self.y)


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    points: list
    ticks: list
    year_labels: list

    @property
    def tick_label_x(self):
        """Where the value labels end, just left of the plot."""
        return self.left - 8

    @property
    def svg(self):
        """
        The chart's size and the plot's bounds as the SVG attributes write them: strings,
        which a template writes as they are, where it would format each number again
        for the language.
        """
        return {
            "width": svg_number(self.width),
            "height": svg_number(self.height),
            "left": svg_number(self.left),
            "right": svg_number(self.right),
            "bottom": svg_number(self.bottom),
            "tick_label_x": svg_number(self.tick_label_x),
        }

    @property
    def polyline(self):
        return SafeString(" ".join(f"{point.x:g},{point.y:g}" for point in self.points))

    @property
    def first(self):
        return self.points[0]

    @property
    def last(self):
        return self.points[-1]


def svg_number(number):
    """
    A coordinate as an SVG attribute writes it, 72 rather than 72.0: digits, safe in
    markup as they are (a template need not escape them again).
    """
    return SafeString(f"{number:g}")


def nice_step(span, max_ticks=MAX_TICKS):
    """A round step (1, 2 or 5 times a power of ten, at least 1) giving ``max_ticks`` or fewer."""
    raw = max(span / max(max_ticks - 1, 1), 1)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def value_range(values):
    """The bottom and top of the value axis: round numbers around the figures."""
    low, high = min(values), max(values)
    if low == high:
        pad = max(round(high * 0.1), 1)
        low, high = low - pad, high + pad
    step = nice_step(high - low)
    bottom = max(math.floor(low / step) * step, 0)
    top = math.ceil(high / step) * step
    if top == bottom:
        top = bottom + step
    return bottom, top, step


def _round(number):
    return round(number, 1)


def population_chart(series, width=WIDTH, height=HEIGHT):
    """
    The chart of a population series (``(year, value)`` pairs), or None when there are
    fewer than two figures to draw a line between.
    """
    series = sorted(series)
    if len(series) < 2:
        return None
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, height - MARGIN_BOTTOM
    first_year, last_year = series[0][0], series[-1][0]
    year_span = max(last_year - first_year, 1)
    low, high, step = value_range([value for _year, value in series])

    def x_of(year):
        return _round(left + (year - first_year) / year_span * (right - left))

    def y_of(value):
        return _round(bottom - (value - low) / (high - low) * (bottom - top))

    points = [Point(year, value, x_of(year), y_of(value)) for year, value in series]
    ticks = [Tick(value, y_of(value)) for value in range(low, high + 1, step)]
    return Chart(
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        points=points,
        ticks=ticks,
        year_labels=year_labels(points),
    )


def year_labels(points):
    """The points whose year is written under the axis: the first, the last, none overlapping."""
    labelled = []
    for point in points:
        if not labelled or point.x - labelled[-1].x >= MIN_LABEL_GAP:
            labelled.append(point)
    last = points[-1]
    if labelled[-1] is not last:
        # Make room for the last year by dropping the labels just before it.
        while len(labelled) > 1 and last.x - labelled[-1].x < MIN_LABEL_GAP:
            labelled.pop()
        if last.x - labelled[-1].x >= MIN_LABEL_GAP:
            labelled.append(last)
    return labelled
