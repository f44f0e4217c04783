"""
Comparing two programme periods: which priorities, focus areas and
cross-cutting themes were added, kept or dropped.

Two items are the same item when editors gave them the same comparison key.
Items without a key are matched by their normalised title (in the default
language, where editors write first), so “Matkailu” and “matkailu.” match.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.utils.translation import gettext_lazy as _


class Change(StrEnum):
    ADDED = "added"
    KEPT = "kept"
    DROPPED = "dropped"

    @property
    def label(self):
        return {
            Change.ADDED: _("Added"),
            Change.KEPT: _("Kept"),
            Change.DROPPED: _("Dropped"),
        }[self]


@dataclass
class Row:
    """One item of either period: ``old`` in period A, ``new`` in period B (or None)."""

    old: object
    new: object
    children: list = field(default_factory=list)

    @property
    def change(self):
        if self.old is None:
            return Change.ADDED
        if self.new is None:
            return Change.DROPPED
        return Change.KEPT

    @property
    def item(self):
        """The item to name the row by: the newer one where there is one."""
        return self.new if self.new is not None else self.old


PUNCTUATION = re.compile(r"[^\w\s]")


def normalise(text):
    """Lower case, without accents' variants, punctuation or repeated spaces."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(PUNCTUATION.sub(" ", text).split())


def title_key(item):
    default = getattr(item, f"title_{settings.LANGUAGE_CODE}", "") or ""
    return normalise(default or item.title)


def match(old_items, new_items):
    """
    Pair the items of two periods. Items with a key are paired by key; the rest,
    where at least one of the pair has no key, by normalised title. The rows
    follow period B's order, with the dropped items of period A after them.
    """
    old_items, new_items = list(old_items), list(new_items)
    partner = {}  # id(new) -> old
    taken = set()  # id(old)

    old_by_key = {}
    for old in old_items:
        if old.key:
            old_by_key.setdefault(old.key, old)
    for new in new_items:
        old = old_by_key.get(new.key) if new.key else None
        if old is not None and id(old) not in taken:
            partner[id(new)] = old
            taken.add(id(old))

    old_by_title = {}
    for old in old_items:
        if id(old) not in taken:
            old_by_title.setdefault(title_key(old), []).append(old)
    for new in new_items:
        if id(new) in partner:
            continue
        for old in old_by_title.get(title_key(new), []):
            # Two different keys mean editors told the items apart on purpose.
            if id(old) not in taken and not (old.key and new.key):
                partner[id(new)] = old
                taken.add(id(old))
                break

    rows = [Row(old=partner.get(id(new)), new=new) for new in new_items]
    rows += [Row(old=old, new=None) for old in old_items if id(old) not in taken]
    return rows


def focus_areas(priority):
    return priority.focus_areas if priority is not None else []


def compare_programmes(items_a, items_b):
    """
    Rows for the priorities (each with rows for its focus areas) and the cross-cutting
    themes of two programmes, each given as ``{"priorities", "themes"}`` (a priority's
    focus areas in its ``focus_areas``).
    """
    priorities = match(items_a["priorities"], items_b["priorities"])
    for row in priorities:
        row.children = match(focus_areas(row.old), focus_areas(row.new))
    themes = match(items_a["themes"], items_b["themes"])
    return {"priorities": priorities, "themes": themes}
