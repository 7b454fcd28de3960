"""One AdminDocument per layout family and rule book: a công văn, a quyết định with căn
cứ and Điều (khoản restarting in each Điều), a giấy mời and a thông báo, of a commune
People's Committee (State) or Party committee (Party)."""

from __future__ import annotations

import datetime as dt

from ttdn_docs.admin import (
    AdminDocument,
    Authority,
    DocNumber,
    DocumentKind,
    Paragraph,
    PlaceDate,
    Recipient,
    Recipients,
    Section,
    Signature,
)
from ttdn_docs.admin.kinds import SignatureAuthority

FAMILY_KINDS = {
    "cong_van": DocumentKind.CONG_VAN,
    "decision": DocumentKind.QUYET_DINH,
    "titled": DocumentKind.THONG_BAO,
}


def _issuer(state: bool) -> Authority:
    if state:
        return Authority(lines=["Ủy ban nhân dân", "xã Hòa Phú"], abbreviation="UBND")
    return Authority(superior=["Đảng bộ tỉnh Hưng Yên"], lines=["Đảng ủy xã Hòa Phú"], abbreviation="ĐU")


def _signature(state: bool) -> Signature:
    if state:
        return Signature(
            collective="Ủy ban nhân dân", authority=SignatureAuthority.DEPUTY, head_title="Chủ tịch",
            position="Phó Chủ tịch", name="Nguyễn Văn An",
        )
    return Signature(collective="Ban Thường vụ", position="Phó Bí thư", name="Trần Thị Bình")


def family_document(family: str, state: bool) -> AdminDocument:
    kind = FAMILY_KINDS[family]
    body_abbreviation = "UBND" if state else "ĐU"
    common: dict[str, object] = {
        "issuer": _issuer(state),
        "kind": kind,
        "place_date": PlaceDate(place="Hòa Phú", date=dt.date(2025, 8, 5)),
        "signature": _signature(state),
        "recipients": Recipients(
            items=[Recipient(name="Các thôn trên địa bàn xã")], archive=["VT", "VHXH"] if state else ["VPĐU"]
        ),
    }
    if family == "cong_van":
        return AdminDocument(
            **common,  # type: ignore[arg-type]
            number=DocNumber(number=12, body=body_abbreviation, unit="VHXH"),
            summary="về việc tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025",
            addressees=["Ban công tác Mặt trận các thôn", "Trường Trung học cơ sở Hòa Phú"],
            body=[
                Paragraph(text="Thực hiện kế hoạch của cấp trên về tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025, đề nghị các đơn vị chuẩn bị địa điểm, nội dung và báo cáo kết quả trước ngày 15 tháng 10 năm 2025."),
                Paragraph(text="Đề nghị các đơn vị quan tâm phối hợp thực hiện."),
            ],
        )
    if family == "decision":
        return AdminDocument(
            **common,  # type: ignore[arg-type]
            number=DocNumber(number=25, body=body_abbreviation),
            summary="về việc thành lập Tổ công tác chuyển đổi số của xã",
            bases=[
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
                "Căn cứ Kế hoạch số 04/KH-UBND ngày 09 tháng 02 năm 2025 của Ủy ban nhân dân xã về chuyển đổi số",
                "Theo đề nghị của Văn phòng",
            ],
            body=[
                Section(title="Thành lập Tổ công tác chuyển đổi số của xã", children=[
                    Section(text="Tổ trưởng: Chủ tịch Ủy ban nhân dân xã."),
                    Section(text="Các thành viên: công chức Văn phòng và các thôn trưởng."),
                ]),
                Section(title="Nhiệm vụ của Tổ công tác", children=[
                    Section(text="Tham mưu kế hoạch chuyển đổi số hằng năm."),
                    Section(text="Theo dõi, đôn đốc và báo cáo kết quả thực hiện."),
                ]),
                Section(title="Hiệu lực thi hành", children=[
                    Paragraph(text="Quyết định này có hiệu lực kể từ ngày ký."),
                ]),
                Section(text="Văn phòng và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."),
            ],
        )
    return AdminDocument(
        **common,  # type: ignore[arg-type]
        number=DocNumber(number=7, body=body_abbreviation),
        summary="kết quả Ngày hội Đại đoàn kết toàn dân tộc năm 2025",
        body=[Paragraph(text="Ngày hội đã diễn ra tại các thôn với sự tham gia đông đảo của Nhân dân.")],
    )
