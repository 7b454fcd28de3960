"""Text lines of a PDF page with their positions, read with pypdfium2.

A minimal reader for what signing needs (where the signature block's lines are). Not yet
the shared ``ttdn_docs.pdfread``: that one groups glyphs by their boxes, so a line whose
letters come partly from a fallback font (``Ư`` drawn in DejaVu Serif on a machine without
Times New Roman) falls apart into fragments ("PHÓ BÍ TH TH", "Ư", "ƯỜ" …), and the signer's
place is then judged from a fragment. Glyphs are grouped here by their baseline origin,
which fallback glyphs share; to swap once pdfread does the same. Characters are grouped into
lines by their vertical centre, and a line is split into segments where a wide horizontal
gap separates two columns (``Nơi nhận:`` and ``TM. ỦY BAN NHÂN DÂN`` share a baseline).
Coordinates are PDF points, origin at the bottom left of the page.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# A gap wider than this many times the line's height separates two columns.
_COLUMN_GAP_FACTOR = 2.0


@dataclass(frozen=True)
class TextSegment:
    """One run of text on one line of one column: NFC text, box and font size."""

    page: int  # 0-based
    text: str
    left: float
    bottom: float
    right: float
    top: float
    font_size: float

    @property
    def centre_x(self) -> float:
        return (self.left + self.right) / 2

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(frozen=True)
class PageText:
    index: int
    width: float
    height: float
    segments: tuple[TextSegment, ...]


@dataclass
class _Char:
    text: str
    x: float  # origin: where the glyph sits on its baseline
    y: float
    left: float
    bottom: float
    right: float
    top: float
    size: float


def read_pages(pdf: Path | bytes) -> list[PageText]:
    """Every page's text segments, top to bottom, left to right."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]  # no py.typed marker

    document = pdfium.PdfDocument(pdf)
    try:
        return [_read_page(document[i], i) for i in range(len(document))]
    finally:
        document.close()


def _read_page(page: Any, index: int) -> PageText:
    import ctypes

    import pypdfium2.raw as raw  # type: ignore[import-untyped]

    width, height = page.get_size()
    textpage = page.get_textpage()
    chars: list[_Char] = []
    box = [ctypes.c_double() for _ in range(4)]
    origin = [ctypes.c_double() for _ in range(2)]
    for i in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(textpage, i)
        if code in (0, 0xFFFE, 0xFFFF) or chr(code) in "\r\n\x02":
            continue
        raw.FPDFText_GetCharBox(textpage, i, *box)
        raw.FPDFText_GetCharOrigin(textpage, i, *origin)
        left, right, bottom, top = (v.value for v in box)
        size = float(raw.FPDFText_GetFontSize(textpage, i))
        if unicodedata.combining(chr(code)) and chars:
            chars[-1].text += chr(code)  # a mark drawn as its own glyph joins its letter
            continue
        chars.append(_Char(chr(code), origin[0].value, origin[1].value, left, bottom, right, top, size))
    return PageText(index, float(width), float(height), tuple(_segments(chars, index)))


def _segments(chars: list[_Char], page: int) -> list[TextSegment]:
    lines: list[list[_Char]] = []
    for char in chars:  # content order: a line's glyphs mostly come together
        for line in reversed(lines):
            if abs(char.y - line[0].y) < max(line[0].size, char.size) * 0.25:
                line.append(char)
                break
        else:
            lines.append([char])
    segments: list[TextSegment] = []
    for line in lines:
        line.sort(key=lambda c: c.x)
        glyphs = [c for c in line if c.text.strip()]
        if not glyphs:
            continue
        size = max(c.size for c in glyphs)
        run: list[_Char] = []
        for char in line:
            if run and char.text.strip() and char.x - _last_right(run) > size * _COLUMN_GAP_FACTOR:
                segments.append(_segment(run, page))
                run = []
            run.append(char)
        segments.append(_segment(run, page))
    segments = [s for s in segments if s.text]
    segments.sort(key=lambda s: (-s.top, s.left))
    return segments


def _last_right(run: list[_Char]) -> float:
    glyphs = [c for c in run if c.text.strip()]
    return glyphs[-1].right if glyphs else run[-1].x


def _real_space(run: list[_Char], i: int) -> bool:
    """pdfium infers spaces from gaps, and LibreOffice leaves small gaps after glyphs with
    a separate tone mark: a space counts when the glyphs either side stand apart."""
    before = next((c for c in reversed(run[:i]) if c.text.strip()), None)
    after = next((c for c in run[i + 1:] if c.text.strip()), None)
    if before is None or after is None:
        return False
    return after.left - before.right > max(before.size, after.size) * 0.15


def _segment(run: list[_Char], page: int) -> TextSegment:
    glyphs = [c for c in run if c.text.strip()]
    text = ""
    for i, char in enumerate(run):
        if char.text.strip():
            text += char.text
        elif _real_space(run, i):
            text += " "
    if not glyphs:
        return TextSegment(page, "", 0, 0, 0, 0, 0)
    return TextSegment(
        page=page,
        text=unicodedata.normalize("NFC", " ".join(text.split())),
        left=min(c.left for c in glyphs),
        bottom=min(c.bottom for c in glyphs),
        right=max(c.right for c in glyphs),
        top=max(c.top for c in glyphs),
        font_size=max(c.size for c in glyphs),
    )
