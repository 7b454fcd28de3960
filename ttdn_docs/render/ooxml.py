"""WordprocessingML fragments written from profile styles.

The only module of ``render`` that spells XML (as python-docx's ``oxml`` layer is the only
one of python-docx). Children of ``w:pPr`` and ``w:rPr`` are written in schema order:
docxtpl's RichText writes ``w:rFonts`` after ``w:b``/``w:sz`` and Word may then drop the
font on bold text.
"""

from __future__ import annotations

from lxml import etree

from ttdn_docs.ooxml_ns import W_NS as W_NS  # re-exported: the builders name it through ooxml
from ttdn_docs.profiles.model import Style

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_CM = 1440 / 2.54
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def escape(text: str) -> str:
    """XML text: ``&``, ``<`` and ``>`` escaped (what ``xml.sax.saxutils.escape`` does,
    without the ``urllib``/``http``/``ssl`` imports that module pulls in)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """An attribute value with its quotes, as ``xml.sax.saxutils.quoteattr`` writes it."""
    value = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def twips_mm(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def twips_cm(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


def jc_value(align: str) -> str:
    """The ``w:jc`` value of an alignment (``justify`` is ``both``)."""
    return _JC[align]


def run_properties(style: Style, font: str) -> str:
    """``w:rPr`` with the font on all four script slots, then b, i, size, underline."""
    f = quoteattr(font)
    parts = [f"<w:rFonts w:ascii={f} w:hAnsi={f} w:eastAsia={f} w:cs={f}/>"]
    if style.bold:
        parts.append("<w:b/><w:bCs/>")
    else:
        parts.append('<w:b w:val="0"/><w:bCs w:val="0"/>')
    if style.italic:
        parts.append("<w:i/><w:iCs/>")
    else:
        parts.append('<w:i w:val="0"/><w:iCs w:val="0"/>')
    parts.append('<w:color w:val="000000"/>')
    half_points = round(style.size * 2)
    parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    parts.append('<w:u w:val="single"/>' if style.underline else '<w:u w:val="none"/>')
    parts.append('<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def paragraph_properties(
    style: Style,
    font: str,
    *,
    style_id: str | None = None,
    indent_xml: str | None = None,
    border_top: bool = False,
    border_box: bool = False,
    exact_line_twips: int | None = None,
    keep_lines: bool = False,
    page_break_before: bool = False,
    jc: str | None = None,
    keep_next_when: str | None = None,
) -> str:
    """``w:pPr`` for a style: spacing, indent, alignment, keep-with-next, paragraph mark.

    ``border_top`` draws a separator line (the top border of an empty paragraph);
    ``border_box`` a single-line box around the paragraph, at its indents; ``jc`` replaces
    the style's alignment (e.g. a Jinja tag that the data fills in); ``keep_next_when`` is a
    Jinja test that adds keep-with-next when it holds (e.g. ``loop.last``)."""
    parts = []
    if style_id:
        parts.append(f'<w:pStyle w:val="{style_id}"/>')
    if style.keep_with_next:
        parts.append("<w:keepNext/>")
    elif keep_next_when is not None:
        parts.append(f"{{% if {keep_next_when} %}}<w:keepNext/>{{% endif %}}")
    if keep_lines:
        parts.append("<w:keepLines/>")
    if page_break_before:
        parts.append("<w:pageBreakBefore/>")
    if border_top or border_box:
        sides = ("top", "left", "bottom", "right") if border_box else ("top",)
        borders = "".join(
            f'<w:{side} w:val="single" w:sz="6" w:space="{1 if side in ("top", "bottom") else 0}" w:color="000000"/>'
            for side in sides
        )
        parts.append(f"<w:pBdr>{borders}</w:pBdr>")
    before = round(style.space_before * 20)
    after = round(style.space_after * 20)
    if exact_line_twips is not None:
        line = f'w:line="{exact_line_twips}" w:lineRule="exact"'
    else:
        line = f'w:line="{round(style.line_spacing * 240)}" w:lineRule="auto"'
    parts.append(f'<w:spacing w:before="{before}" w:after="{after}" {line}/>')
    if indent_xml is not None:
        parts.append(indent_xml)
    else:
        first = twips_cm(style.first_line_indent_cm)
        parts.append(f'<w:ind w:left="0" w:right="0" w:firstLine="{first}"/>')
    parts.append(f'<w:jc w:val="{jc if jc is not None else _JC[style.align]}"/>')
    parts.append(run_properties(style, font))
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def text_run(style: Style, font: str, text_xml: str) -> str:
    """A run; ``text_xml`` is already-escaped text or a Jinja tag."""
    return f'<w:r>{run_properties(style, font)}<w:t xml:space="preserve">{text_xml}</w:t></w:r>'


def paragraph(style: Style, font: str, text_xml: str = "", **ppr: object) -> str:
    run = text_run(style, font, text_xml) if text_xml else ""
    return f"<w:p>{paragraph_properties(style, font, **ppr)}{run}</w:p>"  # type: ignore[arg-type]


def section_break(sect_pr_xml: str) -> str:
    """An empty paragraph that ends a section with the given ``w:sectPr`` (a next-page
    section break: what follows starts a new page and may restart page numbers)."""
    # A 1 pt paragraph mark, so the break adds no visible line after the signature.
    tiny = '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>'
    return f"<w:p><w:pPr>{tiny}{sect_pr_xml}</w:pPr></w:p>"


def page_number_restart() -> str:
    """``w:pgNumType`` that starts a section's page numbers at 1."""
    return '<w:pgNumType w:start="1"/>'


