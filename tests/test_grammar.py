import datetime as dt

import pytest

from ttdn_docs.admin import (
    BulletItem,
    BulletList,
    DocNumber,
    DocumentKind,
    Paragraph,
    PlaceDate,
    Recipient,
    Recipients,
    Section,
    Signature,
)
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.grammar import body_lines, number_line, place_date_line, recipient_lines, signature_lines


def test_party_number_grammar(party: Profile) -> None:
    assert number_line(party, DocumentKind.KE_HOACH, DocNumber(number=4, body="ĐU")) == "Số 04-KH/ĐU"
    assert number_line(party, DocumentKind.BAO_CAO, DocNumber(number=125, body="ĐU")) == "Số 125-BC/ĐU"
    assert number_line(party, DocumentKind.QUY_DINH, DocNumber(number=7, body="ĐU")) == "Số 07-QĐ/ĐU"
    blank = number_line(party, DocumentKind.KE_HOACH, DocNumber(body="ĐU"))
    assert blank.startswith("Số ") and blank.endswith("-KH/ĐU") and not any(c.isdigit() for c in blank)


def test_place_date_line_uses_profile_rule(party: Profile) -> None:
    assert place_date_line(party, PlaceDate(place="Thanh Miện", date=dt.date(2025, 2, 3))) == (
        "Thanh Miện, ngày 03 tháng 02 năm 2025"
    )


def test_sections_are_numbered_by_position(party: Profile) -> None:
    body = [
        Paragraph(text="Mở đầu."),
        Section(title="Mục đích, yêu cầu", children=[Section(title="Mục đích"), Section(title="Yêu cầu")]),
        Section(
            title="Tổ chức thực hiện",
            children=[
                Section(title="Ban A", children=[Section(text="điểm một"), Section(text="điểm hai")]),
                Section(text="Khoản không tiêu đề."),
            ],
        ),
        Section(title="iii", children=[BulletList(items=[BulletItem(text="ý", items=["ý con"])])]),
    ]
    texts = [(line.role, line.text) for line in body_lines(party, body)]
    assert texts == [
        ("body", "Mở đầu."),
        ("heading_1", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("heading_2", "1. Mục đích"),
        ("heading_2", "2. Yêu cầu"),
        ("heading_1", "II. TỔ CHỨC THỰC HIỆN"),
        ("heading_2", "1. Ban A"),
        ("item", "a) điểm một"),
        ("item", "b) điểm hai"),
        ("item", "2. Khoản không tiêu đề."),
        ("heading_1", "III. III"),
        ("bullet_1", "- ý"),
        ("bullet_2", "+ ý con"),
    ]


def test_party_recipients_end_with_comma_and_archive(party: Profile) -> None:
    lines = recipient_lines(
        party,
        Recipients(items=[Recipient(name="TT Đảng ủy", purpose="để báo cáo"), Recipient(name="Phòng VHXH")], archive=["VPĐU"]),
    )
    assert lines == ["- TT Đảng ủy (để báo cáo),", "- Phòng VHXH,", "- Lưu VPĐU."]


def test_party_deputy_signs_for_the_collective_without_kt(party: Profile) -> None:
    lines = signature_lines(
        party, Signature(collective="Ban Thường vụ", authority="deputy", position="Phó Bí thư Thường trực", name="X")
    )
    assert [line.text for line in lines] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"]
    alone = signature_lines(party, Signature(authority="deputy", head_title="Chánh Văn phòng", position="Phó Chánh Văn phòng", name="Y"))
    assert [line.text for line in alone] == ["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]


def test_signature_needs_head_title_when_delegated() -> None:
    with pytest.raises(ValueError, match="head_title"):
        Signature(authority="by_order", position="Chánh Văn phòng", name="Z")
