"""Batch throughput and memory: plain docxtpl vs ttdn-docs batch, side by side.

    python benchmarks/batch.py            # all 3,321 communes; docxtpl on a sample
    python benchmarks/batch.py --quick    # smaller numbers, for a smoke run

Each measurement runs in its own child process of this one (one process tree), so peak
memory (max RSS) is measured per configuration: the child itself and its largest worker.
Prints a table; never asserts a time. The documents of the --all run are then verified
one by one (sha256 = manifest, zip readable, XML well-formed, the commune's own header)
and every one goes through the compliance checker (ttdn_docs.check), which must find no error.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATE = ROOT / "examples" / "batch" / "plan-template.yaml"


def _contexts(n: int) -> list[dict]:  # type: ignore[type-arg]
    """The render contexts of the first ``n`` communes, built as the batch builds them."""
    from ttdn_docs.batch import PlanTemplate
    from ttdn_docs.profiles import load_profile
    from ttdn_docs.render import build_context
    from ttdn_docs.units import all_communes

    template = PlanTemplate.load(TEMPLATE)
    profile = load_profile(template.profile_name)
    return [build_context(template.plan_for(c, profile.family).to_document(), profile) for c in all_communes()[:n]]


def child_docxtpl(n: int, out: Path) -> dict[str, float]:
    import jinja2
    from docxtpl import DocxTemplate
    from jinja2.sandbox import SandboxedEnvironment

    from ttdn_docs.profiles import load_profile
    from ttdn_docs.render.templates import committed_template_path

    path = committed_template_path(load_profile("party").id)
    contexts = _contexts(n)
    env = SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    start = time.perf_counter()
    for i, context in enumerate(contexts):
        document = DocxTemplate(str(path))
        document.render(context, jinja_env=env, autoescape=True)
        document.save(str(out / f"{i}.docx"))
    return {"docs": n, "seconds": time.perf_counter() - start}


def child_engine(n: int, out: Path) -> dict[str, float]:
    from ttdn_docs.profiles import load_profile
    from ttdn_docs.render.templates import template_for

    compiled = template_for(load_profile("party"))
    contexts = _contexts(n)
    start = time.perf_counter()
    for i, context in enumerate(contexts):
        (out / f"{i}.docx").write_bytes(compiled.render(context))
    return {"docs": n, "seconds": time.perf_counter() - start}


def child_batch(n: int, out: Path, jobs: int) -> dict[str, float]:
    from ttdn_docs.batch import run_batch
    from ttdn_docs.units import all_communes

    communes = all_communes()[:n]
    start = time.perf_counter()
    result = run_batch(TEMPLATE, out, communes=communes, workers=jobs)
    seconds = time.perf_counter() - start
    assert not result.failed, result.failed[:3]
    return {"docs": len(result.entries), "seconds": seconds}


def run_child(mode: str, n: int, jobs: int, out: Path) -> dict[str, float]:
    out.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, __file__, "--child", mode, "--n", str(n), "--jobs", str(jobs), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def verify(folder: Path) -> tuple[int, list[str]]:
    """Check every document of a batch folder; return (checked, problems)."""
    from lxml import etree

    from ttdn_docs.units import get_commune

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    problems = []
    for entry in manifest["documents"]:
        data = (folder / entry["file"]).read_bytes()
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            problems.append(f"{entry['file']}: sha256 differs from the manifest")
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if archive.testzip() is not None:
                problems.append(f"{entry['file']}: corrupt zip member")
            xml = archive.read("word/document.xml")
        paragraphs = ["".join(p.itertext()) for p in etree.fromstring(xml).iter(f"{W}p")]
        header = f"ĐẢNG ỦY {get_commune(entry['code']).full_name.upper()}"
        if header not in paragraphs:
            problems.append(f"{entry['file']}: no header line {header!r}")
    # Every document through the real compliance checker, on all cores.
    from concurrent.futures import ProcessPoolExecutor

    files = [str(folder / entry["file"]) for entry in manifest["documents"]]
    with ProcessPoolExecutor() as pool:
        for name, errors in zip(files, pool.map(_checker_errors, files, chunksize=32)):
            if errors:
                problems.append(f"{name}: {errors} checker error(s)")
    return len(manifest["documents"]), problems


def _checker_errors(path: str) -> int:
    from ttdn_docs.check import check_file

    return len(check_file(Path(path)).errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", choices=["docxtpl", "engine", "batch"])
    parser.add_argument("--n", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        modes = {"docxtpl": child_docxtpl, "engine": child_engine}
        result = (
            child_batch(args.n, args.out, args.jobs) if args.child == "batch" else modes[args.child](args.n, args.out)
        )
        kb = 1024  # ru_maxrss is in kB on Linux
        result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kb
        result["rss_worker_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / kb
        print(json.dumps(result))
        return

    total = 400 if args.quick else 3321
    sample = 60 if args.quick else 300
    sizes = [114, 1000, total] if not args.quick else [114, total]
    work = Path(tempfile.mkdtemp(prefix="ttdn-bench-"))
    try:
        rows = []
        plain = run_child("docxtpl", sample, 1, work / "docxtpl")
        rows.append(("plain docxtpl, one at a time (1 core)", plain))
        rows.append(("ttdn engine, render only (1 core)", run_child("engine", sample, 1, work / "engine")))
        one = run_child("batch", total, 1, work / "batch-j1")
        rows.append((f"ttdn-docs batch -j 1 ({total} communes)", one))
        two = run_child("batch", total, 2, work / "batch-j2")
        rows.append((f"ttdn-docs batch -j 2 ({total} communes)", two))
        for size in sizes[:-1]:
            rows.append((f"ttdn-docs batch -j 2 ({size} communes)", run_child("batch", size, 2, work / f"size-{size}")))
        rerun = run_child("batch", total, 2, work / "batch-j2")
        rows.append((f"re-run, nothing changed -j 2 ({total})", rerun))

        print(f"CPU cores: {os.cpu_count()}; Python {sys.version.split()[0]}\n")
        print(f"| {'configuration':<44} | {'docs':>5} | {'seconds':>8} | {'docs/s':>7} | {'× docxtpl':>9} | {'RSS MB':>6} | {'worker MB':>9} |")
        print(f"|{'-' * 46}|{'-' * 7}|{'-' * 10}|{'-' * 9}|{'-' * 11}|{'-' * 8}|{'-' * 11}|")
        base = plain["docs"] / plain["seconds"]
        for name, r in rows:
            rate = r["docs"] / r["seconds"]
            print(
                f"| {name:<44} | {r['docs']:>5.0f} | {r['seconds']:>8.2f} | {rate:>7.0f} | {rate / base:>8.1f}× |"
                f" {r['rss_mb']:>6.0f} | {r['rss_worker_mb']:>9.0f} |"
            )
        per_core = (one["docs"] / one["seconds"]) / base
        print(f"\nbatch -j 1 vs plain docxtpl, per core: {per_core:.1f}× (target ≥ 5×)")
        print(f"all {two['docs']:.0f} communes with 2 workers: {two['seconds']:.1f} s (target < 15 s)")
        checked, problems = verify(work / "batch-j2")
        print(f"verified {checked} documents of the -j 2 run: {len(problems)} problems")
        for problem in problems[:20]:
            print("  ", problem)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
