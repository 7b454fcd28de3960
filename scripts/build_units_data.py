#!/usr/bin/env python3
"""Build the commune and province tables shipped in ``ttdn_docs/units/data/``.

Rows come from the MIT-licensed PyPI package ``vietnamadminunits`` (SQLite table
``admin_units``). Each row is then checked against the official State list (danh mục và mã
số đơn vị hành chính) as carried by ``vietnam-provinces``; where the two disagree, the
official code, type and spelling win, and every such correction is listed in the generated
``SOURCE.md``. Only facts of the official list are taken from ``vietnam-provinces`` (a code,
a type, a spelling); none of its code or files is copied, and neither package is a runtime
dependency of ttdn_docs.

Run it in a throw-away build environment, from the repository root:

    python3 -m venv /tmp/units-venv
    /tmp/units-venv/bin/pip install vietnamadminunits==1.0.4 vietnam-provinces==2025.10.1 \\
        babel pydantic
    /tmp/units-venv/bin/python scripts/build_units_data.py

It writes ``communes.csv``, ``provinces.csv`` and ``SOURCE.md`` and stops without writing
anything when a count or a cross-check fails.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.util
import re
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ttdn_docs.units.keys import name_key  # noqa: E402
from ttdn_docs.vn import nfc  # noqa: E402

DATA_DIR = REPO / "ttdn_docs" / "units" / "data"

SOURCE_PACKAGE = "vietnamadminunits"
SOURCE_VERSION = "1.0.4"
REFERENCE_PACKAGE = "vietnam-provinces"
REFERENCE_VERSION = "2025.10.1"

EXPECTED_COMMUNES = {"xa": 2621, "phuong": 687, "dac_khu": 13}
EXPECTED_PROVINCES = {"tinh": 28, "thanh_pho": 6}

COMMUNE_PREFIXES = {"Xã": "xa", "Phường": "phuong", "Đặc khu": "dac_khu"}
PROVINCE_PREFIXES = {"Tỉnh": "tinh", "Thành phố": "thanh_pho"}
TYPE_WORDS = {type_code: word for word, type_code in COMMUNE_PREFIXES.items()}

# Letter-case slips in the official list, fixed here: code → (as published, as used).
# The official list capitalises every other syllable of these proper names.
CASE_FIXES: dict[str, tuple[str, str]] = {
    "24718": ("Đắk song", "Đắk Song"),
    "23302": ("Đăk BLa", "Đăk Bla"),
}

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    type: str
    province_code: str


@dataclass(frozen=True)
class ProvinceRow:
    code: str
    name: str
    type: str


@dataclass
class Report:
    recoded: list[tuple[str, str, str]]  # source code, official code, full name
    respelt: list[tuple[str, str, str]]  # code, source spelling, official spelling
    retyped: list[tuple[str, str, str, str]]  # code, full name, source wardType, type used
    case_fixed: list[tuple[str, str, str]]  # code, as published, as used


def clean(text: str) -> str:
    """NFC and single spaces: the source lists carry double spaces in a few names."""
    return _SPACES.sub(" ", nfc(text)).strip()


def split_prefix(full_name: str, prefixes: dict[str, str]) -> tuple[str, str]:
    """``'Xã Thanh Miện'`` → ``('xa', 'Thanh Miện')``."""
    for word, type_code in prefixes.items():
        if full_name.startswith(word + " "):
            return type_code, full_name[len(word) + 1 :]
    raise SystemExit(f"unknown type word in {full_name!r}")


def require_version(distribution: str, version: str) -> None:
    found = importlib.metadata.version(distribution)
    if found != version:
        raise SystemExit(f"{distribution} {version} is required, found {found}")


def read_source() -> tuple[list[Unit], list[ProvinceRow], dict[str, str]]:
    """Rows of ``vietnamadminunits``: communes, provinces, and each commune's wardType."""
    require_version(SOURCE_PACKAGE, SOURCE_VERSION)
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("vietnamadminunits is not installed")
    db = Path(spec.submodule_search_locations[0]) / "data" / "dataset.db"
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT wardCode, ward, wardType, provinceCode, province FROM admin_units"
    ).fetchall()
    con.close()
    units: list[Unit] = []
    provinces: dict[str, ProvinceRow] = {}
    ward_types: dict[str, str] = {}
    for code, ward, ward_type, province_code, province in rows:
        type_code, name = split_prefix(clean(ward), COMMUNE_PREFIXES)
        units.append(Unit(code, name, type_code, province_code))
        ward_types[code] = clean(ward_type)
        p_type, p_name = split_prefix(clean(province), PROVINCE_PREFIXES)
        provinces[province_code] = ProvinceRow(province_code, p_name, p_type)
    return units, sorted(provinces.values(), key=lambda p: p.code), ward_types


