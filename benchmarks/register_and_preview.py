"""Reservations per second of the register of numbers (1 and 4 processes racing on one
SQLite file) and preview pages per second, printed as a table.

Usage: python benchmarks/register_and_preview.py [--reservations N]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ttdn_docs import load_plan, load_profile  # noqa: E402
from ttdn_docs.admin import DocumentKind  # noqa: E402
from ttdn_docs.preview import to_html  # noqa: E402
from ttdn_docs.register import NumberRegister  # noqa: E402


def _reserve(args: tuple[str, int]) -> int:
    path, count = args
    register = NumberRegister(path)
    for _ in range(count):
        register.reserve("Ủy ban nhân dân xã Thanh Miện", DocumentKind.KE_HOACH, "2026")
    return count


def reservations_per_second(total: int, processes: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "so.sqlite")
        NumberRegister(path)
        start = time.perf_counter()
        if processes == 1:
            _reserve((path, total))
        else:
            with multiprocessing.get_context("spawn").Pool(processes) as pool:
                pool.map(_reserve, [(path, total // processes)] * processes)
        elapsed = time.perf_counter() - start
        assert len(NumberRegister(path).entries()) == total // processes * processes
    return total / elapsed


def pages_per_second(repeat: int) -> float:
    plan = load_plan(ROOT / "examples" / "thanh_mien_2025" / "plan.yaml")
    document, profile = plan.to_document(), load_profile(plan.profile)
    start = time.perf_counter()
    for _ in range(repeat):
        to_html(document, profile)
    return repeat / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reservations", type=int, default=400)
    args = parser.parse_args()
    rows = [
        ("register: reservations/s, 1 process", reservations_per_second(args.reservations, 1)),
        ("register: reservations/s, 4 processes (spawn included)", reservations_per_second(args.reservations, 4)),
        ("preview: Thanh Miện pages/s", pages_per_second(200)),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  {'value':>10}")
    for name, value in rows:
        print(f"{name:<{width}}  {value:>10.1f}")


if __name__ == "__main__":
    main()
