"""A Word file of any type of the profile's type table → the fields of ``kind: document``.

The header and footer are read as for plans and reports (``importer.header``); the
body is the author's outline, every heading, paragraph, list and table where it stood
(``importer.outline``, ``importer.tree``). What differs by family:

- a công văn (``cong_van``): no title line; its trích yếu stands under the number
  (``V/v …``) and its number carries the drafting unit (``Số: 35/UBND-VHXH``);
- a decision (``decision``): the căn cứ lines become ``bases``, the position line and
  «QUYẾT ĐỊNH:» are the renderer's, each «Điều N.» is a top-level section.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ttdn_docs.docxread.anatomy import Anatomy, loose_key
from ttdn_docs.docxread.view import Para
from ttdn_docs.errors import TtdnError
from ttdn_docs.importer.decision import DecisionPreamble, decision_preamble
from ttdn_docs.importer.doctype import CONG_VAN, cong_van_summary, cong_van_summary_lines, read_number_parts
from ttdn_docs.importer.header import header_fields
from ttdn_docs.importer.notes import Notes
from ttdn_docs.importer.outline import build_outline
from ttdn_docs.importer.tree import outline_nodes
from ttdn_docs.importer.typed_layout import summary_continuation
from ttdn_docs.profiles.family_text import authority_line, enacting_line
from ttdn_docs.profiles.model import Profile
from ttdn_docs.vn import nfc
from ttdn_docs.ttdn.todo import todo

DOCUMENT_KIND = "document"


@dataclass
class ReadDocument:
    """The data of a ``kind: document`` file as read, and the authority line of a
    decision (compared with the one the layout writes once the data is validated)."""

    fields: dict[str, Any]
    authority: Para | None = None


def document_fields(
    anatomy: Anatomy, profile: Profile, type_key: str, notes: Notes, strays: Sequence[Para], marks: dict[str, Any]
) -> ReadDocument:
    """The data of a ``kind: document`` file for what the reader found, as plain data
    (validated by the caller, as any YAML input)."""
    family = profile.family_of(type_key)
    skip = list(summary_continuation(anatomy))
    preamble = decision_preamble(anatomy) if family == "decision" else DecisionPreamble()
    skip += preamble.read
    tree = build_outline(anatomy, profile, notes, anatomy.body_tables, strays, skip=skip)
    fields: dict[str, Any] = {"kind": DOCUMENT_KIND, "profile": profile.id, "type": type_key}
    summary_lines = [] if anatomy.summary is not None else cong_van_summary_lines(anatomy)
    summary = cong_van_summary(summary_lines, profile, type_key) if summary_lines else None
    header = header_fields(anatomy, profile, tree.all_text(), notes, summary_text=summary)
    if type_key == CONG_VAN and anatomy.number is not None:
        _cong_van_number(anatomy.number.text, profile, header)
    fields.update(header)
    if fields.get("date") is not None:
        fields.pop("year", None)  # the date says it
    if not fields.get("addressees"):
        fields.pop("addressees", None)
    if preamble.bases:
        fields["bases"] = preamble.bases
    nodes = outline_nodes(tree, anatomy.body_tables, DOCUMENT_KIND)
    if not nodes:
        notes.add(None, "không thấy nội dung văn bản; đã đánh dấu <<CẦN ĐIỀN>>")
        nodes = [todo("nội dung văn bản")]
    fields["outline"] = nodes
    if marks:
        fields["marks"] = marks
    if preamble.enacting is not None:
        # Kept by ``settle_preamble`` only where the layout's line differs.
        fields["enacting"] = nfc(preamble.enacting.text).strip()
    return ReadDocument(fields, preamble.authority)


def settle_preamble(document: Any, profile: Profile, read: ReadDocument, notes: Notes) -> Any:
    """A decision's enacting line left to the layout when it writes the same one
    («QUYẾT ĐỊNH:»), kept when it is the file's own («BAN CHẤP HÀNH ĐẢNG BỘ XÃ QUYẾT
    ĐỊNH»); its authority line («CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …») left to the layout when
    it writes the same, else kept as the outline's first paragraph, with a note, so that
    no word is lost."""
    family = profile.family_of(document.type)
    if family != "decision":
        return document
    layout = profile.layouts[family]
    try:
        # A draft writes even with a part still to fill; these lines are the same.
        marks = document.marks.model_copy(update={"draft": True})
        written = document.model_copy(update={"marks": marks, "enacting": None}).to_document()
    except TtdnError:
        return document
    update: dict[str, Any] = {}
    typed = getattr(document, "enacting", None)
    if typed is not None and loose_key(enacting_line(profile, layout, written)) == loose_key(typed):
        update["enacting"] = None
    if read.authority is not None:
        text = nfc(read.authority.text).strip()
        if loose_key(authority_line(profile, layout, written)) != loose_key(text):
            notes.add(read.authority.number, f"dòng thẩm quyền «{text[:60]}» khác dòng mẫu viết; giữ nguyên văn thành đoạn văn đầu")
            update["outline"] = [text, *document.outline]
    return document.model_copy(update=update) if update else document


def _cong_van_number(text: str, profile: Profile, header: dict[str, Any]) -> None:
    """``Số: 35/UBND-VHXH``: the body is the issuer's abbreviation, the rest the unit."""
    read = read_number_parts(text, profile)
    if read is None:
        return
    parts, cong_van = read
    header["number"] = parts.number
    header["issuer"]["abbreviation"] = parts.body if cong_van else header["issuer"]["abbreviation"]
    if cong_van and parts.unit:
        header["unit"] = parts.unit
