"""A .docx read into what the checker and the importer need: paragraphs in reading
order with their place (body, table cell, header), the page setup of each section, the
header and footer stories, and lines drawn as borders or shapes.

The package is vetted by ``ttdn_docs.docxsafe`` before python-docx opens it; python-docx
gives the parts and relationships, the XML is read directly with lxml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from ttdn_docs.docxread.lazy import lazy
from pathlib import Path

from lxml import etree

from ttdn_docs.boundedcache import BoundedCache
from ttdn_docs.docxread.numbering import Numbering
from ttdn_docs.profiles.marker import marked_profile
from ttdn_docs.docxread.package import DocxPackage, clear_package_caches
from ttdn_docs.docxread.interning import (
    InternedPart,
    ParsedSet,
    clear_interned_sets,
    intern_properties,
    parsed_sets,
    source_keys,
)
from ttdn_docs.docxread.typed_lines import split_typed_lines

from ttdn_docs.docxread.formatting import (
    W,
    Formatter,
    ParaFormat,
    RunFormat,
    StyleSheet,
    iter_runs,
    run_texts,
    run_text,
    properties,
    theme_fonts,
)
from ttdn_docs.docxread.formatting import child as child_named
from ttdn_docs.docxread.units import EMU_PER_TWIP, ooxml_int, ooxml_number
from ttdn_docs.docxsafe import DEFAULT_LIMITS, Limits, PartIdentity, SafePackage, parse_xml, read_source
from ttdn_docs.errors import NotADocxError, UnsafeDocxError
# The renderer owns the names of its element styles (``docxfacts``, a leaf both share);
# the reader only reads them back.
from ttdn_docs.layout.elements import ELEMENTS
from ttdn_docs.docxfacts.metrics import text_width_twips

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# style id → element name, for the files we write ourselves.
ELEMENT_BY_STYLE_ID = {element.style_id: element.key for element in ELEMENTS}
# Beyond this many paragraphs a file is not an administrative document: refuse it rather
# than spend unbounded time.
MAX_PARAGRAPHS = 50_000
_LINE_GEOMETRY = {"line", "straightConnector1"}
# At most 15 digits: a longer one is no length a page holds (and overflows an int).
_VML_LENGTH = re.compile(r"^\s*(-?[\d.]{1,15})\s*(pt|in|cm|mm|px|emu)?\s*$")
_VML_TWIPS = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 1440 / 25.4, "px": 15.0, "emu": 1 / 635}
_UNDERSCORES = re.compile(r"^_{3,}$")


@dataclass(frozen=True)
class LineMark:
    """A horizontal line at a paragraph: a paragraph border, a drawn shape, or a row of
    underscores. ``length`` in twips, ``None`` when it cannot be measured."""

    kind: str  # border | drawing | vml | underscores | underline (of the text itself)
    length: int | None


@dataclass(frozen=True)
class Location:
    """Where a finding is: the story (body, header, footer), the paragraph's number in
    reading order, and the table cell when it stands in one."""

    story: str
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    text: str = ""
    section: str | None = None  # the numbered heading it stands under: "II.1"

    def describe(self) -> str:
        parts = []
        if self.story != "body":
            parts.append({"header": "đầu trang", "footer": "chân trang"}.get(self.story, self.story))
        if self.table is not None:
            parts.append(f"bảng {self.table}, hàng {self.row}, ô {self.cell}")
        if self.paragraph is not None:
            parts.append(f"đoạn {self.paragraph}")
        if self.section:
            parts.append(f"mục {self.section}")
        where = ", ".join(parts) or "toàn văn bản"
        return f"{where} «{_excerpt(self.text)}»" if self.text else where

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def _excerpt(text: str, limit: int = 60) -> str:
    text = text.replace("\t", " ").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(eq=False)
class Para:
    """One paragraph with its place; formatting is resolved on first use."""

    el: etree._Element
    formatter: Formatter = field(repr=False)
    story: str
    number: int
    container: int  # twips available to the paragraph: its cell or the text width
    table: int | None = None
    row: int | None = None
    col: int | None = None
    table_style: str | None = None
    # The number or bullet Word draws before the text (automatic numbering): "II.", "a)".
    label: str = ""

    @lazy
    def text(self) -> str:
        return "".join(text for _r, text in self._run_texts)

    @lazy
    def _run_texts(self) -> list[tuple[etree._Element, str]]:
        return run_texts(self.el)

    @property
    def shown_text(self) -> str:
        """The text as a reader sees it: the automatic number, if any, then the text."""
        return f"{self.label} {self.text}" if self.label else self.text

    @lazy
    def style_id(self) -> str | None:
        """The paragraph style named in the paragraph's own properties."""
        return self.formatter.style_id(self.el)

    @lazy
    def mark(self) -> str | None:
        """The element our renderer marked this paragraph as, if any."""
        style = self.style_id
        return None if style is None else ELEMENT_BY_STYLE_ID.get(style)

    @lazy
    def fmt(self) -> ParaFormat:
        return self.formatter.paragraph(self.el, self.table_style)

    @lazy
    def runs(self) -> list[RunFormat]:
        pairs = self._run_texts
        return self.formatter.runs(self.el, self.table_style, pairs, self.style_id) if pairs else []

    @lazy
    def lines(self) -> tuple[LineMark, ...]:
        return tuple(_line_marks(self))

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def tab_parts(self) -> list[ParaPart]:
        """The non-empty parts of a line typed with tabs between them, as an office types
        a header without a table: ``⇥ĐẢNG BỘ TỈNH⇥ĐẢNG CỘNG SẢN VIỆT NAM`` (the same
        objects on every call)."""
        return self._tab_parts

    @lazy
    def _tab_parts(self) -> list[ParaPart]:
        if "\t" not in self.text:
            return []
        parts = []
        for index, segment in enumerate(self.text.split("\t")):
            if segment.strip():
                parts.append(ParaPart(
                    self.el, self.formatter, self.story, self.number, self.container, self.table, self.row,
                    self.col, self.table_style, whole=self, segment=index,
                ))
        return parts

    def location(self) -> Location:
        return Location(self.story, self.number, self.table, self.row, self.col, self.text.strip())


