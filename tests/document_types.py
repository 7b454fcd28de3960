"""A ``kind: document`` for every type of a profile's type table.

A type with a hand-written example (``examples/documents/<profile>/<type>.yaml``) uses
it. Any other type gets a document generated from its family (``titled``, ``cong_van``,
``decision``, ``short_paper``) with the type's own name in its words: the header,
recipients and signer come from the profile's own công văn example (so the issuing body
is the rule book's: a Đảng ủy or a UBND), the body from the family. The type list is the
profile's table, never a list written here.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "documents"
# The hand-written example every generated document of a profile takes its header from.
_BASE_TYPE = "cong_van"


def example_path(profile_id: str, type_key: str) -> Path:
    return EXAMPLES / profile_id / f"{type_key}.yaml"


def every_type() -> list[tuple[str, str]]:
    """(profile id, type key) for every type of every built-in profile's table."""
    return [(profile_id, key) for profile_id in builtin_profile_ids() for key in load_profile(profile_id).types]


def document_data(profile_id: str, type_key: str) -> dict[str, Any]:
    """The hand-written example of the type, else one generated from its family."""
    path = example_path(profile_id, type_key)
    if path.exists():
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        return data
    return generated(load_profile(profile_id), type_key)


def generated(profile: Profile, type_key: str) -> dict[str, Any]:
    """A document of ``type_key`` laid out by its family, named by the type's name."""
    base: dict[str, Any] = yaml.safe_load(example_path(profile.id, _BASE_TYPE).read_text(encoding="utf-8"))
    entry = profile.document_type(type_key)
    family = entry.family
    name = entry.name
    issuer = base["issuer"]
    issuer_name = issuer["name"] if isinstance(issuer["name"], str) else " ".join(issuer["name"])
    data: dict[str, Any] = {
        "kind": "document",
        "profile": profile.id,
        "type": type_key,
        "issuer": copy.deepcopy(issuer),
        "number": 7,
        "date": base["date"],
        "place": base["place"],
        "recipients": copy.deepcopy(base["recipients"]),
        "signature": copy.deepcopy(base["signature"]),
    }
    lower = name[:1].lower() + name[1:]
    if family == "cong_van":
        data["unit"] = base.get("unit")
        data["summary"] = "đôn đốc báo cáo kết quả công tác thông tin đối ngoại năm 2025"
        data["addressees"] = list(base["addressees"])
        data["outline"] = _cong_van_body(issuer_name)
    elif family == "decision":
        data["summary"] = f"về việc ban hành Quy chế hoạt động của Tổ thông tin đối ngoại ({lower})"
        data["bases"] = [
            {"kind": "Kết luận", "number": "57-KL/TW", "date": "2023-06-15", "issuer": "Bộ Chính trị",
             "subject": "tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại trong tình hình mới"},
        ]
        data["outline"] = _decision_body(name)
        data["recipients"]["items"] = ["Như Điều 3", *data["recipients"]["items"][1:]]
    elif family == "short_paper":
        data["summary"] = f"{lower} về Hội nghị sơ kết công tác thông tin đối ngoại"
        data["outline"] = _short_body(issuer_name, lower)
        data["recipients"]["items"] = data["recipients"]["items"][1:] or ["Các phòng, đơn vị"]
    else:
        data["summary"] = f"công tác thông tin đối ngoại năm 2026 ({lower})"
        data["outline"] = _titled_body(issuer_name, lower)
        data["recipients"]["items"] = data["recipients"]["items"][1:] or ["Các phòng, đơn vị"]
    return {key: value for key, value in data.items() if value is not None}


def _cong_van_body(issuer: str) -> list[Any]:
    return [
        f"Để tổng hợp kết quả công tác thông tin đối ngoại năm 2025, {issuer} đề nghị các cơ quan, đơn vị:",
        {"text": "Báo cáo kết quả thực hiện trước ngày 05/12/2025."},
        {"text": "Gửi kèm số liệu tin, bài đã đăng trên Trang thông tin điện tử."},
        "Đề nghị các cơ quan, đơn vị quan tâm thực hiện.",
    ]


def _decision_body(name: str) -> list[Any]:
    return [
        {"title": "Ban hành kèm theo văn bản này Quy chế hoạt động của Tổ thông tin đối ngoại", "body": [
            "Quy chế quy định nhiệm vụ, quyền hạn và lề lối làm việc của Tổ.",
        ]},
        {"title": "Trách nhiệm thực hiện", "body": [
            {"text": "Tổ trưởng phân công nhiệm vụ cho các thành viên."},
            {"text": "Các thành viên thực hiện nhiệm vụ được phân công."},
        ]},
        {"text": f"{name} này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành."},
    ]


def _short_body(issuer: str, name: str) -> list[Any]:
    return [
        f"{issuer} gửi {name} tới:",
        {"bullets": ["Lãnh đạo các phòng, đơn vị;", "Trưởng các thôn."]},
        "Thời gian: 08 giờ 00 phút, ngày 15/12/2025.",
        "Địa điểm: Hội trường trụ sở.",
    ]


def _titled_body(issuer: str, name: str) -> list[Any]:
    return [
        f"{issuer} ban hành {name} về công tác thông tin đối ngoại năm 2026 như sau:",
        {"title": "Mục đích, yêu cầu", "body": [
            "Nâng cao chất lượng thông tin đối ngoại trên địa bàn.",
            {"bullets": ["Thông tin kịp thời, chính xác;", "Phân công rõ trách nhiệm."]},
        ]},
        {"title": "Tổ chức thực hiện", "body": [
            {"title": "Phòng Văn hóa - Xã hội", "body": ["Chủ trì, theo dõi, đôn đốc thực hiện."]},
            {"title": "Các thôn", "body": ["Tuyên truyền tại khu dân cư."]},
        ]},
    ]
