"""An officer's use of import / fix / rollover: files typed from scratch the usual ways
(``officer_typed``), typed enumerations kept, and each wrong input refused plainly."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from ttdn_docs.api import load_document, render_file
from ttdn_docs.check import check_file
from ttdn_docs.cli import main
from ttdn_docs.docxread import open_docx
from ttdn_docs.importer import import_docx
from ttdn_docs.importer.fix import fix_docx
from ttdn_docs.render.pdf import soffice_convert
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from conftest import requires_libreoffice
from ttdn_docs.ttdn.report import ForeignInfoReport
from officer_typed import PLAN_HTML, party_plan_typed, state_plan_typed, state_report_typed

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples/thanh_mien_2025/plan.yaml"


@pytest.fixture(scope="module")
def typed() -> bytes:
    return party_plan_typed()


def _plan(data: bytes) -> ForeignInfoPlan:
    document = import_docx(data).document
    assert isinstance(document, ForeignInfoPlan)
    return document


def test_header_lines_broken_with_shift_enter_are_read(typed: bytes) -> None:
    plan = _plan(typed)
    assert (plan.number, plan.issuer.abbreviation) == (7, "ĐU")
    assert plan.issuer.name == "Đảng ủy xã Ngũ Hùng"
    assert plan.issuer.superior == ["Đảng bộ huyện Thanh Miện"]


def test_trich_yeu_typed_over_two_lines_is_read_whole(typed: bytes) -> None:
    plan = _plan(typed)
    assert plan.summary == "thực hiện công tác thông tin đối ngoại năm 2025"
    assert plan.opening_text().startswith("Căn cứ Kế hoạch số 15-KH/HU")


def test_typed_points_and_paragraphs_keep_their_form(typed: bytes) -> None:
    plan = _plan(typed)
    assert plan.list_styles.methods == "points"
    assert plan.methods == ["Trên hệ thống truyền thanh cơ sở;", "Qua sinh hoạt chi bộ, đoàn thể;", "Trên trang thông tin điện tử của xã."]
    assert plan.list_styles.purposes == "bullets"
    assert [t.unit for t in plan.tasks] == ["Văn phòng Đảng ủy", "Ủy ban nhân dân xã"]


def test_fix_keeps_the_officers_words_and_enumeration(typed: bytes, tmp_path: Path) -> None:
    source = tmp_path / "typed.docx"
    source.write_bytes(typed)
    result = fix_docx(source, tmp_path / "fixed.docx")
    assert result.check.errors == []
    texts = [p.text for p in open_docx(result.output).paragraphs]
    assert "a) Trên hệ thống truyền thanh cơ sở;" in texts
    assert "c) Trên trang thông tin điện tử của xã." in texts
    assert not any(t.startswith("- Trên hệ thống") for t in texts)
    shown = [c.describe() for c in result.changes]
    assert any("ngày 03 tháng 3" in c for c in shown)
    # The trích yếu's second line is shown with the trích yếu, not as a paragraph moved.
    assert not any("chuyển chỗ" in c for c in shown)


def test_list_styles_round_trip(tmp_path: Path) -> None:
    plan = load_document(PLAN)
    assert isinstance(plan, ForeignInfoPlan)
    styles = plan.list_styles.model_copy(update={"contents": "points", "requirements": "paragraphs"})
    out = render_file(plan.model_copy(update={"list_styles": styles}), tmp_path / "points.docx")
    assert check_file(out, plan.profile).errors == []
    again = _plan(out.read_bytes())
    assert again.list_styles == styles
    assert again.contents == plan.contents and again.requirements == plan.requirements


def _imported_cleanly(source: Path, data: bytes) -> tuple[Path, ForeignInfoPlan | ForeignInfoReport]:
    """``data`` written to ``source`` and imported, every paragraph placed (no warning)."""
    source.write_bytes(data)
    result = import_docx(source)
    assert result.warnings == []
    return source, result.document


def test_state_report_with_kinh_gui_and_typed_figures(tmp_path: Path) -> None:
    source, report = _imported_cleanly(tmp_path / "bao-cao.docx", state_report_typed())
    assert isinstance(report, ForeignInfoReport)
    assert report.profile == "state-nd30-2020" and report.number == 112
    assert report.addressees == ["Ủy ban nhân dân huyện Thanh Miện"]
    assert [(i.value, i.target) for i in report.indicators] == [(160, 164), (1234, None), (86, None)]
    assert report.recipients.items == ["Như trên", "TT Đảng ủy xã"]
    fixed = fix_docx(source, tmp_path / "fixed.docx")
    assert fixed.check.errors == []
    cells = [p.text for p in open_docx(fixed.output).paragraphs if p.table is not None]
    assert {"1.234", "160/164", "97,56%"} <= set(cells)
    assert any(c.describe() == "Dòng nơi nhận: «- Như trên,» → «- Như trên;»" for c in fixed.changes)


def test_state_plan_with_kinh_gui(tmp_path: Path) -> None:
    source, plan = _imported_cleanly(tmp_path / "ke-hoach-ubnd.docx", state_plan_typed())
    assert isinstance(plan, ForeignInfoPlan)
    assert (plan.profile, plan.number, plan.issuer.abbreviation) == ("state-nd30-2020", 58, "UBND")
    assert plan.addressees == ["Các ban, ngành, đoàn thể xã", "Ban quản lý các thôn"]
    assert plan.opening_text().startswith("Căn cứ Kế hoạch số 07-KH/ĐU")
    fixed = fix_docx(source, tmp_path / "fixed.docx")
    assert fixed.check.errors == []
    assert _plan(fixed.output.read_bytes()).model_dump() == plan.model_dump()


@requires_libreoffice
def test_plan_made_by_libreoffice_from_a_web_page(tmp_path: Path) -> None:
    """HTML → .odt → .docx by LibreOffice; both files import the same and fix clean."""
    page = tmp_path / "ke-hoach.html"
    page.write_text(PLAN_HTML, encoding="utf-8")
    odt = tmp_path / "ke-hoach.odt"
    odt.write_bytes(soffice_convert(page, "odt"))
    saved = tmp_path / "ke-hoach.docx"
    saved.write_bytes(soffice_convert(odt, "docx"))
    from_odt, from_docx = import_docx(odt), import_docx(saved)
    assert from_odt.converted_from == ".odt" and from_odt.document == from_docx.document
    plan = from_docx.document
    assert isinstance(plan, ForeignInfoPlan) and from_docx.warnings == []
    assert (plan.number, plan.summary, plan.signature.name) == (9, "công tác thông tin đối ngoại năm 2025", "Phạm Văn Cường")
    assert plan.list_styles.methods == "points" and plan.recipients.archive == ["VPĐU"]
    assert fix_docx(saved, tmp_path / "fixed.docx").check.errors == []


def _inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "kehoach.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n")
    workbook = openpyxl.Workbook()
    workbook.save(tmp_path / "bang.xlsx")
    (tmp_path / "bang-doi-ten.docx").write_bytes((tmp_path / "bang.xlsx").read_bytes())
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 cut short")
    (tmp_path / "thu-muc").mkdir()
    docx.Document().save(str(tmp_path / "trong.docx"))
    # A State header, then no type: no title line, no ký hiệu of a type, no «V/v».
    untyped = docx.Document()
    for text in ("ỦY BAN NHÂN DÂN XÃ NGŨ HÙNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Số: 12/UBND", "Thư mời họp tổ dân phố", "Mời các hộ dự họp vào tối thứ Bảy."):
        untyped.add_paragraph(text)
    untyped.save(str(tmp_path / "khong-ro.docx"))
    (tmp_path / "da-co.yaml").write_text("# tệp cũ\n", encoding="utf-8")
    return {p.name: p for p in tmp_path.iterdir()}


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["import", "{kehoach.pdf}", "-o", "{out.yaml}"], "tệp PDF không phải tệp Word"),
        (["fix", "{kehoach.pdf}", "-o", "{out.docx}"], "tệp PDF không phải tệp Word"),
        (["import", "{bang.xlsx}", "-o", "{out.yaml}"], "bảng tính Excel"),
        (["import", "{bang-doi-ten.docx}", "-o", "{out.yaml}"], "bảng tính Excel"),
        (["import", "{hong.docx}", "-o", "{out.yaml}"], "tệp hỏng"),
        (["import", "{thu-muc}", "-o", "{out.yaml}"], "đây là thư mục"),
        (["import", "{typed.docx}", "-o", "{out.docx}"], "phải là tệp dữ liệu YAML"),
        (["fix", "{typed.docx}", "-o", "{out.pdf}"], "phải là tệp Word"),
        (["import", "{typed.docx}", "-o", "{thu-muc}.yaml", "--force"], "là một thư mục"),
        (["rollover", str(PLAN), "--year", "20266", "-o", "{out.yaml}"], "không quá 2200"),
        (["rollover", str(PLAN), "--year", "2026", "-o", "{out.docx}"], "phải là tệp dữ liệu YAML"),
        (["import", "{trong.docx}", "-o", "{out.yaml}"], "không nhận ra văn bản của Đảng hay của Nhà nước"),
        (["import", "{khong-ro.docx}", "-o", "{out.yaml}"], "không nhận ra loại văn bản"),
        (["fix", "{khong-co.docx}", "-o", "{out.docx}"], "không tìm thấy tệp"),
        (["import", "{typed.docx}", "-o", "{da-co.yaml}"], "đã tồn tại (dùng --force để ghi đè)"),
        (["rollover", str(PLAN), "--year", "2024", "-o", "{out.yaml}"], "năm mới (2024) phải sau năm 2025"),
        (["rollover", str(PLAN), "--year", "abc", "-o", "{out.yaml}"], "'abc'"),
    ],
    ids=["pdf", "fix-pdf", "xlsx", "xlsx-renamed", "broken", "folder", "yaml-as-docx", "docx-as-pdf",
         "output-folder", "year-typo", "rollover-docx", "empty", "unknown-type", "missing", "output-exists",
         "year-before", "year-not-a-number"],
)
def test_wrong_inputs_get_one_message(
    argv: list[str], said: str, typed: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "typed.docx").write_bytes(typed)
    (tmp_path / "thu-muc.yaml").mkdir()
    files = _inputs(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    args = [a.replace("{thu-muc}.yaml", str(tmp_path / "thu-muc.yaml")) for a in argv]
    args = [str(files[a[1:-1]]) if a[1:-1] in files else (str(tmp_path / a[1:-1]) if a.startswith("{") else a) for a in args]
    try:
        code = main(args)
    except SystemExit as exit_:  # argparse's own refusal of an argument
        code = int(str(exit_.code))
    assert code == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("Lỗi")]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written, nothing half-written
