"""Loading the commune tables (3,321 communes, 34 provinces), cold and cached.

    python benchmarks/units_load.py [--repeat N]

CPU seconds of this process; prints a table, asserts nothing (tests/test_units.py only
proves the tables are cached).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ttdn_docs.units import store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    cold, warm = [], []
    for _ in range(args.repeat):
        store.tables.cache_clear()
        start = time.process_time()
        store.tables()
        cold.append(time.process_time() - start)
        start = time.process_time()
        store.tables()
        warm.append(time.process_time() - start)
    print("| load | median ms | best ms |")
    print("|---|---:|---:|")
    for name, times in (("cold (parse the data)", cold), ("cached", warm)):
        print(f"| {name} | {statistics.median(times) * 1000:.2f} | {min(times) * 1000:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
