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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from check_throughput import example_files, throughput_table  # noqa: E402

from ttdn_docs.importer import import_docx  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="imports per file (default 50)")
    args = parser.parse_args()
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    throughput_table(example_files(), lambda data: len(import_docx(data).warnings), args.repeat, "warnings")
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
