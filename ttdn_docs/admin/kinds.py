"""Document types (tên loại văn bản).

A type is named by a stable ASCII key (``ke_hoach``, ``giay_moi``) used in data files and
profiles. The set is open: a profile's ``types:`` table says which types its rule book has,
with the name, the abbreviation (Quy định: ``QyĐ`` under ND 30, ``QĐ`` in Party documents)
and the layout family, and a profile may add a type. Here only the type's identity and the
constants the library's own models use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import Any, ClassVar

# A type key as profiles write it: ASCII, lower case, words joined by ``_``.
TYPE_KEY = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


class _OpenKinds(type):
    """Iterating ``DocumentKind`` yields every type met so far: the constants first, then
    the types of the profiles and documents read."""

    def __iter__(cls) -> Iterator[DocumentKind]:
        return iter(list(_INTERNED.values()))

    def __len__(cls) -> int:
        return len(_INTERNED)

    def __contains__(cls, key: object) -> bool:
        return isinstance(key, str) and key in _INTERNED


class DocumentKind(str, metaclass=_OpenKinds):
    """A document type, valued by its key: ``DocumentKind("giay_moi")`` is the type of that
    key. Instances are interned, so ``kind is DocumentKind.CONG_VAN`` holds, and a kind is
    equal to its key (``DocumentKind.CONG_VAN == "cong_van"``). Whether a profile has the
    type is the profile's to say (``Profile.document_type``)."""

    __slots__ = ()

    KE_HOACH: ClassVar[DocumentKind]
    BAO_CAO: ClassVar[DocumentKind]
    NGHI_QUYET: ClassVar[DocumentKind]
    QUYET_DINH: ClassVar[DocumentKind]
    QUY_DINH: ClassVar[DocumentKind]
    QUY_CHE: ClassVar[DocumentKind]
    HUONG_DAN: ClassVar[DocumentKind]
    THONG_BAO: ClassVar[DocumentKind]
    CHUONG_TRINH: ClassVar[DocumentKind]
    TO_TRINH: ClassVar[DocumentKind]
    KET_LUAN: ClassVar[DocumentKind]
    CONG_VAN: ClassVar[DocumentKind]

    def __new__(cls, key: object) -> DocumentKind:
        if isinstance(key, DocumentKind):
            return key
        text = str(key)
        found = _INTERNED.get(text)
        if found is None:
            if not TYPE_KEY.match(text):
                raise ValueError(
                    f"'{text}' không phải khóa tên loại văn bản (chữ thường không dấu, nối bằng '_', ví dụ cong_van)"
                )
            found = _INTERNED.setdefault(text, str.__new__(cls, text))
        return found

    def __reduce__(self) -> tuple[Any, ...]:
        return (DocumentKind, (self.value,))

    def __copy__(self) -> DocumentKind:
        return self

    def __deepcopy__(self, memo: object) -> DocumentKind:
        return self

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return str.__format__(self.value, spec)

    def __repr__(self) -> str:
        return f"DocumentKind({str.__repr__(self)})"

    @property
    def value(self) -> str:
        """The key (as the closed enum's value was)."""
        return str.__str__(self)

    @property
    def name(self) -> str:
        """The constant's name (``CONG_VAN``)."""
        return self.value.upper()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(
            cls,
            core_schema.str_schema(pattern=TYPE_KEY.pattern),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )


_INTERNED: dict[str, DocumentKind] = {}

# The types the library's own models and readers name; every other type comes from a
# profile's type table.
for _constant in (
    "KE_HOACH", "BAO_CAO", "NGHI_QUYET", "QUYET_DINH", "QUY_DINH", "QUY_CHE",
    "HUONG_DAN", "THONG_BAO", "CHUONG_TRINH", "TO_TRINH", "KET_LUAN", "CONG_VAN",
):
    setattr(DocumentKind, _constant, DocumentKind(_constant.lower()))


# The enums below are values the profiles speak of too; they live here, beside the
# document kinds, so that a profile is read without building the document models.


class Urgency(str, Enum):
    """Độ khẩn."""

    KHAN = "khan"
    THUONG_KHAN = "thuong_khan"
    HOA_TOC = "hoa_toc"


class Confidentiality(str, Enum):
    """Độ mật."""

    MAT = "mat"
    TOI_MAT = "toi_mat"
    TUYET_MAT = "tuyet_mat"


class SignatureAuthority(str, Enum):
    """How the signer signs, by meaning; the profile turns it into ``T/M``, ``TM.`` …"""

    HEAD = "head"  # the head signs in own right (no prefix)
    DEPUTY = "deputy"  # ký thay: K/T, KT.
    BY_ORDER = "by_order"  # thừa lệnh: T/L, TL.
    BY_AUTHORIZATION = "by_authorization"  # thừa ủy quyền: T/U, TUQ.
    ACTING = "acting"  # quyền: Q.
