"""Batch generation: one plan template × many communes, read back from the .docx files;
the manifest; a commune that fails alone; a killed batch resumed; byte-identical output
with the single-document path."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from readback import document_text, find, open_docx, run_facts
from ttdn_docs.batch import COLUMNS, PlanTemplate, output_name, read_table, run_batch
from ttdn_docs.cli import main
from ttdn_docs.admin import DocNumber, DocumentKind, PlaceDate
from ttdn_docs.profiles import load_profile
from ttdn_docs.profiles.grammar import number_line, place_date_line
from ttdn_docs.units import all_communes, communes_in_province, get_commune

from conftest import EXAMPLES

TEMPLATE = EXAMPLES / "batch" / "plan-template.yaml"
COMMUNES = EXAMPLES / "batch" / "communes.csv"


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ttdn_docs.cli", *args], capture_output=True, text=True, timeout=timeout)


def manifest_rows(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_example_table_gives_each_commune_its_own_header_number_date_and_signer(tmp_path: Path) -> None:
    result = cli("batch", str(TEMPLATE), "--communes", str(COMMUNES), "-o", str(tmp_path), "-j", "2")
    assert result.returncode == 0, result.stderr
    assert "4 đã ghi" in result.stdout and "0 lỗi" in result.stdout
    rows = {r["code"]: r for r in manifest_rows(tmp_path)}
    assert list(manifest_rows(tmp_path)[0]) == COLUMNS
    assert set(rows) == {"10510", "11239", "11914", "11948"}

    thanh_mien = open_docx(tmp_path / rows["11239"]["file"])
    find(thanh_mien, "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG")
    find(thanh_mien, "ĐẢNG ỦY XÃ THANH MIỆN")
    find(thanh_mien, "Số 04-KH/ĐU")
    assert run_facts(find(thanh_mien, "Thanh Miện, ngày 05 tháng 8 năm 2025")).italic == {True}
    find(thanh_mien, "công tác thông tin đối ngoại trên địa bàn xã Thanh Miện năm 2025")
    find(thanh_mien, "Vũ Minh Nguyệt")
    find(thanh_mien, "1. Ban Xây dựng Đảng")

    cat_hai = open_docx(tmp_path / rows["11914"]["file"])
    find(cat_hai, "ĐẢNG ỦY ĐẶC KHU CÁT HẢI")
    find(cat_hai, "1. Ban Tuyên giáo và Dân vận")  # a đặc khu has its own Ban (QĐ 298)
    find(cat_hai, "2. Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu")

    blank = open_docx(tmp_path / rows["11948"]["file"])  # empty number and date cells
    party = load_profile("party")
    find(blank, place_date_line(party, PlaceDate(place="Bạch Long Vĩ", year=2025)))
    find(blank, number_line(party, DocumentKind.KE_HOACH, DocNumber(body="ĐU")))
    find(blank, "Phạm Quốc Cường")
    for row in rows.values():
        data = (tmp_path / row["file"]).read_bytes()
        assert row["status"] == "ok" and row["errors"] == "0" and row["message"] == ""
        assert row["sha256"] == hashlib.sha256(data).hexdigest()
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"] == {"total": 4, "ok": 4, "unchanged": 0, "failed": 0, "with_errors": 0}
    assert manifest["profile"] == "party-hd36-2018"
    assert not (tmp_path / ".ttdn-batch-journal.jsonl").exists()


def test_batch_file_is_byte_identical_to_render_of_the_same_plan(tmp_path: Path) -> None:
    table = read_table(COMMUNES)
    run_batch(TEMPLATE, tmp_path / "batch", table=table, workers=2)
    template = PlanTemplate.load(TEMPLATE)
    from ttdn_docs.plan_template.row_values import field_columns
    from ttdn_docs.ttdn import ForeignInfoPlan

    columns, _ = field_columns(ForeignInfoPlan, table.columns)
    for row in table.rows:
        commune = get_commune(row.code)
        plan = template.plan_for(commune, "party", row, columns, table.source)
        single = tmp_path / f"{row.code}.yaml"
        single.write_text(yaml.safe_dump(plan.model_dump(mode="json"), allow_unicode=True), encoding="utf-8")
        out = tmp_path / f"{row.code}.docx"
        assert main(["render", str(single), "-o", str(out)]) == 0
        assert out.read_bytes() == (tmp_path / "batch" / output_name(commune, row)).read_bytes()


def test_province_writes_every_commune_with_its_own_header(tmp_path: Path) -> None:
    lai_chau = communes_in_province("12")
    result = cli("batch", str(TEMPLATE), "--province", "Lai Châu", "-o", str(tmp_path / "out"), "-j", "2")
    assert result.returncode == 0, result.stderr
    rows = manifest_rows(tmp_path / "out")
    assert [r["code"] for r in rows] == [c.code for c in lai_chau] and len(rows) == 38
    docs = sorted((tmp_path / "out").glob("*.docx"))
    assert [d.name for d in docs] == sorted(output_name(c) for c in lai_chau)
    for commune in (lai_chau[0], lai_chau[17], lai_chau[-1]):
        doc = open_docx(tmp_path / "out" / output_name(commune))
        find(doc, "ĐẢNG BỘ TỈNH LAI CHÂU")
        find(doc, f"ĐẢNG ỦY {commune.full_name.upper()}")
        assert f"{commune.name}, ngày" in document_text(doc)
        find(doc, "………………")  # no table: the template's default signer line
        find(doc, "- UB MTTQ Việt Nam " + commune.full_name.split(" ")[0] + ",")


@pytest.mark.robustness(kind="Batch table row with a bad value", behaviour="that commune fails alone, its message in the manifest; the others are written")
def test_a_bad_row_fails_alone_with_its_message(tmp_path: Path) -> None:
    table = write_csv(
        tmp_path / "xa.csv",
        ["code", "signer", "number", "date"],
        [
            ["11239", "Vũ Minh Nguyệt", "4", "05/8/2025"],
            ["10510", "Nguyễn Văn An", "12", "31/02/2025"],  # no such day
            ["99999", "Ai Đó", "1", "01/8/2025"],  # no such commune
            ["11914", "Trần Thị Bình", "bảy", "08/8/2025"],  # not a number
            ["10525", "", "3", "01/8/2024"],  # empty signer cell: the template's default
        ],
    )
    out = tmp_path / "out"
    result = cli("batch", str(TEMPLATE), "--communes", str(table), "-o", str(out), "-j", "2")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    rows = {r["code"]: r for r in manifest_rows(out)}
    assert {c: r["status"] for c, r in rows.items()} == {
        "10510": "failed", "10525": "ok", "11239": "ok", "11914": "failed", "99999": "failed"
    }
    assert "(mã 10510; dòng 3 của xa.csv)" in rows["10510"]["message"]  # the row named once
    assert "cột 'date'" in rows["10510"]["message"] and "31/02/2025" in rows["10510"]["message"]
    assert "cột 'number'" in rows["11914"]["message"] and "bảy" in rows["11914"]["message"]
    assert "dòng 4" in rows["99999"]["message"] and "99999" in rows["99999"]["message"]
    for code in ("10510", "11914", "99999"):
        assert rows[code]["file"] == "" and rows[code]["sha256"] == ""
        assert code in result.stderr
    assert sorted(p.name for p in out.glob("*.docx")) == sorted([rows["10525"]["file"], rows["11239"]["file"]])
    find(open_docx(out / rows["10525"]["file"]), "Hải Dương, ngày 01 tháng 8 năm 2024")


def test_row_value_checked_by_the_plan_is_blamed_on_the_table(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", ["code", "date"], [["11239", "05/8/2019"]])
    result = run_batch(TEMPLATE, tmp_path / "out", table=read_table(table))
    (entry,) = result.failed
    assert "không thuộc năm kế hoạch 2025" in entry.message
    duplicate = write_csv(tmp_path / "d.csv", ["code"], [["11239"], ["10510"], ["11239"]])
    result = run_batch(TEMPLATE, tmp_path / "out2", table=read_table(duplicate))
    assert [(e.code, e.status) for e in result.entries] == [("10510", "ok"), ("11239", "failed")]
    assert "dòng 2, 4" in result.failed[0].message


def test_rerun_skips_unchanged_and_redoes_changed_or_tampered(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", ["code", "signer"], [["11239", "A"], ["10510", "B"], ["11914", "C"]])
    out = tmp_path / "out"
    first = run_batch(TEMPLATE, out, table=read_table(table))
    assert first.count("ok") == 3
    assert run_batch(TEMPLATE, out, table=read_table(table)).count("unchanged") == 3

    write_csv(table, ["code", "signer"], [["11239", "A"], ["10510", "B đổi"], ["11914", "C"]])
    (out / output_name(get_commune("11914"))).write_bytes(b"not a docx")  # tampered
    again = run_batch(TEMPLATE, out, table=read_table(table))
    assert {e.code: e.status for e in again.entries} == {"10510": "ok", "11239": "unchanged", "11914": "ok"}
    find(open_docx(out / output_name(get_commune("10510"))), "B đổi")
    assert zipfile.is_zipfile(out / output_name(get_commune("11914")))


def test_files_are_synced_once_per_chunk_and_a_write_lost_to_a_power_cut_is_redone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ttdn_docs.batch import runner

    synced: list[list[str]] = []
    real_sync = runner.sync_files

    def spy(folder: Path, names: list[str]) -> None:
        for name in names:  # each file is complete when its chunk is synced
            assert zipfile.is_zipfile(folder / name)
        synced.append(list(names))
        real_sync(folder, names)

    monkeypatch.setattr(runner, "sync_files", spy)
    communes = communes_in_province("31")[:40]
    out = tmp_path / "out"
    result = run_batch(TEMPLATE, out, communes=communes)
    assert result.count("ok") == 40
    assert sorted(name for chunk in synced for name in chunk) == sorted(output_name(c) for c in communes)
    assert 1 < len(synced) < 40  # in chunks, not file by file nor all at the very end only

    # A power cut between two syncs: the renamed file is there but its bytes were lost.
    lost = out / output_name(communes[7])
    lost.write_bytes(b"")
    again = run_batch(TEMPLATE, out, communes=communes)
    assert {e.code: e.status for e in again.entries if e.status != "unchanged"} == {communes[7].code: "ok"}
    row = next(r for r in manifest_rows(out) if r["code"] == communes[7].code)
    assert hashlib.sha256(lost.read_bytes()).hexdigest() == row["sha256"] and zipfile.is_zipfile(lost)


@pytest.mark.robustness(kind="Batch killed (SIGKILL) half-way", behaviour="re-run completes: every document present exactly once and valid")
def test_killed_batch_completes_on_rerun_with_every_document_once(tmp_path: Path) -> None:
    communes = all_communes()[:400]
    table = write_csv(tmp_path / "t.csv", ["code"], [[c.code] for c in communes])
    out = tmp_path / "out"
    args = [sys.executable, "-m", "ttdn_docs.cli", "batch", str(TEMPLATE), "--communes", str(table), "-o", str(out), "-j", "1"]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if out.is_dir() and len(list(out.glob("*.docx"))) >= 40:
            break
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    written_before = {p.name for p in out.glob("*.docx")}
    assert 40 <= len(written_before) < len(communes), "the batch was not interrupted mid-run"
    assert not (out / "manifest.json").exists() and (out / ".ttdn-batch-journal.jsonl").exists()

    result = cli("batch", str(TEMPLATE), "--communes", str(table), "-o", str(out), "-j", "2")
    assert result.returncode == 0, result.stderr
    rows = manifest_rows(out)
    expected = sorted(output_name(c) for c in communes)
    assert sorted(r["file"] for r in rows) == expected
    assert sorted(p.name for p in out.glob("*.docx")) == expected  # each exactly once
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert not (out / ".ttdn-batch-journal.jsonl").exists()
    unchanged = [r for r in rows if r["status"] == "unchanged"]
    assert len(unchanged) >= len(written_before) - 2  # the journal kept what was done
    for row in rows:
        data = (out / row["file"]).read_bytes()
        assert row["status"] in {"ok", "unchanged"} and hashlib.sha256(data).hexdigest() == row["sha256"]
    for row in rows[::80]:
        with zipfile.ZipFile(out / row["file"]) as archive:
            assert archive.testzip() is None
        find(open_docx(out / row["file"]), f"ĐẢNG ỦY {row['name'].upper()}")


@pytest.mark.robustness(kind="File names from data with '/', '..', quotes, emoji", behaviour="made safe and confined to the output folder")
def test_file_column_gives_safe_names_inside_the_output_folder(tmp_path: Path) -> None:
    names = ['../../etc/passwd', 'Kế hoạch "số 4"/2025', "..", "🇻🇳🎉", "con"]
    codes = ["11239", "10510", "11914", "11948", "10525"]
    table = write_csv(tmp_path / "t.csv", ["code", "file"], [[c, n] for c, n in zip(codes, names)])
    out = tmp_path / "out"
    result = run_batch(TEMPLATE, out, table=read_table(table))
    assert not result.failed
    files = {e.code: e.file for e in result.entries}
    assert files == {
        "11239": "11239-etc-passwd.docx",
        "10510": "10510-Ke-hoach-so-4-2025.docx",
        "11914": "11914-tep.docx",
        "11948": "11948-tep.docx",
        "10525": "10525-tep-con.docx",
    }
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".docx") == sorted(files.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "t.csv"]


def test_template_problems_stop_before_any_file_with_exit_2(tmp_path: Path) -> None:
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    data["summary"] = "{{ commune.__class__.__mro__ }} {{ comune.name }}"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = cli("batch", str(bad), "--province", "12", "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "comune" in result.stderr and "'summary'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_usage_needs_exactly_one_selection(tmp_path: Path) -> None:
    result = cli("batch", str(TEMPLATE), "-o", str(tmp_path))
    assert result.returncode == 2 and "Lỗi: tham số không hợp lệ" in result.stderr
    result = cli("batch", str(TEMPLATE), "--all", "--province", "31", "-o", str(tmp_path))
    assert result.returncode == 2


def test_check_hook_fills_the_errors_column(tmp_path: Path) -> None:
    result = run_batch(TEMPLATE, tmp_path, communes=communes_in_province("12")[:3], check=_count_kế_hoạch)
    assert [e.errors for e in result.entries] == [1, 1, 1]
    assert result.with_errors == result.entries
    assert load_profile("party").id == json.loads((tmp_path / "manifest.json").read_text())["profile"]


def _count_kế_hoạch(data: bytes, profile: object) -> int:
    """A stand-in checker: one 'error' per document holding the title KẾ HOẠCH."""
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        return int("KẾ HOẠCH" in archive.read("word/document.xml").decode("utf-8"))


def test_batch_documents_pass_the_checker(tmp_path: Path) -> None:
    """A sample of a real province with the real checker as the per-document hook (the
    benchmark checks all 3,321)."""
    out = tmp_path / "out"
    result = cli("batch", str(TEMPLATE), "--province", "31", "-o", str(out), "-j", "2", "--check")
    assert result.returncode == 0, result.stderr
    rows = manifest_rows(out)
    assert len(rows) == 114
    assert {r["errors"] for r in rows} == {"0"} and {r["status"] for r in rows} == {"ok"}
    state = run_batch(_state_template(tmp_path), tmp_path / "state", communes=communes_in_province("12")[:5], check=_real_check)
    assert [e.errors for e in state.entries] == [0] * 5


def _real_check(data: bytes, profile: object) -> int:
    from ttdn_docs.check import count_errors

    return count_errors(data, profile)  # type: ignore[arg-type]


def _state_template(tmp_path: Path) -> Path:
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    data["profile"] = "state-nd30-2020"
    path = tmp_path / "state-template.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_batch_runs_with_spawned_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS and Windows start workers with ``spawn`` (so does any process with threads,
    such as a test runner's worker): everything a worker gets is pickled, the table's
    column converters included (a lambda once made the whole batch an internal error)."""
    import multiprocessing

    from ttdn_docs.batch import runner

    monkeypatch.setattr(runner, "pool_context", lambda: multiprocessing.get_context("spawn"))
    result = run_batch(TEMPLATE, tmp_path / "out", table=read_table(COMMUNES), workers=2)
    assert result.entries and {e.status for e in result.entries} == {"ok"}
    for entry in result.entries:
        assert zipfile.is_zipfile(tmp_path / "out" / entry.file)
