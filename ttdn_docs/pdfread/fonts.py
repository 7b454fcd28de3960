"""The fonts a PDF embeds and how many letters each prints.

With pypdfium2 the letters are counted per font family; without it (the extra ``pdf`` not
installed) poppler's ``pdffonts`` lists the fonts, each counted once. ``None`` when
neither is there.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ttdn_docs.pdfread.backend import available
from ttdn_docs.pdfread.text import font_family, read_pdf

_PDFFONTS_TIMEOUT_S = 60


@dataclass(frozen=True)
class FontUse:
    family: str  # "Liberation Serif"
    names: tuple[str, ...]  # base font names: "LiberationSerif-Bold", …
    letters: int
    embedded: bool


def font_uses(pdf: Path) -> list[FontUse] | None:
    """Font families of ``pdf``, most letters first."""
    if available():
        text = read_pdf(pdf)
        letters: dict[str, int] = {}
        names: dict[str, set[str]] = {}
        for line in text.lines():
            for span in line.spans:
                family = span.family
                letters[family] = letters.get(family, 0) + sum(c.isalpha() for c in span.text)
                names.setdefault(family, set()).add(span.font)
        embedded = {family: all(text.fonts.get(n, False) for n in names[family]) for family in names}
        uses = [FontUse(f, tuple(sorted(names[f])), letters[f], embedded[f]) for f in letters]
    else:
        listed = _pdffonts(pdf)
        if listed is None:
            return None
        grouped: dict[str, list[tuple[str, bool]]] = {}
        for name, emb in listed:
            grouped.setdefault(font_family(name), []).append((name, emb))
        uses = [
            FontUse(f, tuple(sorted(n for n, _ in items)), 1, all(e for _, e in items)) for f, items in grouped.items()
        ]
    return sorted(uses, key=lambda u: (-u.letters, u.family))


def _pdffonts(pdf: Path) -> list[tuple[str, bool]] | None:
    tool = shutil.which("pdffonts")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, str(pdf)], capture_output=True, text=True, timeout=_PDFFONTS_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return None
    out = []
    for row in done.stdout.splitlines()[2:]:
        cells = row.split()
        if len(cells) >= 5:
            # name type... emb sub uni object ID: "emb" is the fifth field from the end.
            out.append((font_family(cells[0]) and cells[0].split("+")[-1], cells[-5] == "yes"))
    return out
