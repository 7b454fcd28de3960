"""The text layer of a PDF as lines with font, size, bold/italic and position.

PDFium (through pypdfium2, Apache-2.0/BSD) gives each character its box, font and size in
content-stream order; characters are joined into lines where the baseline stays and the
pen moves on, and a line is cut where a gap wider than a few spaces opens (the two
columns of a header, Nơi nhận beside the signature, text typed with tabs). Horizontal
lines drawn as paths (the lines under the motto and the trích yếu) are read as rules.

Coordinates are PDF points with the origin at the page's top-left corner, y growing
downwards, as a reader measures a printed page.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from ttdn_docs.errors import TtdnError
from ttdn_docs.pdfread.backend import pdfium

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC_NAME = re.compile(r"italic|oblique", re.IGNORECASE)
_STYLE_SUFFIX = re.compile(r"[-,](?:bold|italic|oblique|regular|roman|mt|ps|psmt|boldmt|italicmt|bolditalic|bolditalicmt)+$", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A gap wider than this many font sizes starts a new line on the same baseline.
_COLUMN_GAP_EM = 0.8
# … or wider than this where the font or size changes across it.
_STYLE_GAP_EM = 0.6
# A gap wider than this many font sizes between two letters is a space.
_SPACE_EM = 0.12
_FONT_ITALIC_FLAG = 1 << 6
_PATH_OBJECT = 2
_RULE_MAX_HEIGHT_PT = 2.5
_RULE_MIN_WIDTH_PT = 8.0
MAX_PAGES = 2_000
_T = TypeVar("_T")
_INVISIBLE = frozenset({0xA0, 0xAD, 0xFFFE, 0xFEFF, 0x200B, 0xFFFF})


class PdfReadError(TtdnError):
    """A file that cannot be read as a PDF."""


@dataclass(frozen=True)
class Span:
    """Characters of one line in one font and size."""

    text: str
    font: str  # base font name without the subset prefix: "LiberationSerif-Bold"
    size: float  # points
    bold: bool
    italic: bool
    x0: float
    x1: float

    @property
    def family(self) -> str:
        return font_family(self.font)


@dataclass(frozen=True)
class TextLine:
    """One printed line (or one column's part of it)."""

    page: int  # 1-based
    text: str
    x0: float
    top: float
    x1: float
    bottom: float  # top and bottom: the fonts' ascent and descent lines
    spans: tuple[Span, ...]

    @cached_property
    def size(self) -> float:
        """The size most of the line's letters are in."""
        return _dominant(self.spans, lambda s: s.size)

    @cached_property
    def font(self) -> str:
        return _dominant(self.spans, lambda s: s.font)

    @cached_property
    def bold(self) -> bool:
        """Every letter bold (spaces and punctuation do not count)."""
        lettered = [s for s in self.spans if any(c.isalnum() for c in s.text)]
        return bool(lettered) and all(s.bold for s in lettered)

    @cached_property
    def italic(self) -> bool:
        lettered = [s for s in self.spans if any(c.isalnum() for c in s.text)]
        return bool(lettered) and all(s.italic for s in lettered)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Rule:
    """A horizontal line drawn on the page."""

    page: int
    x0: float
    x1: float
    y: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class PdfPage:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[TextLine, ...]
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True)
class PdfText:
    """The text layer of a whole PDF."""

    name: str
    pages: tuple[PdfPage, ...]
    fonts: dict[str, bool] = field(default_factory=dict)  # base font name → embedded

    @property
    def has_text(self) -> bool:
        """Whether any page carries text (a scanned PDF is pictures only)."""
        return any(line.text.strip() for page in self.pages for line in page.lines)

    def lines(self) -> Iterator[TextLine]:
        for page in self.pages:
            yield from page.lines

    def find(self, text: str) -> list[TextLine]:
        """The lines that contain ``text`` (compared with spaces collapsed)."""
        wanted = " ".join(text.split())
        return [line for line in self.lines() if wanted in " ".join(line.text.split())]


