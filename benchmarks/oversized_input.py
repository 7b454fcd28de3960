"""How fast input is refused or read, by size: oversized files must cost a ``stat``.

    python benchmarks/oversized_input.py

Builds the seed plan with ``n`` purposes of ``chars`` characters each (the 18 MB case of
issue 13 is 500 × 26,000) and times ``ttdn_docs.api.load_document`` on it: refused when
above the data limit, read and validated when below. Prints a table; never asserts a
time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "thanh_mien_2025" / "plan.yaml"
CASES = [(500, 26_000), (80, 26_000), (40, 26_000), (20, 200)]


def plan_text(purposes: int, chars: int) -> str:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    words = "tuyên truyền thông tin đối ngoại về hình ảnh quê hương "
    text = (words * (chars // len(words) + 1))[:chars]
    data["purposes"] = [text for _ in range(purposes)]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)


def main() -> int:
    from ttdn_docs.api import load_document
    from ttdn_docs.errors import InputError
    from ttdn_docs.limits import size_text

    print(f"{'purposes × chars':>18} {'size':>10} {'outcome':>10} {'seconds':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for purposes, chars in CASES:
            path = Path(tmp) / f"plan-{purposes}-{chars}.yaml"
            path.write_text(plan_text(purposes, chars), encoding="utf-8")
            start = time.perf_counter()
            try:
                load_document(path)
                outcome = "read"
            except InputError as exc:
                outcome = "refused" if "quá lớn" in str(exc) else "invalid"
            elapsed = time.perf_counter() - start
            size = size_text(path.stat().st_size)
            print(f"{purposes:>8} × {chars:<7} {size:>10} {outcome:>10} {elapsed:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
