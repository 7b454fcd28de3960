"""The per-commune table of a batch (``--communes``): CSV or XLSX, one row per commune,
a ``code`` column (the official 5-digit code) and any other columns (signer, number,
date …).

Values are kept as typed, as text; ``row_values`` gives them their types. Excel's own
cell types are turned back into what the officer sees: ``4`` rather than ``4.0``, a date
cell as ``2025-08-05``.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ttdn_docs.datafile import csv_delimiter, first_worksheet, read_text
from ttdn_docs.limits import InputKind
from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.vn import clean_text

CODE_COLUMN = "code"
MAX_ROWS = 10_000


@dataclass(frozen=True)
class TableRow:
    """One commune's row: its line in the file (1-based, header = 1), code and values."""

    line: int
    code: str
    values: dict[str, str] = field(default_factory=dict)

    def where(self, source: str) -> str:
        return f"dòng {self.line} của {source} (mã {self.code})"


@dataclass(frozen=True)
class Table:
    source: str
    columns: list[str]
    rows: list[TableRow]


def read_table(path: Path) -> Table:
    """Read a ``.csv`` (UTF-8, ``,`` ``;`` or tab separated) or ``.xlsx`` table."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        records = _csv_records(path)
    elif suffix == ".xlsx":
        records = _xlsx_records(path)
    else:
        raise InputError(str(path), [FieldProblem("", "bảng phải là tệp .csv hoặc .xlsx")])
    return _table(path.name, records)


def _csv_records(path: Path) -> list[tuple[int, list[str]]]:
    text = read_text(path, InputKind.TABLE)
    reader = csv.reader(text.splitlines(), delimiter=csv_delimiter(text))
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise InputError(str(path), [FieldProblem("", f"lỗi đọc CSV: {exc}", reader.line_num)]) from None


def _xlsx_records(path: Path) -> list[tuple[int, list[str]]]:
    with first_worksheet(path) as sheet:
        return [
            (index, [_cell_text(value) for value in row])
            for index, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(source: str, records: list[tuple[int, list[str]]]) -> Table:
    records = [(line, [clean_text(cell) for cell in cells]) for line, cells in records]
    records = [(line, cells) for line, cells in records if any(cells)]
    if not records:
        raise InputError(source, [FieldProblem("", "bảng rỗng")])
    header_line, header = records[0]
    columns = [name.strip() for name in header]
    problems = _header_problems(columns, header_line)
    if problems:
        raise InputError(source, problems)
    if len(records) - 1 > MAX_ROWS:
        raise InputError(source, [FieldProblem("", f"bảng quá lớn (tối đa {MAX_ROWS} dòng)")])
    code_index = [c.lower() for c in columns].index(CODE_COLUMN)
    rows = []
    for line, cells in records[1:]:
        cells = cells + [""] * (len(columns) - len(cells))
        extra = [c for c in cells[len(columns):] if c]
        if extra:
            raise InputError(source, [FieldProblem("", f"dòng có nhiều ô hơn tiêu đề ({len(columns)} cột)", line)])
        values = dict(zip(columns, cells))
        rows.append(TableRow(line=line, code=cells[code_index], values=values))
    return Table(source=source, columns=columns, rows=rows)


def _header_problems(columns: list[str], line: int) -> list[FieldProblem]:
    problems = []
    lowered = [c.lower() for c in columns]
    if CODE_COLUMN not in lowered:
        problems.append(FieldProblem("", f"thiếu cột '{CODE_COLUMN}' (mã xã 5 chữ số)", line))
    if any(not c for c in columns):
        problems.append(FieldProblem("", "có cột không có tên ở dòng tiêu đề", line))
    repeated = sorted({c for c in columns if c and columns.count(c) > 1})
    if repeated:
        problems.append(FieldProblem("", f"tên cột bị lặp: {', '.join(repeated)}", line))
    return problems
