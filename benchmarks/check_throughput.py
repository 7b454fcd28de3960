"""Throughput of the compliance checker on the example files.

Renders every example input under every built-in profile, then checks each rendered file
repeatedly (safe opening, parsing, all rules) and prints documents per second.

Usage: python benchmarks/check_throughput.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="checks per file (default 50)")
    args = parser.parse_args()
    files = example_files()
    print(f"{'file':<50} {'KB':>6} {'findings':>8} {'ms/doc':>8} {'docs/s':>8}")
    total_docs, total_time = 0, 0.0
    for name, data in files:
        check_file(data)  # warm the profile and template caches
        start = time.perf_counter()
        for _ in range(args.repeat):
            result = check_file(data)
        elapsed = time.perf_counter() - start
        total_docs += args.repeat
        total_time += elapsed
        per_doc = elapsed / args.repeat
        print(f"{name:<50} {len(data) / 1024:>6.1f} {len(result.findings):>8} {per_doc * 1000:>8.1f} {1 / per_doc:>8.1f}")
    if total_docs:
        print(f"{'all (one process)':<50} {'':>6} {'':>8} {total_time / total_docs * 1000:>8.1f} {total_docs / total_time:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
