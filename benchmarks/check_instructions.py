"""Instructions per `check` of each example file, counted by valgrind (cachegrind).

CPU time on a shared machine moves ±30 % between runs of the same code; the number of
instructions a check executes does not. For each example file under each built-in
profile this runs the process twice under ``valgrind --tool=cachegrind`` (the file
rendered and checked once to warm the caches, then checked N more times or not) and
prints the difference per check, in millions of instructions, with the findings count.

    python benchmarks/check_instructions.py [--repeat N] [--filter TEXT]

Needs valgrind on the PATH (Debian: ``apt-get install valgrind``); slow (about 50× a
plain run). Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _run(name: str, repeat: int) -> int:
    """Instructions of a process that checks ``name`` once, then ``repeat`` times more."""
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, "--child", name, "--repeat", str(repeat),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    match = _REFS.search(done.stderr)
    if match is None:
        raise SystemExit(f"valgrind gave no instruction count:\n{done.stderr[-2000:]}")
    return int(match.group(1).replace(",", ""))


def _child(name: str, repeat: int) -> None:
    from check_throughput import example_documents

    from ttdn_docs.check import check_file
    from ttdn_docs.render import render_docx

    data = next(render_docx(document, profile) for key, document, profile in example_documents() if key == name)
    check_file(data)
    for _ in range(repeat):
        check_file(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="checks counted per file (default 3)")
    parser.add_argument("--filter", default="", help="only files whose name holds this text")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.repeat)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing measured")
        return 0
    from check_throughput import example_documents

    from ttdn_docs.check import check_file
    from ttdn_docs.render import render_docx

    print(f"{'file':<42} {'find.':>5} {'M instr/check':>13}")
    counts = []
    for name, document, profile in example_documents():
        if args.filter not in name:
            continue
        findings = len(check_file(render_docx(document, profile)).findings)
        per_check = (_run(name, args.repeat) - _run(name, 0)) / args.repeat / 1e6
        counts.append(per_check)
        print(f"{name:<42} {findings:>5} {per_check:>13.2f}", flush=True)
    if counts:
        print(f"{'mean':<42} {'':>5} {sum(counts) / len(counts):>13.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
