"""Findings as text for a terminal, as JSON or CSV for other tools. The ``write_*``
functions stream: each file's result is written as it comes, so a folder of any size
is reported in flat memory."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO, Union

from ttdn_docs.check import CheckResult

# A checked file, or (file, message) for a file that could not be read.
Outcome = Union[CheckResult, tuple[str, str]]

CSV_COLUMNS = [
    "file", "profile", "severity", "rule", "paragraph", "section", "story", "table", "row", "cell",
    "text", "message", "expected", "found", "ref", "count",
]
# The column names an officer reads in a spreadsheet (``--lang vi``, the default); the
# stable keys above are for programs (``--lang en``, and JSON always).
CSV_HEADINGS_VI = {
    "file": "tệp", "profile": "hồ sơ", "severity": "mức", "rule": "quy tắc", "paragraph": "đoạn",
    "section": "mục", "story": "phần", "table": "bảng", "row": "hàng", "cell": "ô", "text": "nội dung đoạn",
    "message": "nhận xét", "expected": "cần", "found": "thấy", "ref": "căn cứ", "count": "số đoạn",
}
_VALUES_VI = {
    "severity": {"error": "lỗi", "warning": "cảnh báo", "unreadable": "không đọc được"},
    "story": {"body": "thân văn bản", "header": "đầu trang", "footer": "chân trang"},
}
# A cell starting with one of these is run as a formula by Excel or LibreOffice Calc
# (OWASP «CSV injection»): text typed by the file's author gets a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_block(result: Outcome) -> list[str]:
    """One file's lines: a heading line, then its findings, errors first."""
    if isinstance(result, tuple):
        name, message = result
        return [f"Tệp {name}: KHÔNG ĐỌC ĐƯỢC — {message}"]
    profile = result.profile or "không nhận ra"
    errors, warnings = len(result.errors), len(result.warnings)
    converted = f", đã chuyển từ {result.converted_from} sang .docx bằng LibreOffice" if result.converted_from else ""
    if not result.findings:
        return [f"Tệp {result.source} (hồ sơ {profile}{converted}): đúng thể thức, không có lỗi."]
    lines = [f"Tệp {result.source} (hồ sơ {profile}{converted}): {errors} lỗi, {warnings} cảnh báo."]
    ordered = sorted(result.findings, key=lambda f: (f.severity != "error",))
    return lines + [f"  {finding.describe()}" for finding in ordered]


def text_report(results: list[Outcome]) -> str:
    return "\n".join(line for result in results for line in text_block(result))


def as_dict(result: Outcome) -> dict[str, object]:
    return {"file": result[0], "error": result[1]} if isinstance(result, tuple) else result.as_dict()


def json_report(results: list[Outcome]) -> str:
    return json.dumps([as_dict(r) for r in results], ensure_ascii=False, indent=2)


class JsonWriter:
    """A JSON array written one element at a time."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def write(self, result: Outcome) -> None:
        text = json.dumps(as_dict(result), ensure_ascii=False, indent=2)
        self.stream.write(("[\n" if not self.count else ",\n") + _indent(text))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "[]\n")


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


class CsvWriter:
    """One row per finding; a row with no rule for a file without findings and one with
    severity ``unreadable`` for a file that could not be read, so every file appears.
    ``lang="vi"``: Vietnamese column names and words; ``"en"``: the stable keys. Either
    way no cell can run as a spreadsheet formula."""

    def __init__(self, stream: TextIO, lang: str = "vi") -> None:
        self.lang = lang
        # RFC 4180 line ends: a CR or LF inside a cell is then always quoted.
        self.writer = csv.writer(stream, lineterminator="\r\n")
        self.writer.writerow([CSV_HEADINGS_VI[c] if lang == "vi" else c for c in CSV_COLUMNS])

    def write(self, result: Outcome) -> None:
        for row in csv_rows(result):
            self.writer.writerow([_cell(column, row.get(column), self.lang) for column in CSV_COLUMNS])

    def close(self) -> None:
        pass


def csv_rows(result: Outcome) -> Iterable[dict[str, object]]:
    if isinstance(result, tuple):
        yield {"file": result[0], "severity": "unreadable", "message": result[1]}
        return
    if not result.findings:
        yield {"file": result.source, "profile": result.profile or "", "message": "đúng thể thức, không có lỗi"}
        return
    for finding in result.findings:
        where = finding.location
        yield {
            "file": result.source, "profile": result.profile or "", "severity": finding.severity,
            "rule": finding.rule, "paragraph": where.paragraph, "section": where.section or "", "story": where.story,
            "table": where.table, "row": where.row, "cell": where.cell, "text": where.text,
            "message": finding.message, "expected": finding.expected, "found": finding.found, "ref": finding.ref,
            "count": finding.count,
        }


def _cell(column: str, value: object, lang: str) -> str:
    text = "" if value is None else str(value)
    if lang == "vi":
        text = _VALUES_VI.get(column, {}).get(text, text)
    return neutralise_formula(text)


def neutralise_formula(text: str) -> str:
    """A cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab or
    carriage return first) gets a leading apostrophe, which shows the text as typed."""
    return "'" + text if text.startswith(_FORMULA_START) else text
