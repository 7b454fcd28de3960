"""Throughput of the compliance checker, side by side with the renderer in the same run.

Renders every example input under every built-in profile, then for each file times
rendering it and checking it (safe opening, parsing, all rules) and prints documents per
second and the ratio check/render. "Warm" is a process that has already seen the
template (the styles, theme and numbering parts every file of a folder shares are then
parsed once); "cold" forgets them before every file. Times are CPU seconds of this
process, so other processes sharing the cores change them little; the load is printed.

    python benchmarks/check_throughput.py [--repeat N]
    python benchmarks/check_throughput.py --folder 3321 [--jobs 2]   # + a batch folder

``--folder N`` renders N communes with ``ttdn-docs batch`` into a temporary folder and
times ``check`` of that folder (wall clock, N jobs), as an office checks what it receives.
Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ttdn_docs.admin import AdminDocument  # noqa: E402
from ttdn_docs.api import load_document  # noqa: E402
from ttdn_docs.check import check_file  # noqa: E402
from ttdn_docs.docxread import clear_caches  # noqa: E402
from ttdn_docs.errors import TtdnError  # noqa: E402
from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile  # noqa: E402
from ttdn_docs.render import render_docx  # noqa: E402


def example_files() -> list[tuple[str, bytes]]:
    return [(name, render_docx(document, profile)) for name, document, profile in example_documents()]


def example_documents() -> list[tuple[str, AdminDocument, Profile]]:
    out = []
    for path in sorted((ROOT / "examples").glob("*/*.yaml")):
        try:
            document = load_document(path).to_document()
        except TtdnError:  # not a document: a template for many communes, unit results …
            continue
        for profile_id in builtin_profile_ids():
            out.append((f"{path.parent.name}/{path.stem} ({profile_id})", document, load_profile(profile_id)))
    return out


def cpu_per_call(action: Callable[[], object], repeat: int, before: Callable[[], None] | None = None) -> float:
    """CPU seconds per call of ``action`` (``before`` runs untimed before each call)."""
    total = 0.0
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.process_time()
        action()
        total += time.process_time() - start
    return total / repeat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="runs per file (default 50)")
    parser.add_argument("--folder", type=int, default=0, metavar="N", help="also check a batch folder of N communes")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for --folder (default: CPU cores)")
    args = parser.parse_args()
    print(f"CPU cores: {os.cpu_count()}; load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    header = f"{'file':<42} {'KB':>5} {'find.':>5} {'render ms':>9} {'check ms':>8} {'cold ms':>7} {'check/s':>7} {'× render':>8}"
    print(header)
    totals = {"render": 0.0, "check": 0.0, "cold": 0.0}
    documents = example_documents()
    for name, document, profile in documents:
        data = render_docx(document, profile)
        result = check_file(data)  # warm the profile and template caches
        render = cpu_per_call(partial(render_docx, document, profile), args.repeat)
        check = cpu_per_call(partial(check_file, data), args.repeat)
        cold = cpu_per_call(partial(check_file, data), max(args.repeat // 5, 3), before=clear_caches)
        totals["render"] += render
        totals["check"] += check
        totals["cold"] += cold
        print(
            f"{name:<42} {len(data) / 1024:>5.1f} {len(result.findings):>5} {render * 1000:>9.2f} {check * 1000:>8.2f}"
            f" {cold * 1000:>7.2f} {1 / check:>7.0f} {render / check:>8.2f}"
        )
    n = len(documents)
    if n:
        render, check, cold = (totals[k] / n for k in ("render", "check", "cold"))
        print(
            f"{'all (one process, one core)':<42} {'':>5} {'':>5} {render * 1000:>9.2f} {check * 1000:>8.2f}"
            f" {cold * 1000:>7.2f} {1 / check:>7.0f} {render / check:>8.2f}"
        )
        print(f"\nrender {1 / render:.0f} docs/s; check {1 / check:.0f} docs/s warm, {1 / cold:.0f} docs/s cold; "
              f"check speed = {render / check:.2f} × render speed")
    if args.folder:
        folder_check(args.folder, args.jobs)
    return 0


def folder_check(count: int, jobs: int) -> None:
    """Render ``count`` communes with the batch, then check that folder on ``jobs`` processes."""
    from ttdn_docs.batch import run_batch
    from ttdn_docs.check.folder import Summary, check_files, docx_files
    from ttdn_docs.units import all_communes

    with tempfile.TemporaryDirectory(prefix="ttdn-check-bench-") as work:
        out = Path(work) / "out"
        start = time.perf_counter()
        run_batch(ROOT / "examples" / "batch" / "plan-template.yaml", out, communes=all_communes()[:count], workers=jobs)
        rendered = time.perf_counter() - start
        paths = docx_files([out])
        summary = Summary()
        start = time.perf_counter()
        for outcome in check_files(paths, workers=jobs):
            summary.add(outcome)
        seconds = time.perf_counter() - start
    print(f"\nbatch folder: {len(paths)} documents rendered in {rendered:.1f} s; "
          f"checked in {seconds:.1f} s with -j {jobs} ({len(paths) / seconds:.0f} docs/s); "
          f"{summary.with_errors} with errors, {summary.unreadable} unreadable; "
          f"load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
