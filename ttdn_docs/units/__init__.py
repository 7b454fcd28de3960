"""Commune-level administrative units after 1 July 2025 (3,321 xã, phường, đặc khu).

Official codes, names and types of every commune and of the 34 provinces, shipped as data
(see ``data/SOURCE.md``), and the texts a document derives from a commune: header lines,
place name, abbreviations, default units and a file-name slug.

>>> c = get_commune("11239")
>>> c.full_name, c.province.full_name
('xã Thanh Miện', 'thành phố Hải Phòng')
>>> party_header(c)
('Đảng bộ thành phố Hải Phòng', 'Đảng ủy xã Thanh Miện')
"""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.units.errors import UnitNotFoundError
    from ttdn_docs.units.lookup import (
        CommuneRef,
        ProvinceRef,
        all_communes,
        all_provinces,
        communes_in_province,
        find_province,
        get_commune,
        close_communes,
        get_province,
        search_communes,
    )
    from ttdn_docs.units.models import (
        COMMUNE_TYPE_LABELS,
        PROVINCE_TYPE_LABELS,
        Commune,
        CommuneType,
        Province,
        ProvinceType,
    )
    from ttdn_docs.units.texts import (
        PARTY_ABBREVIATION,
        STATE_ABBREVIATION,
        Family,
        default_units,
        party_abbreviation,
        party_header,
        place_name,
        slug,
        state_abbreviation,
        state_header,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".errors": ("UnitNotFoundError",),
        ".lookup": (
            "CommuneRef",
            "ProvinceRef",
            "all_communes",
            "all_provinces",
            "communes_in_province",
            "find_province",
            "get_commune",
            "close_communes",
            "get_province",
            "search_communes",
        ),
        ".models": (
            "COMMUNE_TYPE_LABELS",
            "PROVINCE_TYPE_LABELS",
            "Commune",
            "CommuneType",
            "Province",
            "ProvinceType",
        ),
        ".texts": (
            "PARTY_ABBREVIATION",
            "STATE_ABBREVIATION",
            "Family",
            "default_units",
            "party_abbreviation",
            "party_header",
            "place_name",
            "slug",
            "state_abbreviation",
            "state_header",
        ),
    },
)

__all__ = [
    "COMMUNE_TYPE_LABELS",
    "PARTY_ABBREVIATION",
    "PROVINCE_TYPE_LABELS",
    "STATE_ABBREVIATION",
    "Commune",
    "CommuneRef",
    "CommuneType",
    "Family",
    "Province",
    "ProvinceRef",
    "ProvinceType",
    "UnitNotFoundError",
    "all_communes",
    "all_provinces",
    "communes_in_province",
    "default_units",
    "find_province",
    "get_commune",
    "get_province",
    "party_abbreviation",
    "party_header",
    "place_name",
    "close_communes",
    "search_communes",
    "slug",
    "state_abbreviation",
    "state_header",
]
