"""Findings as text for a terminal or as JSON for other tools."""

from __future__ import annotations

import json
from typing import Union

from ttdn_docs.check import CheckResult

# A checked file, or (file, message) for a file that could not be read.
Outcome = Union[CheckResult, tuple[str, str]]


def text_report(results: list[Outcome]) -> str:
    lines: list[str] = []
    for result in results:
        if isinstance(result, tuple):
            name, message = result
            lines.append(f"Tệp {name}: KHÔNG ĐỌC ĐƯỢC — {message}")
            continue
        profile = result.profile or "không nhận ra"
        errors, warnings = len(result.errors), len(result.warnings)
        if not result.findings:
            lines.append(f"Tệp {result.source} (hồ sơ {profile}): đúng thể thức, không có lỗi.")
            continue
        lines.append(f"Tệp {result.source} (hồ sơ {profile}): {errors} lỗi, {warnings} cảnh báo.")
        ordered = sorted(result.findings, key=lambda f: (f.severity != "error",))
        lines += [f"  {finding.describe()}" for finding in ordered]
    return "\n".join(lines)


def json_report(results: list[Outcome]) -> str:
    data = [
        {"file": r[0], "error": r[1]} if isinstance(r, tuple) else r.as_dict()
        for r in results
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)
