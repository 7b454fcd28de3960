"""Run the robustness tests and write docs/robustness.md from their markers.

Usage: python scripts/robustness_report.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    target = ROOT / "docs" / "robustness.md"
    env = dict(os.environ, TTDN_ROBUSTNESS_REPORT=str(target))
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", "robustness", "-p", "no:cacheprovider"], cwd=ROOT, env=env)
    print(f"wrote {target}" if target.exists() else "no robustness tests ran")
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
