"""
The code lists of the EU's S3 classification, shipped as data in ``data/``:
economic domains (NACE Rev. 2 sections and divisions, ``nace-rev2.json``) and
scientific domains (NABS 2007 chapters, ``nabs-2007.json``).

``load_code_lists`` writes them to the database, found by code, so it can run
again after a file changes: a data migration runs it, and so does
``manage.py load_classifications``. A name missing in a language stays empty,
and the site shows the English name instead.
"""

import json
from pathlib import Path

from django.apps import apps as global_apps

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("fi", "en", "sv")


def read(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def names(item):
    """
    ``name`` and its translations; the untranslated column keeps Finnish, else English.
    ``name`` comes first: on the models modeltranslation patches, it writes the active
    language's column, which its own value then puts right.
    """
    translations = {f"name_{code}": item["name"].get(code, "") for code in LANGUAGES}
    return {"name": translations["name_fi"] or translations["name_en"], **translations}


def load_code_lists(apps=global_apps, schema_editor=None):
    """Create or update every code; returns ``{model name: (created, updated)}``."""
    EconomicDomain = apps.get_model("priorities", "EconomicDomain")
    ScientificDomain = apps.get_model("priorities", "ScientificDomain")
    counts = {"EconomicDomain": [0, 0], "ScientificDomain": [0, 0]}

    def save(model, code, **values):
        obj, created = model.objects.update_or_create(code=code, defaults=values)
        counts[model.__name__][0 if created else 1] += 1
        return obj

    order = 0
    for section in read("nace-rev2.json")["sections"]:
        order += 1
        parent = save(EconomicDomain, section["code"], section=None, order=order, **names(section))
        for division in section["divisions"]:
            order += 1
            save(EconomicDomain, division["code"], section=parent, order=order, **names(division))
    for chapter in read("nabs-2007.json")["chapters"]:
        save(ScientificDomain, chapter["code"], **names(chapter))
    return {name: tuple(pair) for name, pair in counts.items()}
