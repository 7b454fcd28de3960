"""The title line and each heading or bullet line in the template's style open as the
profile writes them (``types.*.name``; a level's number or marker,
``elements.headings[*].prefix``, ``elements.bullets[*].marker``): a typist's own symbol in our file is reported; the same
line in a file without our styles is read by its opening, so it is body text, not a fault."""

from __future__ import annotations

import pytest
from docx_edit import DocxEdit, set_text, text
from mutations import clean_file, hand_made

from ttdn_docs.check import check_docx
from ttdn_docs.check.rules import rule_id
from ttdn_docs.profiles import builtin_profile_ids, load_profile


def _edited(profile_id: str, element: str, change: str) -> bytes:
    doc = DocxEdit(clean_file(profile_id))
    para = doc.para(element)
    set_text(para, change + text(para).split(" ", 1)[1])
    return doc.to_bytes()


@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_a_bullet_with_another_marker_is_reported(profile_id: str) -> None:
    profile = load_profile(profile_id)
    data = _edited(profile_id, "bullet_1", "• ")
    findings = check_docx(data, profile)
    assert [f.rule for f in findings] == [rule_id(profile, "BULLET_1.MARKER")], [f.describe() for f in findings]
    assert f"«{profile.elements.bullets[0].marker}»" in findings[0].message
    assert check_docx(hand_made(data), profile) == []


@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_a_heading_with_a_word_before_its_number_is_reported(profile_id: str) -> None:
    profile = load_profile(profile_id)
    data = _edited(profile_id, "heading_1", "PHẦN I. ")
    findings = check_docx(data, profile)
    # The next mục («II.») then reads as out of sequence: the number is not read here.
    found = {f.rule for f in findings}
    assert found == {rule_id(profile, "HEADING_1.PREFIX"), rule_id(profile, "HEADING_1.SEQUENCE")}, [f.describe() for f in findings]
    prefix = next(f for f in findings if f.rule.endswith("HEADING_1.PREFIX"))
    assert prefix.expected == "I."
    assert prefix.message.startswith("Đề mục cấp 1 phải mở đầu")


@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_a_title_line_misspelling_its_type_is_reported(profile_id: str) -> None:
    """«KẾ HOẠCH.» in the title's style: not the name of the type its number (KH) names."""
    profile = load_profile(profile_id)
    doc = DocxEdit(clean_file(profile_id))
    title = doc.para("kind_title")
    set_text(title, text(title) + ".")
    data = doc.to_bytes()
    findings = check_docx(data, profile)
    assert [f.rule for f in findings] == [rule_id(profile, "KIND_TITLE.TEXT")], [f.describe() for f in findings]
    assert findings[0].expected == "KẾ HOẠCH"
    assert findings[0].message == "Tên loại văn bản phải viết đúng «KẾ HOẠCH»."


@pytest.mark.parametrize("form", ["marked", "hand-made"])
@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_a_purpose_not_written_as_the_profile_writes_it_is_reported(profile_id: str, form: str) -> None:
    """«- Ban X(để báo cáo);» against ``recipients.purpose`` « ({purpose})»."""
    profile = load_profile(profile_id)
    doc = DocxEdit(clean_file(profile_id))
    para = next(p for p in doc.paras("recipient") if "(" in text(p))
    set_text(para, text(para).replace(" (", "(", 1))
    data = doc.to_bytes() if form == "marked" else hand_made(doc.to_bytes())
    findings = check_docx(data, profile)
    assert [f.rule for f in findings] == [rule_id(profile, "RECIPIENT.PURPOSE")], [f.describe() for f in findings]
    assert findings[0].expected == "(để báo cáo)"
