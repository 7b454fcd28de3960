"""``ttdn-docs init plan``: a commune's plan as commented YAML, ready to edit.

The skeleton content lives in ``data/plan-<family>.yaml``, itself a plan template
(``ttdn_docs.batch``): it is filled for one commune — header, place, units assigned tasks
by the commune's type — validated as a ``ForeignInfoPlan``, then written with a
Vietnamese comment before every part.
"""

from __future__ import annotations

from importlib import resources

import annotated_types
from typing import Any

from ttdn_docs.plan_template.template import PlanTemplate
from ttdn_docs.datafile import dump_commented_yaml
from ttdn_docs.errors import TtdnError
from ttdn_docs.ttdn.commune import FAMILIES
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.units import Commune, CommuneRef, get_commune

# Comment lines written above each top-level key (the order of the output follows the
# plan model's fields).
COMMENTS: dict[str, list[str]] = {
    "profile": [
        "Hồ sơ thể thức: party-hd36-2018 (văn bản của Đảng) hoặc state-nd30-2020 (văn bản",
        "của Nhà nước, Nghị định 30/2020/NĐ-CP). Dựng văn bản: ttdn-docs render <tệp này> -o ke-hoach.docx",
    ],
    "issuer": [
        "Cơ quan ban hành, lấy từ danh mục đơn vị hành chính theo mã xã; sửa nếu cần.",
        "superior: cơ quan cấp trên (dòng trên của tiêu đề); abbreviation: chữ viết tắt trong số ký hiệu.",
    ],
    "number": ["Số văn bản: để null (trống) cho văn thư điền, hoặc ghi số, ví dụ 4."],
    "date": [
        "Ngày ban hành, viết như trên văn bản: 05/8/2025 hoặc ngày 05 tháng 8 năm 2025;",
        "để null khi là dự thảo (văn thư điền ngày khi ban hành).",
    ],
    "year": ["Năm kế hoạch."],
    "place": ["Địa danh ở dòng ngày tháng."],
    "summary": ["Trích yếu nội dung (sau chữ KẾ HOẠCH)."],
    "opening": [
        "Dàn ý riêng (không bắt buộc): để thêm một mục, ví dụ «Kinh phí thực hiện», bỏ dấu «# » ở",
        "đầu các dòng outline dưới đây rồi sửa. Mỗi '- part: …' là một phần có sẵn ở dưới (giữ",
        "nguyên cách viết mẫu); '- title: …' là một mục mới với 'body': đoạn văn, 'bullets' (gạch",
        "đầu dòng), 'table' (bảng) hoặc mục con. Xem: ttdn-docs schema plan.",
        "outline:",
        "  - part: opening",
        "  - part: purposes_and_requirements",
        "  - part: contents_and_methods",
        "  - title: Kinh phí thực hiện",
        "    body:",
        "      - Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm.",
        "  - part: tasks",
        "  - part: closing",
        "Căn cứ, mở đầu: các văn bản làm căn cứ (ghi đúng số, ngày, cơ quan ban hành của văn",
        "bản cấp trên) và việc cơ quan làm (action). Thêm hướng dẫn, kế hoạch của cấp trên năm nay.",
    ],
    "purposes": ["I.1. Mục đích: mỗi dòng một ý (gạch đầu dòng)."],
    "requirements": ["I.2. Yêu cầu."],
    "contents": ["II.1. Nội dung tuyên truyền."],
    "methods": ["II.2. Phương thức triển khai."],
    "tasks": [
        "III. Tổ chức thực hiện: mỗi đơn vị một khoản với các nhiệm vụ. Danh sách đơn vị là",
        "mặc định theo loại xã; thêm, bớt, đổi tên cho đúng thực tế địa phương.",
    ],
    "closing": [
        "Đoạn kết: đơn vị thực hiện, nơi nhận báo cáo (qua đơn vị nào), hạn báo cáo (deadline,",
        "ví dụ 10/12/2026), cấp trên.",
    ],
    "recipients": ["Nơi nhận: items (purpose: để báo cáo, để thực hiện …) và archive (lưu)."],
    "signature": [
        "Thẩm quyền ký: collective (thay mặt tập thể), authority (head, deputy, by_order …),",
        "position (chức vụ), name (họ và tên người ký).",
    ],
}


def plan_skeleton_data(commune: CommuneRef, family: str, year: int) -> dict[str, Any]:
    """The skeleton's data for one commune, already checked to be a valid plan."""
    if family not in FAMILIES:
        raise TtdnError(f"Khối văn bản không hợp lệ: '{family}' (chỉ nhận {', '.join(FAMILIES)}).")
    first, last = _year_bounds()
    if not first <= year <= last:
        # Said of the option the officer typed, not of a line of a file never seen.
        raise TtdnError(f"Năm kế hoạch (--year) {year} không hợp lệ: phải từ {first} đến {last}.")
    unit = commune if isinstance(commune, Commune) else get_commune(commune)
    name = f"plan-{family}.yaml"
    text = resources.files("ttdn_docs.skeletons").joinpath("data", name).read_text(encoding="utf-8")
    template = PlanTemplate.parse(text, name, overrides={"year": year})
    data, _ = template.data_for(unit, family)  # the plan it validates is not needed here
    order = [key for key in ForeignInfoPlan.model_fields if key in data]
    return {key: data[key] for key in order}


def plan_skeleton(commune: CommuneRef, family: str, year: int) -> str:
    """The commented YAML text of ``plan_skeleton_data``."""
    unit = commune if isinstance(commune, Commune) else get_commune(commune)
    data = plan_skeleton_data(unit, family, year)
    header = [
        f"Kế hoạch công tác thông tin đối ngoại năm {year} — {unit.full_name}, {unit.province.full_name}"
        f" (mã {unit.code}).",
        "Khung soạn sẵn: sửa nội dung cho đúng thực tế, giữ nguyên tên các trường (bên trái dấu ':').",
        "Chữ có dấu ':' hoặc '#' nên đặt trong ngoặc kép. Lược đồ cho trình soạn thảo: ttdn-docs schema plan.",
    ]
    return dump_commented_yaml(data, COMMENTS, header)


def _year_bounds() -> tuple[int, int]:
    """The years a plan accepts (its ``year`` field's bounds)."""
    metadata = ForeignInfoPlan.model_fields["year"].metadata
    low = [int(str(m.ge)) for m in metadata if isinstance(m, annotated_types.Ge)]
    high = [int(str(m.le)) for m in metadata if isinstance(m, annotated_types.Le)]
    return low[0], high[0]
