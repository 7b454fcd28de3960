"""What one unit sends to the commune at year end: its results and its figures.

A unit file is YAML/JSON (``kind: unit_results``: the unit, optionally the plan's unit it
reports under, results and indicators) or a sheet of indicators — CSV or XLSX, the form
officers already keep. A sheet has a header row with at least a key and a value column
(English or Vietnamese headers: ``key,name,unit,value,target,previous`` or ``Mã, Chỉ
tiêu, Đơn vị tính, Kết quả, Tổng số, Năm trước``); above it, a line ``Đơn vị: <tên>``
names the reporting unit (otherwise the file name does) and ``Thuộc: <đơn vị trong kế
hoạch>`` the plan's unit it reports under.

Numbers in a sheet follow Vietnamese writing (``vn.parse_figure``): ``.`` groups thousands,
``,`` marks decimals (``1.234`` is one thousand two hundred and thirty-four, ``93,41`` is
93.41); a ``.`` followed by other than three digits is read as a decimal point (``93.41``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from ttdn_docs.admin.text import CleanText
from ttdn_docs.datafile import csv_delimiter, first_worksheet, load_model, read_text
from ttdn_docs.input_problems import problems_from
from ttdn_docs.limits import InputKind
from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.generic.parts import Model
from ttdn_docs.ttdn.indicators import Indicator, is_percent_unit
from ttdn_docs.ttdn.report import TaskResultOrText
from ttdn_docs.vn import clean_text, fold_key, parse_figure

SHEET_SUFFIXES = {".csv", ".xlsx"}
DATA_SUFFIXES = {".yaml", ".yml", ".json"}


class UnitResults(Model):
    """Results of one unit (``unit``) for the year. ``plan_unit`` is the unit of the plan
    it reports under when that is a group (a chi bộ under ``Các chi, đảng bộ trực
    thuộc``)."""

    kind: Literal["unit_results"] = Field(default="unit_results", title="loại tài liệu")
    unit: CleanText = Field(max_length=300, title="đơn vị")
    plan_unit: CleanText | None = Field(default=None, max_length=300, title="thuộc đơn vị")
    year: int | None = Field(default=None, ge=2000, le=2200, title="năm")
    results: list[TaskResultOrText] = Field(default_factory=list, max_length=500, title="kết quả")
    indicators: list[Indicator] = Field(default_factory=list, max_length=500, title="chỉ tiêu")

    @property
    def reports_under(self) -> str:
        return self.plan_unit or self.unit


@dataclass(frozen=True)
class UnitFile:
    """A unit's results with the file they came from (named in every error)."""

    source: str
    data: UnitResults


