"""Render throughput in one process, against plain docxtpl and against the floor, in the
same run.

    python benchmarks/render_throughput.py [--repeat N]

For every example plan and report (each under its own profile):

* **YAML → .docx**: read the file, parse (libyaml), validate, build the document and
  its context, render — what ``render`` does per document, without the file write;
* **engine**: ``CompiledTemplate.render`` of a prepared context (Jinja, the checks,
  deflate of the templated parts, the zip);
* **floor**: only the work no engine can skip — deflate the templated parts already
  rendered to XML (at the level the engine uses) and write the zip around the parts
  deflated once at compile time;
* **plain docxtpl**: ``DocxTemplate(path).render(context)`` and save to memory, as a
  docxtpl user does per document.

Then the deflate level: time and size of the templated parts at each level, so the
level is chosen by measurement (``docs/performance.md``). CPU seconds of this process
(``time.process_time``), medians; prints tables, asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ttdn_docs.api import load_document  # noqa: E402
from ttdn_docs.profiles import load_profile  # noqa: E402
from ttdn_docs.render.context import build_context  # noqa: E402
from ttdn_docs.render.engine import CompiledTemplate  # noqa: E402
from ttdn_docs.render.package import RENDER_DEFLATE_LEVEL, write_entries  # noqa: E402
from ttdn_docs.render.templates import committed_template_path, template_for  # noqa: E402

INPUTS = [ROOT / "examples" / "thanh_mien_2025" / "plan.yaml", ROOT / "examples" / "thanh_mien_2025" / "report.yaml",
          ROOT / "examples" / "state_plan" / "plan.yaml"]


def _median_time(work: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _rendered_xml(compiled: CompiledTemplate, context: dict[str, Any]) -> dict[str, bytes]:
    """The templated parts as the engine writes them (for the floor)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(compiled.render(context))) as archive:
        return {part: archive.read(part) for part in compiled.parts}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]

    rows = []
    level_parts: list[bytes] = []
    for path in INPUTS:
        document = load_document(path)
        profile = load_profile(document.profile)
        compiled = template_for(profile)
        admin = document.to_document()
        context = build_context(admin, profile)
        rendered = _rendered_xml(compiled, context)
        level_parts.extend(rendered.values())
        static = [compiled._static[p] if p in compiled._static else (p, rendered[p]) for p, _ in compiled._entries]

        def from_yaml(path: Path = path) -> bytes:
            doc = load_document(path)
            chosen = load_profile(doc.profile)
            return template_for(chosen).render(build_context(doc.to_document(), chosen))

        def docxtpl(profile_id: str = profile.id, context: dict[str, Any] = context) -> None:
            template = DocxTemplate(str(committed_template_path(profile_id)))
            template.render(context, autoescape=True)
            template.save(io.BytesIO())

        yaml_s = _median_time(from_yaml, args.repeat)
        engine_s = _median_time(lambda c=compiled, x=context: c.render(x), args.repeat)  # type: ignore[misc]
        floor_s = _median_time(lambda s=static: write_entries(s, RENDER_DEFLATE_LEVEL), args.repeat)  # type: ignore[misc]
        plain_s = _median_time(docxtpl, max(3, args.repeat // 5))
        rows.append((path.relative_to(ROOT).as_posix(), yaml_s, engine_s, floor_s, plain_s))

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Python {sys.version.split()[0]}, load {load:.1f}, median of {args.repeat} (docxtpl: {max(3, args.repeat // 5)}), "
          f"deflate level of rendered parts {RENDER_DEFLATE_LEVEL}")
    print()
    print("| input | YAML→.docx ms | docs/s | engine ms | floor ms | engine ÷ floor | docxtpl ms | docxtpl ÷ engine |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, yaml_s, engine_s, floor_s, plain_s in rows:
        print(f"| {name} | {yaml_s * 1000:.2f} | {1 / yaml_s:.0f} | {engine_s * 1000:.2f} | {floor_s * 1000:.2f} | "
              f"{engine_s / floor_s:.1f}× | {plain_s * 1000:.1f} | {plain_s / engine_s:.0f}× |")

    print()
    print("Deflate level of the templated parts (all inputs together):")
    print()
    print("| level | deflate ms (all inputs) | compressed bytes | vs level 6 |")
    print("|---:|---:|---:|---:|")
    def deflate(level: int) -> int:
        total = 0
        for blob in level_parts:
            compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
            total += len(compressor.compress(blob) + compressor.flush())
        return total

    sizes = {level: deflate(level) for level in range(1, 10)}
    for level in range(1, 10):
        seconds = _median_time(lambda level=level: deflate(level), args.repeat)  # type: ignore[misc]
        print(f"| {level} | {seconds * 1000:.2f} | {sizes[level]} | {sizes[level] / sizes[6] - 1:+.1%} |")
    print(f"\nuncompressed: {sum(map(len, level_parts))} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
