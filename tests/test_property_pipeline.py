"""Property-based: any Unicode text in any text field of a plan either renders to a .docx
that python-docx reopens with the same text (after the documented clean-up) or is refused
with a clear validation message — never an exception from deep inside."""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readback import document_text
from ttdn_docs import load_plan, load_profile
from ttdn_docs.errors import InputError
from ttdn_docs.render import render_docx
from ttdn_docs.vn import clean_text

from conftest import THANH_MIEN

BASE: dict[str, Any] = yaml.safe_load(THANH_MIEN.read_text(encoding="utf-8"))
# (path into the plan data, how the text shows in the document)
TEXT_FIELDS: list[tuple[tuple[Any, ...], str]] = [
    (("summary",), "{}"),
    (("purposes", 0), "- {}"),
    (("contents", 2), "- {}"),
    (("tasks", 0, "unit"), "1. {}"),
    (("tasks", 1, "tasks", 0), "- {}"),
    (("signature", "name"), "{}"),
    (("recipients", "items", 1), "- {},"),
    (("place",), "{}, ngày 05 tháng 8 năm 2025"),
]
PARTY = load_profile("party")

texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("&<>\"'{}%\t\x0b\x00ảăĐ\u0301\u200b"),
    max_size=80,
)


def set_path(data: dict[str, Any], path: tuple[Any, ...], value: str) -> dict[str, Any]:
    data = copy.deepcopy(data)
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.robustness(kind="Arbitrary Unicode (hypothesis) in any text field of a plan", behaviour="rendered and reopened by python-docx with the same cleaned text, or refused with a field message", cases=80)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(TEXT_FIELDS), text=texts)
def test_any_text_renders_or_is_refused_clearly(field: tuple[tuple[Any, ...], str], text: str) -> None:
    path, shown = field
    data = set_path(BASE, path, text)
    try:
        plan = load_plan(data)
    except InputError as exc:
        assert exc.problems, "a refusal must name its problems"
        assert all(p.message for p in exc.problems)
        assert clean_text(text) == "" or any(".".join(map(str, path)) in p.path for p in exc.problems)
        return
    import docx

    blob = render_docx(plan.to_document(), PARTY)
    reopened = docx.Document(io.BytesIO(blob))
    cleaned = clean_text(text)
    expected = shown.format(cleaned)
    assert expected in [p for p in _paragraph_texts(reopened)], (text, expected)
    assert "\x00" not in document_text(reopened)


def _paragraph_texts(doc: Any) -> list[str]:
    from readback import paragraphs_in_order

    return [p.text for p in paragraphs_in_order(doc)]


@pytest.mark.robustness(kind="Very long content (about 50 pages)", behaviour="rendered completely, nothing lost")
def test_fifty_pages_of_content_render_completely() -> None:
    data = copy.deepcopy(BASE)
    item = "Tuyên truyền sâu rộng chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước về công tác thông tin đối ngoại & hội nhập <quốc tế>."
    data["contents"] = [f"{i}. {item}" for i in range(1, 601)]  # ~50 A4 pages at 14 pt
    import docx

    blob = render_docx(load_plan(data).to_document(), PARTY)
    reopened = docx.Document(io.BytesIO(blob))
    texts = _paragraph_texts(reopened)
    assert texts.count(f"- 600. {item}") == 1 and f"- 1. {item}" in texts
    assert sum(1 for t in texts if t.endswith("<quốc tế>.")) == 600


REPORT = THANH_MIEN.parent / "report.yaml"
REPORT_BASE: dict[str, Any] = yaml.safe_load(REPORT.read_text(encoding="utf-8"))
# (path into the report data, how the text shows in the document)
REPORT_FIELDS: list[tuple[tuple[Any, ...], str]] = [
    (("summary",), "{}"),
    (("sections", "leadership", 0), "- {}"),
    (("sections", "results", "by_content", 0, "title"), "1. {}"),
    (("indicators", 3, "name"), None),  # a table cell: the text stands alone in its cell
    (("signature", "name"), "{}"),
]


@pytest.mark.robustness(
    kind="Arbitrary Unicode (hypothesis) in any text field of a report, indicator table included",
    behaviour="rendered and reopened by python-docx with the same cleaned text, or refused with a field message",
    cases=60,
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(REPORT_FIELDS), text=texts)
def test_any_text_in_a_report_renders_or_is_refused_clearly(field: tuple[tuple[Any, ...], Any], text: str) -> None:
    from ttdn_docs.datafile import validate
    from ttdn_docs.ttdn.report import ForeignInfoReport

    path, shown = field
    data = set_path(REPORT_BASE, path, text)
    try:
        report = validate(ForeignInfoReport, data, "báo cáo")
    except InputError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        return
    import docx

    blob = render_docx(report.to_document(), PARTY)
    reopened = docx.Document(io.BytesIO(blob))
    cleaned = clean_text(text)
    texts_found = _paragraph_texts(reopened)
    if shown is None:
        cells = [cell.text for table in reopened.tables for row in table.rows for cell in row.cells]
        assert cleaned in cells
    else:
        assert shown.format(cleaned) in texts_found, (text, shown)
