"""A plan typed the way a commune office types it in Word, built with python-docx from
the texts of one of our rendered files: no style names (direct formatting only), the
header in a borderless table, numbers and bullets typed by hand, blank paragraphs for
spacing, and a few mistakes — bullets typed with an en dash, a day without its zero (``ngày 5``), headings numbered
``1)``, Nơi nhận lines ending in ``;`` in a Party file, a body font of 13 pt Arial, the
left margin of 2 cm."""

from __future__ import annotations

import io
import re

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from ttdn_docs.docxread import Table, open_docx
from ttdn_docs.docxread.anatomy import BODY_ROLES


def _run(paragraph: object, text: str, *, bold: bool = False, size: float = 14, font: str = "Times New Roman") -> None:
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.bold = bold
    run.font.size = Pt(size)
    run.font.name = font


_NUM_ID = "90"


def _numbered(doc: object, paragraph: object, level: int) -> None:
    """Number ``paragraph`` with Word's list numbering: I., II. at level 0, 1., 2. at 1."""
    numbering = doc.part.numbering_part.element  # type: ignore[attr-defined]
    if numbering.find(qn("w:num") + f"[@{qn('w:numId')}='{_NUM_ID}']") is None:
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_NUM_ID}"><w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
            "</w:abstractNum>"
        )
        numbering.insert(0, abstract)
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{_NUM_ID}"><w:abstractNumId w:val="{_NUM_ID}"/></w:num>'))
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{_NUM_ID}"/></w:numPr>'
    ))


def typed_by_hand(rendered: bytes, *, footer_table: bool = True, auto_numbering: bool = False) -> bytes:
    """The same words as ``rendered`` (a file of ours), typed by hand with mistakes;
    Nơi nhận and the signature in a borderless table, or (``footer_table=False``) as
    plain paragraphs: the signature block right-aligned, then Nơi nhận. With
    ``auto_numbering`` the headings are numbered by Word's numbering button (I., 1.)
    instead of typed."""
    view = open_docx(rendered)
    by_mark: dict[str, list[str]] = {}
    body: list[str | list[list[str]]] = []  # paragraphs, and data tables as rows of cells
    for block in view.blocks:
        if isinstance(block, Table):
            if any(p.mark in ("table_header", "table_cell") for p in block.paras):
                body.append([[" ".join(p.text for p in cell.paras) for cell in row] for row in block.rows])
                continue
            paras = list(block.paras)
        else:
            paras = [block]
        for para in paras:
            if para.table is None and para.mark in BODY_ROLES:
                body.append(para.text)
            elif para.mark:
                by_mark.setdefault(para.mark, []).append(para.text)
    body = [*by_mark["kind_title"], *by_mark["summary"], *body]
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Mm(20), Mm(15), Mm(20), Mm(20)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left_lines = by_mark.get("superior", []) + by_mark["issuer"] + ["*"] + by_mark["number"]
    for index, text in enumerate(left_lines):
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, text, bold=index > 0 and text != by_mark["number"][0])
    date = re.sub(r"ngày 0(\d)", r"ngày \1", by_mark["place_date"][0])
    for index, text in enumerate([*by_mark["national"], date]):
        paragraph = right.paragraphs[0] if index == 0 else right.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, text, bold=index == 0)
    doc.add_paragraph()
    for index, text in enumerate(body):
        if isinstance(text, list):  # a data table, typed as a grid
            grid = doc.add_table(rows=len(text), cols=len(text[0]))
            grid.style = "Table Grid"
            for cells, row in zip(text, grid.rows, strict=True):
                for value, cell in zip(cells, row.cells, strict=True):
                    cell.text = value
            continue
        paragraph = doc.add_paragraph()
        if index < 2:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, text, bold=True, size=15 if index == 0 else 14)
            if index == 1:
                doc.add_paragraph().add_run("-----")
                doc.add_paragraph()
            continue
        level1 = bool(re.match(r"^[IVX]+\. ", text))
        level2 = bool(re.match(r"^\d+\. ", text))
        if auto_numbering and (level1 or level2):
            text = text.split(" ", 1)[1]
            _numbered(doc, paragraph, 0 if level1 else 1)
        else:
            text = re.sub(r"^(\d+)\. ", r"\1) ", text)  # headings numbered 1) by hand
        if index % 2 and text.startswith("- "):
            text = "– " + text[2:]  # every other bullet typed with an en dash
        _run(paragraph, text, size=13, font="Arial", bold=level1)
        if level1:
            doc.add_paragraph()  # a blank line for spacing
    doc.add_paragraph()
    lines = [by_mark["recipients_label"][0]] + [re.sub(r",$", ";", t) for t in by_mark["recipient"]]
    signature = [t for key in ("signature_collective", "signature_authority", "signature_position") for t in by_mark.get(key, [])]
    signature += ["", "", "", *by_mark["signer_name"]]
    if footer_table:
        left, right = doc.add_table(rows=1, cols=2).rows[0].cells
        left_paragraphs = [left.paragraphs[0]] + [left.add_paragraph() for _ in lines[1:]]
        right_paragraphs = [right.paragraphs[0]] + [right.add_paragraph() for _ in signature[1:]]
    else:
        right_paragraphs = [doc.add_paragraph() for _ in signature]
        doc.add_paragraph()
        left_paragraphs = [doc.add_paragraph() for _ in lines]
    for index, (paragraph, text) in enumerate(zip(left_paragraphs, lines, strict=True)):
        _run(paragraph, text, size=12 if index == 0 else 11, bold=index == 0)
    for paragraph, text in zip(right_paragraphs, signature, strict=True):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if footer_table else WD_ALIGN_PARAGRAPH.RIGHT
        _run(paragraph, text, bold=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
