"""An imported (or rolled-over) plan or report as commented YAML, like ``init plan``'s."""

from __future__ import annotations

from typing import Any

from ttdn_docs.datafile import dump_commented_yaml
from ttdn_docs.importer.notes import ImportWarning
from ttdn_docs.profiles import load_profile
from ttdn_docs.skeletons.plan import COMMENTS as PLAN_COMMENTS
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport

# What differs from ``init plan``'s comments for a file read from Word.
_FROM_WORD = {
    "profile": [
        "Hồ sơ thể thức nhận ra từ phần đầu văn bản: party-hd36-2018 (văn bản của Đảng) hoặc",
        "state-nd30-2020 (văn bản của Nhà nước, Nghị định 30/2020/NĐ-CP).",
    ],
    "issuer": [
        "Cơ quan ban hành, đọc từ phần đầu văn bản. superior: cơ quan cấp trên; abbreviation: chữ",
        "viết tắt trong số ký hiệu; commune_code (mã xã) có thể thêm để tra danh mục đơn vị.",
    ],
}
REPORT_COMMENTS: dict[str, list[str]] = {
    **{k: v for k, v in PLAN_COMMENTS.items() if k in {"number", "date", "place", "recipients", "signature"}},
    **_FROM_WORD,
    "year": ["Năm báo cáo (năm của kết quả)."],
    "summary": ["Trích yếu nội dung (sau chữ BÁO CÁO)."],
    "plan": ["Kế hoạch được báo cáo: số, ký hiệu như đã ban hành, ngày, cơ quan, trích yếu."],
    "opening": ["Đoạn mở đầu (căn cứ): bỏ trường này để dùng câu mặc định trích dẫn kế hoạch."],
    "sections": [
        "Các phần của báo cáo: leadership (lãnh đạo, chỉ đạo), results (kết quả: intro, by_content,",
        "by_unit), shortcomings (limitations, causes), directions (phương hướng), proposals (kiến nghị).",
    ],
    "section_order": ["Thứ tự các phần (I., II., …)."],
    "section_titles": ["Tiêu đề các phần, như trong văn bản gốc."],
    "indicators": ["Bảng chỉ tiêu: value (kết quả), target (tổng số, cho tỷ lệ x/y), previous (năm trước)."],
    "closing": ["Đoạn kết («Trên đây là …»)."],
}
_OUTLINE = {
    "outline": [
        "Thân văn bản theo dàn ý của văn bản gốc, giữ nguyên thứ tự: mỗi mục một 'title' với 'body'",
        "(đoạn văn, 'bullets' gạch đầu dòng, 'table' bảng, mục con); 'part' cho biết phần quen thuộc",
        "(purposes, tasks, closing …) để các lệnh khác tìm thấy. Thêm mục: thêm một '- title: …'.",
    ],
}
REPORT_COMMENTS.update(_OUTLINE)
_PLAN_EXTRA = {
    **_OUTLINE,
    "section_titles": ["Tiêu đề các mục, như trong văn bản gốc."],
    "list_styles": [
        "Cách trình bày các danh sách như trong văn bản gốc: bullets (gạch đầu dòng «-»),",
        "paragraphs (đoạn văn) hoặc points (điểm a), b), c) …).",
    ],
    **_FROM_WORD,
}


# Comments of a ``kind: document`` read from Word (any type of the profile's type table).
DOCUMENT_COMMENTS: dict[str, list[str]] = {
    **{k: v for k, v in PLAN_COMMENTS.items() if k in {"number", "date", "place", "recipients", "signature"}},
    **_FROM_WORD,
    "type": ["Loại văn bản: một khóa trong bảng loại văn bản (types) của hồ sơ thể thức."],
    "unit": ["Đơn vị soạn thảo (công văn: ký hiệu sau chữ viết tắt cơ quan, «Số: 12/UBND-VHXH»)."],
    "summary": ["Trích yếu nội dung (công văn: in dưới số, ký hiệu, sau «V/v»)."],
    "addressees": ["Kính gửi: mỗi dòng một nơi nhận."],
    "bases": ["Căn cứ (quyết định): mỗi văn bản một dòng «Căn cứ …»."],
    "outline": [
        "Thân văn bản theo dàn ý của văn bản gốc, giữ nguyên thứ tự: mỗi mục một 'title' với 'body'",
        "(đoạn văn, 'bullets' gạch đầu dòng, 'table' bảng, mục con); khoản không tiêu đề: 'text'.",
        "Quyết định: mỗi mục cấp 1 là một «Điều».",
    ],
}


def document_data(document: Any) -> dict[str, Any]:
    """The fields that differ from the defaults, in model order; ``kind``, ``profile``,
    ``number`` and ``date`` always (a blank is written ``null``, to show where to type)."""
    data = document.model_dump(mode="python", exclude_defaults=True)
    always = {"kind": document.kind, "profile": document.profile, "number": document.number, "date": document.date}
    if "type" in type(document).model_fields:
        always["type"] = document.type
    merged = {**data, **always}
    # Beside an outline, a typed part not given is left out (it is not printed).
    blank = {key for key, value in merged.items() if value is None and key not in always}
    return {key: merged[key] for key in type(document).model_fields if key in merged and key not in blank}


def document_yaml(document: Any, *, source: str = "", warnings: list[ImportWarning] | None = None) -> str:
    """The document as commented YAML: a plan or report with its own comments; a
    ``kind: document`` named by its type's name in the rule book."""
    if isinstance(document, (ForeignInfoPlan, ForeignInfoReport)):
        what = "Kế hoạch" if isinstance(document, ForeignInfoPlan) else "Báo cáo"
        title = f"{what} năm {document.year} — {document.issuer.display_name}"
        comments = {**PLAN_COMMENTS, **_PLAN_EXTRA} if isinstance(document, ForeignInfoPlan) else REPORT_COMMENTS
    else:
        title = f"{load_profile(document.profile).type_name(document.type)} — {document.issuer.display_name}"
        comments = DOCUMENT_COMMENTS
    header = [title + (f", từ {source}" if source else "") + "."]
    header.append("Sửa nội dung nếu cần rồi dựng lại: ttdn-docs render <tệp này> -o <tệp>.docx")
    header.append("Các chỗ <<CẦN ĐIỀN: …>> phải được điền trước khi in (hoặc in bản DỰ THẢO bằng --draft).")
    header.append("Lược đồ cho trình soạn thảo: ttdn-docs schema " + document.kind)
    for warning in warnings or []:
        header.append("CHÚ Ý " + warning.describe())
    return dump_commented_yaml(document_data(document), comments, header)