def font_family(base_name: str) -> str:
    """``LiberationSerif-BoldItalic`` → ``Liberation Serif``; ``TimesNewRomanPS-BoldMT`` →
    ``Times New Roman``; ``Times New Roman,Bold`` → ``Times New Roman``."""
    name = _SUBSET.sub("", base_name)
    name = _STYLE_SUFFIX.sub("", name)
    name = re.sub(r"PS$|MT$", "", name)
    if " " not in name:
        name = _CAMEL.sub(" ", name).replace("Deja Vu", "DejaVu")
    return name.strip()


def read_pdf(source: str | Path | bytes, name: str | None = None) -> PdfText:
    """Read the text layer of a PDF file or bytes."""
    label = name or (str(source) if not isinstance(source, bytes) else "PDF")
    module = pdfium()
    try:
        document = module.PdfDocument(source if isinstance(source, bytes) else str(source))
    except module.PdfiumError as exc:
        raise PdfReadError(f"'{label}' không đọc được như tệp PDF ({_reason(exc)})") from None
    try:
        if len(document) > MAX_PAGES:
            raise PdfReadError(f"'{label}' có {len(document)} trang, quá {MAX_PAGES} trang; không đọc")
        fonts: dict[str, bool] = {}
        pages = tuple(_read_page(document, index, fonts) for index in range(len(document)))
    finally:
        document.close()
    return PdfText(label, pages, fonts)


def _reason(exc: Exception) -> str:
    text = str(exc)
    if "password" in text.lower():
        return "tệp có mật khẩu"
    return "tệp hỏng hoặc không phải PDF"


def _read_page(document: Any, index: int, fonts: dict[str, bool]) -> PdfPage:
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines = tuple(_lines(textpage, index + 1, height, fonts))
        finally:
            textpage.close()
        rules = tuple(_rules(page, index + 1, height))
    finally:
        page.close()
    return PdfPage(index + 1, width, height, lines, rules)


@dataclass(slots=True)
class _Char:
    text: str
    font: str
    size: float
    bold: bool
    italic: bool
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float


def _chars(textpage: Any, height: float, fonts: dict[str, bool]) -> Iterator[_Char]:
    """Each inked character of the page (spaces are put back from the gaps)."""
    raw = pdfium().raw
    handle = textpage.raw
    get_unicode, get_object, get_box = raw.FPDFText_GetUnicode, raw.FPDFText_GetTextObject, raw.FPDFText_GetLooseCharBox
    address = ctypes.c_size_t.from_buffer
    get_origin = raw.FPDFText_GetCharOrigin
    box = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    # Font, size and style are the text object's: looked up once per object.
    styles: dict[int, tuple[str, float, bool, bool]] = {}
    for i in range(raw.FPDFText_CountChars(handle)):
        code = get_unicode(handle, i)
        if code <= 0x20 or code in _INVISIBLE:
            continue
        key = address(get_object(handle, i)).value
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style(textpage, i, fonts)
        # The loose box spans the glyph's advance and the font's ascent and descent (the
        # ink box would open gaps between letters with wide side bearings).
        get_box(handle, i, box)
        get_origin(handle, i, ox, oy)
        font, size, bold, italic = style
        yield _Char(chr(code), font, size, bold, italic, box.left, box.right, height - box.top, height - box.bottom,
                    height - oy.value)


def _style(textpage: Any, index: int, fonts: dict[str, bool]) -> tuple[str, float, bool, bool]:
    raw = pdfium().raw
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    length = raw.FPDFText_GetFontInfo(textpage.raw, index, buffer, 256, flags)
    font = _SUBSET.sub("", buffer.raw[: max(length - 1, 0)].decode("utf-8", "replace"))
    weight = raw.FPDFText_GetFontWeight(textpage.raw, index)
    bold = weight >= 600 or bool(_BOLD_NAME.search(font))
    italic = bool(flags.value & _FONT_ITALIC_FLAG) or bool(_ITALIC_NAME.search(font))
    if font and font not in fonts:
        fonts[font] = _embedded(textpage, index)
    return font, round(raw.FPDFText_GetFontSize(textpage.raw, index), 2), bold, italic


