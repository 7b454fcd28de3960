"""AdminDocument + Profile → the plain data a template is rendered with.

The placeholders (documented in ``PLACEHOLDERS``) are the whole contract between the
model and any template, ours or a user's: ``header.*``, ``title.*``, ``lines.*``,
``addressees``, ``body``, ``recipients``, ``signature.*``, ``marks.*``. Values are plain
dicts, lists and strings, already cased and worded by the profile.
"""

from __future__ import annotations

from typing import Any

from ttdn_docs.admin import AdminDocument, Table
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.grammar import (
    BodyLine,
    apply_case,
    body_lines,
    kind_title,
    number_line,
    place_date_line,
    recipient_lines,
    signature_lines,
    summary_text,
)
from ttdn_docs.render.metrics import line_indents, text_width_twips
from ttdn_docs.render.ooxml import jc_value, twips_mm

# Top-level names a template may use, with what each holds.
PLACEHOLDERS: dict[str, str] = {
    "header": "superior (list), issuer (list), number, place_date",
    "title": "kind, summary",
    "lines": "national/issuer/summary: left, right indents (twips) of separator lines",
    "addressees": "list of 'Kính gửi' lines",
    "body": "list of {role, text}; role: body, heading_1..3, item, bullet_1..2, table "
    "(then also table: header, rows (list of {cells}), total; a cell is {text, width "
    "(twips), align})",
    "recipients": "list of Nơi nhận lines, the archive line last",
    "signature": "lines (list of {role, text}; role: collective, authority, position), name",
    "marks": "draft, urgency, confidentiality (texts or empty), drafter",
}


def build_context(document: AdminDocument, profile: Profile) -> dict[str, Any]:
    e = profile.elements
    superior = [apply_case(line, e.superior.case) for line in document.issuer.superior]
    issuer = [apply_case(line, e.issuer.case) for line in document.issuer.lines]
    summary = summary_text(profile, document)
    header_cols = [twips_mm(mm) for mm in profile.layout.header_columns_mm]
    page_text_width = twips_mm(
        profile.page.width_mm - profile.page.margins_mm["left"] - profile.page.margins_mm["right"]
    )
    return {
        "header": {
            "superior": superior,
            "issuer": issuer,
            "number": number_line(profile, document.kind, document.number),
            "place_date": place_date_line(profile, document.place_date),
        },
        "title": {"kind": kind_title(profile, document.kind), "summary": summary},
        "lines": {
            "national": _indents(
                max(text_width_twips(l.text, l.style.size, l.style.bold) for l in e.national_lines[-1:]),
                header_cols[1],
                e.national_separator.ratio,
            ),
            "issuer": _indents(
                max(text_width_twips(line, e.issuer.size, e.issuer.bold) for line in issuer),
                header_cols[0],
                e.issuer_separator.ratio,
            ),
            "summary": _indents(
                min(text_width_twips(summary, e.summary.size, e.summary.bold), page_text_width),
                page_text_width,
                e.summary_separator.ratio,
            ),
        },
        "addressees": addressee_lines(profile, document.addressees),
        "body": [body_entry(profile, line, page_text_width) for line in body_lines(profile, document.body)],
        "recipients": recipient_lines(profile, document.recipients),
        "signature": {
            "lines": [{"role": line.role, "text": line.text} for line in signature_lines(profile, document.signature)],
            "name": document.signature.name,
        },
        "marks": _marks(profile, document),
    }


def _indents(text_twips: int, cell_twips: int, ratio: float) -> dict[str, int]:
    left, right = line_indents(text_twips, cell_twips, ratio)
    return {"left": left, "right": right}


def body_entry(profile: Profile, line: BodyLine, width_twips: int) -> dict[str, Any]:
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
        "header": row([c.header for c in table.columns], e.table_header.align, header=True),
        "rows": [{"cells": row(texts, e.table_cell.align)} for texts in table.rows],
        "total": row(table.total, e.table_total.align) if table.total is not None else [],
    }


def addressee_lines(profile: Profile, addressees: list[str]) -> list[str]:
    """``Kính gửi: X.`` for one; ``Kính gửi:`` then ``- A;`` … ``- B.`` for several."""
    grammar = profile.recipients
    if not addressees:
        return []
    if len(addressees) == 1:
        return [f"{grammar.addressee_label} {addressees[0]}{grammar.last_end}"]
    lines = [grammar.addressee_label]
    lines += [f"{grammar.prefix}{name}{grammar.line_end}" for name in addressees[:-1]]
    lines.append(f"{grammar.prefix}{addressees[-1]}{grammar.last_end}")
    return lines


def _marks(profile: Profile, document: AdminDocument) -> dict[str, str]:
    marks = document.marks
    words = profile.marks
    drafter = ""
    if marks.drafter_initials or marks.copies:
        drafter = f"{marks.drafter_initials or ''}" + (f"({marks.copies})" if marks.copies else "")
    return {
        "draft": words.get("draft", "DỰ THẢO") if marks.draft else "",
        "urgency": words.get(marks.urgency.value, "") if marks.urgency else "",
        "confidentiality": words.get(marks.confidentiality.value, "") if marks.confidentiality else "",
        "drafter": drafter,
    }
