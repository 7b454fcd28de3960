"""Texts derived from a commune: header lines, place name, abbreviations, default units, slug.

All texts are display text as typed (``Đảng ủy xã Thanh Miện``); the renderer upper-cases
header lines where the rule book wants capitals.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from ttdn_docs.errors import TtdnError
from ttdn_docs.units.keys import ascii_key
from ttdn_docs.units.lookup import CommuneRef, as_commune
from ttdn_docs.units.models import COMMUNE_TYPE_LABELS, Commune
from ttdn_docs.vn.case import capitalize_first

Family = Literal["party", "state"]

#: Abbreviation of the issuing body in Party document numbers (``04-KH/ĐU``).
PARTY_ABBREVIATION: Final = "ĐU"
#: Abbreviation of the issuing body in State document numbers (``04/KH-UBND``).
STATE_ABBREVIATION: Final = "UBND"

#: Đặc khu Phú Quốc has the ward-style Phòng Kinh tế, Hạ tầng và Đô thị (NĐ 150/2025).
PHU_QUOC_CODE: Final = "31078"

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def party_header(commune: CommuneRef) -> tuple[str, str]:
    """The two Party header lines: upper body and issuing committee.

    ``('Đảng bộ thành phố Hải Phòng', 'Đảng ủy xã Thanh Miện')``.
    """
    unit = as_commune(commune)
    return f"Đảng bộ {unit.province.full_name}", f"Đảng ủy {unit.full_name}"


def state_header(commune: CommuneRef) -> list[str]:
    """The State issuing-body lines: ``['Ủy ban nhân dân', 'xã Thanh Miện']``."""
    return ["Ủy ban nhân dân", as_commune(commune).full_name]


def place_name(commune: CommuneRef) -> str:
    """The place name of the date line: the name without its type word (``Thanh Miện``).

    A name that starts with a number keeps the type word, or it would read as a number:
    ``Phường 1``, ``Phường 1 Bảo Lộc``.
    """
    unit = as_commune(commune)
    if unit.name[:1].isdigit():
        return capitalize_first(unit.full_name)
    return unit.name


def party_abbreviation(commune: CommuneRef) -> str:
    """``ĐU``, the same for every Đảng ủy xã, phường and đặc khu."""
    as_commune(commune)
    return PARTY_ABBREVIATION


def state_abbreviation(commune: CommuneRef) -> str:
    """``UBND``, the same for every Ủy ban nhân dân xã, phường and đặc khu."""
    as_commune(commune)
    return STATE_ABBREVIATION


def default_units(commune: CommuneRef, family: Family) -> list[str]:
    """The units a commune's TTĐN plan usually assigns tasks to (domain.md §6, §10.3).

    Party: the organ in charge of tuyên giáo (Ban Xây dựng Đảng; Ban Tuyên giáo và Dân vận
    in a đặc khu), the office, the Fatherland Front committee and the Party cells.
    State: the office, the culture and economy sections, the culture and media centre,
    police and military command. A default only: plans configure their own list.
    """
    unit = as_commune(commune)
    label = COMMUNE_TYPE_LABELS[unit.type]
    if family == "party":
        return _party_units(unit, label)
    if family == "state":
        return _state_units(unit, label)
    raise TtdnError(f"Khối văn bản không hợp lệ: '{family}' (chỉ nhận 'party' hoặc 'state').")


def _party_units(unit: Commune, label: str) -> list[str]:
    lead = "Ban Tuyên giáo và Dân vận" if unit.type == "dac_khu" else "Ban Xây dựng Đảng"
    return [
        lead,
        "Văn phòng Đảng ủy",
        f"Ủy ban Mặt trận Tổ quốc Việt Nam {label}",
        "Các chi bộ, đảng bộ trực thuộc",
    ]


def _state_units(unit: Commune, label: str) -> list[str]:
    urban = unit.type == "phuong" or unit.code == PHU_QUOC_CODE
    return [
        "Văn phòng HĐND và UBND",
        "Phòng Văn hóa - Xã hội",
        "Phòng Kinh tế, Hạ tầng và Đô thị" if urban else "Phòng Kinh tế",
        "Trung tâm Văn hóa, Thể thao và Truyền thông",
        f"Công an {label}",
        f"Ban Chỉ huy Quân sự {label}",
    ]


def slug(commune: CommuneRef) -> str:
    """An ASCII file-name stem: ``11239-xa-thanh-mien``.

    The full name's ``ascii_key`` (no diacritics, đ→d, lower case, apostrophes dropped)
    with every run of characters outside ``a-z0-9`` turned into one ``-``.
    """
    unit = as_commune(commune)
    words = _NOT_SLUG.sub("-", ascii_key(unit.full_name)).strip("-")
    return f"{unit.code}-{words}"
