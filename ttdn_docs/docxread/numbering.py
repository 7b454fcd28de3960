"""Word's automatic numbering resolved to what the reader sees: "I.", "1.", "a)", "-".

A heading typed with Word's numbering button holds no number in its text; the number is
drawn from ``numbering.xml``: the paragraph names a list (``w:numId``) and a level
(``w:ilvl``), directly or through its style; the list's abstract definition gives each
level a format (``upperRoman``, ``decimal``, ``lowerLetter``, ``bullet`` …), a start and
a text such as ``%1.`` or ``%1.%2.``. Counting the paragraphs of each list in reading
order gives every paragraph its visible label, so the checker judges the sequence and
the importer reads the structure exactly as for typed numbers.

Word's counters: lists that point to the same abstract definition continue each other;
a list with a ``w:startOverride`` ("restart numbering") starts its levels again at its
first paragraph, and the lists after it continue from there (as Word and LibreOffice
show it); a level restarts after any shallower level (``w:lvlRestart`` aside, which
offices do not use).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from ttdn_docs.docxread.formatting import W, Formatter, child
from ttdn_docs.docxread.units import ooxml_int
from ttdn_docs.vn.numbering import roman

_LEVEL_TEXT = re.compile(r"%([1-9])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Bullet glyphs as Word stores them (Symbol and Wingdings private-use code points too),
# shown as the character a reader sees.
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "o": "○", "\uf02d": "-", "–": "–", "-": "-"}


@dataclass(frozen=True)
class Level:
    format: str  # decimal, upperRoman, lowerLetter, bullet, none …
    text: str  # "%1.", "%1.%2.", "-"
    start: int


@dataclass(frozen=True)
class ListInstance:
    abstract: str
    overrides: dict[int, int]  # level → start override
    restarts: bool  # starts its levels again at its first paragraph (a start override)


class Numbering:
    """The definitions of ``numbering.xml``."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.lists: dict[str, ListInstance] = {}
        if root is None:
            return
        for abstract in root.iterfind(f"{W}abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.iterfind(f"{W}lvl"):
                levels[_int(lvl.get(f"{W}ilvl"), 0)] = Level(
                    format=_val(child(lvl, f"{W}numFmt")) or "decimal",
                    text=(_val(child(lvl, f"{W}lvlText")) or "")[:MAX_LABEL],
                    start=_int(_val(child(lvl, f"{W}start")), 1),
                )
            self.abstracts[abstract.get(f"{W}abstractNumId") or ""] = levels
        for num in root.iterfind(f"{W}num"):
            overrides = {
                _int(o.get(f"{W}ilvl"), 0): _int(_val(child(o, f"{W}startOverride")), 1)
                for o in num.iterfind(f"{W}lvlOverride")
                if child(o, f"{W}startOverride") is not None
            }
            abstract_id = _val(child(num, f"{W}abstractNumId")) or ""
            self.lists[num.get(f"{W}numId") or ""] = ListInstance(abstract_id, overrides, bool(overrides))

    def level(self, num_id: str, ilvl: int) -> Level | None:
        instance = self.lists.get(num_id)
        if instance is None:
            return None
        return self.abstracts.get(instance.abstract, {}).get(ilvl)

    def labels(self, paragraphs: Iterable[tuple[etree._Element, str | None]], formatter: Formatter) -> list[str]:
        """The visible label of each paragraph (``""`` when it is not numbered), counting
        in the order given."""
        counters: dict[str, dict[int, int]] = {}  # by abstract definition
        restarted: set[str] = set()
        out: list[str] = []
        for p, table_style in paragraphs:
            reference = formatter.numbering_of(p, table_style)
            instance = self.lists.get(reference[0]) if reference else None
            if reference is None or instance is None:
                out.append("")
                continue
            num_id, ilvl = reference
            levels = self.abstracts.get(instance.abstract, {})
            if ilvl not in levels:
                out.append("")
                continue
            counter = counters.setdefault(instance.abstract, {})
            if instance.restarts and num_id not in restarted:
                # "Restart numbering": the overridden levels start again here, once.
                restarted.add(num_id)
                for level in [k for k in counter if k >= min(instance.overrides)]:
                    del counter[level]
            start = instance.overrides.get(ilvl, levels[ilvl].start)
            counter[ilvl] = counter[ilvl] + 1 if ilvl in counter else start
            for deeper in [k for k in counter if k > ilvl]:
                del counter[deeper]
            # A level text repeating '%1' a million times is no label: cut it.
            out.append(_label(levels, counter, ilvl, instance)[:MAX_LABEL])
        return out


def _label(levels: dict[int, Level], counter: dict[int, int], ilvl: int, instance: ListInstance) -> str:
    level = levels[ilvl]
    if level.format == "bullet":
        return _BULLETS.get(level.text, "•")
    if level.format == "none":
        return ""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        shown = levels.get(index)
        if shown is None:
            return ""
        number = counter.get(index, instance.overrides.get(index, shown.start))
        return format_number(shown.format, number)

    return _LEVEL_TEXT.sub(value, level.text)


def format_number(style: str, number: int) -> str:
    """A counter in one of Word's number formats (the ones offices use). Beyond
    ``MAX_COUNTER`` (Word's own limit for a start value) a letter or Roman label would be
    megabytes long: such a counter is shown in digits."""
    if (number < 1 or number > MAX_COUNTER) and style not in ("decimal", "decimalZero"):
        return str(number)
    if style == "upperRoman":
        return roman(number)
    if style == "lowerRoman":
        return roman(number).lower()
    if style in ("upperLetter", "lowerLetter"):
        letter = _LETTERS[(number - 1) % 26] * ((number - 1) // 26 + 1)
        return letter.upper() if style == "upperLetter" else letter
    if style == "decimalZero":
        return f"{number:02d}"
    return str(number)


# Word accepts start values up to 32767.
MAX_COUNTER = 32_767
MAX_LABEL = 64


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(f"{W}val")


def _int(value: str | None, default: int) -> int:
    found = ooxml_int(value)
    return default if found is None else max(min(found, MAX_COUNTER), -MAX_COUNTER)
