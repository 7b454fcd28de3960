"""``ttdn-docs check`` and the check after ``ttdn-docs render``: exit codes, text and
JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import THANH_MIEN
from docx_edit import DocxEdit, ppr_child, qn
from mutations import MUTATIONS, clean_docx, mutated

from ttdn_docs.cli import main
from ttdn_docs.profiles import load_profile
from ttdn_docs.render.templates import committed_template_path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("check-cli")
    party = load_profile("party")
    clean = clean_docx(party)
    month = next(m for m in MUTATIONS if m.rule == "PLACE_DATE.MONTH")
    out = {"clean": folder / "dung.docx", "bad": folder / "sai.docx", "broken": folder / "hong.docx"}
    out["clean"].write_bytes(clean)
    out["bad"].write_bytes(mutated(clean, month, party))
    out["broken"].write_bytes(b"not a zip at all")
    return out


def test_clean_file_exits_0(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(files["clean"])]) == 0
    assert "đúng thể thức, không có lỗi" in capsys.readouterr().out


def test_errors_exit_1_with_rule_id_and_location(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(files["bad"]), str(files["clean"])]) == 1
    out = capsys.readouterr().out
    assert "1 lỗi, 0 cảnh báo" in out
    assert "LỖI PARTY.PLACE_DATE.MONTH" in out and "«Thanh Miện, ngày 05 tháng 08 năm 2025»" in out
    assert "(cần: 8; thấy: 08)" in out


def test_unreadable_file_exits_2_and_others_are_still_checked(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(files["broken"]), str(files["bad"])]) == 2
    captured = capsys.readouterr()
    assert "KHÔNG ĐỌC ĐƯỢC" in captured.out and "không phải gói zip" in captured.out
    assert "PARTY.PLACE_DATE.MONTH" in captured.out
    assert "Traceback" not in captured.out + captured.err


def test_json_format(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(files["bad"]), str(files["broken"])]) == 2
    data = json.loads(capsys.readouterr().out)
    bad, broken = data
    assert bad["profile"] == "party-hd36-2018" and bad["errors"] == 1
    finding = bad["findings"][0]
    assert finding["rule"] == "PARTY.PLACE_DATE.MONTH" and finding["severity"] == "error"
    assert finding["location"]["table"] == 1 and finding["location"]["cell"] == 2
    assert finding["ref"].startswith("HD36") and finding["profile_path"] == "date.padded_months"
    assert broken["file"].endswith("hong.docx") and "zip" in broken["error"]


def test_profile_flag_is_used_and_validated(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--profile", "party", str(files["clean"])]) == 0
    capsys.readouterr()
    assert main(["check", "--profile", "khong-co", str(files["clean"])]) == 2
    assert "Không tìm thấy hồ sơ thể thức" in capsys.readouterr().err


def test_undetected_profile_is_an_error_finding(tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    doc = DocxEdit(files["clean"].read_bytes())
    for national in doc.paras("national"):
        national.getparent().remove(national)
    path = tmp_path / "khong-tieu-de.docx"
    path.write_bytes(doc.to_bytes())
    assert main(["check", str(path)]) == 1
    assert "LỖI CHECK.PROFILE" in capsys.readouterr().out


def test_render_checks_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ke-hoach.docx"
    assert main(["render", str(THANH_MIEN), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Đã ghi {out}" in printed
    assert "0 lỗi, 1 cảnh báo" in printed and "PARTY.TEXT.TONE_MIXED" in printed


def test_render_without_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ke-hoach.docx"
    assert main(["render", str(THANH_MIEN), "-o", str(out), "--no-check"]) == 0
    printed = capsys.readouterr().out
    assert printed.strip() == f"Đã ghi {out}"


@pytest.mark.check_errors_expected
def test_render_into_a_faulty_template_writes_the_file_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A user's template whose body paragraphs are left-aligned: the file is written and
    the check reports the alignment of every body paragraph."""
    template_path = committed_template_path("party-hd36-2018")
    assert template_path is not None
    template = DocxEdit(template_path.read_bytes())
    ppr_child(template.para("body"), "jc").set(qn("val"), "left")
    faulty = tmp_path / "mau-sai.docx"
    faulty.write_bytes(template.to_bytes())
    out = tmp_path / "ke-hoach.docx"
    assert main(["render", str(THANH_MIEN), "-o", str(out), "--template", str(faulty)]) == 1
    printed = capsys.readouterr().out
    assert out.is_file()
    assert "LỖI PARTY.BODY.ALIGN" in printed and "(cần: đều hai bên; thấy: trái)" in printed
