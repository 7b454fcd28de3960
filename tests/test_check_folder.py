"""``ttdn-docs check DIR``: a folder walked recursively over worker processes, a summary
table, JSON and CSV for the whole folder; and where a finding is, in an officer's words
(paragraph and the numbered section it stands under)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import requires_libreoffice
from mutations import MUTATIONS, clean_docx, mutated

from ttdn_docs.check import check_file
from ttdn_docs.check.folder import EmptyFolderError, Summary, check_files, docx_files
from ttdn_docs.cli import main
from ttdn_docs.profiles import load_profile


def _mutation(rule: str):  # type: ignore[no-untyped-def]
    return next(m for m in MUTATIONS if m.rule == rule)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as an office receives it: files in sub-folders, a Word lock file, a text
    file, one damaged .docx, files with and without mistakes."""
    root = tmp_path_factory.mktemp("incoming")
    party = load_profile("party")
    clean = clean_docx(party)
    (root / "xa-a").mkdir()
    (root / "xa-b" / "thang-9").mkdir(parents=True)
    (root / "xa-a" / "ke-hoach.docx").write_bytes(clean)
    (root / "xa-a" / "~$ke-hoach.docx").write_bytes(clean[:200])  # Word's lock file
    (root / "xa-a" / "ghi-chu.txt").write_text("không phải văn bản")
    (root / "xa-b" / "thang-9" / "sai-thang.DOCX").write_bytes(mutated(clean, _mutation("PLACE_DATE.MONTH"), party))
    (root / "xa-b" / "sai-so-muc.docx").write_bytes(mutated(clean, _mutation("HEADING_1.SEQUENCE"), party))
    (root / "xa-b" / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return root


def test_folder_is_walked_recursively_docx_only(folder: Path) -> None:
    names = [p.relative_to(folder).as_posix() for p in docx_files([folder])]
    assert names == ["xa-a/ke-hoach.docx", "xa-b/hong.docx", "xa-b/sai-so-muc.docx", "xa-b/thang-9/sai-thang.DOCX"]


def test_doc_and_odt_files_without_libreoffice_are_listed_as_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ttdn_docs.office as office

    monkeypatch.setattr(office, "soffice_path", lambda: None)
    (tmp_path / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0 Word 97")
    (tmp_path / "mo.odt").write_bytes(b"PK odt")
    (tmp_path / "moi.docx").write_bytes(clean_docx(load_profile("party")))
    assert main(["check", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "cu.doc: KHÔNG ĐỌC ĐƯỢC — tệp Word 97–2003 (.doc) chưa kiểm tra: máy chưa có LibreOffice" in out
    assert "mo.odt: KHÔNG ĐỌC ĐƯỢC — tệp OpenDocument (.odt) chưa kiểm tra" in out and "lưu lại thành .docx" in out
    assert "moi.docx (hồ sơ party-hd36-2018)" in out


@requires_libreoffice
@pytest.mark.libreoffice
def test_doc_and_odt_files_are_checked_through_libreoffice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ttdn_docs.office import soffice_convert

    source = tmp_path / "src" / "ke-hoach.docx"
    source.parent.mkdir()
    source.write_bytes(mutated(clean_docx(load_profile("party")), _mutation("PLACE_DATE.MONTH"), load_profile("party")))
    folder = tmp_path / "nhan"
    folder.mkdir()
    for suffix in ("odt", "doc"):
        (folder / f"ke-hoach.{suffix}").write_bytes(soffice_convert(source, suffix))
    assert main(["check", str(folder), "-j", "1"]) == 1
    out = capsys.readouterr().out
    for suffix in ("odt", "doc"):
        assert f"ke-hoach.{suffix} (hồ sơ party-hd36-2018, đã chuyển từ .{suffix} sang .docx bằng LibreOffice)" in out
    assert out.count("PARTY.PLACE_DATE.MONTH [") == 2


def test_empty_folder_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(EmptyFolderError):
        docx_files([tmp_path])
    assert main(["check", str(tmp_path)]) == 2
    assert "không có tệp .docx nào" in capsys.readouterr().err


def test_workers_give_the_same_results_in_the_same_order(folder: Path) -> None:
    paths = docx_files([folder]) * 3  # enough files for the pool
    one = [_brief(r) for r in check_files(paths, workers=1)]
    two = [_brief(r) for r in check_files(paths, workers=2)]
    assert one == two and len(one) == len(paths)


def _brief(outcome: object) -> object:
    if isinstance(outcome, tuple):
        return outcome
    return (outcome.source, [f.rule for f in outcome.findings])  # type: ignore[attr-defined]


def test_summary_counts_files_and_rules(folder: Path) -> None:
    summary = Summary()
    for outcome in check_files(docx_files([folder])):
        summary.add(outcome)
    assert (summary.files, summary.with_errors, summary.unreadable) == (4, 2, 1)
    top = {rule: (files, count) for rule, files, count in summary.top_rules()}
    assert top["PARTY.PLACE_DATE.MONTH"] == (1, 1) and top["PARTY.HEADING_1.SEQUENCE"][0] == 1
    assert summary.errors == sum(count for _files, count in top.values())
    assert summary.as_dict()["unreadable"] == 1


def test_folder_text_output_ends_with_the_summary(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(folder), "-j", "2"]) == 2  # one file cannot be read
    out = capsys.readouterr().out
    assert "Tổng hợp: 4 tệp — 1 không có lỗi, 2 có lỗi, 1 không đọc được" in out
    assert "PARTY.PLACE_DATE.MONTH" in out.split("Tổng hợp")[1]
    assert "~$" not in out and "ghi-chu" not in out


def test_folder_as_csv_with_stable_keys(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(folder), "--format", "csv", "--lang", "en"])
    captured = capsys.readouterr()
    assert captured.out.startswith("\ufeff")  # Excel reads UTF-8 only with a BOM
    rows = list(csv.DictReader(io.StringIO(captured.out.lstrip("\ufeff"))))
    assert {Path(r["file"]).name for r in rows} == {"ke-hoach.docx", "hong.docx", "sai-so-muc.docx", "sai-thang.DOCX"}
    month = next(r for r in rows if r["rule"] == "PARTY.PLACE_DATE.MONTH")
    assert (month["expected"], month["found"], month["severity"]) == ("8", "08", "error")
    assert next(r for r in rows if r["file"].endswith("hong.docx"))["severity"] == "unreadable"
    assert "Tổng hợp: 4 tệp" in captured.err  # the table goes to stderr, the data stays clean


def test_folder_as_csv_in_vietnamese(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(folder), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert list(rows[0])[:5] == ["tệp", "hồ sơ", "mức", "quy tắc", "đoạn"]
    month = next(r for r in rows if r["quy tắc"] == "PARTY.PLACE_DATE.MONTH")
    assert (month["cần"], month["thấy"], month["mức"], month["phần"]) == ("8", "08", "lỗi", "thân văn bản")
    assert month["căn cứ"] and month["số đoạn"] == "1"
    assert next(r for r in rows if r["tệp"].endswith("hong.docx"))["mức"] == "không đọc được"


@pytest.mark.parametrize("typed", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_never_run_as_formulas(typed: str) -> None:
    """Text from the checked file (a paragraph typed «=…») is shown, never run, by Excel."""
    from ttdn_docs.check import CheckResult
    from ttdn_docs.check.findings import Finding
    from ttdn_docs.check.report import CsvWriter
    from ttdn_docs.docxread.view import Location

    finding = Finding("PARTY.BODY.SIZE", "error", "m", Location("body", 3, text=typed), found=typed)
    stream = io.StringIO()
    writer = CsvWriter(stream)
    writer.write(CheckResult(f"{typed}.docx", "party-hd36-2018", [finding]))
    row = next(csv.DictReader(io.StringIO(stream.getvalue())))
    assert row["nội dung đoạn"] == row["thấy"] == "'" + typed
    assert row["tệp"] == "'" + typed + ".docx"


def test_folder_as_json_carries_paragraph_section_expected_found(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(folder), "--format", "json", "-j", "1"])
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 4
    heading = next(f for item in data for f in item.get("findings", []) if f["rule"] == "PARTY.HEADING_1.SEQUENCE")
    assert isinstance(heading["paragraph"], int) and heading["section"] == "III"
    assert heading["expected"] == "II." and heading["found"] == "III."
    assert heading["title"]


def test_location_names_the_section_in_words() -> None:
    """'đoạn 31, mục II.1': a body finding says under which numbered heading it stands."""
    party = load_profile("party")
    data = mutated(clean_docx(party), _mutation("HEADING_2.BOLD"), party)
    finding = next(f for f in check_file(data).findings if f.rule.endswith("HEADING_2.BOLD"))
    assert finding.location.section == "I.1"  # the first khoản of the first mục
    assert f"đoạn {finding.location.paragraph}, mục {finding.location.section} «" in finding.describe()


def test_output_cut_short_by_a_pipe_is_not_an_internal_error() -> None:
    """``ttdn-docs check DIR | head -1``: the reader leaves early; no "Lỗi nội bộ"."""
    import subprocess
    import sys

    corpus = Path(__file__).parent / "corpus"
    command = [sys.executable, "-m", "ttdn_docs.cli", "check", str(corpus), "-j", "1"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # what head does after its first line
        err = process.stderr.read().decode("utf-8")
        process.wait(timeout=120)
    assert "Lỗi nội bộ" not in err and "Traceback" not in err