def load_unit_file(path: Path | str) -> UnitFile:
    """Read a unit file by its suffix: ``.yaml``/``.yml``/``.json``, ``.csv``, ``.xlsx``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in DATA_SUFFIXES:
        return UnitFile(str(path), load_model(UnitResults, path))
    if suffix == ".csv":
        return UnitFile(str(path), results_from_rows(_csv_rows(path), str(path), path.stem))
    if suffix == ".xlsx":
        return UnitFile(str(path), results_from_rows(_xlsx_rows(path), str(path), path.stem))
    accepted = ", ".join(sorted(DATA_SUFFIXES | SHEET_SUFFIXES))
    raise InputError(str(path), [FieldProblem("", f"định dạng tệp không được hỗ trợ; chấp nhận: {accepted}")])


# -- sheets ----------------------------------------------------------------------------

Cell = Any  # str, int, float, Decimal or None
Row = tuple[int, list[Cell]]  # 1-based line/row number, cells

# Header texts by field, compared after fold_key; the longest matching alias wins
# ("chỉ tiêu kế hoạch" is a target, "chỉ tiêu" a name).
_COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "key": ("key", "mã chỉ tiêu", "mã"),
    "name": ("name", "tên chỉ tiêu", "chỉ tiêu", "nội dung"),
    "unit": ("unit", "đơn vị tính", "đvt"),
    "value": ("value", "kết quả", "thực hiện", "số lượng", "giá trị"),
    "target": ("target", "tổng số", "kế hoạch", "chỉ tiêu kế hoạch"),
    "previous": ("previous", "năm trước", "cùng kỳ"),
}
_FIGURES = ("value", "target", "previous")
_LABEL_LINE = re.compile(r"^\s*(đơn vị(?: báo cáo)?|thuộc)\s*:\s*(.*)$", re.IGNORECASE)


def results_from_rows(rows: Sequence[Row], source: str, fallback_unit: str) -> UnitResults:
    """Indicators of a sheet; see the module doc for its layout."""
    labels: dict[str, str] = {}
    header: dict[str, int] | None = None
    indicators: list[Indicator] = []
    problems: list[FieldProblem] = []
    for line, cells in rows:
        texts = [_cell_text(c) for c in cells]
        if header is None:
            found = _header(texts)
            if found is not None:
                header = found
                problems += _duplicate_columns(texts, line)
            else:
                labels.update(_label(texts))
            continue
        if not any(texts):
            continue
        record, row_problems = _record(header, cells, texts, line)
        problems += row_problems
        if record is None:
            continue
        try:
            indicators.append(Indicator.model_validate(record))
        except ValidationError as exc:
            problems += [FieldProblem(p.path, p.message, line, p.place) for p in problems_from(exc, {}, Indicator, record)]
    if header is None:
        problems.append(FieldProblem("", "không tìm thấy dòng tiêu đề có cột mã chỉ tiêu (key/Mã) và kết quả (value/Kết quả)"))
    if problems:
        raise InputError(source, problems)
    data = {"unit": labels.get("unit") or fallback_unit, "plan_unit": labels.get("plan_unit"), "indicators": indicators}
    try:
        return UnitResults.model_validate(data)
    except ValidationError as exc:
        raise InputError(source, problems_from(exc, {}, UnitResults, data)) from None


def _cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    return clean_text(str(cell))


def _label(texts: list[str]) -> dict[str, str]:
    """``Đơn vị: X`` (the reporting unit) or ``Thuộc: Y`` (the plan's unit), in one cell
    or split over two."""
    non_empty = [t for t in texts if t]
    if not non_empty:
        return {}
    match = _LABEL_LINE.match(non_empty[0])
    if match is None:
        return {}
    value = match.group(2).strip() or (non_empty[1] if len(non_empty) > 1 else "")
    if not value:
        return {}
    return {"plan_unit" if fold_key(match.group(1)) == "thuộc" else "unit": value}


def _column_field(text: str) -> str | None:
    folded = fold_key(text)
    best: tuple[int, str] | None = None
    for field, aliases in _COLUMN_ALIASES.items():
        for alias in aliases:
            if folded == alias or folded.startswith(alias + " ") or folded.startswith(alias + "("):
                if best is None or len(alias) > best[0]:
                    best = (len(alias), field)
    return best[1] if best else None


def _header(texts: list[str]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, text in enumerate(texts):
        field = _column_field(text) if text else None
        if field is not None and field not in columns:
            columns[field] = index
    return columns if {"key", "value"} <= set(columns) else None


def _duplicate_columns(texts: list[str], line: int) -> list[FieldProblem]:
    fields = [f for f in (_column_field(t) for t in texts if t) if f is not None]
    repeated = sorted({f for f in fields if fields.count(f) > 1})
    return [FieldProblem(f, "cột xuất hiện hai lần trong dòng tiêu đề", line) for f in repeated]


def _record(header: dict[str, int], cells: list[Cell], texts: list[str], line: int) -> tuple[dict[str, Any] | None, list[FieldProblem]]:
    def cell(field: str) -> Cell:
        index = header.get(field)
        return cells[index] if index is not None and index < len(cells) else None

    def text(field: str) -> str:
        index = header.get(field)
        return texts[index] if index is not None and index < len(texts) else ""

    if not text("key"):
        return None, [FieldProblem("key", "dòng có số liệu nhưng thiếu mã chỉ tiêu (xóa dòng tổng cộng, nếu có)", line, "")]
    record: dict[str, Any] = {"key": text("key"), "name": text("name") or None, "unit": text("unit") or None}
    problems = []
    for field in _FIGURES:
        try:
            record[field] = cell_figure(cell(field), percent=is_percent_unit(text("unit")))
        except ValueError as exc:
            place = f"{Indicator.model_fields[field].title} của {Indicator.place_of(text('key'))}"
            problems.append(FieldProblem(field, str(exc), line, place))
    return {k: v for k, v in record.items() if v is not None}, problems


def cell_figure(cell: Cell, *, percent: bool = False) -> Decimal | None:
    """A number from a sheet cell: spreadsheet numbers as they are, text by the Vietnamese
    writing rules of ``vn.parse_figure``; an empty cell is ``None``."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise ValueError(f"'{cell}' không phải là số")
    if isinstance(cell, PercentCell):
        return Decimal(str(cell.value)) * 100
    if isinstance(cell, (int, float, Decimal)):
        return Decimal(str(cell))
    if not str(cell).strip():
        return None
    return parse_figure(str(cell), percent=percent)


@dataclass(frozen=True)
class PercentCell:
    """A spreadsheet number shown as a percentage (stored 0.9341 for 93,41%)."""

    value: float | int


def _csv_rows(path: Path) -> list[Row]:
    text = read_text(path, InputKind.TABLE)
    reader = csv.reader(io.StringIO(text), delimiter=csv_delimiter(text))
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise InputError(str(path), [FieldProblem("", f"lỗi đọc CSV: {exc}", reader.line_num)]) from None


def _xlsx_rows(path: Path) -> list[Row]:
    with first_worksheet(path) as sheet:
        return [(number, [_xlsx_value(cell) for cell in row]) for number, row in enumerate(sheet.iter_rows(), start=1)]


def _xlsx_value(cell: Any) -> Cell:
    value = getattr(cell, "value", None)
    number_format = str(getattr(cell, "number_format", "") or "")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in number_format:
        return PercentCell(value)
    return value
