"""
The interface's own words are translated into Finnish and Swedish, and the
catalogues are current.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
LOCALES = ["fi", "sv"]
SOURCE_FOLDERS = ["kainuu_portal", "regions", "priorities", "pages", "templates", "locale"]


def catalogue(locale, suffix="po"):
    return BASE_DIR / "locale" / locale / "LC_MESSAGES" / f"django.{suffix}"


def entries(po):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po if not entry.obsolete}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """The catalogues as makemessages would write them now, from a copy of the sources."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is needed: apt-get install gettext (the Makefile does this)")
    copy = tmp_path_factory.mktemp("sources")
    for folder in SOURCE_FOLDERS:
        shutil.copytree(BASE_DIR / folder, copy / folder)
    shutil.copy(BASE_DIR / "manage.py", copy / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--verbosity=0"]
        + [f"--locale={locale}" for locale in LOCALES],
        cwd=copy,
        check=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DEBUG": "true",
            "DJANGO_SETTINGS_MODULE": "kainuu_portal.settings",
        },
    )
    return copy


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_has_every_string_of_the_code(regenerated, locale):
    committed = polib.pofile(str(catalogue(locale)))
    current = polib.pofile(str(regenerated / "locale" / locale / "LC_MESSAGES" / "django.po"))
    missing = entries(current) - entries(committed)
    stale = entries(committed) - entries(current)
    assert not missing, f"run `make messages` and translate: {sorted(missing)[:10]}"
    assert not stale, f"run `make messages`: strings no longer used: {sorted(stale)[:10]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_string_is_translated(locale):
    po = polib.pofile(str(catalogue(locale)))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {locale}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {locale}: {fuzzy[:10]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_matches_its_source(locale):
    po = polib.pofile(str(catalogue(locale)))
    mo = polib.mofile(str(catalogue(locale, "mo")))

    def translated(entry):
        # A .mo entry has no translated(): msgfmt compiles only translated, non-fuzzy entries.
        if isinstance(entry, polib.POEntry):
            return entry.translated()
        return bool(entry.msgstr or all(entry.msgstr_plural.values()))

    def pairs(catalogue):
        return {
            (entry.msgctxt, entry.msgid, entry.msgstr or tuple(sorted(entry.msgstr_plural.items())))
            for entry in catalogue
            if entry.msgid and translated(entry)
        }

    assert pairs(po) == pairs(mo), "run `make messages` (compilemessages) and commit the .mo files"
