"""Every command as an officer meets it (issue 21): a folder that will not take the file,
``--debug`` where the advice puts it, an output that is the input or has the wrong suffix,
files that are not data, and what a batch leaves behind after Ctrl-C.

Read-only, forbidden and full folders are made two ways: by patching the operating-system
calls (``os.open`` raising EROFS/EACCES, ``os.fsync`` raising ENOSPC; tests run as root, so
``chmod`` alone stops nothing) and, where the machine lets the test mount one, by a real
read-only or tiny tmpfs.
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, THANH_MIEN
from ttdn_docs.cli import main

REPORT = EXAMPLES / "thanh_mien_2025" / "report.yaml"
UNIT = sorted((EXAMPLES / "thanh_mien_2025" / "unit_results").glob("*.yaml"))[0]
BATCH_TEMPLATE = EXAMPLES / "batch" / "plan-template.yaml"
COMMUNES = EXAMPLES / "batch" / "communes.csv"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("src") / "ke-hoach.docx"
    assert main(["render", str(THANH_MIEN), "-o", str(out), "--no-check"]) == 0
    return out


# Each writing command, as the officer types it, with the output inside ``folder``.
def _commands(rendered: Path, folder: Path) -> dict[str, list[str | Path]]:
    return {
        "render": ["render", THANH_MIEN, "-o", folder / "ke-hoach.docx"],
        "preview": ["preview", THANH_MIEN, "-o", folder / "ke-hoach.html"],
        "import": ["import", rendered, "-o", folder / "ke-hoach.yaml"],
        "fix": ["fix", rendered, "-o", folder / "da-sua.docx"],
        "rollover": ["rollover", THANH_MIEN, "--year", "2026", "-o", folder / "ke-hoach-2026.yaml"],
        "aggregate": ["aggregate", UNIT, "--base", REPORT, "-o", folder / "bao-cao.yaml"],
        "init plan": ["init", "plan", "--commune", "11239", "-o", folder / "ke-hoach.yaml"],
        "init report": ["init", "report", "--from-plan", THANH_MIEN, "-o", folder / "bao-cao.yaml"],
        "batch": ["batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", folder, "-j", "1"],
    }


COMMANDS = ["render", "preview", "import", "fix", "rollover", "aggregate", "init plan", "init report", "batch"]


def _refusing_creation(folder: Path, code: int) -> Callable[..., int]:
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(os.fsdecode(path)).resolve().is_relative_to(folder.resolve()):
            raise OSError(code, os.strerror(code), os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    return fake_open


def _full_disk(*_: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


FAULTS = {
    "read-only": (errno.EROFS, "chỉ đọc"),
    "forbidden": (errno.EACCES, "không có quyền ghi"),
    "full": (errno.ENOSPC, "hết chỗ trống"),
}


@pytest.mark.robustness(
    kind="Output folder that is read-only, not ours to write, or full, for every writing command",
    behaviour="exit 2, «Không ghi được vào thư mục …: chỉ đọc / không có quyền ghi / hết chỗ trống» naming the folder; no file, no temporary left",
)
@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("command", COMMANDS)
def test_every_writing_command_names_the_folder_that_will_not_take_the_file(
    command: str, fault: str, rendered: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "dau-ra"
    folder.mkdir()
    code, words = FAULTS[fault]
    if code == errno.ENOSPC:
        monkeypatch.setattr(os, "fsync", _full_disk)
    else:
        monkeypatch.setattr(os, "open", _refusing_creation(folder, code))
    status, out, err = run(capsys, *_commands(rendered, folder)[command])
    assert status == 2, err
    assert f"Không ghi được vào thư mục '{folder}': {words}; hãy" in err
    assert "Lỗi nội bộ" not in err and "Traceback" not in err and os.strerror(code) not in err + out
    left = sorted(p.name for p in folder.iterdir())
    assert not [n for n in left if n.endswith(".tmp") or n.endswith(".docx") or n == ".ttdn-batch.lock"], left


def test_batch_on_a_full_disk_keeps_journal_and_manifest_consistent_and_the_rerun_completes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lo"
    real_fsync, documents = os.fsync, []

    def fills_up(fd: int) -> None:  # two documents fit, then the disk is full
        try:
            if os.pread(fd, 2, 0) == b"PK":  # a .docx being made durable (not the folder, the journal)
                documents.append(fd)
        except OSError:
            pass
        if len(documents) > 2:
            _full_disk()
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fills_up)
    status, _, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", folder, "-j", "1")
    assert status == 2 and f"Không ghi được vào thư mục '{folder}': hết chỗ trống" in err
    written = sorted(p.name for p in folder.glob("*.docx"))
    assert len(written) == 2
    assert not list(folder.glob(".*.tmp")) and not (folder / ".ttdn-batch.lock").exists()
    journal = [json.loads(line) for line in (folder / ".ttdn-batch-journal.jsonl").read_text().splitlines()]
    assert {e["status"] for e in journal} == {"ok"}
    # Every file kept is whole and listed with its sha256; a listed file the disk did not
    # keep (removed, never left half-written) fails that guard, so the re-run redoes it.
    listed = {e["file"]: e["sha256"] for e in journal}
    assert all(hashlib.sha256((folder / name).read_bytes()).hexdigest() == listed[name] for name in written)
    monkeypatch.setattr(os, "fsync", real_fsync)  # space freed
    status, out, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", folder, "-j", "1")
    assert status == 0, err
    assert "2 đã ghi, 2 không đổi, 0 lỗi" in out
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["total"] == 4 and len(list(folder.glob("*.docx"))) == 4
    assert not (folder / ".ttdn-batch-journal.jsonl").exists() and not (folder / ".ttdn-batch.lock").exists()


# -- real read-only and full filesystems, where the test may mount them -----------------------


def _mount(folder: Path, options: str) -> bool:
    if shutil.which("mount") is None or os.geteuid() != 0:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    mounted: list[Path] = []

    def make(options: str) -> Path:
        folder = tmp_path / f"tmpfs{len(mounted)}"
        if not _mount(folder, options):
            pytest.skip("this machine does not let the test mount a tmpfs")
        mounted.append(folder)
        return folder

    yield make
    for folder in reversed(mounted):
        subprocess.run(["umount", str(folder)], capture_output=True)


def test_a_real_read_only_folder(tmpfs: Callable[[str], Path], rendered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmpfs("size=64k,ro")
    for command in ("render", "preview", "init plan", "batch"):
        status, _, err = run(capsys, *_commands(rendered, folder)[command])
        assert status == 2 and f"Không ghi được vào thư mục '{folder}': chỉ đọc" in err, (command, err)
    status, _, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", folder / "moi", "-j", "1")
    assert status == 2 and f"Không tạo được thư mục '{folder / 'moi'}': chỉ đọc; hãy" in err


def test_a_real_full_disk_batch_then_more_space(tmpfs: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmpfs("size=100k")
    status, _, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", folder, "-j", "2")
    assert status == 2 and f"Không ghi được vào thư mục '{folder}': hết chỗ trống" in err, err
    assert not list(folder.glob(".*.tmp")) and not (folder / ".ttdn-batch.lock").exists()
    subprocess.run(["mount", "-o", "remount,size=4m", str(folder)], check=True)
    status, out, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", folder, "-j", "2")
    assert status == 0, err
    assert len(list(folder.glob("*.docx"))) == 4 and (folder / "manifest.csv").is_file()


# -- --debug where the advice puts it ----------------------------------------------------------


def test_debug_is_accepted_after_the_subcommand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ke-hoach.docx"
    status, stdout, err = run(capsys, "render", THANH_MIEN, "-o", out, "--no-check", "--debug")
    assert status == 0 and out.is_file() and "không nhận ra" not in err
    status, _, err = run(capsys, "render", tmp_path / "khong-co.yaml", "-o", tmp_path / "x.docx", "--debug")
    assert status == 2 and "Traceback" in err and "không tìm thấy tệp" in err


# -- the output is never the input, and its suffix fits -----------------------------------------


@pytest.mark.robustness(
    kind="Output named like the input, or with a suffix that does not fit (render -o plan.yaml, preview -o x.docx, -o x.doc)",
    behaviour="refused, exit 2, the input untouched; the message gives a fitting name",
)
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["render", "{plan}", "-o", "{plan}", "--force"], "tệp đầu ra phải là tệp Word (đuôi .docx), ví dụ plan.docx"),
        (["render", "{plan}", "-o", "{dir}/ke-hoach.doc"], "ví dụ ke-hoach.docx"),
        (["preview", "{plan}", "-o", "{plan}", "--force"], "tệp đầu ra phải là trang HTML"),
        (["preview", "{plan}", "-o", "{dir}/x.docx"], "ví dụ x.html"),
        (["rollover", "{plan}", "--year", "2026", "-o", "{plan}", "--force"], "tệp đầu ra trùng với tệp đầu vào"),
        (["init", "report", "--from-plan", "{plan}", "-o", "{plan}", "--force"], "tệp đầu ra trùng với tệp đầu vào"),
        (["init", "plan", "--commune", "11239", "-o", "{dir}/ke-hoach.docx"], "tệp dữ liệu YAML (đuôi .yaml hoặc .yml)"),
        (["aggregate", "{dir}/unit.yaml", "--from-plan", "{plan}", "-o", "{dir}/unit.yaml", "--force"], "trùng với tệp đầu vào"),
    ],
)
def test_the_input_is_never_overwritten_and_the_suffix_fits(
    args: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(THANH_MIEN, plan)
    shutil.copy(UNIT, tmp_path / "unit.yaml")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    status, _, err = run(capsys, *[a.format(plan=plan, dir=tmp_path) for a in args])
    assert status == 2 and words in err, err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_fix_never_writes_over_the_word_file_it_reads(rendered: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ke-hoach.docx"
    shutil.copy(rendered, source)
    status, _, err = run(capsys, "fix", source, "-o", source, "--force")
    assert status == 2 and "tệp đầu ra trùng với tệp đầu vào" in err and "ke-hoach-moi.docx" in err
    assert source.read_bytes() == rendered.read_bytes()


# -- files that are not data -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("docx", "đây là tệp Word (.docx) hoặc tệp nén, không phải tệp dữ liệu; để đọc tệp Word thành tệp dữ liệu, chạy: ttdn-docs import"),
        (b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "đây là tệp PDF, không phải tệp dữ liệu"),
        ("utf16", "tệp được lưu dạng UTF-16 (Unicode); hãy mở bằng trình soạn thảo và lưu lại với mã UTF-8"),
        (b"summary: k\xe9 ho\xe1ch\n", "hãy lưu lại tệp với mã UTF-8"),
    ],
)
def test_render_names_what_a_file_that_is_not_data_is(
    content: bytes | str, words: str, rendered: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "ke-hoach.yaml"
    if content == "docx":
        shutil.copy(rendered, source)
    elif content == "utf16":
        source.write_bytes(THANH_MIEN.read_text(encoding="utf-8").encode("utf-16"))
    else:
        assert isinstance(content, bytes)
        source.write_bytes(content)
    status, _, err = run(capsys, "render", source, "-o", tmp_path / "out.docx")
    assert status == 2 and words in err, err
    assert "byte 0" not in err and "byte 15" not in err and not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"summary": "a" "year": 2025}', "dòng 1: lỗi cú pháp JSON ở cột 17: thiếu dấu phẩy ',' giữa hai mục"),
        ('{"summary": "a",}', "tên trường phải đặt trong ngoặc kép"),
        ('{"summary" "a"}', "thiếu dấu hai chấm ':'"),
        ('{"summary": }', "thiếu giá trị"),
        ('{"summary": "a}', "chuỗi mở ngoặc kép mà chưa đóng"),
    ],
)
def test_json_syntax_errors_in_the_officers_words(text: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ke-hoach.json"
    source.write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "render", source, "-o", tmp_path / "out.docx")
    assert status == 2 and words in err, err
    assert "Expecting" not in err and "delimiter" not in err


def test_a_placeholder_tag_error_is_told_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "mau.yaml"
    text = BATCH_TEMPLATE.read_text(encoding="utf-8")
    template.write_text(text.replace("năm {{ year }}", "năm {{ year }}{% endfor %}", 1), encoding="utf-8")
    status, _, err = run(capsys, "batch", template, "--communes", COMMUNES, "-o", tmp_path / "ra")
    assert status == 2 and "thẻ '{% endfor %}' không có thẻ mở tương ứng" in err, err
    assert "Encountered" not in err


# -- Ctrl-C and the lock ----------------------------------------------------------------------------


def test_batch_leaves_no_lock_after_a_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", tmp_path, "-j", "1")
    assert status == 0, err
    assert not (tmp_path / ".ttdn-batch.lock").exists()


def test_ctrl_c_in_a_batch_leaves_no_temporary_file_and_no_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ttdn_docs.batch.runner as runner

    real_write = runner.write_bytes_atomic
    count: list[Path] = []

    def interrupted(path: Path, data: bytes, **kwargs: Any) -> Path:
        count.append(path)
        if len(count) == 2:  # a worker killed mid-write leaves its temporary file
            (path.parent / f".{path.name}.abc123.tmp").write_bytes(data[:100])
            raise KeyboardInterrupt
        return real_write(path, data, **kwargs)

    monkeypatch.setattr(runner, "write_bytes_atomic", interrupted)
    status, _, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", tmp_path, "-j", "1")
    assert status == 130 and "Đã dừng theo yêu cầu" in err
    assert not list(tmp_path.glob(".*.tmp")) and not (tmp_path / ".ttdn-batch.lock").exists()
    assert len(list(tmp_path.glob("*.docx"))) == 1


# -- messages that say what to do -----------------------------------------------------------------

STATE_PLAN = EXAMPLES / "state_plan" / "plan.yaml"


def test_a_misspelled_key_is_answered_with_the_field_meant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ke-hoach.yaml"
    source.write_text(THANH_MIEN.read_text(encoding="utf-8").replace("\nsummary:", "\nsumary:", 1), encoding="utf-8")
    status, _, err = run(capsys, "render", source, "-o", tmp_path / "out.docx")
    assert status == 2 and "không có trường 'sumary'; có phải 'summary'?" in err, err


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("Thanh Mein", "Không tìm thấy xã, phường, đặc khu tên 'Thanh Mein'; có phải: 11239 xã Thanh Miện (thành phố Hải Phòng)"),
        ("Tân Phú", "hãy ghi mã, hoặc tên kèm tỉnh (ví dụ \"Tân Phú, "),
    ],
)
def test_init_plan_suggests_the_commune_meant(typed: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "init", "plan", "--commune", typed, "-o", tmp_path / "p.yaml")
    assert status == 2 and words in err, err
    assert not (tmp_path / "p.yaml").exists()


def test_init_plan_narrows_a_commune_name_by_province(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "init", "plan", "--commune", "Tân Phú, Đồng Nai", "-o", tmp_path / "p.yaml")
    assert status == 0, err
    assert "xã Tân Phú, tỉnh Đồng Nai" in out and "commune_code: '26116'" in (tmp_path / "p.yaml").read_text(encoding="utf-8")


def test_init_plan_year_out_of_range_is_said_of_the_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "init", "plan", "--commune", "11239", "--year", "1999", "-o", tmp_path / "p.yaml")
    assert status == 2 and "Năm kế hoạch (--year) 1999 không hợp lệ: phải từ 2000 đến 2200." in err
    assert "dòng" not in err


@pytest.mark.parametrize("family", ["party", "state"])
def test_the_plan_skeleton_is_refused_until_its_unknown_parts_are_filled(
    family: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    skeleton = tmp_path / "ke-hoach.yaml"
    assert run(capsys, "init", "plan", "--commune", "11239", "--profile", family, "-o", skeleton)[0] == 0
    text = skeleton.read_text(encoding="utf-8")
    assert "………" not in text and "name: '<<CẦN ĐIỀN: họ và tên người ký>>'" in text
    status, _, err = run(capsys, "render", skeleton, "-o", tmp_path / "ke-hoach.docx")
    assert status == 2 and "họ và tên của người ký: chưa điền (họ và tên người ký)" in err, err
    if family == "party":  # its Hướng dẫn of the city has no number yet
        assert "chưa điền (số, ký hiệu, ngày hướng dẫn)" in err
    assert not (tmp_path / "ke-hoach.docx").exists()
    status, out, _ = run(capsys, "render", skeleton, "-o", tmp_path / "ke-hoach.docx", "--draft", "--no-check")
    assert status == 0 and "bản DỰ THẢO" in out


def test_fix_with_nothing_to_change_says_so_without_a_dangling_colon(
    rendered: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "fix", rendered, "-o", tmp_path / "da-sua.docx")
    assert status in (0, 1)
    assert "0 thay đổi" not in out and "thể thức đã đúng, không phải thay đổi gì" in out


def test_a_batch_error_names_its_row_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "xa.csv"
    table.write_text("code,signer,number,date\n11239,Vũ Minh Nguyệt,abc,\n", encoding="utf-8")
    status, _, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", table, "-o", tmp_path / "ra")
    assert status == 2
    line = next(line for line in err.splitlines() if "11239" in line)
    assert line.count("dòng 2 của xa.csv") == 1 and line.count("mã 11239") == 1 and ":;" not in line, line
    assert "cột 'number': 'abc' không phải số nguyên" in line


def test_aggregate_reads_a_semicolon_csv_whose_title_line_has_no_semicolon(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = EXAMPLES / "thanh_mien_2025" / "unit_results" / "trung-tam-vhtttt-chi-tieu.csv"
    lines = source.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("Đơn vị: Trung tâm Văn hóa,")
    (tmp_path / "chi-tieu.csv").write_text("\n".join([lines[0].rstrip(";"), *lines[1:]]) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "aggregate", tmp_path / "chi-tieu.csv", "--base", REPORT, "-o", tmp_path / "bao-cao.yaml")
    assert status == 0, err
    assert "12/12 chỉ tiêu có số liệu" in out and "tin_bai_cong_ttdt" in (tmp_path / "bao-cao.yaml").read_text(encoding="utf-8")


def test_check_on_a_pdf_named_docx_says_it_is_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A file named .pdf goes to the PDF checker; a PDF saved under a .docx name is told as one.
    pdf = tmp_path / "ke-hoach.docx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    status, out, _ = run(capsys, "check", pdf)
    assert status == 2 and "đây là tệp PDF, không phải tệp Word .docx" in out and "gói zip" not in out


# -- documents that are silently wrong ------------------------------------------------------------


@pytest.mark.robustness(
    kind="Batch plan whose issuer and place are written out (no per-commune placeholder)",
    behaviour="refused before any file, naming the fields that would not vary; exit 2",
)
def test_batch_refuses_a_plan_that_would_give_every_commune_the_same_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "batch", THANH_MIEN, "--province", "31", "-o", tmp_path / "ra")
    assert status == 2
    assert "trường 'issuer': cơ quan ban hành ghi sẵn, không có chỗ điền: mọi xã sẽ nhận cùng một giá trị này" in err
    assert "trường 'place': địa danh ghi sẵn" in err
    assert not list((tmp_path / "ra").glob("*.docx")) if (tmp_path / "ra").exists() else True


@pytest.mark.robustness(
    kind="A Party issuer under the State rule book or the reverse (--profile of the other book)",
    behaviour="refused by render and preview, naming the issuer and the rule book; a user's own profile may allow it",
)
@pytest.mark.parametrize(
    ("source", "profile", "issuer"),
    [(STATE_PLAN, "party", "Ủy ban nhân dân xã Thanh Miện"), (THANH_MIEN, "state", "Đảng uỷ xã Thanh Miện")],
)
@pytest.mark.parametrize("command", ["render", "preview"])
def test_an_issuer_renders_only_in_its_own_rule_book(
    command: str, source: Path, profile: str, issuer: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("x.docx" if command == "render" else "x.html")
    status, _, err = run(capsys, command, source, "-o", out, "--profile", profile)
    assert status == 2 and f"cơ quan ban hành: '{issuer}' không phải cơ quan ban hành theo hồ sơ thể thức" in err, err
    assert not out.exists()


def test_a_users_own_profile_may_print_any_issuer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    from ttdn_docs.profiles.loader import DATA_DIR

    data = yaml.safe_load((DATA_DIR / "party-hd36-2018.yaml").read_text(encoding="utf-8"))
    data["id"], data["other_family_issuers"] = "party-any-issuer", []
    own = tmp_path / "party-any-issuer.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    status, _, err = run(capsys, "render", STATE_PLAN, "-o", tmp_path / "x.docx", "--profile", own, "--no-check")
    assert status == 0, err


@pytest.mark.check_errors_expected  # the misspelled name renders (a warning) and the checker flags it
def test_an_issuer_spelled_unlike_the_commune_list_is_warned_or_refused_with_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "ke-hoach.yaml"
    text = THANH_MIEN.read_text(encoding="utf-8").replace("name: Đảng uỷ xã Thanh Miện", "name: Đảng uỷ xã Thanh Mien")
    source.write_text(text.replace("\nplace: Thanh Miện", "\nplace: Thanh Mien"), encoding="utf-8")
    status, _, err = run(capsys, "render", source, "-o", tmp_path / "x.docx", "--no-check")
    assert status == 0 and (tmp_path / "x.docx").exists()
    assert "Chú ý — tên cơ quan ban hành: 'Đảng uỷ xã Thanh Mien' khác danh mục đơn vị hành chính (mã 11239): 'Đảng ủy xã Thanh Miện'" in err
    assert "Chú ý — địa danh: 'Thanh Mien' khác danh mục đơn vị hành chính (mã 11239): 'Thanh Miện'" in err
    for command, name in (("render", "y.docx"), ("preview", "y.html")):
        status, _, err = run(capsys, command, source, "-o", tmp_path / name, "--strict")
        assert status == 2 and "'Thanh Mien' khác danh mục" in err and not (tmp_path / name).exists()
    # The example as shipped (tone placement «uỷ» is the same name) is silent.
    status, _, err = run(capsys, "render", THANH_MIEN, "-o", tmp_path / "z.docx", "--no-check", "--strict")
    assert status == 0 and "khác danh mục" not in err


# -- on the page ----------------------------------------------------------------------------------


def test_a_state_report_cites_its_plan_in_the_state_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from readback import document_text, open_docx

    report = tmp_path / "bao-cao.yaml"
    assert run(capsys, "init", "report", "--from-plan", STATE_PLAN, "-o", report)[0] == 0
    assert run(capsys, "render", report, "-o", tmp_path / "bao-cao.docx", "--draft", "--no-check")[0] == 0
    text = document_text(open_docx(tmp_path / "bao-cao.docx"))
    assert "Kế hoạch số 45/KH-UBND ngày 8/9/2025 của Ủy ban nhân dân xã Thanh Miện" in text
    assert "45/KH-UBND, ngày" not in text
    # Its Party twin keeps the Party comma.
    party = tmp_path / "bao-cao-dang.yaml"
    assert run(capsys, "init", "report", "--from-plan", THANH_MIEN, "-o", party)[0] == 0
    assert run(capsys, "render", party, "-o", tmp_path / "bao-cao-dang.docx", "--draft", "--no-check")[0] == 0
    assert "Kế hoạch số 04-KH/ĐU, ngày 5/8/2025" in document_text(open_docx(tmp_path / "bao-cao-dang.docx"))


def test_the_dash_of_a_compound_name_stays_with_the_word_before_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from readback import open_docx

    out = tmp_path / "ke-hoach.docx"
    assert run(capsys, "render", STATE_PLAN, "-o", out)[0] == 0
    texts = [p.text for p in open_docx(out).paragraphs]
    joined = "\n".join(texts)
    assert "chính trị\u00a0- xã hội" in joined and "Văn hóa\u00a0- Xã hội" in joined
    assert " - " not in joined.replace("\n- ", "\n")  # every inner dash is bound; bullets untouched
    assert any(t.startswith("- ") for t in texts)


def test_the_state_preview_leaves_the_space_under_the_summary_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ttdn_docs.profiles import load_profile

    out = tmp_path / "ke-hoach.html"
    assert run(capsys, "preview", STATE_PLAN, "-o", out)[0] == 0
    page = out.read_text(encoding="utf-8")
    line = page[page.index('data-el="summary-separator"') :].split(">", 1)[0]
    after = load_profile("state").elements.summary_separator.style
    assert after is not None and f"margin-bottom: {after.space_after:g}pt" in line and after.space_after == 12


# -- every help text and message catalogue, for English and Python names -------------------------

# English an officer should never read, and the shapes of Python names.
ENGLISH = re.compile(
    r"\b(the|and|of|to|show|program|version|exit|usage|options?|positional|arguments?|required|invalid|choose|"
    r"choice|expected|expecting|error|errors? found|help|message|default|not|found|file|exists|denied|permission|"
    r"read-only|system|space|left|device|delimiter|encountered|unknown|tag|undefined|attribute|traceback)\b",
    re.IGNORECASE,
)
PYTHON_NAME = re.compile(r"\b[A-Z][a-z]+[A-Z]\w+\b|\b\w+Error\b|\bNone\b|\bTrue\b|\bFalse\b|\b[a-z]+(?:_[a-z]+)+\b")
# What an officer types or meets as a name: option values, column and environment names.
TYPED_NAMES = {
    "unit_results", "init_kind", "commune.full_name", "errors", "text", "json", "csv", "list", "next", "void", "term",
    "ttdn_register", "ke_hoach",
    # type keys of the profiles' type tables, typed after --type
    "cong_van", "thong_bao", "to_trinh", "quyet_dinh", "giay_moi",
    # keys of the profiles' bodies, typed after --body
    "ban_thuong_vu", "dang_uy", "chi_bo", "van_phong",
}


def _officer_words(text: str) -> str:
    """``text`` without what the officer types as is: options, metavars, file names and
    suffixes, placeholders, quoted values, example commands and program names."""
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text)
    text = re.sub(r"'[^']*'|\"[^\"]*\"|«[^»]*»", " ", text)
    text = re.sub(r"(?<!\w)--?[\w-]+|\b[\w./-]*\.(docx|doc|odt|yaml|yml|json|csv|xlsx|html|htm|pdf|py)\b", " ", text)
    text = re.sub(r"\bttdn-docs\b|\bLibreOffice\b|\bSQLite\b|\bTTDN_REGISTER\b|\b[A-ZĐÀ-Ỹ_]{2,}\b|\bJSON Schema\b|\bnumber: auto\b", " ", text)
    return text


def _english_in(text: str) -> list[str]:
    words = _officer_words(text)
    found = [m.group(0) for m in ENGLISH.finditer(words)]
    found += [m.group(0) for m in PYTHON_NAME.finditer(words) if m.group(0).lower() not in TYPED_NAMES]
    return found


def _parsers() -> Iterator[tuple[str, argparse.ArgumentParser]]:
    from ttdn_docs.cli import _parser

    todo = [("ttdn-docs", _parser())]
    while todo:
        name, parser = todo.pop()
        yield name, parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo += [(f"{name} {sub}", child) for sub, child in action.choices.items()]


def test_the_walk_reaches_every_subcommand() -> None:
    names = {name for name, _ in _parsers()}
    for expected in ("ttdn-docs render", "ttdn-docs init plan", "ttdn-docs register void", "ttdn-docs batch", "ttdn-docs fix"):
        assert expected in names
    assert len(names) >= 17


# Whether a command needs an argument: one that needs none (``serve``) would run for real
# when called bare (and a server never returns), so its usage error is made with an option
# it does not know instead.
_NEEDS_ARGUMENTS = {name: any(action.required for action in parser._actions) for name, parser in _parsers()}


@pytest.mark.parametrize("name", sorted(_NEEDS_ARGUMENTS))
def test_every_help_and_usage_error_is_vietnamese(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    words = name.split()[1:]
    with pytest.raises(SystemExit):
        main([*words, "--help"])
    shown, _ = capsys.readouterr()
    assert shown.startswith("Cách dùng: ") and _english_in(shown) == [], shown
    argv = words if _NEEDS_ARGUMENTS[name] else [*words, "--khong-co-tuy-chon-nay"]
    status = None
    try:
        status = main(argv)  # a required argument or subcommand missing, or an unknown option
    except SystemExit as exc:
        status = exc.code  # type: ignore[assignment]
    _, err = capsys.readouterr()
    if status not in (0, None):
        assert status == 2 and err.count("Lỗi: ") == 1 and _english_in(err) == [], err


def test_the_message_catalogues_are_vietnamese() -> None:
    from ttdn_docs import cli, datafile, jinja_words, oserrors

    catalogue = [words for _, words in cli._ARGPARSE_MESSAGES]
    catalogue += [words for words in cli._METAVARS.values()]
    catalogue += [f"{cause}; {action}" for cause, action in oserrors._REASONS.values()]
    catalogue += [words for _, words in datafile._JSON_CAUSES] + [words for _, words in datafile._KNOWN_BINARY]
    catalogue += [datafile._UTF16]
    catalogue += [words for _, words in jinja_words._SYNTAX] + [words for _, words in jinja_words._UNDEFINED]
    assert len(catalogue) > 40
    for words in catalogue:
        assert _english_in(re.sub(r"\\\d", " ", words)) == [], words


@pytest.mark.parametrize("what", ["plan", "report", "unit_results", "profile"])
def test_schema_descriptions_an_editor_shows_are_vietnamese_without_markup(what: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", what]) == 0
    schema = json.loads(capsys.readouterr().out)
    shown: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            shown.extend(v for k, v in node.items() if k in ("title", "description") and isinstance(v, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema)
    assert shown and schema["title"].endswith("(ttdn-docs)")
    leaks = [text for text in shown if "``" in text or _english_in(text) or re.fullmatch(r"[A-Z][A-Za-z]+(?: [A-Z][a-z]+)*", text)]
    assert leaks == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["render", "x.yaml", "-o", "y.docx", "--p"], "tham số --p chưa rõ, có thể là: --profile, --pdf"),
        (["check"], "thiếu tham số bắt buộc: TỆP_HOẶC_THƯ_MỤC"),
        (["render", "x.yaml", "-o"], "tham số -o/--output cần một giá trị"),
        (["batch", "x.yaml", "--all", "-o", "ra", "-j", "hai"], "tham số -j/--jobs: giá trị 'hai' không đúng kiểu"),
    ],
)
def test_argparse_errors_are_vietnamese(args: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    err = capsys.readouterr().err
    assert caught.value.code == 2 and words in err and _english_in(err) == [], err


def test_batch_into_a_file_says_it_is_a_file_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ra.docx"
    target.write_bytes(b"keep")
    status, _, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", target)
    assert status == 2 and "là một tệp, không phải thư mục" in err and "File exists" not in err
    assert target.read_bytes() == b"keep"
