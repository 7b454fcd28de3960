"""A document's type against the rule book it is rendered with.

``kind: document`` names its type by a key of the profile's type table (``type:
cong_van``); the same file can be rendered under another profile (``--profile``), so the
key is checked against the profile chosen, not when the file is read. The message lists
the types the profile has, by key and Vietnamese name.
"""

from __future__ import annotations

from typing import Any

from ttdn_docs.datafile import LineMap
from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.profiles import Profile


def type_names(profile: Profile) -> dict[str, str]:
    """The profile's type keys and their Vietnamese names, in the table's order."""
    return {key: entry.name for key, entry in profile.types.items()}


def type_family(profile: Profile, key: str) -> str:
    """The layout family of type ``key``: ``titled``, ``cong_van``, ``decision`` or ``short_paper``."""
    return profile.family_of(key)


def check_document_type(document: Any, profile: Profile, source: str, lines: LineMap | None = None) -> None:
    """Refuse a ``type`` the profile has no entry for, and a type without an abbreviation
    (a công văn under ND 30) whose ký hiệu then needs the drafting ``unit`` (``InputError``
    naming the field and its line)."""
    key = getattr(document, "type", None)
    if getattr(document, "kind", None) != "document" or not isinstance(key, str):
        return
    where = lines or {}
    known = type_names(profile)
    if key not in known:
        listed = ", ".join(f"{k} ({name})" for k, name in known.items())
        message = (
            f"loại văn bản '{key}' không có trong bảng loại văn bản của hồ sơ thể thức '{profile.id}'; "
            f"hãy chọn một trong: {listed}"
        )
        raise InputError(source, [FieldProblem("type", message, where.get(("type",)), place="tên loại văn bản")])
    entry = profile.document_type(key)
    if entry.abbreviation is None and "{type}" in profile.number.template and getattr(document, "unit", None) is None:
        message = (
            f"{entry.name} theo hồ sơ '{profile.id}' không có chữ viết tắt tên loại: ký hiệu ghi chữ viết tắt "
            "của cơ quan và của đơn vị soạn thảo; hãy thêm 'unit' (ví dụ unit: VHXH)"
        )
        line = where.get(("unit",), where.get(("type",)))
        raise InputError(source, [FieldProblem("unit", message, line, place="đơn vị soạn thảo")])
