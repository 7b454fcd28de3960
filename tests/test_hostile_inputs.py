"""Every hostile input of issue 20 ends in the right result or a Vietnamese refusal with
exit 2, within 2 s of CPU and 300 MB, and writes nothing.

The corpus is built by ``tests/hostile.py`` in a temporary folder. Each case runs the
CLI in a forked child (the imports are the parent's, as in a warm process): the child's
address space is limited (``RLIMIT_AS``: what it had plus 600 MB, so that a bomb fails
instead of taking the machine) and its CPU (``RLIMIT_CPU``, a hang ends); the bounds are
then read from the child's own ``rusage`` — CPU time, and peak resident memory above
what it had when it began. No wall clock is asserted.
"""

from __future__ import annotations

import glob
import http.server
import os
import re
import resource
import shutil
import sys
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile import PLAN, Case, argv_of, build, cases

import ttdn_docs.batch.runner
import ttdn_docs.check
import ttdn_docs.cli
import ttdn_docs.importer
import ttdn_docs.register.store
import ttdn_docs.render  # noqa: F401  # loaded before the fork: the child measures work, not imports
from ttdn_docs.errors import RenderError

CPU_LIMIT_S = 2.0
MEMORY_LIMIT_MB = 300.0
_GUARD_MB = 600  # address space allowed above the child's start (a bomb fails, not the machine)
_HARD_CPU_S = 20  # RLIMIT_CPU: a case that hangs is killed


@dataclass
class Run:
    code: int
    output: str
    cpu_s: float
    memory_mb: float


def _resident_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _address_space() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def run_bounded(argv: list[str], folder: Path) -> Run:
    """``ttdn-docs argv`` in a forked child under resource limits; its exit code, output
    and the CPU and memory its rusage reports."""
    out_path = folder / ".output"
    start_path = folder / ".start-rss"
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        code = 70
        try:
            fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stderr = sys.stdout
            start_path.write_text(str(_resident_kb()))
            limit = _address_space() + _GUARD_MB * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            resource.setrlimit(resource.RLIMIT_CPU, (_HARD_CPU_S, _HARD_CPU_S))
            code = ttdn_docs.cli.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except MemoryError:
            code = 71
        except BaseException:
            code = 72
        finally:
            try:
                sys.stdout.flush()
            finally:
                os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    start_kb = int(start_path.read_text() or 0) if start_path.exists() else 0
    output = out_path.read_text(encoding="utf-8", errors="replace") if out_path.exists() else ""
    for scratch in (out_path, start_path):
        scratch.unlink(missing_ok=True)
    return Run(code, output, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss - start_kb, 0) / 1024)


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def _param(case: Case) -> object:
    return pytest.param(case, id=case.id, marks=pytest.mark.robustness(kind=case.cause, behaviour=case.behaviour + f"; ≤ {CPU_LIMIT_S:g} s CPU, ≤ {MEMORY_LIMIT_MB:g} MB"))


@pytest.mark.parametrize("case", [_param(c) for c in cases()])
def test_hostile_input_is_bounded(case: Case, tmp_path: Path) -> None:
    where = build(tmp_path, case)
    before = _snapshot(where)
    run = run_bounded(argv_of(case, where), where)
    assert run.code in case.codes, run.output[-2000:]
    assert "Lỗi nội bộ" not in run.output and "Traceback" not in run.output
    if case.message:
        assert re.search(case.message, run.output, re.DOTALL | re.MULTILINE), run.output[-2000:]
    if run.code == 2 and case.argv[0] != "batch":  # batch: the summary line, then each commune's
        assert run.output.startswith("Lỗi") or "KHÔNG ĐỌC ĐƯỢC" in run.output
    for pattern in case.outputs:
        assert not glob.glob(str(where / pattern)), f"{pattern} written"
    if run.code == 2 and case.argv[0] != "batch":
        assert _snapshot(where) == before  # nothing written, nothing changed
    assert run.cpu_s <= CPU_LIMIT_S, f"{run.cpu_s:.2f} s CPU"
    assert run.memory_mb <= MEMORY_LIMIT_MB, f"{run.memory_mb:.0f} MB"


@pytest.mark.robustness(
    kind="Register that is read-only", behaviour="its own message (not «hỏng»), exit 2, file unchanged"
)
def test_read_only_register_has_its_own_message(tmp_path: Path) -> None:
    from ttdn_docs.admin import DocumentKind
    from ttdn_docs.register.store import NumberRegister

    path = tmp_path / "reg.sqlite"
    NumberRegister(path).reserve("UBND xã Hòa Bình", DocumentKind.KE_HOACH, "2025")
    before = path.read_bytes()
    frozen = _make_read_only(path)
    try:
        run = run_bounded(
            ["register", "next", "--issuer", "UBND xã Hòa Bình", "--kind", "ke_hoach", "--profile", "state",
             "--date", "01/02/2025", "--register", str(path)],
            tmp_path,
        )
    finally:
        frozen()
    assert run.code == 2, run.output
    assert "chỉ đọc" in run.output and "hỏng hoặc" not in run.output and "sao lưu" not in run.output
    assert path.read_bytes() == before


