"""The State rule book (Nghị định 30/2020/NĐ-CP, Phụ lục I): a UBND plan rendered with
``state-nd30-2020`` and read back from the .docx — text, sizes, styles and lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from readback import (
    document_text,
    drawn_width_twips,
    find,
    indents_twips,
    open_docx,
    paragraphs_in_order,
    run_facts,
    with_style,
    borders,
)
from ttdn_docs import load_plan, load_profile
from ttdn_docs.admin import AdminDocument, DocumentKind, Signature, SignatureAuthority
from ttdn_docs.cli import main
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.grammar import signature_lines
from ttdn_docs.render import write_docx
from ttdn_docs.docxfacts.metrics import text_width_twips

ROOT = Path(__file__).resolve().parents[1]
STATE_PLAN = ROOT / "examples" / "state_plan" / "plan.yaml"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture(scope="module")
def state() -> Profile:
    return load_profile("state-nd30-2020")


@pytest.fixture(scope="module")
def state_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example rendered through the command line, as an officer would."""
    out = tmp_path_factory.mktemp("state") / "plan.docx"
    assert main(["render", str(STATE_PLAN), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def doc(state_docx: Path):  # type: ignore[no-untyped-def]
    return open_docx(state_docx)


def sizes_in(style_range: tuple[float, float], facts_sizes: frozenset[float]) -> bool:
    low, high = style_range
    return all(low <= size <= high for size in facts_sizes)


def test_profile_is_found_by_alias_and_id(state: Profile) -> None:
    assert load_profile("state") == state
    assert state.family == "state"


def test_page_is_a4_with_margins_in_the_decrees_ranges(doc, state: Profile) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    # ND 30 PL I.I.3: top and bottom 20-25 mm, left 30-35, right 15-20.
    decree = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
    assert state.page.margin_ranges_mm == decree
    for side, (low, high) in decree.items():
        assert low <= round(getattr(section, f"{side}_margin").mm, 1) <= high


def test_quoc_hieu_and_tieu_ngu(doc) -> None:  # type: ignore[no-untyped-def]
    quoc_hieu = run_facts(find(doc, QUOC_HIEU))
    assert quoc_hieu.bold == {True} and sizes_in((12, 13), quoc_hieu.sizes) and quoc_hieu.sizes
    assert quoc_hieu.fonts == {"Times New Roman"}
    tieu_ngu_paragraph = find(doc, TIEU_NGU)
    tieu_ngu = run_facts(tieu_ngu_paragraph)
    assert tieu_ngu.bold == {True} and sizes_in((13, 14), tieu_ngu.sizes) and tieu_ngu.sizes
    assert tieu_ngu_paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_line_under_tieu_ngu_is_as_long_as_it(doc) -> None:  # type: ignore[no-untyped-def]
    (line,) = with_style(doc, "TTDN Duoi quoc hieu")
    assert borders(line) == {"top"} and line.text == ""
    size = next(iter(run_facts(find(doc, TIEU_NGU)).sizes))
    ratio = drawn_width_twips(doc, line) / text_width_twips(TIEU_NGU, size, bold=True)
    assert 0.9 <= ratio <= 1.1


def test_issuer_lines_bold_with_a_third_to_half_line(doc) -> None:  # type: ignore[no-untyped-def]
    issuer = with_style(doc, "TTDN Co quan ban hanh")
    assert [p.text for p in issuer] == ["ỦY BAN NHÂN DÂN", "XÃ THANH MIỆN"]
    facts = [run_facts(p) for p in issuer]
    assert all(f.bold == {True} and sizes_in((12, 13), f.sizes) for f in facts)
    assert with_style(doc, "TTDN Co quan cap tren") == []  # no superior body for a UBND xã
    (line,) = with_style(doc, "TTDN Duoi co quan ban hanh")
    assert borders(line) == {"top"}
    size = next(iter(facts[0].sizes))
    longest = max(text_width_twips(p.text, size, bold=True) for p in issuer)
    assert 1 / 3 <= drawn_width_twips(doc, line) / longest <= 1 / 2


def test_number_line_has_colon_and_number_slash_type_dash_body(doc) -> None:  # type: ignore[no-untyped-def]
    (number,) = with_style(doc, "TTDN So ky hieu")
    assert re.fullmatch(r"Số: \d{2,}/KH-UBND", number.text)
    assert number.text == "Số: 45/KH-UBND"
    facts = run_facts(number)
    assert facts.sizes == {13} and facts.bold == {False} and facts.italic == {False}


def date_obeys_rule(line: str) -> bool:
    """ND 30 PL I.II.4.b: day < 10 and months 1, 2 zero-padded; months 3–12 are not."""
    match = re.fullmatch(r"[^,]+, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})", line)
    if match is None:
        return False
    month = match.group(2)
    return month in {"01", "02"} if int(month) <= 2 else not month.startswith("0")


def test_date_line_is_italic_and_obeys_the_padding_rule(doc) -> None:  # type: ignore[no-untyped-def]
    (date,) = with_style(doc, "TTDN Dia danh ngay thang")
    assert date.text == "Thanh Miện, ngày 08 tháng 9 năm 2025"
    assert date_obeys_rule(date.text)
    facts = run_facts(date)
    assert facts.italic == {True} and facts.bold == {False} and sizes_in((13, 14), facts.sizes)


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        ("Hà Nội, ngày 05 tháng 01 năm 2020", True),
        ("Hà Nội, ngày 29 tháng 6 năm 2019", True),
        ("Hà Nội, ngày 5 tháng 6 năm 2019", False),
        ("Hà Nội, ngày 05 tháng 09 năm 2019", False),
        ("Hà Nội, ngày 05 tháng 1 năm 2020", False),
    ],
)
def test_date_rule_helper_matches_the_decrees_examples(line: str, ok: bool) -> None:
    assert date_obeys_rule(line) is ok


