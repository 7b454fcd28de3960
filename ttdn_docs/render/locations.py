"""Map a line of a patched template part back to where it is in Word.

docxtpl's pre-processor removes the paragraphs that hold only ``{%p …%}`` tags (and the
rows/cells of ``{%tr``/``{%tc``); our engine then starts a new line at every remaining
``<w:p``. So line N+1 of the patched source is the N-th paragraph that survives, which
this module turns into "body, paragraph 12" or "table 1, row 1, cell 2, paragraph 3".
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ttdn_docs.ooxml_ns import W

_PARAGRAPH_BREAK = re.compile(r"\n<w:p[ >]")
_REMOVED = {"p": re.compile(r"\{[%{#]p\s"), "tr": re.compile(r"\{[%{#]tr\s"), "tc": re.compile(r"\{[%{#]tc\s")}


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def paragraph_locations(xml: bytes, part: str) -> list[str]:
    """Location of each paragraph that survives docxtpl's patching, in order."""
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    label = "thân văn bản" if part == "word/document.xml" else part
    locations: list[str] = []
    body_index = 0
    tables: dict[Any, int] = {}
    for paragraph in root.iter(f"{W}p"):
        cell = next(paragraph.iterancestors(f"{W}tc"), None)
        row = cell.getparent() if cell is not None else None
        if _REMOVED["p"].search(_text(paragraph)):
            continue
        if row is not None and _REMOVED["tr"].search(_text(row)):
            continue
        if cell is not None and _REMOVED["tc"].search(_text(cell)):
            continue
        if cell is None or row is None:
            body_index += 1
            locations.append(f"{label}, đoạn {body_index}")
            continue
        table = row.getparent()
        table_no = tables.setdefault(table, len(tables) + 1)
        rows = list(table.iterchildren(f"{W}tr"))
        cells = list(row.iterchildren(f"{W}tc"))
        paragraphs = list(cell.iter(f"{W}p"))
        locations.append(
            f"{label}, bảng {table_no}, hàng {rows.index(row) + 1}, ô {cells.index(cell) + 1}, "
            f"đoạn {paragraphs.index(paragraph) + 1}"
        )
    return locations


def where(locations: list[str], patched: str, lineno: int | None, part: str) -> str:
    """The location of Jinja line ``lineno`` of the ``patched`` source: the paragraph that
    starts on the last line at or before it."""
    if lineno is None:
        return part
    index = -1
    newlines, scanned = 0, 0
    for match in _PARAGRAPH_BREAK.finditer(patched):
        newlines += patched.count("\n", scanned, match.start())
        scanned = match.start()
        if newlines + 2 > lineno:  # the paragraph's "<w:p" is on line newlines + 2
            break
        index += 1
    if 0 <= index < len(locations):
        return locations[index]
    return part
