"""The fields a plan template's placeholders may use, and their values for one commune.

``FIELDS`` is the whole contract (documented in ``docs/batch.md``): a placeholder can reach
these names and nothing else — no attribute of any Python object, no function.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ttdn_docs.ttdn.commune import commune_issuer
from ttdn_docs.units import COMMUNE_TYPE_LABELS, PROVINCE_TYPE_LABELS, Commune, default_units, place_name

FIELDS: dict[str, str] = {
    "commune.code": "mã xã, 5 chữ số (11239)",
    "commune.name": "tên xã, không có chữ 'xã' (Thanh Miện)",
    "commune.type": "loại: xa, phuong, dac_khu",
    "commune.type_name": "chữ chỉ loại: xã, phường, đặc khu",
    "commune.full_name": "tên đầy đủ (xã Thanh Miện)",
    "commune.place": "địa danh ở dòng ngày tháng (Thanh Miện)",
    "province.code": "mã tỉnh, 2 chữ số (31)",
    "province.name": "tên tỉnh, thành phố (Hải Phòng)",
    "province.type_name": "tỉnh hoặc thành phố",
    "province.full_name": "tên đầy đủ (thành phố Hải Phòng)",
    "issuer.name": "cơ quan ban hành theo khối (Đảng ủy xã Thanh Miện; Ủy ban nhân dân xã Thanh Miện)",
    "issuer.superior": "cơ quan cấp trên ở tiêu đề (Đảng bộ thành phố Hải Phòng; rỗng với UBND)",
    "units": "danh sách đơn vị thường được giao nhiệm vụ theo loại xã và khối: units[0], units[1] …",
    "year": "năm kế hoạch (trường year của mẫu)",
    "row.<cột>": "giá trị ô của xã trong bảng --communes, như đã gõ (ô trống là chuỗi rỗng)",
}
TOP_LEVEL_NAMES = frozenset(name.split(".")[0].split("[")[0] for name in FIELDS)


class FieldGroup(dict[str, Any]):
    """A group of fields (``commune``, ``row`` …) that knows its own name for messages."""

    def __init__(self, label: str, values: Mapping[str, Any]) -> None:
        super().__init__(values)
        self.label = label


def commune_fields(commune: Commune, family: str, row: Mapping[str, str] | None = None, year: Any = None) -> dict[str, Any]:
    """The values of ``FIELDS`` for one commune in one profile family."""
    issuer = commune_issuer(commune, family)
    province = commune.province
    fields: dict[str, Any] = {
        "commune": FieldGroup(
            "commune",
            {
                "code": commune.code,
                "name": commune.name,
                "type": commune.type,
                "type_name": COMMUNE_TYPE_LABELS[commune.type],
                "full_name": commune.full_name,
                "place": place_name(commune),
            },
        ),
        "province": FieldGroup(
            "province",
            {
                "code": province.code,
                "name": province.name,
                "type_name": PROVINCE_TYPE_LABELS[province.type],
                "full_name": province.full_name,
            },
        ),
        "issuer": FieldGroup("issuer", {"name": issuer.display_name, "superior": " ".join(issuer.superior)}),
        "units": default_units(commune, family),  # type: ignore[arg-type]
        "row": FieldGroup("row", dict(row or {})),
    }
    if year is not None:
        fields["year"] = year
    return fields
