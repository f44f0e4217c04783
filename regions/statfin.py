"""
Population figures from Statistics Finland's table 11ra, "Key figures on population
by region", as its PxWeb API returns it in JSON-stat2 (``manage.py import_population``).

Nothing here names a dimension or a content code: Statistics Finland renamed them in
June 2026, and may again. The time dimension is the one with the ``time`` role, the
area dimension the one whose categories hold the areas asked for (a region as MK18,
a municipality as KU205), and the population is the content (the ``metric`` role)
whose label says population at the end of the year, unless the operator names its
code. Any other dimension must have a single category.

The import adds the figures it does not have, changes the ones it imported itself
when the table says otherwise, and leaves alone every figure an editor entered or
changed. It never deletes a figure.
"""

import json
import math
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import transaction

from kainuu_portal.publishing.models import Status

from .models import PopulationFigure

DEFAULT_API_URL = "https://pxdata.stat.fi/api/v2"
DEFAULT_TABLE = "statfin_vaerak_pxt_11ra"
LANGUAGES = ("fi", "en", "sv")
TIMEOUT = 30
# A content label naming the population at the end of the year, in the table's languages,
# and not a change in it or a share of it.
POPULATION_LABEL = re.compile(r"^\s*(population|väkiluku|folkmängd)\b", re.IGNORECASE)
NOT_POPULATION = re.compile(r"change|muutos|förändring|%|share|osuus|andel", re.IGNORECASE)


class StatFinError(Exception):
    """A response or file the import cannot use, or an API that did not answer."""


@dataclass
class Dimensions:
    """Where the table keeps its areas, years and population, found in its metadata."""

    area: str
    time: str
    metric: str | None
    measure: str | None


@dataclass
class Table:
    """The population figures a JSON-stat2 dataset gives, by area code and year."""

    table_id: str
    label: str
    sources: dict  # by language code
    updated: datetime | None
    url: str
    figures: dict = field(default_factory=dict)  # {(area code, year): inhabitants}
    missing: list = field(default_factory=list)  # area codes asked for and not in the table


def categories(dataset, dimension_id):
    """The category codes of a dimension, in the order of its index."""
    try:
        index = dataset["dimension"][dimension_id]["category"]["index"]
    except (KeyError, TypeError):
        raise StatFinError(f"Dimension {dimension_id!r} has no category index.") from None
    if isinstance(index, list):
        return [str(code) for code in index]
    if isinstance(index, dict):
        return [str(code) for code, _position in sorted(index.items(), key=lambda item: item[1])]
    raise StatFinError(f"Dimension {dimension_id!r} has a category index of the wrong type.")


def category_label(dataset, dimension_id, code):
    labels = dataset["dimension"][dimension_id]["category"].get("label") or {}
    return str(labels.get(code, code))


def check_dataset(dataset, with_values=True):
    """Raise StatFinError unless ``dataset`` has the parts of a JSON-stat2 dataset."""
    if not isinstance(dataset, dict):
        raise StatFinError("The response is not a JSON-stat2 dataset (not a JSON object).")
    if dataset.get("class", "dataset") != "dataset":
        raise StatFinError(f"The response is a JSON-stat2 {dataset.get('class')!r}, not a dataset.")
    ids, sizes, dimensions = dataset.get("id"), dataset.get("size"), dataset.get("dimension")
    if not isinstance(ids, list) or not isinstance(sizes, list) or not isinstance(dimensions, dict):
        raise StatFinError(
            "The response is not a JSON-stat2 dataset: it needs id, size and dimension."
        )
    if len(ids) != len(sizes) or any(dimension not in dimensions for dimension in ids):
        raise StatFinError("The dataset's id, size and dimension do not agree.")
    for dimension, size in zip(ids, sizes, strict=True):
        if not isinstance(size, int) or len(categories(dataset, dimension)) != size:
            raise StatFinError(f"Dimension {dimension!r} does not have the size the dataset gives.")
    if with_values:
        values = dataset.get("value")
        expected = math.prod(sizes)
        if isinstance(values, list):
            if len(values) != expected:
                raise StatFinError(
                    f"The dataset has {len(values)} values; its dimensions make {expected}."
                )
        elif not isinstance(values, dict):
            raise StatFinError("The dataset has no values.")


