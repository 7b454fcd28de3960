"""Whole-process times of single commands, against ``python -c pass`` in the same run.

    python benchmarks/startup.py [--repeat N]

Each command runs as a fresh interpreter, as an officer runs it; the figure is the
child's CPU time (user + system, one core), the median of ``--repeat`` runs taken in
turn with the others so that a busy machine weighs on all alike, with the wall time
beside it. Before measuring, the package is byte-compiled (as ``pip install`` does; a
source checkout run with ``PYTHONDONTWRITEBYTECODE`` would compile ~50 modules every run)
and the disk cache (``TTDN_CACHE_DIR``, a temporary folder here) is warmed by one run of
each command — the state of any machine after its first render. ``--cold`` measures
with an empty cache instead. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "thanh_mien_2025" / "plan.yaml"
CLI = "from ttdn_docs.cli import main; raise SystemExit(main())"  # what the console script runs

TARGETS = {"ttdn-docs --help": 0.12, "ttdn-docs check one.docx": 0.20, "ttdn-docs render plan.yaml": 0.25}


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--cold", action="store_true", help="empty the disk cache before every run")
    parser.add_argument(
        "--instructions", action="store_true",
        help="also count each command's instructions once (valgrind --tool=cachegrind): a figure a busy machine "
             "does not move",
    )
    args = parser.parse_args()
    compileall.compile_dir(str(ROOT / "ttdn_docs"), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="ttdn-startup-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["TTDN_CACHE_DIR"] = str(work / "cache")
    env["PYTHONPATH"] = str(ROOT)
    py = sys.executable
    one = work / "one.docx"
    subprocess.run([py, "-c", CLI, "render", str(PLAN), "-o", str(one), "--no-check"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import ttdn_docs'": [py, "-c", "import ttdn_docs"],
        "ttdn-docs --help": [py, "-c", CLI, "--help"],
        "ttdn-docs check one.docx": [py, "-c", CLI, "check", str(one)],
        "ttdn-docs render plan.yaml": [py, "-c", CLI, "render", str(PLAN), "-o", str(work / "out.docx"), "--force"],
        "ttdn-docs render --no-check": [
            py, "-c", CLI, "render", str(PLAN), "-o", str(work / "out.docx"), "--force", "--no-check",
        ],
    }
    for command in commands.values():  # warm: byte code written, disk cache filled
        _run(command, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, command in commands.items():
            if args.cold:
                subprocess.run(["rm", "-rf", env["TTDN_CACHE_DIR"]], check=False)
            times[name].append(_run(command, env))
    base = statistics.median(cpu for cpu, _ in times["python -c pass"])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load {load:.1f}, "
          f"{args.repeat} runs each, disk cache {'empty' if args.cold else 'warm'}")
    print()
    print("| command | CPU s (median) | − python -c pass | wall s (median) | target | |")
    print("|---|---:|---:|---:|---:|---|")
    for name, samples in times.items():
        cpu = statistics.median(c for c, _ in samples)
        wall = statistics.median(w for _, w in samples)
        target = TARGETS.get(name)
        verdict = "" if target is None else ("ok" if cpu <= target else "over")
        shown = f"{target:.2f}" if target is not None else ""
        print(f"| {name} | {cpu:.3f} | {cpu - base:.3f} | {wall:.3f} | {shown} | {verdict} |")
    if args.instructions:
        if shutil.which("valgrind") is None:
            print("\nvalgrind is not installed: no instruction counts")
            return 0
        counts = {name: _instructions(command, env) for name, command in commands.items()}
        print()
        print("| command | instructions (M) | − python -c pass |")
        print("|---|---:|---:|")
        for name, count in counts.items():
            print(f"| {name} | {count / 1e6:,.0f} | {(count - counts['python -c pass']) / 1e6:,.0f} |")
    return 0


def _instructions(command: list[str], env: dict[str, str]) -> int:
    """Instructions one run executes (valgrind's cachegrind, no cache simulation)."""
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *command],
        env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    return int(found.group(1).replace(",", "")) if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