def test_title_and_summary_bold_summary_capitalised_with_short_line(doc) -> None:  # type: ignore[no-untyped-def]
    kind = find(doc, "KẾ HOẠCH")
    assert run_facts(kind).bold == {True} and sizes_in((13, 14), run_facts(kind).sizes)
    (summary,) = with_style(doc, "TTDN Trich yeu")
    # The plan data starts lower case (as the Party wants); the profile capitalises it.
    assert summary.text == "Thực hiện công tác thông tin đối ngoại trên địa bàn xã Thanh Miện năm 2025"
    facts = run_facts(summary)
    assert facts.bold == {True} and facts.italic == {False} and sizes_in((13, 14), facts.sizes)
    (line,) = with_style(doc, "TTDN Duoi trich yeu")
    assert borders(line) == {"top"}
    size = next(iter(facts.sizes))
    # A two-line trích yếu: the line is measured against the full text width it fills.
    text_width = min(text_width_twips(summary.text, size, bold=True), drawn_width_twips(doc, summary))
    assert 1 / 3 <= drawn_width_twips(doc, line) / text_width <= 1 / 2


def test_body_is_13_14_pt_justified_and_ends_with_slash_mark(doc) -> None:  # type: ignore[no-untyped-def]
    body = with_style(doc, "TTDN Noi dung") + with_style(doc, "TTDN Gach dau dong")
    assert body
    for paragraph in body:
        facts = run_facts(paragraph)
        assert sizes_in((13, 14), facts.sizes) and facts.sizes
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert 0.99 <= paragraph.paragraph_format.first_line_indent.cm <= 1.28
        assert paragraph.paragraph_format.space_after.pt >= 6
    last = with_style(doc, "TTDN Noi dung")[-1]
    assert last.text.startswith("Trên đây là Kế hoạch")
    assert last.text.endswith("đúng quy định./.")
    assert document_text(doc).count("./.") == 1


def test_headings_are_roman_upper_bold_then_arabic_bold(doc) -> None:  # type: ignore[no-untyped-def]
    headings = [p.text for p in with_style(doc, "TTDN Muc")]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG TRIỂN KHAI", "III. TỔ CHỨC THỰC HIỆN"]
    units = [p.text for p in with_style(doc, "TTDN Khoan")]
    # The dash of a compound name is bound to the word before it (no-break space).
    assert "1. Phòng Văn hóa\u00a0- Xã hội" in units and "4. Công an xã" in units
    assert "2. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân" in units
    assert all(run_facts(p).bold == {True} for p in with_style(doc, "TTDN Khoan"))