def read_reference() -> tuple[list[Unit], list[ProvinceRow]]:
    """The official list as carried by ``vietnam-provinces`` (build environment only)."""
    require_version(REFERENCE_PACKAGE, REFERENCE_VERSION)
    from vietnam_provinces import Province, VietNamDivisionType, Ward

    ward_types = {
        VietNamDivisionType.XA: "xa",
        VietNamDivisionType.PHUONG: "phuong",
        VietNamDivisionType.DAC_KHU: "dac_khu",
    }
    units = []
    for ward in Ward.iter_all():
        type_code, name = split_prefix(clean(ward.name), COMMUNE_PREFIXES)
        if ward_types[ward.division_type] != type_code:
            raise SystemExit(f"reference type and name disagree: {ward!r}")
        province_code = f"{int(ward.province_code):02d}"
        units.append(Unit(f"{int(ward.code):05d}", name, type_code, province_code))
    provinces = []
    for province in Province.iter_all():
        city = province.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG
        name = clean(province.name).removeprefix("Thành phố ")
        p_type = "thanh_pho" if city else "tinh"
        provinces.append(ProvinceRow(f"{int(province.code):02d}", name, p_type))
    return units, sorted(provinces, key=lambda p: p.code)


def match_key(unit: Unit) -> tuple[str, str, str]:
    return (unit.province_code, unit.type, name_key(unit.name))


def reconcile(
    source: list[Unit], reference: list[Unit], ward_types: dict[str, str]
) -> tuple[list[Unit], Report]:
    """Pair each source row with the official row of the same province, type and name key;
    take the official code and spelling. Every source row must pair with exactly one."""
    official = {match_key(u): u for u in reference}
    if len(official) != len(reference):
        raise SystemExit("the reference list has two units with one name key in a province")
    report = Report([], [], [], [])
    units: list[Unit] = []
    for unit in source:
        match = official.pop(match_key(unit), None)
        if match is None:
            raise SystemExit(f"no official unit matches source row {unit}")
        full = f"{TYPE_WORDS[unit.type]} {unit.name}"
        if match.code != unit.code:
            report.recoded.append((unit.code, match.code, full))
        name = match.name
        if match.code in CASE_FIXES:
            published, used = CASE_FIXES[match.code]
            if name != published:
                raise SystemExit(f"case fix for {match.code} no longer applies: {name!r}")
            report.case_fixed.append((match.code, published, used))
            name = used
        if name != unit.name:
            report.respelt.append((match.code, unit.name, name))
        source_type = COMMUNE_PREFIXES.get(ward_types[unit.code])
        if source_type != unit.type:
            report.retyped.append((match.code, full, ward_types[unit.code], unit.type))
        units.append(Unit(match.code, name, match.type, match.province_code))
    if official:
        raise SystemExit(f"official units without a source row: {sorted(official.values())}")
    return sorted(units, key=lambda u: u.code), report


def check_counts(units: list[Unit], provinces: list[ProvinceRow]) -> None:
    by_type = Counter(u.type for u in units)
    if dict(by_type) != EXPECTED_COMMUNES:
        raise SystemExit(f"commune counts {dict(by_type)} != {EXPECTED_COMMUNES}")
    p_types = Counter(p.type for p in provinces)
    if dict(p_types) != EXPECTED_PROVINCES:
        raise SystemExit(f"province counts {dict(p_types)} != {EXPECTED_PROVINCES}")
    if len({u.code for u in units}) != len(units):
        raise SystemExit("duplicate commune codes")
    known = {p.code for p in provinces}
    if {u.province_code for u in units} != known:
        raise SystemExit("communes and provinces disagree on the province codes")


