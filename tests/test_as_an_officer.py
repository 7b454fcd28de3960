"""Every command as an officer meets it (issue 21): a folder that will not take the file,
``--debug`` where the advice puts it, an output that is the input or has the wrong suffix,
files that are not data, and what a batch leaves behind after Ctrl-C.

Read-only, forbidden and full folders are made two ways: by patching the operating-system
calls (``os.open`` raising EROFS/EACCES, ``os.fsync`` raising ENOSPC; tests run as root, so
``chmod`` alone stops nothing) and, where the machine lets the test mount one, by a real
read-only or tiny tmpfs.
"""

from __future__ import annotations

import errno
import json
import os
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
    real_fsync, calls = os.fsync, []

    def fills_up(fd: int) -> None:  # two documents fit, then the disk is full
        calls.append(fd)
        if len(calls) > 2:
            _full_disk()
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fills_up)
    status, _, err = run(capsys, "batch", BATCH_TEMPLATE, "--communes", COMMUNES, "-o", folder, "-j", "1")
    assert status == 2 and f"Không ghi được vào thư mục '{folder}': hết chỗ trống" in err
    written = sorted(p.name for p in folder.glob("*.docx"))
    assert len(written) == 2
    assert not list(folder.glob(".*.tmp")) and not (folder / ".ttdn-batch.lock").exists()
    journal = [json.loads(line) for line in (folder / ".ttdn-batch-journal.jsonl").read_text().splitlines()]
    assert sorted(e["file"] for e in journal) == written and {e["status"] for e in journal} == {"ok"}
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
