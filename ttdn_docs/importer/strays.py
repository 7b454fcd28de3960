"""Paragraphs the reader placed in no element: the supplementary marks (``DỰ THẢO``,
``KHẨN``, ``MẬT``) read back as marks, and anything else handed on to be kept as text.

Nothing the officer typed is lost: a paragraph that is neither an element nor a mark goes
into the body where it stood (or after the opening, when it stood above the title), and
is listed in a warning.
"""

from __future__ import annotations

import re
from typing import Any

from ttdn_docs.admin.kinds import Confidentiality, Urgency
from ttdn_docs.docxread.anatomy import Anatomy, loose_key
from ttdn_docs.docxread.view import DocxView, Para, Table
from ttdn_docs.profiles.model import Profile


# ``NVA(30)``: the drafter's initials and the number of copies (ô 12 of ND 30).
_DRAFTER = re.compile(r"^(?P<initials>[A-ZĐ][A-Za-zĐđ.]{0,9})(?:\s*\((?P<copies>\d{1,5})\))?$")


def unplaced_paragraphs(view: DocxView, anatomy: Anatomy) -> list[Para]:
    """Non-empty body paragraphs that are no element, not in the header and not in a
    body table (tables are read row by row)."""
    # By paragraph number: a header line typed with tabs is read as parts (new paragraph
    # objects) that keep the number of the paragraph they come from.
    placed = {p.number for _, p in anatomy.elements()} | {p.number for p in anatomy.header}
    placed |= {p.number for table in anatomy.body_tables for p in table.paras}
    for separator in (anatomy.national_separator, anatomy.issuer_separator, anatomy.summary_separator):
        if separator is not None:
            placed.add(separator.para.number)
    out = []
    for block in view.blocks:
        paras = list(block.paras) if isinstance(block, Table) else [block]
        out += [p for p in paras if p.number not in placed and p.text.strip()]
    return out


def header_extras(anatomy: Anatomy) -> list[Para]:
    """Header paragraphs that are no element of it: where ``KHẨN`` and ``MẬT`` stand."""
    elements = {p.number for _, p in anatomy.elements()}
    return [p for p in anatomy.header if p.number not in elements and p.text.strip()]


def read_marks(paras: list[Para], profile: Profile, footer_table: int | None = None) -> tuple[dict[str, Any], list[Para]]:
    """The marks among ``paras`` (their words are the profile's; the drafter's initials
    with the number of copies, ``NVA(30)``, or alone in the Nơi nhận table
    ``footer_table``), and the rest."""
    words = {loose_key(text): key for key, text in profile.marks.items()}
    marks: dict[str, Any] = {}
    rest = []
    for para in paras:
        key = words.get(loose_key(para.text))
        drafter = _DRAFTER.match(para.text.strip())
        if drafter is not None and (drafter.group("copies") or (footer_table is not None and para.table == footer_table)):
            marks["drafter_initials"] = drafter.group("initials")
            if drafter.group("copies"):
                marks["copies"] = int(drafter.group("copies"))
        elif key == "draft":
            marks["draft"] = True
        elif key in {u.value for u in Urgency}:
            marks["urgency"] = key
        elif key in {c.value for c in Confidentiality}:
            marks["confidentiality"] = key
        else:
            rest.append(para)
    return marks, rest


def split_annex(paras: list[Para], profile: Profile) -> tuple[list[Para], list[Para]]:
    """Strays before an annex (``Phụ lục 1`` standing alone after the signature) and the
    annex's own paragraphs (label, title, reference line, table cells)."""
    label = loose_key(profile.annex_label)
    for index, para in enumerate(paras):
        if len(para.text) < 30 and loose_key(para.text).startswith(label) and para.table is None:
            return paras[:index], paras[index:]
    return paras, []