def test_noi_nhan_label_12_bold_italic_lines_11_ending_semicolon(doc) -> None:  # type: ignore[no-untyped-def]
    label = find(doc, "Nơi nhận:")
    facts = run_facts(label)
    assert facts.sizes == {12} and facts.bold == {True} and facts.italic == {True}
    lines = with_style(doc, "TTDN Dong noi nhan")
    texts = [p.text for p in lines]
    assert texts[0] == "- Sở Văn hóa, Thể thao và Du lịch thành phố Hải Phòng (để báo cáo);"
    assert all(t.startswith("- ") and t.endswith(";") for t in texts[:-1])
    assert texts[-1] == "- Lưu: VT, VHXH."
    assert all(run_facts(p).sizes == {11} and run_facts(p).bold == {False} for p in lines)


def test_signature_tm_kt_with_bold_position(doc) -> None:  # type: ignore[no-untyped-def]
    collective = find(doc, "TM. ỦY BAN NHÂN DÂN")
    authority = find(doc, "KT. CHỦ TỊCH")
    position = find(doc, "PHÓ CHỦ TỊCH")
    name = find(doc, "Nguyễn Văn A")
    for paragraph in (collective, authority, position, name):
        facts = run_facts(paragraph)
        assert facts.bold == {True} and sizes_in((13, 14), facts.sizes) and facts.sizes
    texts = [p.text for p in paragraphs_in_order(doc)]
    assert texts.index("TM. ỦY BAN NHÂN DÂN") + 1 == texts.index("KT. CHỦ TỊCH")
    assert texts.index("KT. CHỦ TỊCH") + 1 == texts.index("PHÓ CHỦ TỊCH")


def test_page_numbers_top_centre_13_14_pt_none_on_page_one(doc) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" not in section.first_page_header._element.xml
    (number,) = section.header.paragraphs
    assert " PAGE " in number._p.xml
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    sizes = {r.font.size.pt for r in number.runs if r.font.size is not None}
    assert sizes and sizes_in((13, 14), frozenset(sizes))
    assert section.header_distance <= Mm(20)


