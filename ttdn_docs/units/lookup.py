"""Finding units by code, by province and by typed name."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from ttdn_docs.units.errors import UnitNotFoundError
from ttdn_docs.units.models import COMMUNE_TYPE_LABELS, PROVINCE_TYPE_LABELS, Commune, Province
from ttdn_docs.units.name_index import NameIndex, U
from ttdn_docs.units.store import tables

CommuneRef = Commune | str | int
"""A commune or its code (``'11239'``, ``11239``)."""
ProvinceRef = Province | str | int
"""A province, its code (``'31'``, ``31``) or, where a name is accepted, its name."""

_DIGITS = re.compile(r"[0-9]+")
# Type words a typed name may start with; "TP" is the usual short form of "thành phố".
_COMMUNE_TYPE_WORDS = {word: type_code for type_code, word in COMMUNE_TYPE_LABELS.items()}
_PROVINCE_TYPE_WORDS = {word: type_code for type_code, word in PROVINCE_TYPE_LABELS.items()}
_PROVINCE_TYPE_WORDS["tp"] = "thanh_pho"


def _normalise_code(code: str | int, width: int) -> str | None:
    """``11239``/``'11239'``/``' 70 '`` → zero-padded digits; anything else → None."""
    if isinstance(code, bool):
        return None
    text = str(code).strip() if isinstance(code, (str, int)) else ""
    if _DIGITS.fullmatch(text) and len(text) <= width:
        return text.zfill(width)
    return None


def get_commune(code: str | int) -> Commune:
    """The commune with this official 5-digit code (leading zeros optional).

    Raises ``UnitNotFoundError`` when there is none.
    """
    return _by_code(
        tables().communes,
        code,
        5,
        f"Không tìm thấy đơn vị hành chính cấp xã có mã '{code}' (mã gồm 5 chữ số, ví dụ 11239).",
    )


def get_province(code: str | int) -> Province:
    """The province or centrally-run city with this official 2-digit code.

    Raises ``UnitNotFoundError`` when there is none.
    """
    return _by_code(
        tables().provinces,
        code,
        2,
        f"Không tìm thấy tỉnh, thành phố có mã '{code}' (mã gồm 2 chữ số, ví dụ 31).",
    )


def _by_code(units: Mapping[str, U], code: str | int, width: int, message: str) -> U:
    key = _normalise_code(code, width)
    unit = units.get(key) if key else None
    if unit is None:
        raise UnitNotFoundError(message, code)
    return unit


def as_commune(commune: CommuneRef) -> Commune:
    """A ``Commune`` as is, or the commune with that code."""
    return commune if isinstance(commune, Commune) else get_commune(commune)


def all_provinces() -> list[Province]:
    """The 34 provincial-level units, sorted by code."""
    return list(tables().provinces.values())


def all_communes() -> list[Commune]:
    """The 3,321 commune-level units, sorted by code."""
    return list(tables().communes.values())


def communes_in_province(province: ProvinceRef) -> list[Commune]:
    """The communes of one province (given as a ``Province`` or its code), sorted by code."""
    code = province.code if isinstance(province, Province) else get_province(province).code
    return list(tables().by_province[code])


def find_province(query: ProvinceRef) -> Province:
    """A province from a ``Province``, a code, or a typed name.

    Names match as in ``search_communes``, with or without the type word: ``'Hải Phòng'``,
    ``'thành phố Hải Phòng'``, ``'TP. Hồ Chí Minh'``, ``'hai phong'``, ``'Khánh Hoà'``.
    Raises ``UnitNotFoundError`` when nothing or more than one province matches.
    """
    if isinstance(query, Province):
        return query
    if isinstance(query, int) or _normalise_code(query, 2):
        return get_province(query)
    found = _province_index().match(query)
    if len(found) != 1:
        raise UnitNotFoundError(f"Không tìm thấy tỉnh, thành phố có tên '{query}'.", query)
    return found[0]


def search_communes(query: str, province: ProvinceRef | None = None) -> list[Commune]:
    """Communes whose official name matches ``query``, sorted by code.

    The whole name must match, with or without the type word (``xã``, ``phường``,
    ``đặc khu``; a type word restricts the result to that type). Tone placement
    (``Hoà``/``Hòa``), case, spacing, apostrophes and dashes do not matter. When nothing
    matches with diacritics, the name is compared without them (``'xa thanh mien'``).
    ``province`` (a ``Province``, code or name) restricts the result to one province;
    the same name often exists in several provinces.
    """
    if province is None:
        return _commune_index().match(query)
    code = find_province(province).code
    return _commune_index().match(query, keep=lambda commune: commune.province.code == code)


def close_communes(query: str, province: ProvinceRef | None = None, n: int = 5) -> list[Commune]:
    """Communes whose name is close to ``query``: what to suggest for a typo."""
    if province is None:
        return _commune_index().close(query, n=n)
    code = find_province(province).code
    return _commune_index().close(query, keep=lambda commune: commune.province.code == code, n=n)


@functools.cache
def _commune_index() -> NameIndex[Commune]:
    return NameIndex.cached(list(tables().communes.values()), _COMMUNE_TYPE_WORDS)


@functools.cache
def _province_index() -> NameIndex[Province]:
    return NameIndex(list(tables().provinces.values()), _PROVINCE_TYPE_WORDS)
