"""The HTML preview: the same words as the .docx, escaped, no script, no fetch; the
notebook views of plans, reports, documents and check results; the CLI command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, THANH_MIEN
from htmltext import tags, visible_text
from readback import document_text, normalise_words, open_docx
from test_annexes import with_annexes
from ttdn_docs import load_plan, load_profile
from ttdn_docs.admin.document import Urgency
from ttdn_docs.api import as_draft, load_document
from ttdn_docs.check import check_file
from ttdn_docs.cli import main
from ttdn_docs.preview import to_html, to_html_fragment
from ttdn_docs.render import write_docx

EXAMPLE_FILES = [
    THANH_MIEN,
    EXAMPLES / "thanh_mien_2025" / "report.yaml",
    EXAMPLES / "state_plan" / "plan.yaml",
]


def _words(text: str) -> str:
    return normalise_words(text)


@pytest.mark.parametrize("source", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("profile_name", ["party", "state"])
def test_preview_text_equals_the_docx_text_word_for_word(source: Path, profile_name: str, tmp_path: Path) -> None:
    document = load_document(source)
    profile = load_profile(profile_name)
    admin = document.to_document()
    admin = admin.model_copy(update={"marks": admin.marks.model_copy(update={"draft": True, "urgency": Urgency.KHAN, "drafter_initials": "NVA", "copies": 12})})
    out = write_docx(admin, profile, tmp_path / "doc.docx")
    assert _words(visible_text(to_html(admin, profile))) == _words(document_text(open_docx(out)))


@pytest.mark.parametrize("profile_name", ["party", "state"])
def test_annexes_and_several_addressees_read_the_same(profile_name: str, tmp_path: Path) -> None:
    profile = load_profile(profile_name)
    admin = with_annexes(load_plan(THANH_MIEN).to_document())
    admin = admin.model_copy(update={"addressees": ["Ban Thường vụ Thành ủy", "Ủy ban nhân dân thành phố"]})
    out = write_docx(admin, profile, tmp_path / "doc.docx")
    page = to_html(admin, profile)
    assert page.count('data-el="annex"') == 2
    assert _words(visible_text(to_html(admin, profile))) == _words(document_text(open_docx(out)))


def test_seed_plan_in_a_notebook_cell_is_the_preview(tmp_path: Path) -> None:
    plan = load_plan(THANH_MIEN)
    cell = plan._repr_html_()
    assert cell == to_html_fragment(plan.to_document(), load_profile(plan.profile))
    assert "Số 04-KH/ĐU" in cell and "KẾ HOẠCH" in cell
    assert 'data-el="signature"' in cell and 'data-el="recipients"' in cell
    assert plan.to_document()._repr_html_() == cell  # AdminDocument: the default profile is Party


def test_text_is_escaped_and_the_page_has_no_script_and_fetches_nothing(tmp_path: Path) -> None:
    plan = load_plan(THANH_MIEN)
    hostile = '<script>alert("x")</script> & <img src="http://example.com/x.png"> {{ 1 }}'
    plan = plan.model_copy(update={"summary": hostile})
    page = to_html(plan.to_document(), load_profile("party"))
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&amp;" in page and "{{ 1 }}" in page
    assert hostile in visible_text(page)  # shown as typed, never run
    assert not {"script", "img", "link", "iframe", "object", "embed"} & tags(page)
    assert not re.search(r"(?i)(https?:)?//|url\(|@import|@font-face", page.replace("http://example.com/x.png", ""))
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_page_geometry_comes_from_the_profile() -> None:
    for name in ("party", "state"):
        profile = load_profile(name)
        page = to_html(load_plan(THANH_MIEN).to_document(), profile)
        margins = profile.page.margins_mm
        assert f"width: {profile.page.width_mm:g}mm" in page
        assert f"padding: {margins['top']:g}mm {margins['right']:g}mm {margins['bottom']:g}mm {margins['left']:g}mm" in page
        assert f"flex: 0 0 {profile.layout.header_columns_mm[0]:g}mm" in page
        assert f"font-size: {profile.elements.body.size:g}pt" in page


def test_marks_show_where_the_profile_places_them() -> None:
    plan = load_plan(EXAMPLES / "state_plan" / "plan.yaml")
    draft = as_draft(plan).to_document()
    draft = draft.model_copy(update={"marks": draft.marks.model_copy(update={"urgency": Urgency.KHAN})})
    page = to_html(draft, load_profile("state"))
    top = page.index('data-el="marks-top"')
    assert top < page.index('data-el="mark-draft"') < page.index('data-el="header"')
    left = page.index('data-el="issuer-block"')
    assert left < page.index('data-el="mark-urgency"') < page.index('data-el="national-block"')
    plain = to_html(plan.to_document(), load_profile("state"))
    assert "mark-draft" not in plain and "mark-urgency" not in plain


def test_check_result_in_a_notebook_is_a_findings_table(tmp_path: Path) -> None:
    plan = load_plan(THANH_MIEN)
    out = write_docx(plan.to_document(), load_profile("party"), tmp_path / "a.docx")
    clean = check_file(out)
    assert 'data-errors="0"' in clean._repr_html_()
    wrong = check_file(out, "state")  # the Party file read against the State rule book
    cell = wrong._repr_html_()
    assert wrong.errors and f'data-errors="{len(wrong.errors)}"' in cell
    assert "Mã quy tắc" in cell and "LỖI" in cell
    assert all(f.rule in cell for f in wrong.findings)


def test_a_report_with_parts_to_write_shows_the_message_not_a_traceback(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.yaml"
    assert main(["init", "report", "--from-plan", str(THANH_MIEN), "-o", str(out)]) == 0
    cell = load_document(out)._repr_html_()  # type: ignore[attr-defined]
    assert 'class="ttdn-error"' in cell and "chưa điền" in cell and "Traceback" not in cell


def test_cli_preview_writes_a_page_and_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "trang.html"
    assert main(["preview", str(THANH_MIEN), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Số 04-KH/ĐU" in page
    assert main(["preview", str(THANH_MIEN), "-o", str(out)]) == 2  # exists, no --force
    assert "--force" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: plan\nissuer: [\n", encoding="utf-8")
    assert main(["preview", str(bad), "-o", str(tmp_path / "x.html")]) == 2
    assert "dòng" in capsys.readouterr().err and not (tmp_path / "x.html").exists()
    assert main(["preview", str(THANH_MIEN), "-o", str(tmp_path / "s.html"), "--draft"]) == 0
    assert "DỰ THẢO" in (tmp_path / "s.html").read_text(encoding="utf-8")
    # A Party plan under the State book would put a Đảng ủy under the Quốc hiệu: refused.
    assert main(["preview", str(THANH_MIEN), "-o", str(tmp_path / "s2.html"), "--profile", "state"]) == 2
    assert "không phải cơ quan ban hành theo hồ sơ thể thức 'state-nd30-2020'" in capsys.readouterr().err


def test_cli_preview_of_an_unfinished_report_names_the_lines_or_shows_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "bao-cao.yaml"
    assert main(["init", "report", "--from-plan", str(THANH_MIEN), "-o", str(report)]) == 0
    out = tmp_path / "bao-cao.html"
    assert main(["preview", str(report), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(report) in err and re.search(r"dòng \d+, ý thứ 1 của ", err) and not out.exists()
    assert main(["preview", str(report), "-o", str(out), "--draft"]) == 0
    assert "DỰ THẢO" in visible_text(out.read_text(encoding="utf-8"))
