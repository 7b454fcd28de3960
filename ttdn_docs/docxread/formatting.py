"""Effective formatting of paragraphs and runs, resolved as Word does.

A file written by hand carries its formatting on styles, not runs: Normal is 14 pt Times
New Roman, a "Tiêu đề" style is bold, and the runs say nothing. So every property is
looked up along the chain a word processor uses, nearest first:

* run: direct ``w:rPr`` → character style (``w:rStyle``, following ``w:basedOn``) →
  paragraph style chain → table style chain → ``w:docDefaults``;
* paragraph: direct ``w:pPr`` → paragraph style chain (the default paragraph style when
  none is named) → table style chain → ``w:docDefaults``.

Each attribute is resolved on its own (``w:ind w:left`` may come from the style while
``w:firstLine`` is direct). Fonts are resolved per script slot (ascii, hAnsi, eastAsia,
cs), theme fonts (``w:asciiTheme="minorHAnsi"``) through the theme part. The paragraph
mark's own ``w:rPr`` formats the mark only, not the text, and is used only for a
paragraph without text. Simplification: toggle properties (bold, italic) take the nearest
explicit value instead of Word's XOR of styles, which differs only for styles that
switch bold on and off again along one chain.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from lxml import etree

from ttdn_docs.boundedcache import BoundedCache
from ttdn_docs.docxread.interning import INTERNED_ATTR, InternedPart, ParsedSet, source_keys
from ttdn_docs.docxread.units import TWIPS_PER_PT, lines_from_points, ooxml_int
from ttdn_docs.errors import UnsafeDocxError
from ttdn_docs.ooxml_ns import W as W  # re-exported: the reader modules take it from here

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_RFONTS = f"{W}rFonts"
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
_OFF = {"0", "false", "off", "none"}
_JUSTIFIED = {"both", "distribute", "thaiDistribute", "lowKashida", "mediumKashida", "highKashida"}
# Bounds of one document (a real one: 100–400 styles, under 1,000 distinct run formats):
# each style and each distinct format costs a resolution, so a file of a few hundred
# kilobytes could otherwise hold work for minutes.
MAX_STYLES = 10_000
MAX_RUN_FORMATS = 5_000
_MAX_CHAIN = 32  # basedOn ancestors followed (Word itself stops far earlier)
_ALIGN = {"center": "center", "right": "right", "end": "right", "left": "left", "start": "left"}
# Containers whose runs are part of the paragraph's text (deleted text is not).
_RUN_CONTAINERS = {
    f"{W}{name}"
    for name in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "dir", "bdo", "moveTo")
}
_DEFAULT_SIZE_PT = 10.0
# "Not read yet", where ``None`` is a value (no paragraph style).
_UNREAD: object = object()
_TAB_ALIGN = {"center": "center", "right": "right", "end": "right", "decimal": "right", "left": "left", "start": "left"}



@dataclass(frozen=True)
class RunFormat:
    text: str
    fonts: dict[str, str | None]
    size: float
    bold: bool
    italic: bool
    underline: bool
    caps: bool
    # Which of the East Asian and complex-script slots the run itself names a font for
    # (not its styles); whether ``w:hint="eastAsia"`` or ``w:cs``/``w:rtl`` make those
    # slots draw its text.
    explicit_slots: frozenset[str] = frozenset()
    east_asian_hint: bool = False
    complex_script: bool = False

    def with_text(self, text: str) -> RunFormat:
        """The same formatting with other text: a copy made without the frozen
        ``__init__`` (one per run of every file; the fields are copied, not computed)."""
        copy = object.__new__(RunFormat)
        fields = self.__dict__.copy()
        fields["text"] = text
        object.__setattr__(copy, "__dict__", fields)  # a whole dict at once: a third faster
        return copy


@dataclass(frozen=True)
class ParaFormat:
    align: str  # left | center | right | justify
    left: int  # twips
    right: int
    first_line: int  # twips; negative for a hanging indent
    before: float  # pt
    after: float  # pt
    line_rule: str  # auto | exact | atLeast
    line: int  # 240ths of a line (auto) or twips (exact, atLeast)
    numbered: bool
    border_top: bool
    border_bottom: bool

    def line_spacing(self, size_pt: float) -> float:
        """Line spacing as a multiple of a single line."""
        if self.line_rule == "auto":
            return self.line / 240
        return lines_from_points(self.line / TWIPS_PER_PT, size_pt)


def child(parent: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child with a tag: a plain loop, several times faster than lxml's
    ``find`` on the few children of a properties element."""
    if parent is None:
        return None
    for element in parent:
        if element.tag == tag:
            return element
    return None