@pytest.mark.parametrize(
    ("authority", "collective", "expected"),
    [
        (SignatureAuthority.HEAD, "Ủy ban nhân dân", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (SignatureAuthority.DEPUTY, "Ủy ban nhân dân", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        (SignatureAuthority.DEPUTY, None, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        (SignatureAuthority.BY_ORDER, None, ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
        (SignatureAuthority.BY_AUTHORIZATION, None, ["TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
        (SignatureAuthority.ACTING, None, ["Q. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ],
)
def test_signature_prefixes_carry_a_dot(
    state: Profile, authority: SignatureAuthority, collective: str | None, expected: list[str]
) -> None:
    position = {"head": "Chủ tịch", "by_order": "Chánh Văn phòng", "by_authorization": "Chánh Văn phòng"}
    signature = Signature(
        collective=collective,
        authority=authority,
        head_title="Chủ tịch",
        position=position.get(authority.value, "Phó Chủ tịch"),
        name="Nguyễn Văn A",
    )
    assert [line.text for line in signature_lines(state, signature)] == expected


# --- The same plan data in either rule book ----------------------------------------------


@pytest.fixture(scope="module")
def thanh_mien_state(tmp_path_factory: pytest.TempPathFactory, state: Profile):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("tm-state") / "ke-hoach.docx"
    plan = load_plan(ROOT / "examples" / "thanh_mien_2025" / "plan.yaml")
    write_docx(plan.to_document(), state, out)
    return open_docx(out)


def test_thanh_mien_plan_rerendered_with_state_profile(thanh_mien_state) -> None:  # type: ignore[no-untyped-def]
    doc = thanh_mien_state
    text = document_text(doc)
    assert QUOC_HIEU in text and TIEU_NGU in text and "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
    assert find(doc, "Số: 04/KH-ĐU")
    assert find(doc, "Thanh Miện, ngày 05 tháng 8 năm 2025")
    assert find(doc, "Công tác thông tin đối ngoại trên địa bàn xã Thanh Miện năm 2025")
    assert find(doc, "TM. BAN THƯỜNG VỤ") and find(doc, "PHÓ BÍ THƯ THƯỜNG TRỰC")
    lines = [p.text for p in with_style(doc, "TTDN Dong noi nhan")]
    assert lines[0] == "- TT Đảng ủy (để báo cáo);" and lines[-1] == "- Lưu: VT, VPĐU."
    assert with_style(doc, "TTDN Noi dung")[-1].text.endswith("đúng quy định./.")
    assert run_facts(find(doc, "Nơi nhận:")).italic == {True}
    # The seed's '*' under the issuer becomes a drawn line.
    assert "*" not in [p.text for p in paragraphs_in_order(doc)]
    assert borders(with_style(doc, "TTDN Duoi co quan ban hanh")[0]) == {"top"}


def test_thanh_mien_plan_keeps_party_form_with_party_profile(thanh_mien_docx: Path) -> None:
    doc = open_docx(thanh_mien_docx)
    assert find(doc, "Số 04-KH/ĐU")
    assert find(doc, "công tác thông tin đối ngoại trên địa bàn xã Thanh Miện năm 2025")
    assert find(doc, "T/M BAN THƯỜNG VỤ")
    assert "./." not in document_text(doc)
    assert run_facts(find(doc, "PHÓ BÍ THƯ THƯỜNG TRỰC")).bold == {False}


# --- Kính gửi for a report sent upward ---------------------------------------------------


def upward_report(plan_document: AdminDocument, addressees: list[str]) -> AdminDocument:
    return plan_document.model_copy(
        update={
            "kind": DocumentKind.BAO_CAO,
            "summary": "kết quả công tác thông tin đối ngoại năm 2025",
            "addressees": addressees,
        }
    )


def test_kinh_gui_one_addressee_on_one_line(tmp_path: Path, state: Profile) -> None:
    document = upward_report(load_plan(STATE_PLAN).to_document(), ["Sở Văn hóa, Thể thao và Du lịch thành phố Hải Phòng"])
    doc = open_docx(write_docx(document, state, tmp_path / "bc.docx"))
    assert find(doc, "BÁO CÁO") and find(doc, "Số: 45/BC-UBND")
    line = find(doc, "Kính gửi: Sở Văn hóa, Thể thao và Du lịch thành phố Hải Phòng")
    facts = run_facts(line)
    assert facts.bold == {False} and facts.italic == {False} and sizes_in((13, 14), facts.sizes)
    texts = [p.text for p in paragraphs_in_order(doc)]
    # After the trích yếu and its line, before the body.
    assert texts.index("Kết quả công tác thông tin đối ngoại năm 2025") < texts.index(line.text)
    assert texts.index(line.text) < next(i for i, t in enumerate(texts) if t.startswith("Căn cứ"))


def test_kinh_gui_several_addressees_one_per_line(tmp_path: Path, state: Profile) -> None:
    document = upward_report(
        load_plan(STATE_PLAN).to_document(),
        ["Ủy ban nhân dân thành phố Hải Phòng", "Sở Văn hóa, Thể thao và Du lịch thành phố Hải Phòng"],
    )
    doc = open_docx(write_docx(document, state, tmp_path / "bc.docx"))
    label, *lines = with_style(doc, "TTDN Kinh gui")
    assert [label.text] + [p.text for p in lines] == [
        "Kính gửi:",
        "- Ủy ban nhân dân thành phố Hải Phòng;",
        "- Sở Văn hóa, Thể thao và Du lịch thành phố Hải Phòng.",
    ]
    # The dashes stand in line with each other, under the colon of the label; the block
    # (label's start to the widest line's end) is centred on the page.
    size = next(iter(run_facts(label).sizes))
    label_left = indents_twips(label)[0]
    colon_at = label_left + text_width_twips("Kính gửi", size)
    assert {indents_twips(p)[0] for p in lines} == {colon_at}
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.LEFT for p in [label, *lines])
    block_end = colon_at + max(text_width_twips(p.text, size) for p in lines)
    page_width = drawn_width_twips(doc, label) + label_left
    assert abs(label_left - (page_width - block_end)) <= 2
