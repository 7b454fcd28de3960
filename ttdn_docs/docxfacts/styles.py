"""Paragraph style names that mark each element in the documents we render.

The template builder writes them; the checker reads them to find elements exactly in our
own files (it also finds them by content and position in anyone's file). They carry no
formatting: all formatting is direct, from the profile.
"""

from __future__ import annotations

import re

ELEMENT_STYLES = {
    "national": "TTDN Quoc hieu",
    "superior": "TTDN Co quan cap tren",
    "issuer": "TTDN Co quan ban hanh",
    "issuer_separator": "TTDN Duoi co quan ban hanh",
    "national_separator": "TTDN Duoi quoc hieu",
    "number": "TTDN So ky hieu",
    "place_date": "TTDN Dia danh ngay thang",
    "kind_title": "TTDN Ten loai",
    "summary": "TTDN Trich yeu",
    "summary_separator": "TTDN Duoi trich yeu",
    "addressee": "TTDN Kinh gui",
    "body": "TTDN Noi dung",
    "heading_1": "TTDN Muc",
    "heading_2": "TTDN Khoan",
    "heading_3": "TTDN Diem",
    "item": "TTDN Khoan khong tieu de",
    "bullet_1": "TTDN Gach dau dong",
    "bullet_2": "TTDN Gach cong",
    "table_header": "TTDN Bang tieu de cot",
    "table_cell": "TTDN Bang o",
    "table_total": "TTDN Bang dong tong",
    "table_after": "TTDN Sau bang",
    "recipients_label": "TTDN Noi nhan",
    "recipient": "TTDN Dong noi nhan",
    "signature_collective": "TTDN Quyen han",
    "signature_authority": "TTDN Quyen han ky thay",
    "signature_position": "TTDN Chuc vu",
    "signature_space": "TTDN Cho ky",
    "signer_name": "TTDN Ho ten nguoi ky",
    "page_number": "TTDN So trang",
    "mark_confidentiality": "TTDN Do mat",
    "mark_urgency": "TTDN Do khan",
    "mark_draft": "TTDN Du thao",
    "mark_drafter": "TTDN Nguoi soan thao va so ban",
    "annex_label": "TTDN Phu luc",
    "annex_title": "TTDN Ten phu luc",
    "annex_reference": "TTDN Kem theo van ban",
    "annex_separator": "TTDN Duoi phu luc",
}


def style_id(element: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", ELEMENT_STYLES[element])
