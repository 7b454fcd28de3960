"""Throughput of ``import`` (Word file → plan/report model) on the example files and on
the plans and reports typed in their authors' own outlines (``tests/outline_corpus.py``).

Renders every example input under every built-in profile, then imports each rendered file
(and each hand-typed corpus file)
repeatedly (safe opening, reading, anatomy, model validation) and prints documents per
second of one process: CPU time (what the machine's load does not change) and wall time
(with the load average, since 4 helpers may share 2 cores). The target is at least 100
documents/s.

Usage: python benchmarks/import_throughput.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from check_throughput import cpu_per_call, example_files  # noqa: E402

from outline_corpus import SHAPES, docx_bytes  # noqa: E402

from ttdn_docs.importer import import_docx  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="imports per file (default 50)")
    args = parser.parse_args()
    print(f"CPU cores: {os.cpu_count()}; load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print(f"{'file':<44} {'KB':>5} {'warn.':>5} {'cpu ms':>7} {'docs/s cpu':>10} {'docs/s wall':>11}")
    cpu_total = wall_total = 0.0
    files = example_files() + [(f"typed/{s.name}", docx_bytes(s)) for s in SHAPES]
    for name, data in files:
        warnings = len(import_docx(data).warnings)  # warm the profile caches
        cpu = cpu_per_call(partial(import_docx, data), args.repeat)
        start = time.perf_counter()
        for _ in range(args.repeat):
            import_docx(data)
        wall = (time.perf_counter() - start) / args.repeat
        cpu_total += cpu
        wall_total += wall
        print(f"{name:<44} {len(data) / 1024:>5.1f} {warnings:>5} {cpu * 1000:>7.2f} {1 / cpu:>10.0f} {1 / wall:>11.0f}")
    if files:
        cpu, wall = cpu_total / len(files), wall_total / len(files)
        print(f"{'all (one process)':<44} {'':>5} {'':>5} {cpu * 1000:>7.2f} {1 / cpu:>10.0f} {1 / wall:>11.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
