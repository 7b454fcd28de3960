"""Approximate text widths in Times New Roman, to size separator lines.

The rule books size lines relative to the text above them (as long as the title; 1/3–1/2
of the issuing body's name). Widths come from Liberation Serif, which is metric-compatible
with Times New Roman (``scripts/build_font_metrics.py``); a letter with diacritics has
its base letter's advance width.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "serif_widths.json"
_FALLBACK = 500  # 1/1000 em, an average lower-case advance


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, int]]:
    data: dict[str, dict[str, int]] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


def text_width_twips(text: str, size_pt: float, bold: bool = False) -> int:
    """Width of ``text`` set in one line at ``size_pt``, in twips (1/20 pt)."""
    table = _tables()["bold" if bold else "regular"]
    total = 0
    for char in text:
        if char in table:
            total += table[char]
            continue
        base = unicodedata.normalize("NFD", char)[:1]
        total += table.get(base, _FALLBACK)
    return round(total / 1000 * size_pt * 20)


def line_indents(text_twips: int, cell_twips: int, ratio: float) -> tuple[int, int]:
    """Left and right indents that centre a line of ``ratio`` × the text width in a cell."""
    length = min(round(text_twips * ratio), cell_twips)
    side = max((cell_twips - length) // 2, 0)
    return side, side


def box_indents(text_twips: int, cell_twips: int, align: str, padding_twips: int) -> tuple[int, int]:
    """Left and right indents of a boxed one-line paragraph (a paragraph border drawn at its
    indents) that hugs the text: ``padding_twips`` on each side, placed in the cell as the
    paragraph is aligned."""
    box = min(text_twips + 2 * padding_twips, cell_twips)
    spare = cell_twips - box
    if align == "right":
        return spare, 0
    if align in ("center", "justify"):
        return spare // 2, spare - spare // 2
    return 0, spare