def role(dataset, name):
    members = (dataset.get("role") or {}).get(name) or []
    return [member for member in members if member in dataset["dimension"]]


def find_dimensions(dataset, codes, measure=None):
    """The area, time and population dimensions of ``dataset`` for the areas ``codes``."""
    time = next(iter(role(dataset, "time")), None)
    if time is None:
        raise StatFinError("The table has no time dimension (no dimension has the time role).")
    metric = next(iter(role(dataset, "metric")), None)
    wanted = set(codes)
    areas = [
        dimension
        for dimension in dataset["id"]
        if dimension not in (time, metric) and wanted & set(categories(dataset, dimension))
    ]
    if not areas:
        raise StatFinError(
            "The table holds none of the areas asked for (" + ", ".join(sorted(wanted)) + ")."
        )
    area = areas[0]
    for dimension, size in zip(dataset["id"], dataset["size"], strict=True):
        if dimension not in (time, metric, area) and size != 1:
            raise StatFinError(
                f"Dimension {dimension!r} has {size} categories; choose one in the query."
            )
    return Dimensions(
        area=area, time=time, metric=metric, measure=population_measure(dataset, metric, measure)
    )


def population_measure(dataset, metric, measure=None):
    """The code of the population among the table's contents."""
    if metric is None:
        return None
    contents = categories(dataset, metric)
    if measure:
        if measure not in contents:
            raise StatFinError(
                f"The table has no content {measure!r}; it has: {', '.join(contents)}."
            )
        return measure
    if len(contents) == 1:
        return contents[0]
    found = [
        code
        for code in contents
        if POPULATION_LABEL.search(label := category_label(dataset, metric, code))
        and not NOT_POPULATION.search(label)
    ]
    if len(found) != 1:
        listed = "; ".join(f"{code} ({category_label(dataset, metric, code)})" for code in contents)
        raise StatFinError(
            f"Cannot tell which content is the population; name it with --measure. "
            f"The contents are: {listed}."
        )
    return found[0]


def parse_updated(value):
    if value in (None, ""):
        return None
    try:
        updated = datetime.fromisoformat(str(value))
    except ValueError:
        raise StatFinError(f"The table's updated date {value!r} is not an ISO 8601 date.") from None
    return updated if updated.tzinfo else updated.replace(tzinfo=UTC)


def read_table(dataset, codes, *, measure=None, language="en", table_id="", sources=None):
    """The figures of the areas ``codes`` in a JSON-stat2 ``dataset`` (a parsed response)."""
    check_dataset(dataset)
    dimensions = find_dimensions(dataset, codes, measure)
    ids, sizes = dataset["id"], dataset["size"]
    strides = [math.prod(sizes[position + 1 :]) for position in range(len(ids))]
    values = dataset["value"]
    fixed = {
        dimension: 0 for dimension in ids if dimension not in (dimensions.area, dimensions.time)
    }
    if dimensions.metric:
        fixed[dimensions.metric] = categories(dataset, dimensions.metric).index(dimensions.measure)
    area_codes = categories(dataset, dimensions.area)
    years = categories(dataset, dimensions.time)
    for year in years:
        if not re.fullmatch(r"[12][0-9]{3}", year):
            raise StatFinError(f"The time dimension has {year!r}, not a year.")

    table = Table(
        table_id=str(((dataset.get("extension") or {}).get("px") or {}).get("tableid") or table_id),
        label=str(dataset.get("label", "")),
        sources=sources or {language: str(dataset.get("source", ""))[:300]},
        updated=parse_updated(dataset.get("updated")),
        url=str(dataset.get("href", "")),
        missing=sorted(set(codes) - set(area_codes)),
    )
    for code in codes:
        if code not in area_codes:
            continue
        for year in years:
            position = {**fixed, dimensions.area: area_codes.index(code)}
            position[dimensions.time] = years.index(year)
            flat = sum(
                position[dimension] * stride for dimension, stride in zip(ids, strides, strict=True)
            )
            value = values[flat] if isinstance(values, list) else values.get(str(flat))
            if value is None:
                continue  # not available (a status such as "." says why)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise StatFinError(f"{code} {year}: {value!r} is not a number of inhabitants.")
            table.figures[code, int(year)] = round(value)
    return table


