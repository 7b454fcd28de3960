"""A check result as an HTML table (rule id, severity, where, message, article) — what
a notebook cell shows for ``CheckResult``."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ttdn_docs.check import CheckResult

_SEVERITY = {"error": ("LỖI", "#b00020"), "warning": ("CẢNH BÁO", "#8a5a00")}
_CELL = "border: 1px solid #999; padding: 2px 6px; text-align: left; vertical-align: top"


def findings_html(result: CheckResult) -> str:
    profile = escape(result.profile or "không nhận ra")
    heading = (
        f"<p><b>Tệp {escape(result.source)}</b> (hồ sơ {profile}): "
        f"{len(result.errors)} lỗi, {len(result.warnings)} cảnh báo.</p>"
    )
    if not result.findings:
        return f'<div class="ttdn-findings" data-errors="0">{heading}<p>Đúng thể thức, không có lỗi.</p></div>'
    header = "".join(f'<th style="{_CELL}">{name}</th>' for name in ("Mã quy tắc", "Mức", "Vị trí", "Nội dung", "Căn cứ"))
    rows = []
    for finding in sorted(result.findings, key=lambda f: f.severity != "error"):
        word, colour = _SEVERITY[finding.severity]
        message = finding.message
        if finding.expected or finding.found:
            message += f" (cần: {finding.expected or '—'}; thấy: {finding.found or '—'})"
        cells = [
            f"<code>{escape(finding.rule)}</code>",
            f'<span style="color: {colour}; font-weight: bold">{word}</span>',
            escape(finding.location.describe()),
            escape(message),
            escape(finding.ref),
        ]
        rows.append("<tr>" + "".join(f'<td style="{_CELL}">{cell}</td>' for cell in cells) + "</tr>")
    table = f'<table style="border-collapse: collapse"><tr>{header}</tr>{"".join(rows)}</table>'
    return f'<div class="ttdn-findings" data-errors="{len(result.errors)}">{heading}{table}</div>'
