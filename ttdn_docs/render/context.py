"""AdminDocument + Profile → the plain data a template is rendered with.

The placeholders (documented in ``PLACEHOLDERS``) are the whole contract between the
model and any template, ours or a user's: ``header.*``, ``title.*``, ``lines.*``,
``addressees``, ``body``, ``recipients``, ``signature.*``, ``marks.*``. Values are plain
dicts, lists and strings, already cased and worded by the profile.
"""

from __future__ import annotations

from typing import Any

from ttdn_docs.admin import AdminDocument, Annex, Block, Table
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.family_text import (
    authority_line,
    basis_lines,
    cong_van_summary,
    enacting_line,
    recipients_with_as_above,
)
from ttdn_docs.profiles.grammar import (
    BodyLine,
    addressee_lines,
    annex_label,
    annex_reference,
    apply_case,
    body_lines,
    kind_title,
    mark_texts,
    number_line,
    place_date_line,
    recipient_lines,
    signature_lines,
    summary_text,
)
from ttdn_docs.profiles.model import MarkName, MarkSlot, Separator, Style
from ttdn_docs.docxfacts.metrics import box_indents, line_indents, text_width_twips
from ttdn_docs.render.ooxml import jc_value, twips_mm

# Top-level names a template may use, with what each holds.
PLACEHOLDERS: dict[str, str] = {
    "family": "the layout family of the document's type (titled, cong_van, decision, short_paper)",
    "header": "superior (list), issuer (list), number, summary (a công văn's 'V/v …' line, else empty), place_date",
    "title": "kind, summary",
    "lines": (
        "national/issuer/summary: left, right indents (twips) of separator lines; "
        "addressees.label/lines: indents of several 'Kính gửi' lines (label; '- A;' lines); "
        "marks.<name>: left, right indents of each placed mark (its box)"
    ),
    "addressees": "list of 'Kính gửi' lines",
    "authority": "the line naming who decides, above a decision's căn cứ (else empty)",
    "bases": "list of căn cứ lines of a decision (ends included)",
    "enacting": "the enacting line of a decision ('QUYẾT ĐỊNH:'), else empty",
    "body": "list of {role, text}; role: body, heading_1..3, article (Điều), article_text (an Điều "
    "without title: also label 'Điều 1.' and rest), item, bullet_1..2, table "
    "(then also table: grid (column widths, twips), header, rows (list of {cells}), total; "
    "a cell is {text, width (twips), align})",
    "recipients": "list of Nơi nhận lines, the archive line last",
    "signature": "lines (list of {role, text}; role: collective, authority, position), name",
    "marks": "draft, urgency, confidentiality (texts or empty), drafter",
    "annexes": "list of {label, title, reference, line {left, right}, body (as 'body')}",
}


def build_context(document: AdminDocument, profile: Profile) -> dict[str, Any]:
    e = profile.elements
    superior = [apply_case(line, e.superior.case) for line in document.issuer.superior]
    issuer = [apply_case(line, e.issuer.case) for line in document.issuer.lines]
    summary = summary_text(profile, document)
    widths = _container_widths(profile)
    marks = mark_texts(profile, document.marks)
    addressees = addressee_lines(profile, document.addressees)
    layout = profile.layout_of(document.kind)
    return {
        "family": profile.family_of(document.kind),
        "header": {
            "superior": superior,
            "issuer": issuer,
            "number": number_line(profile, document.kind, document.number),
            "summary": cong_van_summary(profile, layout, document.summary),
            "place_date": place_date_line(profile, document.place_date),
        },
        "title": {"kind": kind_title(profile, document.kind), "summary": summary},
        "lines": {
            "national": _separator_indents(
                [line.text for line in e.national_lines[-1:]],
                e.national_lines[-1].style,
                widths["under_place_date"],
                e.national_separator,
            ),
            "issuer": _separator_indents(issuer, e.issuer, widths["under_number"], e.issuer_separator),
            "summary": _separator_indents([summary], e.summary, widths["top"], e.summary_separator),
            "addressees": _under_colon(profile, addressees, widths["top"]),
            "marks": {
                name: _mark_indents(profile, name, marks[name], widths[placement.slot])
                for name, placement in profile.mark_placement.items()
            },
        },
        "addressees": addressees,
        "authority": authority_line(profile, layout, document),
        "bases": basis_lines(layout, document.bases),
        "enacting": enacting_line(profile, layout, document),
        "body": _body(profile, document.body, widths["top"], layout.levels),
        "recipients": recipient_lines(profile, recipients_with_as_above(profile, layout, document)),
        "signature": {
            "lines": [{"role": line.role, "text": line.text} for line in signature_lines(profile, document.signature)],
            "name": document.signature.name,
        },
        "marks": marks,
        "annexes": [
            _annex(profile, document, annex, index, widths["top"])
            for index, annex in enumerate(document.annexes, start=1)
        ],
    }


