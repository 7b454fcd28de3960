"""The issuer block of a commune's documents, from the official list of units."""

from __future__ import annotations

from collections.abc import Callable

from ttdn_docs.errors import TtdnError
from ttdn_docs.generic.parts import Issuer
from ttdn_docs.units import (
    Commune,
    CommuneRef,
    Family,
    get_commune,
    party_abbreviation,
    party_header,
    state_abbreviation,
    state_header,
)


def _party_issuer(commune: Commune) -> Issuer:
    superior, committee = party_header(commune)
    return Issuer(superior=[superior], name=committee, abbreviation=party_abbreviation(commune), commune_code=commune.code)


def _state_issuer(commune: Commune) -> Issuer:
    return Issuer(name=state_header(commune), abbreviation=state_abbreviation(commune), commune_code=commune.code)


# A profile's ``family`` (party, state) → who issues in that family's documents.
_ISSUERS: dict[str, Callable[[Commune], Issuer]] = {"party": _party_issuer, "state": _state_issuer}
FAMILIES = tuple(_ISSUERS)


def commune_issuer(commune: CommuneRef, family: Family | str) -> Issuer:
    """The issuer of the commune's documents in a profile family: ``Đảng bộ thành phố Hải
    Phòng`` / ``Đảng ủy xã Thanh Miện`` / ``ĐU``, or ``Ủy ban nhân dân`` / ``xã Thanh
    Miện`` / ``UBND``."""
    unit = commune if isinstance(commune, Commune) else get_commune(commune)
    try:
        build = _ISSUERS[family]
    except KeyError:
        raise TtdnError(f"Khối văn bản không hợp lệ: '{family}' (chỉ nhận 'party' hoặc 'state').") from None
    return build(unit)

