"""Tests of ttdn_docs.units: shipped data, look-ups, name search and derived texts."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from importlib import resources

import pytest
from pydantic import ValidationError

from ttdn_docs.errors import TtdnError
from ttdn_docs.units import (
    Commune,
    Province,
    ProvinceRef,
    UnitNotFoundError,
    all_communes,
    all_provinces,
    communes_in_province,
    default_units,
    find_province,
    get_commune,
    get_province,
    party_abbreviation,
    party_header,
    place_name,
    search_communes,
    slug,
    state_abbreviation,
    state_header,
)

DAC_KHU = {
    "22": {"Vân Đồn", "Cô Tô"},
    "31": {"Cát Hải", "Bạch Long Vĩ"},
    "44": {"Cồn Cỏ"},
    "48": {"Hoàng Sa"},
    "51": {"Lý Sơn"},
    "56": {"Trường Sa"},
    "68": {"Phú Quý"},
    "79": {"Côn Đảo"},
    "91": {"Kiên Hải", "Phú Quốc", "Thổ Châu"},
}
CITIES = {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


def _csv_rows(name: str) -> list[dict[str, str]]:
    raw = resources.files("ttdn_docs.units").joinpath("data", name).read_bytes()
    text = raw.decode("utf-8")  # strict: the files are UTF-8
    assert not text.startswith("\ufeff") and "\r" not in text
    return list(csv.DictReader(text.splitlines()))


# --- shipped data -----------------------------------------------------------------------


def test_counts() -> None:
    communes = all_communes()
    assert len(communes) == 3321
    assert Counter(c.type for c in communes) == {"xa": 2621, "phuong": 687, "dac_khu": 13}
    provinces = all_provinces()
    assert len(provinces) == 34
    assert Counter(p.type for p in provinces) == {"tinh": 28, "thanh_pho": 6}
    assert {p.name for p in provinces if p.type == "thanh_pho"} == CITIES


def test_province_sizes() -> None:
    assert len(communes_in_province("31")) == 114
    assert len(communes_in_province(1)) == 126
    assert len(communes_in_province(get_province("79"))) == 168
    assert len(communes_in_province("12")) == 38
    assert sum(len(communes_in_province(p)) for p in all_provinces()) == 3321


def test_csv_files_are_clean() -> None:
    communes = _csv_rows("communes.csv")
    provinces = _csv_rows("provinces.csv")
    assert list(communes[0]) == ["code", "name", "type", "province_code"]
    assert list(provinces[0]) == ["code", "name", "type"]
    for row in communes + provinces:
        for value in row.values():
            assert value == unicodedata.normalize("NFC", value)
            assert value == value.strip() and "  " not in value
    assert all(re.fullmatch(r"[0-9]{5}", r["code"]) for r in communes)
    assert len({r["code"] for r in communes}) == 3321
    assert [r["code"] for r in communes] == sorted(r["code"] for r in communes)
    prefixes = ("Xã ", "Phường ", "Đặc khu ", "Tỉnh ", "Thành phố ")
    assert not any(r["name"].startswith(prefixes) for r in communes + provinces)


def test_official_spelling_is_kept() -> None:
    assert get_commune("02353").name == "Hoà An"  # old-style tone placement, as official
    assert get_commune("01654").name == "Hòa An"  # new style, as official
    assert get_commune("24280").name == "Cư M’gar"  # curly apostrophe as typed
    assert get_commune("26536").name == "Rạch Dừa"  # double space collapsed


def test_dac_khu() -> None:
    found: dict[str, set[str]] = {}
    for commune in all_communes():
        if commune.type == "dac_khu":
            found.setdefault(commune.province.code, set()).add(commune.name)
    assert found == DAC_KHU
    assert get_commune("11914").full_name == "đặc khu Cát Hải"


def test_loading_is_cached() -> None:
    # How fast: benchmarks/units_load.py (no wall-clock assertion in a test).
    from ttdn_docs.units import store

    store.tables.cache_clear()
    first = store.tables()
    assert store.tables() is first


# --- models -----------------------------------------------------------------------------


def test_thanh_mien() -> None:
    commune = get_commune("11239")
    assert commune == get_commune(11239) == get_commune(" 11239 ")
    assert (commune.name, commune.type, commune.full_name) == ("Thanh Miện", "xa", "xã Thanh Miện")
    assert commune.province == get_province("31")
    assert commune.province.full_name == "thành phố Hải Phòng"
    assert get_province(4).full_name == "tỉnh Cao Bằng"
    assert get_commune("00004").full_name == "phường Ba Đình"
    assert get_commune(70).name == "Hoàn Kiếm"


def test_models_are_frozen_values() -> None:
    commune = get_commune("11239")
    with pytest.raises(ValidationError):
        commune.name = "Khác"
    assert hash(commune) == hash(get_commune("11239"))
    dumped = commune.model_dump()
    assert dumped["full_name"] == "xã Thanh Miện"
    assert Commune.model_validate(dumped) == commune
    with pytest.raises(ValidationError):
        Province(code="3", name="X", type="tinh")


# --- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["99999", "1123", "abcde", "112390", "", -1, True])
def test_unknown_commune(code: object) -> None:
    with pytest.raises(UnitNotFoundError) as info:
        get_commune(code)  # type: ignore[arg-type]
    error = info.value
    assert error.query == code
    assert isinstance(error, TtdnError)
    assert f"mã '{code}'" in str(error)
    assert "Không tìm thấy" in str(error)


def test_unknown_province() -> None:
    with pytest.raises(UnitNotFoundError, match="Không tìm thấy tỉnh, thành phố có mã '03'"):
        get_province("03")
    with pytest.raises(UnitNotFoundError):
        communes_in_province("99")
    with pytest.raises(UnitNotFoundError, match="Không tìm thấy tỉnh, thành phố có tên"):
        search_communes("Thanh Miện", province="Hải Dương")


# --- search -----------------------------------------------------------------------------


def _codes(communes: list[Commune]) -> list[str]:
    return [c.code for c in communes]


@pytest.mark.parametrize(
    "query",
    [
        "Thanh Miện",
        "xã Thanh Miện",
        "XÃ THANH MIỆN",
        "  Thanh   Miện ",
        "Xã  Thanh Miện",
        "thanh mien",
        "xa thanh mien",
        "Thanh Mien",
    ],
)
def test_search_variants_find_thanh_mien(query: str) -> None:
    assert _codes(search_communes(query)) == ["11239"]


def test_search_tone_placement_variants() -> None:
    old_style = search_communes("Hoà An", province="08")
    new_style = search_communes("Hòa An", province="08")
    assert _codes(old_style) == _codes(new_style) == ["02353"]
    assert _codes(search_communes("xã Đàm Thủy")) == _codes(search_communes("Đàm Thuỷ"))
    assert search_communes("Đàm Thủy")[0].name == "Đàm Thuỷ"  # output keeps the official form


def test_search_apostrophes_and_dashes() -> None:
    for query in ["Cư M'gar", "Cư M’gar", "cu mgar", "CƯ M`GAR"]:
        assert _codes(search_communes(query)) == ["24280"]
    for query in ["Chân Mây - Lăng Cô", "Chân Mây – Lăng Cô", "chan may-lang co"]:
        assert _codes(search_communes(query)) == ["20152"]


def test_duplicate_names_are_disambiguated_by_province() -> None:
    everywhere = search_communes("Hòa An")
    assert len(everywhere) >= 3
    assert len({c.province.code for c in everywhere}) == len(everywhere)
    assert _codes(everywhere) == sorted(_codes(everywhere))
    for commune in everywhere:
        assert search_communes("Hòa An", province=commune.province) == [commune]
        assert search_communes("Hòa An", province=commune.province.code) == [commune]
    assert _codes(search_communes("Hòa An", province="Cao Bằng")) == ["01654"]
    assert search_communes("Hòa An", province="31") == []


def test_type_word_restricts_the_type() -> None:
    # No province has a xã and a phường of one name, but the country has: take one.
    types_by_name: dict[str, set[str]] = {}
    for commune in all_communes():
        types_by_name.setdefault(commune.name, set()).add(commune.type)
    name = next(n for n, types in sorted(types_by_name.items()) if {"xa", "phuong"} <= types)
    both = search_communes(name)
    assert {c.type for c in both} == {"xa", "phuong"}
    assert {c.type for c in search_communes(f"phường {name}")} == {"phuong"}
    assert {c.type for c in search_communes(f"xa {name}")} == {"xa"}


def test_search_misses() -> None:
    assert search_communes("") == []
    assert search_communes("xã") == []
    assert search_communes("Không Có Xã Này") == []
    assert search_communes("Thanh") == []  # whole names only


def test_find_province() -> None:
    hai_phong = get_province("31")
    queries: list[ProvinceRef] = ["Hải Phòng", "thành phố Hải Phòng", "hai phong", 31, "31"]
    queries.append(hai_phong)
    for query in queries:
        assert find_province(query) == hai_phong
    assert find_province("Khánh Hoà") == get_province("56")
    assert find_province("tỉnh Cao Bằng") == get_province("04")
    assert find_province("TP. Hồ Chí Minh") == find_province("tp ho chi minh") == get_province("79")
    with pytest.raises(UnitNotFoundError, match="'Hải Dương'"):
        find_province("Hải Dương")


def test_diacritics() -> None:
    # A query with diacritics matches them exactly when it can ...
    assert _codes(search_communes("Ba Đình")) == ["00004", "16171"]
    # ... and falls back to comparing without them (here a wrong mark) when it cannot.
    assert _codes(search_communes("Thanh Miên")) == ["11239"]
    # A query typed without diacritics is compared without them: Quảng Ngãi has a xã
    # officially named "Ba Dinh", but "ba dinh" may as well mean Ba Đình.
    assert _codes(search_communes("ba dinh")) == ["00004", "16171", "21499"]
    # The province limits the candidates before the fallback is judged.
    assert _codes(search_communes("Ba Đình", province="51")) == ["21499"]
    assert _codes(search_communes("phuong ba dinh", province="01")) == ["00004"]


# --- derived texts ----------------------------------------------------------------------


def test_headers_and_place() -> None:
    assert party_header("11239") == ("Đảng bộ thành phố Hải Phòng", "Đảng ủy xã Thanh Miện")
    assert state_header(11239) == ["Ủy ban nhân dân", "xã Thanh Miện"]
    assert place_name(get_commune("11239")) == "Thanh Miện"
    cao_bang = communes_in_province("04")[0]
    assert party_header(cao_bang)[0] == "Đảng bộ tỉnh Cao Bằng"
    assert party_header("00004")[1] == "Đảng ủy phường Ba Đình"
    assert party_header("11914") == ("Đảng bộ thành phố Hải Phòng", "Đảng ủy đặc khu Cát Hải")
    assert state_header("31078") == ["Ủy ban nhân dân", "đặc khu Phú Quốc"]
    assert party_abbreviation("11239") == "ĐU"
    assert state_abbreviation("11239") == "UBND"


def test_place_name_keeps_type_word_before_a_number() -> None:
    commune = get_commune("24823")
    assert commune.name == "1 Bảo Lộc"
    assert place_name(commune) == "Phường 1 Bảo Lộc"
    numbered = Commune(code="99001", name="1", type="phuong", province=get_province(79))
    assert place_name(numbered) == "Phường 1"
    assert place_name("20056") == "A Lưới 1"


def test_texts_are_display_text_not_upper_case() -> None:
    for commune in all_communes():
        upper_line, lower_line = party_header(commune)
        assert upper_line.startswith(("Đảng bộ tỉnh ", "Đảng bộ thành phố "))
        assert lower_line == f"Đảng ủy {commune.full_name}"
        assert state_header(commune)[1] == commune.full_name


def test_default_units_party() -> None:
    assert default_units("11239", "party") == [
        "Ban Xây dựng Đảng",
        "Văn phòng Đảng ủy",
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        "Các chi bộ, đảng bộ trực thuộc",
    ]
    assert default_units("00004", "party")[2] == "Ủy ban Mặt trận Tổ quốc Việt Nam phường"
    dac_khu = default_units("11914", "party")
    assert dac_khu[0] == "Ban Tuyên giáo và Dân vận"
    assert "Ban Xây dựng Đảng" not in dac_khu


def test_default_units_state() -> None:
    xa = default_units("11239", "state")
    assert xa[:3] == ["Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế"]
    assert "Trung tâm Văn hóa, Thể thao và Truyền thông" in xa
    assert "Công an xã" in xa and "Ban Chỉ huy Quân sự xã" in xa
    phuong = default_units("00004", "state")
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in phuong and "Công an phường" in phuong
    assert "Phòng Kinh tế" in default_units("11914", "state")  # đặc khu Cát Hải
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in default_units("31078", "state")  # Phú Quốc
    with pytest.raises(TtdnError, match="'hoi'"):
        default_units("11239", "hoi")  # type: ignore[arg-type]


def test_slug() -> None:
    assert slug("11239") == "11239-xa-thanh-mien"
    assert slug("11914") == "11914-dac-khu-cat-hai"
    assert slug("20152") == "20152-xa-chan-may-lang-co"
    assert slug("24280") == "24280-xa-cu-mgar"
    slugs = [slug(c) for c in all_communes()]
    assert len(set(slugs)) == 3321
    for value in slugs:
        assert re.fullmatch(r"[0-9]{5}(-[a-z0-9]+)+", value), value
