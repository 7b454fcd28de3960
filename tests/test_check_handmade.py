"""A document built directly with python-docx (formatting on styles, lines drawn as
shapes, no renderer marks) passes; the same with three typical mistakes is caught."""

from __future__ import annotations

import io
import zipfile

import pytest
from handmade import hand_made_docx

from ttdn_docs.check import check_file
from ttdn_docs.docxread.view import open_docx
from ttdn_docs.profiles import builtin_profile_ids, load_profile

PROFILES = builtin_profile_ids()
MISTAKES = frozenset({"month", "body_align", "title_bold"})


@pytest.mark.parametrize("profile_id", PROFILES)
def test_hand_made_document_is_read_from_styles_and_passes(profile_id: str) -> None:
    profile = load_profile(profile_id)
    data = hand_made_docx(profile)
    document_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert b"TTDN" not in document_xml and b"<w:drawing>" in document_xml
    # The body paragraphs carry no direct formatting: size and font come from Normal.
    view = open_docx(data)
    body = next(p for p in view.paragraphs if p.text.startswith("Thực hiện"))
    assert body.el.find(f"{{{body.el.nsmap['w']}}}pPr") is None
    run = body.runs[0]
    assert run.size == profile.elements.body.size and set(run.fonts.values()) == {profile.font}
    result = check_file(data)  # profile detected from the header
    assert result.profile == profile_id
    assert result.findings == [], [f.describe() for f in result.findings]


@pytest.mark.parametrize("profile_id", PROFILES)
def test_three_typical_mistakes_are_caught(profile_id: str) -> None:
    profile = load_profile(profile_id)
    result = check_file(hand_made_docx(profile, MISTAKES))
    family = profile.family.upper()
    assert {f.rule for f in result.findings} == {
        f"{family}.PLACE_DATE.MONTH",
        f"{family}.KIND_TITLE.BOLD",
        f"{family}.BODY.ALIGN",
        f"{family}.BULLET_1.ALIGN",  # the bullet paragraph is Normal too
    }
    month = next(f for f in result.findings if f.rule.endswith("PLACE_DATE.MONTH"))
    assert (month.expected, month.found) == ("8", "08")
    assert month.location.text == "Thanh Miện, ngày 05 tháng 08 năm 2025"
    title = next(f for f in result.findings if f.rule.endswith("KIND_TITLE.BOLD"))
    assert title.location.text == "KẾ HOẠCH" and title.severity == "error"
    body_align = [f for f in result.findings if f.rule.endswith(".BODY.ALIGN")]
    assert len(body_align) == 3 and all(f.found == "trái" for f in body_align)
