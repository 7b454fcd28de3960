"""Throughput of ``check`` on PDFs: pages per second of CPU time on one core.

Renders every example under every built-in profile, converts them to PDF/A in one
LibreOffice run, then checks each PDF ``--repeat`` times (reading the text layer with
pypdfium2, rebuilding the page, running the rules) and prints pages per second per file
and overall, with the time spent reading the text layer alone. CPU seconds of this
process, so other processes on the machine change them little. Prints a table; asserts
nothing. Target (issue 23): at least 20 pages/s.

    python benchmarks/pdf_check_throughput.py [--repeat N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from check_throughput import cpu_per_call  # noqa: E402
from ttdn_docs import load_document, load_profile  # noqa: E402
from ttdn_docs.check import check_file  # noqa: E402
from ttdn_docs.pdfread import read_pdf  # noqa: E402
from ttdn_docs.profiles import builtin_profile_ids  # noqa: E402
from ttdn_docs.render import render_docx  # noqa: E402
from ttdn_docs.render.pdf import soffice_path  # noqa: E402
from ttdn_docs.render.pdfa import PDFA_EXPORT_FILTER  # noqa: E402


def _pdfs(folder: Path) -> list[Path]:
    files = []
    for example in sorted((ROOT / "examples").glob("*/*.yaml")):
        try:
            document = load_document(example).to_document()
        except Exception:
            continue
        for profile_id in builtin_profile_ids():
            target = folder / f"{example.parent.name}-{example.stem}-{profile_id}.docx"
            target.write_bytes(render_docx(document, load_profile(profile_id)))
            files.append(target)
    soffice = soffice_path()
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to make the PDFs")
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'lo').as_uri()}",
         "--convert-to", PDFA_EXPORT_FILTER, "--outdir", str(folder), *map(str, files)],
        capture_output=True, timeout=1800, check=False,
    )
    return sorted(folder.glob("*.pdf"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ttdn-pdfbench-") as work:
        pdfs = _pdfs(Path(work))
        for pdf in pdfs:  # warm: profiles, regexes, the pdfium library
            check_file(pdf)
        print(f"{'file':<48} {'pages':>5} {'read ms/page':>13} {'check ms/page':>14} {'pages/s':>8}")
        total_pages, total_time = 0, 0.0
        for pdf in pdfs:
            pages = len(read_pdf(pdf).pages)
            read = cpu_per_call(partial(read_pdf, pdf), args.repeat)
            spent = cpu_per_call(partial(check_file, pdf), args.repeat)
            total_pages += pages
            total_time += spent
            print(f"{pdf.name:<48} {pages:>5} {read / pages * 1000:>13.1f} {spent / pages * 1000:>14.1f} {pages / spent:>8.1f}")
        print(f"{'all':<48} {total_pages:>5} {'':>13} {total_time / total_pages * 1000:>14.1f} {total_pages / total_time:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
