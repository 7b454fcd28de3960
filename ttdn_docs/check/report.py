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
    "text", "message", "expected", "found", "ref",
]


def text_block(result: Outcome) -> list[str]:
    """One file's lines: a heading line, then its findings, errors first."""
    if isinstance(result, tuple):
        name, message = result
        return [f"Tệp {name}: KHÔNG ĐỌC ĐƯỢC — {message}"]
    profile = result.profile or "không nhận ra"
    errors, warnings = len(result.errors), len(result.warnings)
    if not result.findings:
        return [f"Tệp {result.source} (hồ sơ {profile}): đúng thể thức, không có lỗi."]
    lines = [f"Tệp {result.source} (hồ sơ {profile}): {errors} lỗi, {warnings} cảnh báo."]
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
    severity ``unreadable`` for a file that could not be read, so every file appears."""

    def __init__(self, stream: TextIO) -> None:
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n", extrasaction="ignore")
        self.writer.writeheader()

    def write(self, result: Outcome) -> None:
        self.writer.writerows(csv_rows(result))

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
        }
