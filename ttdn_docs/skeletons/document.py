"""``ttdn-docs init document --type … --commune …``: a commune's document of any type of
the profile's type table, as commented YAML ready to edit.

The header comes from the official list of units (issuer, place); the body is a short
outline for the type's family (``data/document.yaml``: công văn, quyết định / nghị quyết,
giấy mời, titled documents) with ``<<CẦN ĐIỀN: …>>`` where only the officer knows the
content. The result is validated as a ``GenericDocument`` before it is written.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

import yaml

from ttdn_docs.datafile import dump_commented_yaml, validate
from ttdn_docs.document_types import check_document_type, type_family, type_names
from ttdn_docs.errors import TtdnError
from ttdn_docs.generic.document import GenericDocument
from ttdn_docs.generic.parts import Issuer
from ttdn_docs.issuing_bodies import body_fields, body_of
from ttdn_docs.profiles import Profile, load_profile
from ttdn_docs.ttdn.commune import FAMILIES, commune_issuer
from ttdn_docs.units import Commune, CommuneRef, get_commune, place_name
from ttdn_docs.units.models import COMMUNE_TYPE_LABELS

COMMENTS: dict[str, list[str]] = {
    "profile": [
        "Hồ sơ thể thức: state-nd30-2020 (Nhà nước, Nghị định 30/2020/NĐ-CP) hoặc party-hd36-2018 (Đảng).",
        "Dựng văn bản: ttdn-docs render <tệp này> -o van-ban.docx; xem trước: ttdn-docs preview.",
    ],
    "type": ["Tên loại văn bản: một khóa của bảng loại văn bản của hồ sơ (ttdn-docs schema document)."],
    "issuer": [
        "Cơ quan ban hành, lấy từ danh mục đơn vị hành chính theo mã xã; sửa nếu là cơ quan khác",
        "(HĐND, Ủy ban MTTQ, một chi bộ …). abbreviation: chữ viết tắt trong số, ký hiệu.",
    ],
    "number": ["Số văn bản: null (trống) cho văn thư điền, một số (ví dụ 12), hoặc auto (lấy từ sổ đăng ký số)."],
    "unit": ["Đơn vị soạn thảo, ghi sau chữ viết tắt của cơ quan trong ký hiệu công văn (UBND-VHXH)."],
    "date": ["Ngày ban hành (05/8/2025); null khi là dự thảo (văn thư điền ngày khi ban hành)."],
    "year": ["Năm của văn bản khi chưa có ngày (để lấy số theo năm)."],
    "place": ["Địa danh ở dòng ngày tháng."],
    "summary": ["Trích yếu nội dung; công văn in thành «V/v …» dưới số, ký hiệu."],
    "addressees": ["Kính gửi: mỗi dòng một cơ quan, đơn vị nhận."],
    "bases": ["Căn cứ ban hành (quyết định, nghị quyết): loại, số, ngày, cơ quan ban hành, trích yếu."],
    "outline": [
        "Nội dung văn bản theo thứ tự: đoạn văn (một dòng chữ), {bullets: [...]} gạch đầu dòng,",
        "{title, body} một mục; trong quyết định, nghị quyết mỗi mục cấp 1 là một Điều.",
    ],
    "recipients": ["Nơi nhận: items (đơn vị nhận, có thể kèm purpose: để báo cáo …) và archive (lưu)."],
    "signature": [
        "Thẩm quyền ký: collective (thay mặt tập thể), authority (head, deputy, by_order …),",
        "head_title (chức vụ người đứng đầu khi ký thay), position (chức vụ), name (họ và tên).",
    ],
}

_BOOK_OF_OPTION = {"state": "state-nd30-2020", "party": "party-hd36-2018"}


def document_skeleton_data(
    commune: CommuneRef,
    type_key: str,
    profile: str | Profile = "state",
    year: int | None = None,
    *,
    body: str | None = None,
    unit_name: str | None = None,
) -> dict[str, Any]:
    """The skeleton's data for one commune and type, already checked to be valid; the
    header and signer of ``body`` (a key of the profile's ``bodies:``, default its first;
    ``unit_name``: a chi bộ's own name)."""
    chosen = profile if isinstance(profile, Profile) else load_profile(_BOOK_OF_OPTION.get(profile, profile))
    if chosen.family not in FAMILIES:
        raise TtdnError(f"Hồ sơ thể thức '{chosen.id}' không thuộc khối Đảng hoặc Nhà nước: chưa có khung văn bản cho hồ sơ này.")
    if type_key not in type_names(chosen):
        listed = ", ".join(f"{k} ({name})" for k, name in type_names(chosen).items())
        raise TtdnError(f"Loại văn bản (--type) '{type_key}' không có trong hồ sơ '{chosen.id}'; chọn một trong: {listed}.")
    unit = commune if isinstance(commune, Commune) else get_commune(commune)
    family = type_family(chosen, type_key)
    skeleton = _skeleton_data()
    if chosen.bodies:
        fields = body_fields(chosen, body_of(chosen, body or next(iter(chosen.bodies))), unit, unit_name)
        issuer_data, signer, archive = fields["issuer"], fields["signature"], fields["archive"]
    else:
        issuer_data = commune_issuer(unit, chosen.family).model_dump(exclude_defaults=True)
        signer, archive = {}, None
    issuer = Issuer.model_validate(issuer_data)
    words = {
        "type_name": type_names(chosen)[type_key],
        "type_lower": type_names(chosen)[type_key].lower(),
        "commune": unit.full_name,
        "commune_type": COMMUNE_TYPE_LABELS[unit.type],
        "issuer_name": issuer.display_name,
        "year": str(year or dt.date.today().year),
    }
    layout = skeleton["by_family"][family]
    book = skeleton["by_book"][chosen.family]
    recipients = dict(book["recipients"])
    recipients["items"] = [*layout.get("recipients_first", []), *recipients["items"]]
    if archive is not None:
        recipients["archive"] = archive
    data: dict[str, Any] = {
        "kind": "document",
        "profile": chosen.id,
        "type": type_key,
        "issuer": issuer_data,
        "number": None,
        "unit": book["unit"] if family == "cong_van" else None,
        "date": None,
        "year": year or dt.date.today().year,
        "place": place_name(unit),
        "summary": layout["summary"],
        "addressees": layout.get("addressees", []),
        "bases": skeleton["bases"][chosen.family] if family == "decision" else [],
        "outline": layout["outline"],
        "recipients": recipients,
        "signature": {**signer, "name": book["signature"]["name"]} if signer else book["signature"],
    }
    data = {key: value for key, value in _filled(data, words).items() if value not in (None, [], "") or key in ("number", "date")}
    document = validate(GenericDocument, data, "khung văn bản", {})
    check_document_type(document, chosen, "khung văn bản")
    return data


def document_skeleton(
    commune: CommuneRef, type_key: str, profile: str | Profile = "state", year: int | None = None, **body: str | None
) -> str:
    """The commented YAML text of ``document_skeleton_data`` (``body``, ``unit_name``)."""
    unit = commune if isinstance(commune, Commune) else get_commune(commune)
    data = document_skeleton_data(unit, type_key, profile, year, **body)
    chosen = profile if isinstance(profile, Profile) else load_profile(_BOOK_OF_OPTION.get(profile, profile))
    header = [
        f"{type_names(chosen)[type_key]} — {unit.full_name}, {unit.province.full_name} (mã {unit.code}).",
        "Khung soạn sẵn: viết các chỗ «<<CẦN ĐIỀN: …>>», giữ nguyên tên các trường (bên trái dấu ':').",
        "Chữ có dấu ':' hoặc '#' nên đặt trong ngoặc kép. Lược đồ cho trình soạn thảo: ttdn-docs schema document.",
    ]
    return dump_commented_yaml(data, COMMENTS, header)


def _skeleton_data() -> dict[str, Any]:
    text = resources.files("ttdn_docs.skeletons").joinpath("data", "document.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def _filled(value: Any, words: dict[str, str]) -> Any:
    """Strings with ``{type_name}`` … filled in; other values as they are."""
    if isinstance(value, str):
        return value.format_map(words)
    if isinstance(value, dict):
        return {key: _filled(item, words) for key, item in value.items()}
    if isinstance(value, list):
        return [_filled(item, words) for item in value]
    return value
