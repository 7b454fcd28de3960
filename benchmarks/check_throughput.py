"""Throughput of the compliance checker on the example files.

Renders every example input under every built-in profile, then checks each rendered file
repeatedly (safe opening, parsing, all rules) and prints documents per second.

Usage: python benchmarks/check_throughput.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ttdn_docs.api import load_document  # noqa: E402
from ttdn_docs.check import check_file  # noqa: E402
from ttdn_docs.errors import TtdnError  # noqa: E402
from ttdn_docs.profiles import builtin_profile_ids, load_profile  # noqa: E402
from ttdn_docs.render import render_docx  # noqa: E402


def example_files() -> list[tuple[str, bytes]]:
    files = []
    for path in sorted((ROOT / "examples").glob("*/*.yaml")):
        try:
            document = load_document(path).to_document()
        except TtdnError:  # not a document: a template for many communes, unit results …
            continue
        for profile_id in builtin_profile_ids():
            name = f"{path.parent.name}/{path.stem} ({profile_id})"
            files.append((name, render_docx(document, load_profile(profile_id))))
    return files


def throughput_table(files: list[tuple[str, bytes]], work: Callable[[bytes], int], repeat: int, column: str) -> None:
    """Run ``work`` on each file ``repeat`` times and print ms/doc and docs/s per file
    and overall; ``work`` returns the count shown in ``column`` (findings, warnings)."""
    print(f"{'file':<50} {'KB':>6} {column:>8} {'ms/doc':>8} {'docs/s':>8}")
    total_docs, total_time = 0, 0.0
    for name, data in files:
        work(data)  # warm the profile and template caches
        start = time.perf_counter()
        for _ in range(repeat):
            count = work(data)
        elapsed = time.perf_counter() - start
        total_docs += repeat
        total_time += elapsed
        per_doc = elapsed / repeat
        print(f"{name:<50} {len(data) / 1024:>6.1f} {count:>8} {per_doc * 1000:>8.1f} {1 / per_doc:>8.1f}")
    if total_docs:
        print(f"{'all (one process)':<50} {'':>6} {'':>8} {total_time / total_docs * 1000:>8.1f} {total_docs / total_time:>8.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="checks per file (default 50)")
    args = parser.parse_args()
    throughput_table(example_files(), lambda data: len(check_file(data).findings), args.repeat, "findings")
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
