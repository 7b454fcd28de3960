"""The generic ``Table`` body block: validation, rendering from profile styles, read-back."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.table import Table as DocxTable
from pydantic import ValidationError

from readback import W, find, open_docx, run_facts
from ttdn_docs.admin import AdminDocument, Block, Paragraph, Section, Table, TableColumn
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.grammar import body_lines
from ttdn_docs.render import build_context, write_docx
from ttdn_docs.ttdn import ForeignInfoPlan

COLUMNS = [
    TableColumn(header="STT", width=1),
    TableColumn(header="Chỉ tiêu", width=4, align="left"),
    TableColumn(header="Kết quả", width=2, align="right"),
]


def _table(total: list[str] | None = None) -> Table:
    return Table(
        columns=COLUMNS,
        rows=[["1", "Tin, bài <đăng> & chia sẻ", "1.234"], ["2", "Buổi phát thanh", ""]],
        total=total,
    )


def _document_with(plan: ForeignInfoPlan, table: Table) -> AdminDocument:
    document = plan.to_document()
    section = Section(title="Bảng số liệu", children=[Paragraph(text="Trước bảng."), table, Paragraph(text="Sau bảng.")])
    return document.model_copy(update={"body": [document.body[0], section, *document.body[1:]]})


def test_rows_must_fit_the_columns() -> None:
    with pytest.raises(ValidationError, match="bảng có 3 cột nhưng dòng 2 có 2 ô"):
        Table(columns=COLUMNS, rows=[["1", "a", "b"], ["2", "c"]])
    with pytest.raises(ValidationError, match="dòng tổng có 1 ô"):
        Table(columns=COLUMNS, rows=[["1", "a", "b"]], total=["Cộng"])


def test_a_table_is_one_body_line_and_the_end_mark_goes_to_the_last_paragraph(party: Profile) -> None:
    ends_with_table: list[Block] = [Paragraph(text="Đoạn cuối."), _table()]
    profile = party.model_copy(update={"body_end": "./."})
    lines = body_lines(profile, ends_with_table)
    assert [line.role for line in lines] == ["body", "table"]
    assert lines[0].text == "Đoạn cuối./."  # the mark's own full stop replaces the sentence's
    assert lines[1].table is not None and lines[1].text == ""


def test_context_gives_cells_their_width_and_alignment(thanh_mien_plan: ForeignInfoPlan, party: Profile) -> None:
    context = build_context(_document_with(thanh_mien_plan, _table(["", "Cộng", "1.234"])), party)
    entry = next(line for line in context["body"] if line["role"] == "table")["table"]
    widths = [cell["width"] for cell in entry["header"]]
    page = party.page
    text_width_twips = round((page.width_mm - page.margins_mm["left"] - page.margins_mm["right"]) * 1440 / 25.4)
    assert sum(widths) == text_width_twips
    assert widths[1] == pytest.approx(4 * widths[0], abs=2)
    # Header cells take the header style's alignment; others the column's, else the cell style's.
    assert [c["align"] for c in entry["header"]] == ["center"] * 3
    assert [c["align"] for c in entry["rows"][0]["cells"]] == ["center", "left", "right"]
    assert [c["text"] for c in entry["total"]] == ["", "Cộng", "1.234"]


@pytest.fixture(scope="module")
def table_docx(tmp_path_factory: pytest.TempPathFactory, thanh_mien_plan: ForeignInfoPlan, party: Profile) -> Path:
    out = tmp_path_factory.mktemp("table") / "bang.docx"
    write_docx(_document_with(thanh_mien_plan, _table(["", "Cộng", "1.234"])), party, out)
    return out


def _body_tables(path: Path) -> list[DocxTable]:
    doc = open_docx(path)
    # The first table is the header block, the last the Nơi nhận / signature block.
    return list(doc.tables)[1:-1]


def test_rendered_table_reads_back_in_order(table_docx: Path) -> None:
    (table,) = _body_tables(table_docx)
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    assert texts == [
        ["STT", "Chỉ tiêu", "Kết quả"],
        ["1", "Tin, bài <đăng> & chia sẻ", "1.234"],
        ["2", "Buổi phát thanh", ""],
        ["", "Cộng", "1.234"],
    ]
    doc = open_docx(table_docx)
    body = [p.text for p in doc.paragraphs]
    assert body.index("Trước bảng.") < body.index("Sau bảng.")


def test_rendered_table_takes_its_formatting_from_the_profile(table_docx: Path, party: Profile) -> None:
    (table,) = _body_tables(table_docx)
    e = party.elements
    header, first, _, total = table.rows
    header_facts = run_facts(header.cells[1].paragraphs[0])
    assert header_facts.sizes == {e.table_header.size} and header_facts.bold == {e.table_header.bold}
    cell_facts = run_facts(first.cells[1].paragraphs[0])
    assert cell_facts.sizes == {e.table_cell.size} and cell_facts.bold == {e.table_cell.bold}
    assert cell_facts.fonts == {party.font}
    assert run_facts(total.cells[1].paragraphs[0]).bold == {e.table_total.bold}
    alignments = [cell.paragraphs[0]._p.pPr.find(f"{W}jc").get(f"{W}val") for cell in first.cells]
    assert alignments == ["center", "left", "right"]
    # The header row repeats on each page; no row breaks across pages.
    assert header._tr.trPr.find(f"{W}tblHeader") is not None
    assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert {b.get(f"{W}sz") for b in borders} == {str(round(e.table_frame.border_pt * 8))}


def test_rendered_grid_matches_the_cell_widths(table_docx: Path) -> None:
    """The column loop leaves the template's grid behind; rendering fits it to the cells
    (LibreOffice lays fixed tables out by the grid)."""
    (table,) = _body_tables(table_docx)
    grid = [int(col.get(f"{W}w")) for col in table._tbl.tblGrid.findall(f"{W}gridCol")]
    cells = [int(cell._tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for cell in table.rows[0].cells]
    assert grid == cells and len(grid) == 3


def test_header_and_signature_tables_are_untouched_by_grid_fitting(table_docx: Path, party: Profile) -> None:
    doc = open_docx(table_docx)
    header_table = doc.tables[0]
    grid = [int(col.get(f"{W}w")) for col in header_table._tbl.tblGrid.findall(f"{W}gridCol")]
    assert grid == [round(mm * 1440 / 25.4) for mm in party.layout.header_columns_mm]
    assert find(doc, "ĐẢNG CỘNG SẢN VIỆT NAM") is not None