def _embedded(textpage: Any, index: int) -> bool:
    raw = pdfium().raw
    obj = raw.FPDFText_GetTextObject(textpage.raw, index)
    if not obj:
        return False
    font = raw.FPDFTextObj_GetFont(obj)
    return bool(font) and bool(raw.FPDFFont_GetIsEmbedded(font))


def _lines(textpage: Any, page: int, height: float, fonts: dict[str, bool]) -> Iterator[TextLine]:
    # By position, not stream order: a producer may draw a line's letters in several
    # passes (LibreOffice draws the Vietnamese letters a fallback font supplies after the
    # rest of the line), and a table cell by cell.
    chars = list(_chars(textpage, height, fonts))
    for row in _rows(chars):
        row.sort(key=lambda c: c.x0)
        current: list[_Char] = []
        for char in row:
            if current and _column_gap(current, char):
                yield from _finish(current, page)
                current = []
            current.append(char)
        yield from _finish(current, page)


def _rows(chars: list[_Char]) -> list[list[_Char]]:
    """Characters grouped by baseline, top to bottom."""
    rows: list[list[_Char]] = []
    baseline = -1e9
    tolerance = 0.0
    for char in sorted(chars, key=lambda c: c.baseline):
        if rows and char.baseline - baseline <= tolerance:
            rows[-1].append(char)
            continue
        rows.append([char])
        baseline = char.baseline
        tolerance = max(char.size, 1.0) * 0.2
    return rows


def _column_gap(current: list[_Char], char: _Char) -> bool:
    last = current[-1]
    gap = char.x0 - last.x1
    em = max(last.size, char.size, 1.0)
    # A fallback font for a few letters is not a change of style.
    same_style = (last.size, last.bold, last.italic) == (char.size, char.bold, char.italic)
    return gap > em * (_COLUMN_GAP_EM if same_style else _STYLE_GAP_EM)


def _finish(chars: list[_Char], page: int) -> Iterator[TextLine]:
    if not chars:
        return
    # A space where the pen jumps further than letters ever sit apart.
    text: list[str] = [chars[0].text]
    spans: list[Span] = []
    start = 0
    for i in range(1, len(chars) + 1):
        if i < len(chars):
            gap = chars[i].x0 - chars[i - 1].x1
            spaced = gap > max(chars[i].size, 1.0) * _SPACE_EM
            if spaced:
                text.append(" ")
            text.append(chars[i].text)
            if _span_key(chars[i]) == _span_key(chars[start]):
                continue
        piece = chars[start:i]
        spans.append(Span(_joined(piece), piece[0].font, piece[0].size, piece[0].bold, piece[0].italic,
                          piece[0].x0, max(c.x1 for c in piece)))
        start = i
    yield TextLine(
        page, "".join(text), min(c.x0 for c in chars), min(c.top for c in chars),
        max(c.x1 for c in chars), max(c.bottom for c in chars), tuple(spans),
    )


def _joined(chars: list[_Char]) -> str:
    out = [chars[0].text]
    for before, char in zip(chars, chars[1:]):
        if char.x0 - before.x1 > max(char.size, 1.0) * _SPACE_EM:
            out.append(" ")
        out.append(char.text)
    return "".join(out)


def _span_key(char: _Char) -> tuple[str, float]:
    return (char.font, char.size)


def _rules(page: Any, number: int, height: float) -> Iterator[Rule]:
    raw = pdfium().raw
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(obj) != _PATH_OBJECT:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        if top.value - bottom.value <= _RULE_MAX_HEIGHT_PT and right.value - left.value >= _RULE_MIN_WIDTH_PT:
            yield Rule(number, left.value, right.value, height - (top.value + bottom.value) / 2)


def _dominant(spans: tuple[Span, ...], key: Callable[[Span], _T]) -> _T:
    weights: dict[_T, int] = {}
    for span in spans:
        letters = sum(c.isalnum() for c in span.text) or 0
        weights[key(span)] = weights.get(key(span), 0) + letters
    return max(weights, key=lambda k: weights[k]) if weights else key(spans[0])
