"""Finding the anatomy in layouts other than ours: a công văn (no title), a bracketed
date line under the trích yếu, a header table in two rows."""

from __future__ import annotations

from copy import deepcopy

import pytest
from docx_edit import DocxEdit, W, qn, remove, set_text, text
from mutations import clean_docx, corpus_document

from ttdn_docs.admin import DocumentKind
from ttdn_docs.check import check_docx
from ttdn_docs.profiles import builtin_profile_ids, load_profile
from ttdn_docs.render import render_docx

PROFILES = builtin_profile_ids()


@pytest.mark.parametrize("hand_made", [False, True], ids=["marked", "hand-made"])
@pytest.mark.parametrize("profile_id", PROFILES)
def test_cong_van_needs_no_title(profile_id: str, hand_made: bool) -> None:
    profile = load_profile(profile_id)
    doc = DocxEdit(clean_docx(profile))
    for element in ("kind_title", "summary", "summary_separator"):
        remove(doc.para(element))
    abbreviation = profile.type_abbreviations.get(DocumentKind.CONG_VAN.value, "")
    number = profile.number.cong_van_template.format(number="12", type=abbreviation, body="ĐU", unit="VP")
    set_text(doc.para("number"), number)
    if hand_made:
        doc.strip_marks()
    assert check_docx(doc.to_bytes(), profile) == []


@pytest.mark.parametrize("profile_id", PROFILES)
def test_bracketed_date_line_under_the_summary_is_passed_over(profile_id: str) -> None:
    profile = load_profile(profile_id)
    doc = DocxEdit(clean_docx(profile))
    summary = doc.para("summary")
    subtitle = deepcopy(summary)
    subtitle.find(f"{W}pPr/{W}pStyle").getparent().remove(subtitle.find(f"{W}pPr/{W}pStyle"))
    set_text(subtitle, "(Ngày 11 tháng 9 năm 2025)")
    summary.addnext(subtitle)
    doc.strip_marks()
    assert check_docx(doc.to_bytes(), profile) == []


@pytest.mark.parametrize("profile_id", PROFILES)
def test_header_table_in_two_rows(profile_id: str) -> None:
    """Row 1: issuer | national lines; row 2: number | place and date."""
    profile = load_profile(profile_id)
    doc = DocxEdit(clean_docx(profile))
    table = doc.body.find(qn("tbl"))
    row = table.find(qn("tr"))
    second = deepcopy(row)
    for cell in second.findall(qn("tc")):
        for p in cell.findall(qn("p")):
            cell.remove(p)
    row.addnext(second)
    left, right = second.findall(qn("tc"))
    left.append(doc.para("number"))  # lxml moves the element
    right.append(doc.para("place_date"))
    doc.strip_marks()
    assert check_docx(doc.to_bytes(), profile) == []


@pytest.mark.parametrize("hand_made", [False, True], ids=["marked", "hand-made"])
@pytest.mark.parametrize("profile_id", PROFILES)
def test_marks_above_the_header_table(profile_id: str, hand_made: bool) -> None:
    """A DỰ THẢO line above the header table does not hide the header."""
    profile = load_profile(profile_id)
    document = corpus_document()
    doc = DocxEdit(render_docx(document.model_copy(update={"marks": document.marks.model_copy(update={"draft": True})}), profile))
    draft = doc.para("mark_draft")
    assert text(draft) == profile.marks["draft"]
    assert draft.getnext() is doc.body.find(qn("tbl"))  # the top slot: above the header table
    if hand_made:
        doc.strip_marks()
    assert check_docx(doc.to_bytes(), profile) == []


@pytest.mark.parametrize("profile_id", PROFILES)
def test_several_addressees_may_stand_as_a_block_under_the_colon(profile_id: str) -> None:
    profile = load_profile(profile_id)
    document = corpus_document().model_copy(update={"addressees": ["Ban Thường vụ Thành ủy", "Ban Tuyên giáo và Dân vận Thành ủy"]})
    doc = DocxEdit(render_docx(document, profile))
    lines = doc.paras("addressee")
    assert [text(p) for p in lines] == [
        profile.addressees.label,
        f"{profile.addressees.prefix}Ban Thường vụ Thành ủy{profile.addressees.line_end}",
        f"{profile.addressees.prefix}Ban Tuyên giáo và Dân vận Thành ủy{profile.addressees.last_end}",
    ]
    for para in lines:  # laid out as a left-aligned block, indented under the colon
        para.find(f"{W}pPr/{W}jc").set(qn("val"), "left")
    doc.strip_marks()
    assert check_docx(doc.to_bytes(), profile) == []