def _body(profile: Profile, blocks: list[Block], width_twips: int, levels: list[str]) -> list[dict[str, Any]]:
    return [body_entry(profile, line, width_twips) for line in body_lines(profile, blocks, levels=levels)]


def _container_widths(profile: Profile) -> dict[MarkSlot, int]:
    """Width (twips) of the column each slot stands in; ``top`` is the full text width."""
    page = profile.page
    text_width = twips_mm(page.width_mm - page.margins_mm["left"] - page.margins_mm["right"])
    header = [twips_mm(mm) for mm in profile.layout.header_columns_mm]
    signature = [twips_mm(mm) for mm in profile.layout.signature_columns_mm]
    return {
        "top": text_width,
        "under_number": header[0],
        "under_place_date": header[1],
        "after_recipients": signature[0],
    }


def _separator_indents(texts: list[str], style: Style, cell_twips: int, separator: Separator) -> dict[str, int]:
    """Indents of a drawn line: ``ratio`` × the widest text above it (at most the cell)."""
    widest = max((text_width_twips(t, style.size, style.bold) for t in texts), default=0)
    left, right = line_indents(min(widest, cell_twips), cell_twips, separator.ratio)
    return {"left": left, "right": right}


def _under_colon(profile: Profile, addressees: list[str], text_width: int) -> dict[str, dict[str, int]]:
    """Indents of several addressees: the ``Kính gửi:`` line and the ``- A;`` lines whose
    dashes stand under its colon, the whole block centred on the page."""
    style = profile.elements.addressee
    label = profile.addressees.label
    before_colon = text_width_twips(label.rstrip(":"), style.size, style.bold)
    widest = max((text_width_twips(a, style.size, style.bold) for a in addressees[1:]), default=0)
    block = max(text_width_twips(label, style.size, style.bold), before_colon + widest)
    left = max((text_width - block) // 2, 0)
    return {"label": {"left": left, "right": 0}, "lines": {"left": left + before_colon, "right": 0}}


def _mark_indents(profile: Profile, name: MarkName, text: str, cell_twips: int) -> dict[str, int]:
    placement = profile.mark_placement[name]
    if not placement.boxed:
        return {"left": 0, "right": 0}
    style = profile.elements.mark_style(name)
    left, right = box_indents(
        text_width_twips(text, style.size, style.bold), cell_twips, style.align, round(placement.box_padding_pt * 20)
    )
    return {"left": left, "right": right}


def _annex(profile: Profile, document: AdminDocument, annex: Annex, index: int, text_width: int) -> dict[str, Any]:
    e = profile.elements
    title = apply_case(annex.title, e.annex_title.case)
    reference = annex_reference(profile, document)
    line = {"left": 0, "right": 0}
    if e.annex_separator is not None:
        # The line sits under the reference line when there is one, else under the title.
        above, style = (reference, e.annex_reference) if reference and e.annex_reference else (title, e.annex_title)
        line = _separator_indents([above], style, text_width, e.annex_separator)
    return {
        "label": annex_label(profile, index),
        "title": title,
        "reference": reference,
        "line": line,
        "body": _body(profile, annex.body, text_width, profile.layout_of(document.kind).levels),
    }


def body_entry(profile: Profile, line: BodyLine, width_twips: int) -> dict[str, Any]:
    if line.label:  # a bold start and the rest (``Điều 1.`` + `` Tổ công tác …``)
        return {"role": line.role, "text": line.text, "label": line.label, "rest": line.text[len(line.label):]}
    if line.table is None:
        return {"role": line.role, "text": line.text}
    return {"role": line.role, "text": line.text, "table": table_entry(profile, line.table, width_twips)}


def table_entry(profile: Profile, table: Table, width_twips: int) -> dict[str, Any]:
    """Cells with their widths (the table spans the text width, shared by the columns'
    relative widths) and alignment as OOXML writes it (the column's, else the profile's
    cell style)."""
    total_weight = sum(column.width for column in table.columns)
    widths = [int(width_twips * column.width / total_weight) for column in table.columns]
    widths[-1] += width_twips - sum(widths)  # rounding remainder: the row fills the width
    e = profile.elements

    def row(texts: list[str], default_align: str, header: bool = False) -> list[dict[str, Any]]:
        return [
            {
                "text": text,
                "width": width,
                "align": jc_value(default_align if header or column.align is None else column.align),
            }
            for text, width, column in zip(texts, widths, table.columns)
        ]

    return {
        "grid": widths,  # the table's w:tblGrid, as the widest row (the header) lays it out
        "header": row([c.header for c in table.columns], e.table_header.align, header=True),
        "rows": [{"cells": row(texts, e.table_cell.align)} for texts in table.rows],
        "total": row(table.total, e.table_total.align) if table.total is not None else [],
    }
