"""Loading of the shipped tables, once per process (lazy, cached)."""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from ttdn_docs.units.models import Commune, Province


@dataclass(frozen=True)
class UnitTables:
    """The loaded tables. Dicts are in code order."""

    provinces: dict[str, Province]
    communes: dict[str, Commune]
    by_province: dict[str, tuple[Commune, ...]]


def _rows(filename: str) -> Iterator[dict[str, str]]:
    data = resources.files("ttdn_docs.units").joinpath("data", filename)
    yield from csv.DictReader(data.read_text(encoding="utf-8").splitlines())


@functools.cache
def tables() -> UnitTables:
    """Read ``data/provinces.csv`` and ``data/communes.csv`` (first call only)."""
    provinces = {row["code"]: Province.model_validate(row) for row in _rows("provinces.csv")}
    communes: dict[str, Commune] = {}
    grouped: dict[str, list[Commune]] = {code: [] for code in provinces}
    for row in _rows("communes.csv"):
        province = provinces[row["province_code"]]
        commune = Commune.model_validate({**row, "province": province})
        communes[commune.code] = commune
        grouped[province.code].append(commune)
    return UnitTables(
        provinces=dict(sorted(provinces.items())),
        communes=dict(sorted(communes.items())),
        by_province={code: tuple(sorted(items, key=_code)) for code, items in grouped.items()},
    )


def _code(commune: Commune) -> str:
    return commune.code