def write_csv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def source_licence() -> str:
    dist = importlib.metadata.distribution(SOURCE_PACKAGE)
    for file in dist.files or []:
        if file.name.startswith("LICENSE"):
            return Path(str(dist.locate_file(file))).read_text(encoding="utf-8").strip()
    raise SystemExit("the source package's licence file was not found")


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(f"`{cell}`" for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def write_source_md(units: list[Unit], report: Report, reference_data_version: str) -> None:
    counts = Counter(u.type for u in units)
    text = f"""# Source of the unit tables

Generated by `scripts/build_units_data.py`; do not edit by hand.

- `communes.csv`: {len(units)} commune-level units in force from 1 July 2025
  ({counts['xa']} xã, {counts['phuong']} phường, {counts['dac_khu']} đặc khu).
  Columns: `code` (official 5-digit code), `name` (without the type word, as officially
  spelt), `type` (`xa` | `phuong` | `dac_khu`), `province_code`.
- `provinces.csv`: 34 provincial-level units (28 tỉnh, 6 thành phố trực thuộc Trung ương).
  Columns: `code` (official 2-digit code), `name` (without the type word), `type`
  (`tinh` | `thanh_pho`).
- UTF-8, NFC, one space between words, sorted by code.

## Where the rows come from

Rows: PyPI package `{SOURCE_PACKAGE}` {SOURCE_VERSION} (released October 2025, MIT
licence, licence text below), SQLite table `admin_units` ({len(units)} rows).

Cross-check: the official State list of unit codes (bảng danh mục và mã số các đơn vị
hành chính Việt Nam, issued by the Prime Minister in 2025 and kept in the statistics
office's registry), read through PyPI package `{REFERENCE_PACKAGE}`
{REFERENCE_VERSION} (data version {reference_data_version}) in the build environment only.
Each source row is paired with the official row of the same province, type and name (compared
with tone placement, case, spacing, apostrophes and dashes folded); every row pairs with
exactly one. The official code, type and spelling are used where the two disagree; the
corrections are listed below. Codes, types and names are facts of a State list (legal and
administrative documents are not protected by copyright under Article 15 of the Law on
Intellectual Property); no code, file or other expression of `{REFERENCE_PACKAGE}` (GPL)
is copied, and neither package is a runtime dependency.

Data date: units as set by Nghị quyết 202/2025/QH15 and the 34 resolutions of the Standing
Committee of the National Assembly, in force from 1 July 2025; snapshot of the official list
{reference_data_version}. Later changes to the list are not included.

## Corrections to the source rows

### Codes ({len(report.recoded)}): the source gives another code to the unit

{table(("source code", "official code", "unit"), sorted(report.recoded, key=lambda r: r[1]))}

### Spellings ({len(report.respelt)}): tone placement, apostrophe or dash as officially typed

{table(("code", "source", "used"), report.respelt)}

### Types ({len(report.retyped)}): the source's `wardType` contradicts the unit's own name

{table(("code", "unit", "source wardType", "type used"), report.retyped)}

### Letter case ({len(report.case_fixed)}): slips in the official list, fixed here

{table(("code", "official list", "used"), report.case_fixed)}

Double spaces in a few official names (`Phường  Rạch Dừa`) are collapsed to one.

## Licence of the source

{source_licence()}
"""
    (DATA_DIR / "SOURCE.md").write_text(text, encoding="utf-8")


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    source, source_provinces, ward_types = read_source()
    reference, reference_provinces = read_reference()
    if source_provinces != reference_provinces:
        raise SystemExit("the province lists of the two packages disagree")
    units, report = reconcile(source, reference, ward_types)
    check_counts(units, source_provinces)

    import vietnam_provinces

    write_csv(
        DATA_DIR / "communes.csv",
        ["code", "name", "type", "province_code"],
        [(u.code, u.name, u.type, u.province_code) for u in units],
    )
    write_csv(
        DATA_DIR / "provinces.csv",
        ["code", "name", "type"],
        [(p.code, p.name, p.type) for p in source_provinces],
    )
    write_source_md(units, report, vietnam_provinces.__data_version__)
    print(
        f"{len(units)} communes, {len(source_provinces)} provinces written; "
        f"{len(report.recoded)} codes, {len(report.respelt)} spellings, "
        f"{len(report.retyped)} types, {len(report.case_fixed)} case slips corrected"
    )


if __name__ == "__main__":
    main()
