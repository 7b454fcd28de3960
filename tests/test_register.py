"""The register of document numbers: atomic reservation across processes, voids kept,
the profile's numbering period, a damaged file refused and left alone, number: auto."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, THANH_MIEN
from ttdn_docs import load_profile
from ttdn_docs.admin import DocumentKind
from ttdn_docs.api import render_input
from ttdn_docs.cli import main
from ttdn_docs.errors import TemplateProblemError
from ttdn_docs.register import NumberRegister, RegisterError, numbering_period
from readback import document_text, open_docx

ISSUER = "Ủy ban nhân dân xã Thanh Miện"
KH = DocumentKind.KE_HOACH


def _reserve_many(args: tuple[str, int]) -> list[int]:
    path, count = args
    register = NumberRegister(path)
    return [register.reserve(ISSUER, KH, "2026", summary="song song").number for _ in range(count)]


def test_200_concurrent_reservations_from_4_processes_are_distinct_and_consecutive(tmp_path: Path) -> None:
    path = str(tmp_path / "so.sqlite")
    NumberRegister(path)  # created once; the workers race on reservations only
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        batches = pool.map(_reserve_many, [(path, 50)] * 4)
    numbers = [n for batch in batches for n in batch]
    assert len(numbers) == 200
    assert sorted(numbers) == list(range(1, 201))
    assert [e.number for e in NumberRegister(path).entries(ISSUER)] == list(range(1, 201))


def test_a_void_keeps_its_number_and_it_is_never_given_again(tmp_path: Path) -> None:
    register = NumberRegister(tmp_path / "so.sqlite")
    first = register.reserve(ISSUER, KH, "2026", summary="kế hoạch A")
    second = register.reserve(ISSUER, KH, "2026", summary="kế hoạch B")
    voided = register.void(ISSUER, KH, "2026", second.number, "ghi nhầm trích yếu")
    assert (voided.number, voided.status, voided.reason) == (2, "void", "ghi nhầm trích yếu")
    assert register.reserve(ISSUER, KH, "2026").number == 3
    statuses = {e.number: e.status for e in register.entries()}
    assert statuses == {first.number: "reserved", 2: "void", 3: "reserved"}
    with pytest.raises(RegisterError, match="đã hủy"):
        register.void(ISSUER, KH, "2026", 2, "lần nữa")
    with pytest.raises(RegisterError, match="không có số 9"):
        register.void(ISSUER, KH, "2026", 9, "không có")


def test_sequences_are_per_issuer_kind_and_period_and_spellings_fold(tmp_path: Path) -> None:
    register = NumberRegister(tmp_path / "so.sqlite")
    assert register.reserve("Đảng uỷ xã Thanh Miện", KH, "2026").number == 1
    assert register.reserve("Đảng ủy xã Thanh Miện", KH, "2026").number == 2  # ủy/uỷ: one issuer
    assert register.reserve("Đảng ủy xã Thanh Miện", DocumentKind.BAO_CAO, "2026").number == 1
    assert register.reserve("Đảng ủy xã Thanh Miện", KH, "2027").number == 1
    assert register.reserve("Đảng ủy xã Hòa Phú", KH, "2026").number == 1


def test_period_state_is_the_calendar_year_party_the_term_in_the_register(tmp_path: Path) -> None:
    register = NumberRegister(tmp_path / "so.sqlite")
    state, party = load_profile("state"), load_profile("party")
    assert numbering_period(state, register, ISSUER, dt.date(2026, 2, 9)) == "2026"
    assert numbering_period(state, register, ISSUER, None, 2027) == "2027"
    issuer = "Đảng ủy xã Thanh Miện"
    with pytest.raises(RegisterError, match="nhiệm kỳ"):
        numbering_period(party, register, issuer, dt.date(2025, 8, 5))
    register.add_term(issuer, dt.date(2020, 9, 1))
    register.add_term(issuer, dt.date(2025, 7, 1))
    assert numbering_period(party, register, issuer, dt.date(2025, 6, 30)) == "term:2020-09-01"
    assert numbering_period(party, register, issuer, dt.date(2026, 1, 2)) == "term:2025-07-01"


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all", b"SQLite format 3\x00" + b"\x07" * 200],
    ids=["not-sqlite", "damaged-sqlite"],
)
def test_a_corrupt_register_gives_a_message_exit_2_and_is_not_overwritten(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "so.sqlite"
    path.write_bytes(content)
    code = main(["register", "next", "--issuer", ISSUER, "--kind", "Kế hoạch", "--profile", "state", "--register", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "hỏng" in err and str(path) in err and "Traceback" not in err
    assert path.read_bytes() == content


def test_another_sqlite_database_is_not_taken_for_a_register(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(RegisterError, match="không phải sổ của ttdn-docs"):
        NumberRegister(path)
    assert path.read_bytes() == before


def _auto_plan(tmp_path: Path, source: Path = THANH_MIEN) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["number"] = "auto"
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_number_auto_takes_the_next_number_and_records_file_date_summary(tmp_path: Path) -> None:
    plan = _auto_plan(tmp_path, EXAMPLES / "state_plan" / "plan.yaml")
    register_file = tmp_path / "so.sqlite"
    first = render_input(plan, tmp_path / "a.docx", register=register_file)
    second = render_input(plan, tmp_path / "b.docx", register=register_file)
    again = render_input(plan, tmp_path / "a.docx", register=register_file)  # same file: same number
    assert again == first
    entries = NumberRegister(register_file).entries()
    assert [(e.number, Path(e.file or "").name) for e in entries] == [(1, "a.docx"), (2, "b.docx")]
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    assert entries[0].date == data["date"] and entries[0].summary == data["summary"]
    assert "Số: 01/KH-UBND" in document_text(open_docx(first))
    assert "Số: 02/KH-UBND" in document_text(open_docx(second))


def test_number_auto_without_a_register_is_refused_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TTDN_REGISTER", raising=False)
    out = tmp_path / "a.docx"
    assert main(["render", str(_auto_plan(tmp_path)), "-o", str(out)]) == 2
    assert "sổ đăng ký số" in capsys.readouterr().err
    assert not out.exists()


def test_a_failed_render_voids_the_number_it_took(tmp_path: Path) -> None:
    plan = _auto_plan(tmp_path, EXAMPLES / "state_plan" / "plan.yaml")
    register_file = tmp_path / "so.sqlite"
    with pytest.raises(TemplateProblemError):
        render_input(plan, tmp_path / "a.docx", register=register_file, template=tmp_path / "missing.docx")
    [entry] = NumberRegister(register_file).entries()
    assert entry.status == "void" and "không thành công" in entry.reason
    render_input(plan, tmp_path / "a.docx", register=register_file)
    assert [e.number for e in NumberRegister(register_file).entries() if e.status == "reserved"] == [2]


def test_a_draft_takes_no_number(tmp_path: Path) -> None:
    register_file = tmp_path / "so.sqlite"
    render_input(_auto_plan(tmp_path), tmp_path / "a.docx", register=register_file, draft=True)
    assert not register_file.exists()


def test_register_cli_next_list_void(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = ["--register", str(tmp_path / "so.sqlite")]
    doc = ["--issuer", "Đảng ủy xã Thanh Miện", "--kind", "Kế hoạch", "--profile", "party", "--date", "2025-08-05"]
    assert main(["register", "next", *doc, *reg]) == 2  # no term recorded yet
    assert "register term" in capsys.readouterr().err
    assert main(["register", "term", "--issuer", "Đảng uỷ xã Thanh Miện", "--start", "2025-07-01", *reg]) == 0
    assert main(["register", "next", *doc, "--summary", "công tác TTĐN", *reg]) == 0
    assert "Đã cấp số 01" in capsys.readouterr().out
    assert main(["register", "next", *doc, "--peek", *reg]) == 0
    assert "02 (chưa cấp)" in capsys.readouterr().out
    assert main(["register", "void", "1", *doc, "--reason", "ghi nhầm", *reg]) == 0
    assert main(["register", "list", *reg]) == 0
    listing = capsys.readouterr().out
    assert "số 01 | đã hủy" in listing and "lý do hủy: ghi nhầm" in listing
    assert main(["register", "next", *doc, "--kind", "Thư mời", *reg]) == 2
    assert "Loại văn bản" in capsys.readouterr().err
    assert main(["register", "list", "--register", str(tmp_path / "none.sqlite")]) == 2
    assert "Chưa có sổ" in capsys.readouterr().err


def test_register_cli_dates_as_officers_type_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = ["--register", str(tmp_path / "so.sqlite")]
    assert main(["register", "term", "--issuer", "Đảng ủy xã Thanh Miện", "--start", "01/7/2025", *reg]) == 0
    assert "bắt đầu 01/07/2025" in capsys.readouterr().out
    doc = ["--issuer", "Đảng ủy xã Thanh Miện", "--kind", "Kế hoạch", "--profile", "party"]
    assert main(["register", "next", *doc, "--date", "ngày 05 tháng 8 năm 2025", *reg]) == 0
    assert "Đã cấp số 01" in capsys.readouterr().out
    with pytest.raises(SystemExit) as refused:  # a usage error: argparse exits
        main(["register", "next", *doc, "--date", "31/2/2026", *reg])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "31/2/2026" in err and "28 ngày" in err and "Traceback" not in err


def test_batch_reserves_per_commune_and_not_again_on_a_rerun(tmp_path: Path) -> None:
    from ttdn_docs.batch import read_table, run_batch

    table_file = tmp_path / "communes.csv"
    table_file.write_text("code,signer,number,date\n11239,Vũ Minh Nguyệt,auto,05/8/2025\n10510,Nguyễn Văn An,auto,11/8/2025\n", encoding="utf-8")
    register_file = tmp_path / "so.sqlite"
    register = NumberRegister(register_file)
    for name in ("Đảng ủy xã Thanh Miện", "Đảng ủy phường Thành Đông"):
        register.add_term(name, dt.date(2025, 7, 1))
    template = EXAMPLES / "batch" / "plan-template.yaml"
    out = tmp_path / "out"
    result = run_batch(template, out, table=read_table(table_file), workers=2, register=register_file)
    assert not result.failed, [e.message for e in result.failed]
    entries = register.entries()
    assert len(entries) == 2
    assert {e.number for e in entries} == {1} and len({e.issuer for e in entries}) == len(entries)
    for entry in entries:
        assert Path(entry.file or "").parent == out.resolve()
        assert "Số 01-KH/ĐU" in document_text(open_docx(entry.file or ""))
    run_batch(template, out, table=read_table(table_file), workers=2, register=register_file)
    assert register.entries() == entries  # unchanged communes take no new number