def _make_read_only(path: Path) -> object:
    if os.geteuid() != 0:
        path.chmod(0o444)
        return lambda: path.chmod(0o644)
    chattr = shutil.which("chattr")
    if chattr is None or os.system(f"{chattr} +i '{path}' 2>/dev/null") != 0:
        pytest.skip("root without chattr +i: a read-only file cannot be made")
    return lambda: os.system(f"{chattr} -i '{path}'")


@pytest.mark.robustness(kind="Text with bidi overrides and lone surrogates", behaviour="dropped by the clean-up; the document is rendered without them")
def test_bidi_controls_and_lone_surrogates_are_dropped(tmp_path: Path) -> None:
    import json

    import yaml

    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    data["summary"] = "kế hoạch \ud800thông tin \u202eđối \u2066ngoại\u2069 \u200fnăm"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, default=str, ensure_ascii=True), encoding="utf-8")
    run = run_bounded(["render", str(source), "-o", str(tmp_path / "out.docx")], tmp_path)
    assert run.code in (0, 1), run.output
    with zipfile.ZipFile(tmp_path / "out.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", xml)
    assert "thông tin đối ngoại năm" in re.sub(r"<[^>]+>", "", xml).lower() or "THÔNG TIN ĐỐI NGOẠI NĂM" in re.sub(r"<[^>]+>", "", xml)
    assert run.cpu_s <= CPU_LIMIT_S


@pytest.mark.robustness(kind="Batch lock file deleted during a run", behaviour="the lock is on the folder: a second batch is still refused")
def test_batch_lock_survives_deleting_files(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with ttdn_docs.batch.runner._locked(folder):
        for stray in folder.iterdir():
            stray.unlink()  # whatever a user deletes in the folder
        with pytest.raises(RenderError, match="đang được một lệnh batch khác ghi"):
            pid = os.fork()
            if pid == 0:
                try:
                    with ttdn_docs.batch.runner._locked(folder):
                        os._exit(0)
                except RenderError:
                    os._exit(2)
                os._exit(3)
            _, status, _ = os.wait4(pid, 0)
            if os.waitstatus_to_exitcode(status) == 2:
                raise RenderError("Thư mục đang được một lệnh batch khác ghi")
        assert os.waitstatus_to_exitcode(status) == 2


class _Hits(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.libreoffice
@pytest.mark.robustness(kind="Outside .odt (HTML renamed) linking remote images and style sheets", behaviour="converted by LibreOffice with no network request at all")
def test_import_of_an_outside_odt_makes_no_request(tmp_path: Path) -> None:
    from ttdn_docs.render.pdf import soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice is not installed")
    server = http.server.HTTPServer(("127.0.0.1", 0), _Hits)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        page = tmp_path / "page.odt"
        page.write_text(
            f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css"></head><body><p>Kế hoạch</p>'
            f'<img src="http://127.0.0.1:{port}/a.png"><iframe src="http://127.0.0.1:{port}/f.html"></iframe></body></html>',
            encoding="utf-8",
        )
        ttdn_docs.cli.main(["import", str(page), "-o", str(tmp_path / "out.yaml")])
    finally:
        server.shutdown()
    assert _Hits.hits == []


@pytest.mark.libreoffice
def test_the_corpus_is_meaningful_without_the_guard(tmp_path: Path) -> None:
    """The same page makes LibreOffice fetch from the server when run plainly (so the test
    above proves the guard, not a page that fetches nothing)."""
    import subprocess

    from ttdn_docs.render.pdf import soffice_path

    soffice = soffice_path()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    server = http.server.HTTPServer(("127.0.0.1", 0), _Hits)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    _Hits.hits = []
    try:
        page = tmp_path / "page.odt"
        page.write_text(f'<html><body><p>x</p><img src="http://127.0.0.1:{port}/a.png"></body></html>', encoding="utf-8")
        subprocess.run(
            [soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(page)],
            capture_output=True, timeout=120, check=False,
            env={k: v for k, v in os.environ.items() if "proxy" not in k.lower()},
        )
    finally:
        server.shutdown()
    assert _Hits.hits, "LibreOffice fetched nothing even without the guard"
    _Hits.hits = []
