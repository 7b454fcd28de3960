"""Document type names where no one profile is at hand (the register of numbers, lists).

A type's name comes from a profile's ``types:`` table. The register keeps numbers by type
key across rule books, so it names a type by the built-in profiles: the first that has
the key (both rule books name a shared type alike). Code that has the document's profile
asks it instead (``Profile.type_name``).
"""

from __future__ import annotations

from functools import cache

from ttdn_docs.admin.kinds import DocumentKind


def type_name(kind: str | DocumentKind) -> str:
    """``Kế hoạch`` for ``ke_hoach``; the key itself for a type no built-in profile has."""
    key = kind.value if isinstance(kind, DocumentKind) else kind
    return _builtin_names().get(key, key)


def type_names() -> dict[str, str]:
    """Every type key of the built-in profiles → its name, in the profiles' order."""
    return dict(_builtin_names())


@cache
def _builtin_names() -> dict[str, str]:
    from ttdn_docs.profiles.loader import builtin_profile_ids, load_profile

    names: dict[str, str] = {}
    for profile_id in builtin_profile_ids():
        for key, entry in load_profile(profile_id).types.items():
            names.setdefault(key, entry.name)
    return names