def load_json(text, what):
    try:
        return json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise StatFinError(f"{what} is not JSON: {error}.") from None


# --- The PxWeb API ------------------------------------------------------------------


def request_json(url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - the operator's URL
            return load_json(response.read().decode("utf-8"), f"The answer of {url}")
    except urllib.error.HTTPError as error:
        detail = error.read(500).decode("utf-8", "replace").strip()
        raise StatFinError(
            f"{url} answered {error.code} {error.reason}. {detail}".strip()
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise StatFinError(f"Could not reach {url}: {reason}.") from None


def fetch_table(codes, *, api_url=DEFAULT_API_URL, table=DEFAULT_TABLE, measure=None):
    """
    Ask the PxWeb API (version 2) for the population of the areas ``codes``: the
    table's metadata in each language (for the dimensions and the source), then the
    data of those areas, every year, in JSON-stat2.
    """
    base = f"{api_url.rstrip('/')}/tables/{urllib.parse.quote(table, safe='')}"
    metadata = {
        language: request_json(f"{base}/metadata?lang={language}") for language in LANGUAGES
    }
    english = metadata["en"]
    check_dataset(english, with_values=False)
    dimensions = find_dimensions(english, codes, measure)
    present = [code for code in codes if code in categories(english, dimensions.area)]
    selection = [
        {"variableCode": dimensions.area, "valueCodes": present},
        {"variableCode": dimensions.time, "valueCodes": ["*"]},
    ]
    if dimensions.metric:
        selection.append({"variableCode": dimensions.metric, "valueCodes": [dimensions.measure]})
    query = urllib.parse.urlencode({"lang": "en", "outputFormat": "json-stat2"})
    dataset = request_json(f"{base}/data?{query}", {"selection": selection})
    sources = {}
    for language, answer in metadata.items():
        if isinstance(answer, dict) and answer.get("source"):
            sources[language] = str(answer["source"])[:300]
    result = read_table(dataset, codes, measure=dimensions.measure, table_id=table, sources=sources)
    result.missing = sorted(set(codes) - set(present))
    return result


# --- Writing the figures ------------------------------------------------------------


@dataclass
class Report:
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # figures an editor entered, left alone
    unchanged: int = 0


def import_figures(table, owners):
    """
    Write ``table``'s figures for ``owners`` ({area code: region or municipality}).
    One transaction: on any error nothing is written.
    """
    report = Report()
    # The Finnish source is the one every language falls back to: never leave it blank.
    fallback = next((text for text in table.sources.values() if text), "Statistics Finland")
    values = {
        **{f"source_{code}": table.sources.get(code, "") for code in LANGUAGES},
        "source_fi": table.sources.get("fi") or fallback,
        "source_url": table.url[:500],
        "table_id": table.table_id[:100],
        "table_updated": table.updated,
    }
    with transaction.atomic():
        for (code, year), value in sorted(table.figures.items()):
            owner = owners[code]
            lookup = {owner._meta.model_name: owner, "year": year}
            figure = PopulationFigure.objects.filter(**lookup).first()
            name = f"{owner} {year}"
            if figure is None:
                PopulationFigure.objects.create(
                    **lookup,
                    **values,
                    value=value,
                    origin=PopulationFigure.Origin.IMPORT,
                    status=Status.PUBLISHED,
                )
                report.added.append(f"{name}: {value}")
            elif figure.origin != PopulationFigure.Origin.IMPORT:
                if figure.value != value:
                    report.kept.append(f"{name}: {figure.value} (the table gives {value})")
                else:
                    report.unchanged += 1
            else:
                new = {"value": value, **values}
                differences = {
                    name: (getattr(figure, name), new_value)
                    for name, new_value in new.items()
                    if getattr(figure, name) != new_value
                }
                if not differences:
                    report.unchanged += 1
                    continue
                for attribute, (_old, new_value) in differences.items():
                    setattr(figure, attribute, new_value)
                figure.save()
                if "value" in differences:
                    old_value = differences["value"][0]
                    report.changed.append(f"{name}: {old_value} → {value}")
                else:
                    report.changed.append(f"{name}: {value} (source or table date)")
    return report