def properties(element: etree._Element) -> etree._Element | None:
    """The ``w:pPr`` of a paragraph, ``w:rPr`` of a run, ``w:tcPr`` … : by the schema its
    first child, so nothing else is searched (Word and LibreOffice write it first)."""
    # Not len(element): lxml counts every child, and a paragraph may hold 200,000 runs.
    # Indexing takes the first child without the iterator ``next(iter(…))`` builds
    # (half the cost; read for every paragraph, run and cell).
    try:
        first = element[0]
    except IndexError:
        return None
    return first if first.tag == _PROPERTIES.get(element.tag) else None


_PROPERTIES = {f"{W}{k}": f"{W}{v}" for k, v in (("p", "pPr"), ("r", "rPr"), ("tc", "tcPr"), ("tbl", "tblPr"), ("tr", "trPr"))}


def toggle(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(f"{W}val", "true") not in _OFF


def _int(value: str | None) -> int | None:
    return ooxml_int(value)


class StyleSheet:
    """The styles part and theme fonts of one document, with cached style chains."""

    def __init__(self, styles: etree._Element | None, theme_fonts: dict[str, str]) -> None:
        self._styles: dict[str, etree._Element] = {}
        self._chains: dict[str, tuple[etree._Element, ...]] = {}
        self._defaults: dict[str, str] = {}
        self._numbering_memo: dict[str, bool] = {}
        self.theme_fonts = theme_fonts
        # Resolved formats by the direct properties that produced them: a sheet is shared
        # by every file of one template, and most paragraphs repeat a few property sets.
        self.resolved_paras: BoundedCache[tuple[str | None, bytes | None], ParaFormat] = BoundedCache(4096)
        self.resolved_runs: BoundedCache[tuple[str | None, str | None, bytes | None, bool], RunFormat] = BoundedCache(4096)
        self.doc_rpr: etree._Element | None = None
        self.doc_ppr: etree._Element | None = None
        self.numbered_styles: set[str] = set()
        if styles is None:
            return
        for count, style in enumerate(styles.iterfind(f"{W}style")):
            if count >= MAX_STYLES:
                raise UnsafeDocxError(
                    f"tệp có quá nhiều kiểu (style), trên {MAX_STYLES:_}; hãy lưu văn bản sang một tệp mới "
                    "chỉ giữ các kiểu đang dùng".replace("_", ".")
                )
            style_id = style.get(f"{W}styleId")
            if style_id is None:
                continue
            self._styles[style_id] = style
            if style.get(f"{W}default") in {"1", "true", "on"}:
                self._defaults.setdefault(style.get(f"{W}type", "paragraph"), style_id)
        # The paragraph styles that number their paragraphs (Word's list styles), own
        # or inherited.
        self.numbered_styles = {
            style_id for style_id, style in self._styles.items()
            if style.get(f"{W}type") == "paragraph" and self._numbers(style_id)
        }
        defaults = styles.find(f"{W}docDefaults")
        if defaults is not None:
            self.doc_rpr = defaults.find(f"{W}rPrDefault/{W}rPr")
            self.doc_ppr = defaults.find(f"{W}pPrDefault/{W}pPr")

    def _numbers(self, style_id: str) -> bool:
        """Whether a style or an ancestor numbers its paragraphs; memoised, so that a
        sheet of many chained styles costs one look at each."""
        known = self._numbering_memo.get(style_id)
        if known is None:
            chain = self.chain(style_id)
            known = False
            for depth, style in enumerate(chain):
                if style.find(f"{W}pPr/{W}numPr") is not None:
                    known = True
                    break
                parent_id = chain[depth + 1].get(f"{W}styleId") if depth + 1 < len(chain) else None
                if parent_id is not None and parent_id in self._numbering_memo:
                    known = self._numbering_memo[parent_id]
                    break
            self._numbering_memo[style_id] = known
        return known

    def name(self, style_id: str | None) -> str | None:
        style = self._styles.get(style_id or "")
        if style is None:
            return None
        name = style.find(f"{W}name")
        return None if name is None else name.get(f"{W}val")

    def default(self, kind: str) -> str | None:
        return self._defaults.get(kind)

    def chain(self, style_id: str | None) -> tuple[etree._Element, ...]:
        """The style and its ``basedOn`` ancestors, nearest first (cached)."""
        key = style_id or ""
        cached = self._chains.get(key)
        if cached is None:
            cached = self._chains[key] = self._build_chain(style_id)
        return cached

    def _build_chain(self, style_id: str | None) -> tuple[etree._Element, ...]:
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(out) < _MAX_CHAIN:
            known = self._chains.get(style_id)
            if known is not None:
                # The rest is an ancestor's chain already built: a sheet of thousands of
                # chained styles costs one step per style, not one per ancestor.
                for inherited in known:
                    ancestor = inherited.get(f"{W}styleId") or ""
                    if ancestor in seen or len(out) >= _MAX_CHAIN:
                        break
                    seen.add(ancestor)
                    out.append(inherited)
                break
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            out.append(style)
            based = style.find(f"{W}basedOn")
            style_id = None if based is None else based.get(f"{W}val")
        return tuple(out)


class Formatter:
    """Resolves the effective formatting of paragraphs of one document."""

    def __init__(
        self,
        sheet: StyleSheet,
        interned: InternedPart | None = None,
        sets: list[ParsedSet] | None = None,
        *,
        name: str = "",
    ) -> None:
        """``interned`` and ``sets``: the main part's property sets when it was parsed
        with placeholders for them (``interning``); ``name``: the file, for messages."""
        self.sheet = sheet
        self.name = name
        # Direct properties elements → their source bytes (see ``learn_sources``).
        self._sources: dict[etree._Element, bytes] = {}
        # A set's key: its content after a NUL, which no source slice or serialization
        # holds, so that no two kinds of key can be equal.
        self._fragments = tuple(b"\0" + content for content in interned.fragments) if interned is not None else ()
        self._sets: list[ParsedSet] = sets or []
        self._resolved_keys: set[tuple[str | None, str | None, bytes | None, bool]] = set()
        for parsed in self._sets:
            if parsed.inner_keys:
                self._sources.update(parsed.inner_keys)

    def real(self, element: etree._Element | None) -> etree._Element | None:
        """The properties element a placeholder stands for; any other element as it is."""
        if element is None:
            return None
        number = element.get(INTERNED_ATTR)
        return element if number is None else self._sets[int(number)].element

    def style_id(self, p: etree._Element) -> str | None:
        """The paragraph style named in a paragraph's own properties."""
        ppr = properties(p)
        if ppr is None:
            return None
        number = ppr.get(INTERNED_ATTR)
        if number is not None:
            return self._sets[int(number)].style_id
        style = child(ppr, f"{W}pStyle")
        return None if style is None else style.get(f"{W}val")

    def learn_sources(self, root: etree._Element, blob: bytes) -> None:
        """Remember the source bytes of every ``w:rPr`` and ``w:pPr`` of a parsed part
        (see ``source_keys``)."""
        self._sources.update(source_keys(root, blob))

    def adopt_sources(self, keys: dict[etree._Element, bytes]) -> None:
        """Source keys learnt earlier for a part this document shares (a cached header)."""
        self._sources.update(keys)

    def _key(self, properties: etree._Element | None) -> bytes | None:
        """Direct properties as bytes: the key of what they resolve to."""
        if properties is None:
            return None
        number = properties.get(INTERNED_ATTR)
        if number is not None:
            return self._fragments[int(number)]
        found = self._sources.get(properties)
        return found if found is not None else etree.tostring(properties, with_tail=False)

    # -- chains ---------------------------------------------------------------------
    def _paragraph_styles(self, p: etree._Element, table_style: str | None) -> tuple[etree._Element, ...]:
        style_id = self.style_id(p) or self.sheet.default("paragraph")
        return self.sheet.chain(style_id) + self.sheet.chain(table_style)

    def ppr_chain(self, p: etree._Element, table_style: str | None) -> list[etree._Element]:
        chain = [self.real(p.find(f"{W}pPr"))]
        chain += [s.find(f"{W}pPr") for s in self._paragraph_styles(p, table_style)]
        chain.append(self.sheet.doc_ppr)
        return [e for e in chain if e is not None]

    def rpr_chain(
        self, p: etree._Element, r: etree._Element | None, table_style: str | None
    ) -> list[etree._Element]:
        if r is None:  # the paragraph mark
            chain = [self._mark_properties(p)]
        else:
            rpr = self.real(r.find(f"{W}rPr"))
            chain = [rpr]
            rstyle = rpr.find(f"{W}rStyle") if rpr is not None else None
            char_style = rstyle.get(f"{W}val") if rstyle is not None else self.sheet.default("character")
            chain += [s.find(f"{W}rPr") for s in self.sheet.chain(char_style)]
        chain += [s.find(f"{W}rPr") for s in self._paragraph_styles(p, table_style)]
        chain.append(self.sheet.doc_rpr)
        return [e for e in chain if e is not None]

    def may_be_numbered(self, p: etree._Element) -> bool:
        """Cheap test before ``numbering_of``: a direct ``w:numPr`` or a list style."""
        if child(self.real(properties(p)), f"{W}numPr") is not None:
            return True
        return (self.style_id(p) or self.sheet.default("paragraph") or "") in self.sheet.numbered_styles

    def numbering_of(self, p: etree._Element, table_style: str | None = None) -> tuple[str, int] | None:
        """The list (``w:numId``) and level a paragraph is numbered with, directly or
        through its style; ``None`` when it is not numbered."""
        chain = self.ppr_chain(p, table_style)
        num = _nearest(chain, f"{W}numPr/{W}numId")
        if num is None or num.get(f"{W}val", "0") == "0":
            return None
        level = _nearest(chain, f"{W}numPr/{W}ilvl")
        return num.get(f"{W}val", ""), (_int(level.get(f"{W}val")) or 0) if level is not None else 0

    def tab_stops(self, p: etree._Element, table_style: str | None = None) -> list[str]:
        """The alignment of each tab stop (left, center, right), in position order."""
        return [align for _position, align in self.tab_stop_list(p, table_style)]

    def tab_stop_list(self, p: etree._Element, table_style: str | None = None) -> list[tuple[int, str]]:
        """Each tab stop's position (twips) and alignment, in position order: the style
        chain's and the paragraph's own, less those a nearer level clears."""
        stops: dict[int, str] = {}
        cleared: set[int] = set()
        for ppr in self.ppr_chain(p, table_style):  # nearest first
            tabs = child(ppr, f"{W}tabs")
            if tabs is None:
                continue
            for tab in tabs:
                position = _int(tab.get(f"{W}pos"))
                if position is None or position in stops or position in cleared:
                    continue
                kind = tab.get(f"{W}val", "left")
                if kind == "clear":
                    cleared.add(position)
                else:
                    stops[position] = _TAB_ALIGN.get(kind, "left")
        return sorted(stops.items())

    # -- runs -----------------------------------------------------------------------
    def runs(
        self,
        p: etree._Element,
        table_style: str | None = None,
        texts: list[tuple[etree._Element, str]] | None = None,
        style_id: str | None | object = _UNREAD,
    ) -> list[RunFormat]:
        """The runs that carry text, each with its effective formatting (``texts``: the
        paragraph's runs with their text, when already read; ``style``: its paragraph
        style id, when already read)."""
        style = self.style_id(p) if style_id is _UNREAD else cast("str | None", style_id)
        pairs = texts if texts is not None else run_texts(p)
        # One loop for every run of every file: the cache lookup is inlined.
        resolved = self.sheet.resolved_runs
        fragments = self._fragments
        out = []
        for r, text in pairs:
            rpr = None
            if len(r):
                first = r[0]  # one proxy, not two
                if first.tag == _RPR:
                    rpr = first
            if rpr is None:
                direct = None
            else:
                number = rpr.get(INTERNED_ATTR)
                direct = fragments[int(number)] if number is not None else self._key(rpr)
            key = (style, table_style, direct, False)
            found = resolved.get(key)
            if found is None:
                self._count_format(key)
                found = resolved.put(key, self._run("", self.rpr_chain(p, r, table_style), self.real(rpr)))
            out.append(found.with_text(text))
        return out

    def _count_format(self, key: tuple[str | None, str | None, bytes | None, bool]) -> None:
        """Refuse a document past ``MAX_RUN_FORMATS`` distinct run formats."""
        self._resolved_keys.add(key)
        if len(self._resolved_keys) > MAX_RUN_FORMATS:
            raise UnsafeDocxError(
                f"{self.name}: tệp có quá nhiều kiểu định dạng chữ khác nhau (trên {MAX_RUN_FORMATS:_}); hãy lưu văn bản "
                "sang một tệp mới hoặc xóa định dạng thừa (Ctrl+Space)".replace("_", ".")
            )

    def mark(self, p: etree._Element, table_style: str | None = None) -> RunFormat:
        return self._cached_run(p, None, self.style_id(p), table_style, "")

    def _cached_run(
        self, p: etree._Element, r: etree._Element | None, style: str | None, table_style: str | None, text: str
    ) -> RunFormat:
        rpr = self._mark_properties(p) if r is None else properties(r)
        key = (style, table_style, self._key(rpr), r is None)
        found = self.sheet.resolved_runs.get(key)
        if found is None:
            self._count_format(key)
            found = self.sheet.resolved_runs.put(key, self._run("", self.rpr_chain(p, r, table_style), self.real(rpr)))
        return found.with_text(text) if text else found

    def _mark_properties(self, p: etree._Element) -> etree._Element | None:
        """The paragraph mark's ``w:rPr``, inside the paragraph's (interned) ``w:pPr``."""
        return self.real(child(self.real(properties(p)), f"{W}rPr"))

    def _run(self, text: str, chain: list[etree._Element], direct: etree._Element | None = None) -> RunFormat:
        own = child(direct, _RFONTS) if direct is not None else None
        explicit = frozenset(
            slot for slot in ("eastAsia", "cs")
            if own is not None and (own.get(f"{W}{slot}") is not None or own.get(f"{W}{_THEME_ATTR[slot]}") is not None)
        )
        hint = next((f.get(f"{W}hint") for rpr in chain if (f := child(rpr, _RFONTS)) is not None and f.get(f"{W}hint")), None)
        return RunFormat(
            text=text,
            fonts={slot: self._font(chain, slot) for slot in SLOTS},
            size=self._size(chain),
            bold=_first_toggle(chain, "b"),
            italic=_first_toggle(chain, "i"),
            underline=self._underline(chain),
            caps=_first_toggle(chain, "caps"),
            explicit_slots=explicit,
            east_asian_hint=hint == "eastAsia",
            complex_script=_first_toggle(chain, "cs") or _first_toggle(chain, "rtl"),
        )

    def _font(self, chain: list[etree._Element], slot: str) -> str | None:
        for rpr in chain:
            fonts = rpr.find(f"{W}rFonts")
            if fonts is None:
                continue
            theme = fonts.get(f"{W}{_THEME_ATTR[slot]}")
            if theme is not None:
                # An empty theme font (typical for eastAsia and cs) means "not set".
                return self.sheet.theme_fonts.get(theme) or None
            value = fonts.get(f"{W}{slot}")
            if value is not None:
                return str(value)
        return None

    @staticmethod
    def _size(chain: list[etree._Element]) -> float:
        half_points = _int(_attr(chain, "sz", "val"))
        return half_points / 2 if half_points is not None else _DEFAULT_SIZE_PT

    @staticmethod
    def _underline(chain: list[etree._Element]) -> bool:
        u = _nearest(chain, f"{W}u")
        return u is not None and u.get(f"{W}val", "single") not in _OFF

    # -- paragraphs -----------------------------------------------------------------
    def paragraph(self, p: etree._Element, table_style: str | None = None) -> ParaFormat:
        key = (table_style, self._key(properties(p)))
        found = self.sheet.resolved_paras.get(key)
        if found is None:
            found = self.sheet.resolved_paras.put(key, self._paragraph(p, table_style))
        return found

    def _paragraph(self, p: etree._Element, table_style: str | None) -> ParaFormat:
        chain = self.ppr_chain(p, table_style)
        jc = _attr(chain, "jc", "val")
        align = "justify" if jc in _JUSTIFIED else _ALIGN.get(jc or "left", "left")
        first_line = 0
        for ppr in chain:
            ind = ppr.find(f"{W}ind")
            if ind is None:
                continue
            hanging, first = _int(ind.get(f"{W}hanging")), _int(ind.get(f"{W}firstLine"))
            if hanging is not None or first is not None:
                first_line = -hanging if hanging is not None else (first or 0)
                break
        auto_before = toggle_attr(_attr(chain, "spacing", "beforeAutospacing"))
        auto_after = toggle_attr(_attr(chain, "spacing", "afterAutospacing"))
        return ParaFormat(
            align=align,
            left=_int(_attr(chain, "ind", "left", "start")) or 0,
            right=_int(_attr(chain, "ind", "right", "end")) or 0,
            first_line=first_line,
            # "Auto" spacing is HTML-like: 14 pt (Word's rendering of auto spacing).
            before=14.0 if auto_before else (_int(_attr(chain, "spacing", "before")) or 0) / TWIPS_PER_PT,
            after=14.0 if auto_after else (_int(_attr(chain, "spacing", "after")) or 0) / TWIPS_PER_PT,
            line_rule=_attr(chain, "spacing", "lineRule") or "auto",
            line=_int(_attr(chain, "spacing", "line")) or 240,
            numbered=_numbered(chain),
            border_top=_border(chain, "top"),
            border_bottom=_border(chain, "bottom"),
        )


def toggle_attr(value: str | None) -> bool:
    return value is not None and value not in _OFF


def _attr(chain: list[etree._Element], child: str, *names: str) -> str | None:
    """The nearest value of ``child/@name`` (the first of ``names`` found) along a chain."""
    for ppr in chain:
        element = ppr.find(f"{W}{child}")
        if element is None:
            continue
        for name in names:
            value = element.get(f"{W}{name}")
            if value is not None:
                return str(value)
    return None


def _nearest(chain: list[etree._Element], path: str) -> etree._Element | None:
    """The nearest element at ``path`` (relative to each properties element) along a chain."""
    for properties in chain:
        element = properties.find(path)
        if element is not None:
            return element
    return None


def _first_toggle(chain: list[etree._Element], tag: str) -> bool:
    return toggle(_nearest(chain, f"{W}{tag}")) or False


def _numbered(chain: list[etree._Element]) -> bool:
    num = _nearest(chain, f"{W}numPr/{W}numId")
    return num is not None and num.get(f"{W}val", "0") != "0"


def _border(chain: list[etree._Element], side: str) -> bool:
    border = _nearest(chain, f"{W}pBdr/{W}{side}")
    return border is not None and border.get(f"{W}val", "nil") not in {"nil", "none"}


def iter_runs(p: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph in order, inside hyperlinks, insertions, fields and content
    controls too; not deleted text, not nested text boxes."""
    for child in p:
        tag = child.tag
        if tag == _R:
            yield child
        elif tag in _RUN_CONTAINERS:
            yield from iter_runs(child)


def run_text(r: etree._Element) -> str:
    parts = []
    for child in r:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _BR or tag == _CR:
            if child.get(f"{W}type") in (None, "textWrapping"):
                parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
    return parts[0] if len(parts) == 1 else "".join(parts)


def run_texts(p: etree._Element) -> list[tuple[etree._Element, str]]:
    """The runs of a paragraph that carry text, with their text (``iter_runs`` and
    ``run_text`` in one loop: this is read for every paragraph of every file)."""
    out = []
    for child in p:
        tag = child.tag
        if tag == _R:
            text = run_text(child)
            if text:
                out.append((child, text))
        elif tag in _RUN_CONTAINERS:
            out.extend(run_texts(child))
    return out


_R, _T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN = (f"{W}{n}" for n in ("r", "t", "tab", "br", "cr", "noBreakHyphen"))
_RPR = f"{W}rPr"


def paragraph_text(p: etree._Element) -> str:
    return "".join(run_text(r) for r in iter_runs(p))


def theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """``minorHAnsi`` → ``Times New Roman`` … from the theme's font scheme."""
    if theme is None:
        return {}
    a = f"{{{A_NS}}}"
    out: dict[str, str] = {}
    for major_minor in ("major", "minor"):
        font = theme.find(f".//{a}fontScheme/{a}{major_minor}Font")
        if font is None:
            continue
        for script, names in (("latin", ("Ascii", "HAnsi")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
            element = font.find(f"{a}{script}")
            typeface = element.get("typeface", "") if element is not None else ""
            for name in names:
                out[f"{major_minor}{name}"] = typeface
    return out
