"""The reference plan (Kế hoạch 04-KH/ĐU, Đảng ủy xã Thanh Miện, 05/8/2025) reproduced:
its text word for word and the Party profile's formatting facts, read back from the .docx."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from readback import W, document_text, find, normalise_words, open_docx, paragraphs_in_order, run_facts
from ttdn_docs.profiles import Profile

REFERENCE = Path(__file__).resolve().parents[1] / "examples" / "thanh_mien_2025" / "reference.txt"


@pytest.fixture(scope="module")
def doc(thanh_mien_docx: Path):  # type: ignore[no-untyped-def]
    return open_docx(thanh_mien_docx)


def test_text_equals_the_reference_word_for_word(doc) -> None:  # type: ignore[no-untyped-def]
    expected = normalise_words(REFERENCE.read_text(encoding="utf-8"))
    assert normalise_words(document_text(doc)) == expected


def test_page_is_a4_with_profile_margins(doc, party: Profile) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    margins = party.page.margins_mm
    assert abs(section.top_margin - Mm(margins["top"])) < Mm(0.1)
    assert abs(section.bottom_margin - Mm(margins["bottom"])) < Mm(0.1)
    assert abs(section.left_margin - Mm(margins["left"])) < Mm(0.1)
    assert abs(section.right_margin - Mm(margins["right"])) < Mm(0.1)
    assert (margins["top"], margins["bottom"], margins["left"], margins["right"]) == (20, 20, 30, 15)


def test_times_new_roman_only_on_every_slot(doc) -> None:  # type: ignore[no-untyped-def]
    fonts: set[str] = set()
    for paragraph in paragraphs_in_order(doc):
        fonts |= run_facts(paragraph).fonts
    for rfonts in doc.element.iter(f"{W}rFonts"):
        fonts |= {v for k, v in rfonts.attrib.items() if not k.endswith("Theme")}
    assert fonts == {"Times New Roman"}


@pytest.mark.parametrize(
    ("text", "size", "bold", "italic", "align"),
    [
        ("ĐẢNG CỘNG SẢN VIỆT NAM", 15, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", 14, False, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("ĐẢNG UỶ XÃ THANH MIỆN", 14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("*", 14, False, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Số 04-KH/ĐU", 14, False, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Thanh Miện, ngày 05 tháng 8 năm 2025", 14, False, True, WD_ALIGN_PARAGRAPH.CENTER),
        ("KẾ HOẠCH", 16, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("công tác thông tin đối ngoại trên địa bàn xã Thanh Miện năm 2025", 14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("-----", 14, False, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("I. MỤC ĐÍCH, YÊU CẦU", 14, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
        ("1. Mục đích", 14, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
        ("T/M BAN THƯỜNG VỤ", 14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("PHÓ BÍ THƯ THƯỜNG TRỰC", 14, False, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Vũ Minh Nguyệt", 14, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    ],
)
def test_element_formatting(doc, text: str, size: float, bold: bool, italic: bool, align: int) -> None:  # type: ignore[no-untyped-def]
    paragraph = find(doc, text)
    facts = run_facts(paragraph)
    assert facts.sizes == {size}
    assert facts.bold == {bold}
    assert facts.italic == {italic}
    assert paragraph.alignment == align


def test_title_and_summary_sizes_are_in_the_rule_ranges(doc, party: Profile) -> None:  # type: ignore[no-untyped-def]
    (kind_size,) = run_facts(find(doc, "KẾ HOẠCH")).sizes
    assert 15 <= kind_size <= 16 and party.elements.kind_title.allowed_sizes == (15, 16)


def test_body_is_justified_14_to_15pt_with_first_line_indent(doc) -> None:  # type: ignore[no-untyped-def]
    body = [p for p in doc.paragraphs if p.text.startswith(("- ", "Thực hiện", "Trên đây", "Chủ trì"))]
    assert len(body) >= 20
    for paragraph in body:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        (size,) = run_facts(paragraph).sizes
        assert 14 <= size <= 15
        assert paragraph.paragraph_format.first_line_indent is not None
        assert paragraph.paragraph_format.first_line_indent >= Mm(9.5)
        assert paragraph.paragraph_format.space_after.pt >= 6


def test_recipients_block(doc) -> None:  # type: ignore[no-untyped-def]
    label = find(doc, "Nơi nhận:")
    facts = run_facts(label)
    assert facts.underline == {True} and facts.sizes == {14}
    lines = ["- TT Đảng ủy (để báo cáo),", "- UB MTTQ Việt Nam xã,", "- Phòng VHXH,", "- Trung tâm VHTTTT,",
             "- Các chi, đảng bộ trực thuộc ĐU,", "- Lưu VPĐU."]
    for line in lines:
        assert run_facts(find(doc, line)).sizes == {12}


def test_header_and_signature_tables_are_borderless_and_the_signature_row_does_not_split(doc) -> None:  # type: ignore[no-untyped-def]
    header, signature = doc.tables
    for table in (header, signature):
        borders = table._tbl.tblPr.find(f"{W}tblBorders")
        assert borders is not None and {b.get(f"{W}val") for b in borders} == {"nil"}
    assert signature.rows[0]._tr.find(f"{W}trPr/{W}cantSplit") is not None
    assert header.rows[0].cells[0].paragraphs[0].text == "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG"


def test_line_under_the_party_title_is_about_as_long_as_the_title(doc, party: Profile) -> None:  # type: ignore[no-untyped-def]
    from ttdn_docs.docxfacts.metrics import text_width_twips

    right = doc.tables[0].rows[0].cells[1]
    line = right.paragraphs[1]
    assert line._p.find(f"{W}pPr/{W}pBdr/{W}top") is not None and line.text == ""
    ind = line._p.find(f"{W}pPr/{W}ind")
    cell_twips = round(party.layout.header_columns_mm[1] * 1440 / 25.4)
    length = cell_twips - int(ind.get(f"{W}left")) - int(ind.get(f"{W}right"))
    title = text_width_twips("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True)
    assert 0.9 * title <= length <= 1.1 * title


def test_page_number_in_header_from_page_two_only(doc) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    default_xml = section.header._element.xml
    assert "PAGE" in default_xml and 'w:fldCharType="begin"' in default_xml
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    first = section.first_page_header
    assert "PAGE" not in first._element.xml and all(not p.text for p in first.paragraphs)


def test_rendering_is_deterministic(thanh_mien_plan, party: Profile) -> None:  # type: ignore[no-untyped-def]
    from ttdn_docs.render import render_docx

    document = thanh_mien_plan.to_document()
    assert render_docx(document, party) == render_docx(document, party)


def test_the_last_body_paragraph_keeps_with_the_signature(doc) -> None:  # type: ignore[no-untyped-def]
    body = [p for p in doc.paragraphs if p.text]
    last = body[-1]
    assert last.text.startswith("Trên đây là Kế hoạch") and last.paragraph_format.keep_with_next
    assert not find(doc, "- Nắm bắt, dự báo tình hình dư luận", exact=False).paragraph_format.keep_with_next