@dataclass(eq=False)
class ParaPart(Para):
    """One tab-separated part of a paragraph: its own text, runs and lines; aligned as
    the tab stop it stands at aligns it (a centre tab stop centres it)."""

    whole: Para | None = None
    segment: int = 0

    @lazy
    def text(self) -> str:
        return self._whole.text.split("\t")[self.segment]

    @lazy
    def runs(self) -> list[RunFormat]:
        out = []
        segment = 0
        for run in self._whole.runs:
            for index, piece in enumerate(run.text.split("\t")):
                segment += index > 0
                if segment == self.segment and piece:
                    out.append(run.with_text(piece))
        return out

    @lazy
    def fmt(self) -> ParaFormat:
        whole = self._whole.fmt
        if self.segment == 0:
            return whole
        stops = self.formatter.tab_stops(self.el, self.table_style)
        align = stops[self.segment - 1] if self.segment - 1 < len(stops) else "left"
        return replace(whole, align=align, first_line=0, left=0, right=0, border_top=False, border_bottom=False)

    @property
    def at_default_stop(self) -> bool:
        """Pushed by tabs past the stops the line sets (to Word's default stops): placed
        by hand, so it has no alignment of its own to judge."""
        return self.segment > len(self.formatter.tab_stops(self.el, self.table_style))

    @lazy
    def column_start(self) -> int:
        """Where the part stands from the left margin (twips), as Word sets tabs: each
        tab jumps to the next tab stop after the text before it, or to the next default
        stop (every 1.27 cm) past the last one set — so ``⇥⇥⇥⇥⇥⇥Nguyễn Văn Minh`` typed
        without stops stands on the right, where the signature is."""
        whole = self._whole
        position = max(whole.fmt.left, 0)
        if self.segment == 0:
            return position
        stops = [at for at, _align in self.formatter.tab_stop_list(self.el, self.table_style)]
        widths = _segment_widths(whole)
        for index in range(self.segment):
            position += widths[index] if index < len(widths) else 0
            position = next((at for at in stops if at > position), (position // _DEFAULT_TAB + 1) * _DEFAULT_TAB)
        return position

    @lazy
    def lines(self) -> tuple[LineMark, ...]:
        runs = [r for r, segment in _runs_by_segment(self.el) if segment == self.segment]
        # Underscores typed in a tab column are that column's line (a tabbed header).
        return tuple(m for r in runs for m in _shape_marks(r)) + tuple(_text_marks(self))

    @property
    def _whole(self) -> Para:
        assert self.whole is not None
        return self.whole


# Word's and LibreOffice's default tab stop interval (w:defaultTabStop, 720 twips).
_DEFAULT_TAB = 720


def _segment_widths(para: Para) -> list[int]:
    """The printed width of each tab-separated segment of a paragraph (twips)."""
    widths = [0]
    for run in para.runs:
        pieces = run.text.split("\t")
        for index, piece in enumerate(pieces):
            if index:
                widths.append(0)
            if piece:
                widths[-1] += text_width_twips(piece.upper() if run.caps else piece, run.size, run.bold)
    return widths


@dataclass(eq=False)
class JoinedPara(Para):
    """Paragraphs that print one item: a recipient typed over two lines (the second line
    going on without a dash). Text and runs of all; place and format of the first."""

    parts: tuple[Para, ...] = ()

    @lazy
    def text(self) -> str:
        return " ".join(p.text.strip() for p in self.parts)

    @lazy
    def runs(self) -> list[RunFormat]:
        return [r for p in self.parts for r in p.runs]

    @classmethod
    def of(cls, parts: list[Para]) -> Para:
        """One paragraph for ``parts`` (the paragraph itself when there is one)."""
        if len(parts) == 1:
            return parts[0]
        first = parts[0]
        return cls(
            first.el, first.formatter, first.story, first.number, first.container, first.table, first.row,
            first.col, first.table_style, first.label, parts=tuple(parts),
        )


def _runs_by_segment(p: etree._Element) -> Iterator[tuple[etree._Element, int]]:
    """Each run with the tab-separated segment it starts in."""
    segment = 0
    for r in iter_runs(p):
        yield r, segment
        segment += run_text(r).count("\t")


@dataclass
class Cell:
    paras: list[Para]
    width: int


@dataclass
class Table:
    number: int
    rows: list[list[Cell]]
    # "table"; "textboxes": the text boxes anchored in one paragraph, read as the cells
    # of one row from left to right (a header typed in two text boxes); "tabs": lines
    # typed as ⇥left⇥right read as two columns (made by the anatomy reader).
    kind: str = "table"

    @property
    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row

    @property
    def paras(self) -> Iterator[Para]:
        for cell in self.cells:
            yield from cell.paras


Block = Para | Table


@dataclass(frozen=True)
class PageSetup:
    width: int  # twips
    height: int
    orientation: str
    top: int
    bottom: int
    left: int
    right: int
    gutter: int
    title_page: bool

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right - self.gutter


@dataclass
class Story:
    """A header or footer part as used by a section (``default``, ``first``, ``even``)."""

    kind: str  # header | footer
    use: str  # default | first | even
    section: int
    paras: list[Para]


@dataclass
class DocxView:
    name: str
    blocks: list[Block]
    sections: list[PageSetup]
    stories: list[Story]
    marker_profile: str | None
    formatter: Formatter

    @property
    def paragraphs(self) -> Iterator[Para]:
        for block in self.blocks:
            if isinstance(block, Table):
                yield from block.paras
            else:
                yield block



def open_docx(source: str | Path | bytes, limits: Limits = DEFAULT_LIMITS) -> DocxView:
    """Vet and read a .docx (path or bytes)."""
    data, name = read_source(source, limits)
    package = DocxPackage(SafePackage(data, name, limits))
    try:
        source = split_typed_lines(package.safe.read(package.main), package.main, name)
        document, interned = _parse_main(source, package.main, name)
        sheet = _style_sheet(package, name)
        if interned is not None:
            formatter = Formatter(sheet, *interned, name=name)
        else:
            formatter = Formatter(sheet, name=name)
            formatter.learn_sources(document, source)
        # Whole-document facts read off the source, so that no paragraph is searched for
        # what the file does not hold.
        builder = _Builder(formatter, text_boxes=_TXBX_SOURCE in source)
        body = document.find(f"{W}body")
        if body is None:
            raise NotADocxError(f"{name}: tài liệu không có phần thân (w:body)")
        properties_elements = _section_properties(body)
        sections = [_page_setup(s) for s in properties_elements] or [_default_page()]
        ends = _section_ends(properties_elements)
        blocks = builder.blocks(body, sections, ends)
        stories = _stories(package, properties_elements, formatter)
        _number_paragraphs(package, blocks, formatter, direct=_NUMPR_SOURCE in source)
        if builder.count > MAX_PARAGRAPHS:
            raise UnsafeDocxError(f"{name}: tài liệu có hơn {MAX_PARAGRAPHS} đoạn, vượt giới hạn kiểm tra")
        return DocxView(name, blocks, sections, stories, _marker_profile(package.template_name() + "\n" + package.comments()), formatter)
    finally:
        package.safe.close()


def _parse_main(
    source: bytes, part: str, name: str
) -> tuple[etree._Element, tuple[InternedPart, list[ParsedSet]] | None]:
    """The main part parsed with its property sets interned (``interning``) where it
    can be; a part that is not well-formed is refused with the position in its own text."""
    interned = intern_properties(source)
    if interned is None:
        return parse_xml(source, part, name), None
    try:
        return parse_xml(interned.source, part, name), (interned, parsed_sets(interned, part, name))
    except NotADocxError:
        # Parsed as it is: the error names the line and column of the file itself (and
        # a file well-formed after all is read without interning).
        return parse_xml(source, part, name), None


# Style sheets by the identity of their styles and theme parts: one per template.
_SHEETS: BoundedCache[tuple[PartIdentity | None, PartIdentity | None], StyleSheet] = BoundedCache(32)


def clear_caches() -> None:
    """Forget every parsed template part, style sheet and vetted part of this process
    (what a process sees when it opens its first file: the benchmark's cold case)."""
    _SHEETS.clear()
    _NUMBERINGS.clear()
    _STORIES.clear()
    clear_interned_sets()
    clear_package_caches()


def _style_sheet(package: DocxPackage, name: str) -> StyleSheet:
    styles, theme = package.related_part("styles"), package.related_part("theme")
    key = (package.identity(styles), package.identity(theme))
    sheet = _SHEETS.get(key)
    if sheet is None:
        try:
            made = StyleSheet(package.cached_xml(styles), theme_fonts(package.cached_xml(theme)))
        except UnsafeDocxError as exc:  # a sheet is shared by files: it names none
            raise UnsafeDocxError(f"{name}: {exc}") from None
        sheet = _SHEETS.put(key, made)
    return sheet


_NUMBERINGS: BoundedCache[PartIdentity | None, Numbering] = BoundedCache(32)


def _number_paragraphs(package: DocxPackage, blocks: list[Block], formatter: Formatter, *, direct: bool) -> None:
    """Give each paragraph Word numbers automatically its visible label. ``direct``:
    whether the source holds a ``w:numPr`` at all; without one only a list style
    (named by the paragraph, or the default paragraph style) numbers a paragraph, and
    the style id each paragraph reads once serves the later checks too."""
    sheet = formatter.sheet
    if direct:
        candidates = [p for p in _all_paragraphs(blocks) if formatter.may_be_numbered(p.el)]
    elif sheet.numbered_styles:
        default = sheet.default("paragraph") or ""
        candidates = [p for p in _all_paragraphs(blocks) if (p.style_id or default) in sheet.numbered_styles]
    else:
        return
    numbered = [p for p in candidates if p.fmt.numbered]
    if not numbered:
        return
    part = package.related_part("numbering")
    key = package.identity(part)
    numbering = _NUMBERINGS.get(key)
    if numbering is None:
        numbering = _NUMBERINGS.put(key, Numbering(package.cached_xml(part)))
    for para, label in zip(numbered, numbering.labels(((p.el, p.table_style) for p in numbered), formatter)):
        para.label = label


def _all_paragraphs(blocks: list[Block]) -> Iterator[Para]:
    for block in blocks:
        if isinstance(block, Table):
            yield from block.paras
        else:
            yield block


def _marker_profile(properties: str) -> str | None:
    """Our files name their profile in the extended properties' template (rendered
    files) or the core properties' comments (templates)."""
    return marked_profile(properties)


class _Builder:
    """Walks a story in reading order, numbering paragraphs and tables."""

    def __init__(self, formatter: Formatter, *, text_boxes: bool = False) -> None:
        self.formatter = formatter
        self.text_boxes = text_boxes
        self.count = 0

    def blocks(self, body: etree._Element, sections: list[PageSetup], ends: set[etree._Element]) -> list[Block]:
        """The body's blocks; ``ends``: the paragraphs that end a section (their
        ``w:sectPr``), after which the next section's text width applies."""
        out: list[Block] = []
        section = 0
        tables = 0
        for child in _block_children(body):
            width = sections[min(section, len(sections) - 1)].text_width
            if child.tag == _P:
                boxes = _text_boxes(child, width) if self.text_boxes else []
                if boxes:
                    row = [Cell(self.story(content, "body", box_width), box_width) for content, box_width in boxes]
                    out.append(Table(0, [row], kind="textboxes"))
                out.append(self._para(child, "body", width))
                if child in ends:
                    section += 1
            elif child.tag == _TBL:
                tables += 1
                out.append(self._table(child, tables, width))
        return out

    def story(self, root: etree._Element, story: str, width: int) -> list[Para]:
        paras: list[Para] = []
        for child in _block_children(root):
            if child.tag == f"{W}p":
                paras.append(self._para(child, story, width))
            elif child.tag == f"{W}tbl":
                paras += list(self._table(child, None, width).paras)
        return paras

    def _para(
        self,
        p: etree._Element,
        story: str,
        width: int,
        table: int | None = None,
        row: int | None = None,
        col: int | None = None,
        table_style: str | None = None,
    ) -> Para:
        self.count += 1
        if self.count > MAX_PARAGRAPHS:
            raise UnsafeDocxError(f"tài liệu có hơn {MAX_PARAGRAPHS} đoạn, vượt giới hạn kiểm tra")
        para = Para(p, self.formatter, story, self.count, width, table, row, col, table_style)
        # Text, style and mark of every paragraph are read (detection, anatomy, hygiene,
        # numbering): set here in one step instead of three lazy look-ups each.
        pairs = run_texts(p)
        style = self.formatter.style_id(p)
        fields = para.__dict__
        fields["_run_texts"] = pairs
        fields["text"] = "".join([text for _r, text in pairs])
        fields["style_id"] = style
        fields["mark"] = None if style is None else ELEMENT_BY_STYLE_ID.get(style)
        return para

    def _table(self, tbl: etree._Element, number: int | None, width: int) -> Table:
        style = child_named(properties(tbl), _TBL_STYLE)
        table_style = style.get(_VAL) if style is not None else None
        # tblGrid/gridCol, without ElementPath's Python machinery for a two-step path.
        grid = [ooxml_int(g.get(_W_W), 0) or 0 for tg in tbl.iterchildren(_TBL_GRID) for g in tg.iterchildren(_GRID_COL)]
        rows: list[list[Cell]] = []
        for r_index, tr in enumerate(tbl.iterchildren(_TR), start=1):
            row: list[Cell] = []
            grid_at = 0
            for c_index, tc in enumerate(tr.iterchildren(_TC), start=1):
                span, tcw = _cell_properties(tc)
                cell_width = _cell_width(tcw, grid, grid_at, span, width)
                grid_at += span
                paras: list[Para] = []
                for child in _block_children(tc):
                    if child.tag == _P:
                        paras.append(self._para(child, "body", cell_width, number, r_index, c_index, table_style))
                    elif child.tag == _TBL:
                        paras += list(self._table(child, number, cell_width).paras)
                row.append(Cell(paras, cell_width))
            rows.append(row)
        return Table(number or 0, rows)


_P, _TBL, _TR, _TC = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc"
_TBL_STYLE, _TBL_GRID, _GRID_COL, _VAL, _W_W = f"{W}tblStyle", f"{W}tblGrid", f"{W}gridCol", f"{W}val", f"{W}w"
_TXBX = f"{W}txbxContent"
_TXBX_SOURCE = b"txbxContent"
_NUMPR_SOURCE = b"numPr"
_VML_WIDTH = re.compile(r"(?:^|;)\s*width\s*:\s*([^;]+)")
_VML_LEFT = re.compile(r"(?:^|;)\s*margin-left\s*:\s*([^;]+)")


def _text_boxes(p: etree._Element, fallback_width: int) -> list[tuple[etree._Element, int]]:
    """The text boxes anchored in a paragraph, left to right, each with its width in
    twips (DrawingML, or VML for old files; a fallback copy is not read twice)."""
    if not any(True for _ in p.iter(_TXBX)):
        return []
    found: list[tuple[float, etree._Element, int]] = []
    for shape in _drawing_elements(p):
        content = next(shape.iter(_TXBX), None)
        if content is None:
            continue
        if shape.tag in (f"{WP}anchor", f"{WP}inline"):
            extent = shape.find(f"{WP}extent")
            width = round((ooxml_int(extent.get("cx"), 0) or 0) / EMU_PER_TWIP) if extent is not None else 0
            offset = shape.find(f"{WP}positionH/{WP}posOffset")
            x = (ooxml_number(offset.text) or 0.0) / EMU_PER_TWIP if offset is not None else 0.0
        else:
            style = shape.get("style") or ""
            width = _vml_style_twips(_VML_WIDTH, style)
            x = float(_vml_style_twips(_VML_LEFT, style))
        found.append((x, content, width or fallback_width // 2))
    found.sort(key=lambda item: item[0])
    return [(content, width) for _x, content, width in found]


def _vml_style_twips(pattern: re.Pattern[str], style: str) -> int:
    match = pattern.search(style)
    if match is None:
        return 0
    try:
        return round(_vml_twips(match.group(1)))
    except ValueError:
        return 0


def _cell_properties(tc: etree._Element) -> tuple[int, etree._Element | None]:
    """A cell's grid span and its ``w:tcW``, in one look at its ``w:tcPr``."""
    span, width = 1, None
    tcpr = properties(tc)
    if tcpr is not None:
        for element in tcpr:
            tag = element.tag
            if tag == _GRID_SPAN:
                span = max(min(ooxml_int(element.get(f"{W}val"), 1) or 1, _MAX_SPAN), 1)
            elif tag == _TCW:
                width = element
    return span, width


def _cell_width(width: etree._Element | None, grid: list[int], start: int, span: int, fallback: int) -> int:
    if width is not None and width.get(f"{W}type", "dxa") == "dxa":
        value = ooxml_int(width.get(f"{W}w"), 0) or 0
        if value > 0:
            return value
    if start + span <= len(grid) and sum(grid[start : start + span]) > 0:
        return sum(grid[start : start + span])
    return fallback


_GRID_SPAN, _TCW = f"{W}gridSpan", f"{W}tcW"
_BLOCKS = (f"{W}p", f"{W}tbl")
_BLOCK_WRAPPERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml")


def _block_children(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of a story or cell, looking inside content controls."""
    for child in parent:
        tag = child.tag
        if tag in _BLOCKS:
            yield child
        elif tag in _BLOCK_WRAPPERS:
            yield from _block_children(child)


def _section_ends(properties: list[etree._Element]) -> set[etree._Element]:
    """The paragraphs whose ``w:pPr`` holds a section's ``w:sectPr`` (the body's own
    last ``w:sectPr`` ends no paragraph)."""
    ends: set[etree._Element] = set()
    for sect in properties:
        ppr = sect.getparent()
        paragraph = ppr.getparent() if ppr is not None and ppr.tag == f"{W}pPr" else None
        if paragraph is not None:
            ends.add(paragraph)
    return ends


def _section_properties(body: etree._Element) -> list[etree._Element]:
    """The ``w:sectPr`` of each section in order: in the body's paragraphs, then the
    body's own (only those in their two legal places: a child of the body, or in the
    ``w:pPr`` of a paragraph of the body)."""
    # lxml finds the candidates (in document order, without a Python step per block);
    # only those in the two places are kept.
    found = []
    for sect in body.iter(_SECT_PR):
        parent = sect.getparent()
        if parent is body:
            found.append(sect)
        elif parent is not None and parent.tag == _PPR:
            paragraph = parent.getparent()
            if paragraph is not None and paragraph.tag == _P and paragraph.getparent() is body:
                found.append(sect)
    return found


_SECT_PR, _PPR = f"{W}sectPr", f"{W}pPr"
# A table has at most 63 columns in Word.
_MAX_SPAN = 64


def _twips(element: etree._Element | None, attr: str, default: int = 0) -> int:
    if element is None:
        return default
    found = ooxml_int(element.get(f"{W}{attr}"))
    return default if found is None else found


def _page_setup(sect: etree._Element) -> PageSetup:
    size = sect.find(f"{W}pgSz")
    margins = sect.find(f"{W}pgMar")
    width, height = _twips(size, "w", 12240), _twips(size, "h", 15840)
    orient = size.get(f"{W}orient") if size is not None else None
    title = sect.find(f"{W}titlePg")
    return PageSetup(
        width=width,
        height=height,
        orientation=orient or ("landscape" if width > height else "portrait"),
        top=abs(_twips(margins, "top", 1440)),
        bottom=abs(_twips(margins, "bottom", 1440)),
        left=_twips(margins, "left", 1800),
        right=_twips(margins, "right", 1800),
        gutter=_twips(margins, "gutter", 0),
        title_page=title is not None and title.get(f"{W}val", "true") not in {"0", "false", "off"},
    )


def _default_page() -> PageSetup:
    # A document without sectPr uses the application's defaults (Letter in Word).
    return PageSetup(12240, 15840, "portrait", 1440, 1440, 1800, 1800, 0, False)


def _stories(package: DocxPackage, properties: list[etree._Element], formatter: Formatter) -> list[Story]:
    """Headers and footers as each section uses them; a section without a reference of a
    kind inherits the previous section's (the first section has none)."""
    builder = _Builder(formatter)
    out: list[Story] = []
    inherited: dict[tuple[str, str], str | None] = {}
    parsed: dict[str, etree._Element] = {}
    for index, sect in enumerate(properties, start=1):
        width = _page_setup(sect).text_width
        for kind in ("header", "footer"):
            for ref in sect.iterfind(f"{W}{kind}Reference"):
                rel = package.related.get(ref.get(f"{{{R_NS}}}id", ""))
                part = rel.part if rel is not None and rel.part in package.safe else None
                inherited[(kind, ref.get(f"{W}type", "default"))] = part
            for use in ("default", "first", "even"):
                part = inherited.get((kind, use))
                if part is not None:
                    root = parsed.get(part)
                    if root is None:
                        root = parsed[part] = _story_root(package, part, formatter)
                    out.append(Story(kind, use, index, builder.story(root, kind, width)))
    return out


# Header and footer parts by identity: a template's page-number header repeats across a
# folder. Kept with the source keys learnt for their properties; only ever read.
_STORIES: BoundedCache[tuple[str, PartIdentity], tuple[etree._Element, dict[etree._Element, bytes]]] = BoundedCache(64)


def _story_root(package: DocxPackage, part: str, formatter: Formatter) -> etree._Element:
    key = (part.rsplit("/", 1)[-1], package.safe.identity(part))
    found = _STORIES.get(key)
    if found is None:
        source = package.safe.read(part)
        root = parse_xml(source, part, package.name)
        found = _STORIES.put(key, (root, source_keys(root, source)))
    formatter.adopt_sources(found[1])
    return found[0]


def _line_marks(para: Para) -> Iterator[LineMark]:
    fmt = para.fmt
    if fmt.border_top or fmt.border_bottom:
        yield LineMark("border", max(para.container - max(fmt.left, 0) - max(fmt.right, 0), 0))
    yield from _shape_marks(para.el)
    yield from _text_marks(para)


def _text_marks(para: Para) -> Iterator[LineMark]:
    """Lines a paragraph's text prints: a row of underscores, or the underline of the
    whole text (the usual shortcut for a line exactly as long as a title). Both are
    measured as the text is set."""
    text = para.text.strip()
    if not text:
        return
    runs = [r for r in para.runs if r.text.strip()]
    if _UNDERSCORES.match(text):
        yield LineMark("underscores", _printed_width(runs))
    elif runs and all(r.underline for r in runs):
        yield LineMark("underline", _printed_width(runs))


def _printed_width(runs: list[RunFormat]) -> int:
    total = 0
    for run in runs:
        text = run.text.strip() if len(runs) == 1 else run.text
        total += text_width_twips(text.upper() if run.caps else text, run.size, run.bold)
    return total


def _shape_marks(element: etree._Element) -> Iterator[LineMark]:
    """Lines drawn as shapes inside a paragraph or run."""
    for shape in _drawing_elements(element):
        if shape.tag in (f"{WP}anchor", f"{WP}inline"):
            geometry = shape.find(f".//{A}prstGeom")
            extent = shape.find(f"{WP}extent")
            cx = (ooxml_int(extent.get("cx"), 0) or 0) if extent is not None else 0
            cy = (ooxml_int(extent.get("cy"), 0) or 0) if extent is not None else 0
            is_line = (geometry is not None and geometry.get("prst") in _LINE_GEOMETRY) or (cx > 0 and cy == 0)
            if is_line:
                yield LineMark("drawing", round(cx / EMU_PER_TWIP) if cx > 0 else None)
        elif shape.tag == f"{V}line":
            yield LineMark("vml", _vml_length(shape.get("from"), shape.get("to")))
        elif shape.tag == f"{V}shape" and "_x0000_t32" in (shape.get("type") or ""):
            yield LineMark("vml", None)


_SHAPES = (f"{WP}anchor", f"{WP}inline", f"{V}line", f"{V}shape")
_NOT_INSIDE = {*_SHAPES, f"{MC}Fallback"}


def _drawing_elements(p: etree._Element) -> Iterator[etree._Element]:
    """Shapes anchored in a paragraph (or run), in document order; not those inside
    another shape, and for ``mc:AlternateContent`` only the choice (the fallback repeats
    the same shape in VML). lxml finds the candidates; most paragraphs have none."""
    for element in p.iter(*_SHAPES):
        parent = element.getparent()
        while parent is not None and parent is not p and parent.tag not in _NOT_INSIDE:
            parent = parent.getparent()
        if parent is None or parent is p:
            yield element


def _vml_length(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    try:
        x1 = _vml_twips(start.split(",")[0])
        x2 = _vml_twips(end.split(",")[0])
    except ValueError:
        return None
    return round(abs(x2 - x1))


def _vml_twips(value: str) -> float:
    match = _VML_LENGTH.match(value)
    if match is None or match.group(2) is None:
        raise ValueError(value)
    return float(match.group(1)) * _VML_TWIPS[match.group(2)]
