"""Throughput of ``import`` (Word file → plan/report model) on the example files.

Renders every example input under every built-in profile, then imports each rendered file
repeatedly (safe opening, reading, anatomy, model validation) and prints documents per
second in one process. The target is at least 100 documents/s; state the machine's load
when quoting a number.

Usage: python benchmarks/import_throughput.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from check_throughput import example_files  # noqa: E402

from ttdn_docs.importer import import_docx  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="imports per file (default 50)")
    args = parser.parse_args()
    files = example_files()
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"{'file':<50} {'KB':>6} {'warnings':>8} {'ms/doc':>8} {'docs/s':>8}")
    total_docs, total_time = 0, 0.0
    for name, data in files:
        import_docx(data)  # warm the profile caches
        start = time.perf_counter()
        for _ in range(args.repeat):
            result = import_docx(data)
        elapsed = time.perf_counter() - start
        total_docs += args.repeat
        total_time += elapsed
        per_doc = elapsed / args.repeat
        print(f"{name:<50} {len(data) / 1024:>6.1f} {len(result.warnings):>8} {per_doc * 1000:>8.1f} {1 / per_doc:>8.1f}")
    if total_docs:
        print(f"{'all (one process)':<50} {'':>6} {'':>8} {total_time / total_docs * 1000:>8.1f} {total_docs / total_time:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
