"""The supplementary marks of our own files, judged against the profile: a mark's words
(``marks:``), its style, its box, and the drafter's copies (``drafter_copies``)."""

from __future__ import annotations

import pytest
from docx_edit import DocxEdit, W, qn, set_text
from mutations import corpus_document

from ttdn_docs.admin import Marks
from ttdn_docs.admin.kinds import Confidentiality, Urgency
from ttdn_docs.check import check_docx
from ttdn_docs.profiles import builtin_profile_ids, load_profile
from ttdn_docs.render import render_docx

PROFILES = builtin_profile_ids()


def _marked(profile_id: str) -> DocxEdit:
    marks = Marks(urgency=Urgency.KHAN, confidentiality=Confidentiality.MAT, draft=True, drafter_initials="PL", copies=30)
    return DocxEdit(render_docx(corpus_document().model_copy(update={"marks": marks}), load_profile(profile_id)))


def _rules(doc: DocxEdit, profile_id: str) -> list[tuple[str, str]]:
    return [(f.rule.split(".", 1)[1], f.found) for f in check_docx(doc.to_bytes(), load_profile(profile_id))]


@pytest.mark.parametrize("profile_id", PROFILES)
def test_the_marks_as_rendered_are_clean(profile_id: str) -> None:
    doc = _marked(profile_id)
    assert [len(doc.paras(k)) for k in ("mark_urgency", "mark_confidentiality", "mark_draft", "mark_drafter")] == [1, 1, 1, 1]
    assert _rules(doc, profile_id) == []


@pytest.mark.parametrize("profile_id", PROFILES)
def test_a_mark_word_not_of_the_profile_is_named(profile_id: str) -> None:
    doc = _marked(profile_id)
    set_text(doc.para("mark_urgency"), "GẤP")
    set_text(doc.para("mark_confidentiality"), "MẬt")
    found = _rules(doc, profile_id)
    assert ("MARK_URGENCY.TEXT", "GẤP") in found
    assert any(rule == "MARK_CONFIDENTIALITY.TEXT" for rule, _ in found)


@pytest.mark.parametrize("profile_id", PROFILES)
def test_the_copies_follow_the_profile_format(profile_id: str) -> None:
    doc = _marked(profile_id)
    set_text(doc.para("mark_drafter"), "PL-30")
    assert ("MARK_DRAFTER.COPIES", "PL-30") in _rules(doc, profile_id)
    set_text(doc.para("mark_drafter"), "PL")  # initials only: no copies to judge
    assert _rules(doc, profile_id) == []


@pytest.mark.parametrize("profile_id", PROFILES)
def test_a_mark_not_bold_and_its_box_lost_are_seen(profile_id: str) -> None:
    doc = _marked(profile_id)
    draft = doc.para("mark_draft")
    for bold in draft.iter(f"{W}b"):
        bold.set(qn("val"), "0")
    borders = draft.find(f"{W}pPr/{W}pBdr")
    borders.getparent().remove(borders)
    found = {rule for rule, _ in _rules(doc, profile_id)}
    assert {"MARK_DRAFT.BOLD", "MARK_DRAFT.BOX"} <= found


@pytest.mark.parametrize("profile_id", PROFILES)
def test_a_mark_moved_out_of_its_slot_is_seen(profile_id: str) -> None:
    doc = _marked(profile_id)
    urgency = doc.para("mark_urgency")
    doc.para("place_date").addnext(urgency)  # from under the number to under the date line
    found = _rules(doc, profile_id)
    assert ("MARK_URGENCY.SLOT", "dưới địa danh, ngày tháng năm") in found
