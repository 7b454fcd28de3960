"""A document's type against the rule book it is rendered with.

``kind: document`` names its type by a key of the profile's type table (``type:
cong_van``); the same file can be rendered under another profile (``--profile``), so the
key is checked against the profile chosen, not when the file is read. The message lists
the types the profile has, by key and Vietnamese name.
"""

from __future__ import annotations

from typing import Any

from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.profiles import Profile


def type_names(profile: Profile) -> dict[str, str]:
    """The profile's type keys and their Vietnamese names, in the table's order."""
    return {key: entry.name for key, entry in profile.types.items()}


def type_family(profile: Profile, key: str) -> str:
    """The layout family of type ``key``: ``titled``, ``cong_van``, ``decision`` or ``short_paper``."""
    return profile.family_of(key)


def check_document_type(document: Any, profile: Profile, source: str, line: int | None = None) -> None:
    """Refuse a ``type`` the profile has no entry for (``InputError`` naming the field)."""
    key = getattr(document, "type", None)
    if getattr(document, "kind", None) != "document" or not isinstance(key, str):
        return
    known = type_names(profile)
    if key in known:
        return
    listed = ", ".join(f"{k} ({name})" for k, name in known.items())
    message = (
        f"loại văn bản '{key}' không có trong bảng loại văn bản của hồ sơ thể thức '{profile.id}'; "
        f"hãy chọn một trong: {listed}"
    )
    raise InputError(source, [FieldProblem("type", message, line, place="tên loại văn bản")])