def literal(text: str) -> str:
    """Escape fixed text (from a profile) for use inside ``w:t``."""
    return escape(text)


def control(tag: str) -> str:
    """A paragraph that holds only a docxtpl ``{%p … %}`` tag; docxtpl removes it."""
    return f'<w:p><w:r><w:t xml:space="preserve">{{%p {tag} %}}</w:t></w:r></w:p>'


def page_field_runs(style: Style, font: str) -> str:
    """PAGE field as runs: python-docx has no field API (issue #1297)."""
    rpr = run_properties(style, font)
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>2</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def borderless_table(column_twips: list[int], cells_xml: list[str], *, cant_split: bool = False) -> str:
    """A one-row table with no borders and a fixed layout, so that LibreOffice keeps the
    column widths (``w:tblGrid`` matches the cell widths)."""
    total = sum(column_twips)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in column_twips)
    no_border = "".join(
        f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{xml}</w:tc>'
        for w, xml in zip(column_twips, cells_xml)
    )
    row_props = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
    return (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{no_border}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{row_props}{cells}</w:tr></w:tbl>"
    )


def data_table(
    width_twips: int, border_pt: float, cell_margin_twips: int, rows_xml: list[str], grid_xml: str | None = None
) -> str:
    """A ruled table as wide as ``width_twips``, fixed layout. Its grid is ``grid_xml``
    (a Jinja loop over the column widths the context computed, in our templates), else
    one column per cell of the first row, which ``fit_table_grids`` corrects once loops
    have run (templates made before the grid was written from the data)."""
    size = max(2, round(border_pt * 8))  # w:sz is in eighths of a point
    line = f'w:val="single" w:sz="{size}" w:space="0" w:color="000000"'
    borders = "".join(f"<w:{side} {line}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    first_row_cells = rows_xml[0].count("<w:tc>") if rows_xml else 1
    grid = grid_xml or f'<w:gridCol w:w="{width_twips // max(first_row_cells, 1)}"/>' * max(first_row_cells, 1)
    margin = f'w:w="{cell_margin_twips}" w:type="dxa"'
    return (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{width_twips}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f"<w:tblCellMar><w:left {margin}/><w:right {margin}/></w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>"
    )


def table_row(cells_xml: str, *, header: bool = False) -> str:
    """A row that never breaks across pages; a header row repeats on each page."""
    props = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{props}</w:trPr>{cells_xml}</w:tr>"


def table_cell(width_xml: str, content_xml: str) -> str:
    """A cell ``width_xml`` twips wide (a number or a Jinja tag), text centred vertically."""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width_xml}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{content_xml}</w:tc>'


def control_cell(tag: str) -> str:
    """A cell holding only a docxtpl ``{%tc … %}`` tag; docxtpl replaces the cell by it."""
    return f'<w:tc><w:p><w:r><w:t xml:space="preserve">{{%tc {tag} %}}</w:t></w:r></w:p></w:tc>'


def control_row(tag: str) -> str:
    """A row holding only a docxtpl ``{%tr … %}`` tag; docxtpl replaces the row by it."""
    return f'<w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">{{%tr {tag} %}}</w:t></w:r></w:p></w:tc></w:tr>'


_W = f"{{{W_NS}}}"


def fit_table_grids(root: etree._Element) -> bool:
    """Make each table's ``w:tblGrid`` match the cell widths of its widest row.

    Column loops (``{%tc %}``) change the number of cells a row has, but the grid is
    not data; LibreOffice lays a fixed table out by its grid. Only tables whose widest
    row gives every cell a width in twips (``dxa``) and spans no columns are touched.
    Returns whether anything changed."""
    changed = False
    for table in root.iter(f"{_W}tbl"):
        grid = table.find(f"{_W}tblGrid")
        widths = _widest_row_widths(table)
        if grid is None or widths is None:
            continue
        if [col.get(f"{_W}w") for col in grid.findall(f"{_W}gridCol")] == [str(w) for w in widths]:
            continue
        for col in grid.findall(f"{_W}gridCol"):
            grid.remove(col)
        for width in widths:
            etree.SubElement(grid, f"{_W}gridCol", {f"{_W}w": str(width)})
        changed = True
    return changed


def _widest_row_widths(table: etree._Element) -> list[int] | None:
    rows = [row.findall(f"{_W}tc") for row in table.findall(f"{_W}tr")]
    if not rows:
        return None
    cells = max(rows, key=len)
    widths = []
    for cell in cells:
        width = cell.find(f"{_W}tcPr/{_W}tcW")
        if width is None or width.get(f"{_W}type") != "dxa" or cell.find(f"{_W}tcPr/{_W}gridSpan") is not None:
            return None
        try:
            widths.append(int(width.get(f"{_W}w", "")))
        except ValueError:
            return None
    return widths
