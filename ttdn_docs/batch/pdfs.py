"""PDFs of a batch: one PDF/A per commune beside its .docx, and one combined PDF per
province for printing (the communes in code order, each starting on a new page).

The .docx files are converted in chunks, each chunk in one LibreOffice run (a run costs a
start of about a second; a chunk bounds what one slow file can hold up). A PDF is
converted again only when its .docx is newer. The combined PDF is put together with
pypdfium2 (extra ``pdf``); it is for printing, not for upload, so it claims no PDF/A.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from ttdn_docs.batch.manifest import ManifestEntry
from ttdn_docs.filenames import safe_filename
from ttdn_docs.render import write_bytes_atomic
from ttdn_docs.units import get_commune

CHUNK = 40
_SECONDS_PER_FILE = 20.0


@dataclass
class BatchPdfs:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # messages, one per file
    combined: list[Path] = field(default_factory=list)


def write_batch_pdfs(out_dir: Path, entries: list[ManifestEntry], *, combine: bool = False) -> BatchPdfs:
    """PDFs for the communes of ``entries`` whose .docx is in ``out_dir``."""
    from ttdn_docs.office import soffice_convert_many
    from ttdn_docs.render.pdf import PDFA_EXPORT_FILTER

    result = BatchPdfs()
    done = [e for e in entries if e.status in ("ok", "unchanged") and (out_dir / e.file).is_file()]
    stale = []
    for entry in done:
        docx = out_dir / entry.file
        pdf = docx.with_suffix(".pdf")
        if pdf.is_file() and pdf.stat().st_mtime >= docx.stat().st_mtime:
            result.unchanged.append(pdf)
        else:
            stale.append(docx)
    for start in range(0, len(stale), CHUNK):
        chunk = stale[start:start + CHUNK]
        converted = soffice_convert_many(
            chunk, "pdf", export_filter=PDFA_EXPORT_FILTER, timeout=_SECONDS_PER_FILE * len(chunk) + 60
        )
        for docx, data in converted.items():
            if data is None:
                result.failed.append(f"{docx.name}: LibreOffice không chuyển được sang PDF")
                continue
            result.written.append(write_bytes_atomic(docx.with_suffix(".pdf"), data))
    if combine:
        result.combined = _combined(out_dir, done)
    return result


def _combined(out_dir: Path, entries: list[ManifestEntry]) -> list[Path]:
    from ttdn_docs.pdfread.backend import pdfium

    module = pdfium()
    by_province: dict[str, list[ManifestEntry]] = {}
    names: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e.code):
        province = get_commune(entry.code).province
        by_province.setdefault(province.code, []).append(entry)
        names[province.code] = province.full_name
    written = []
    for code, members in sorted(by_province.items()):
        merged = module.PdfDocument.new()
        for entry in members:
            pdf = (out_dir / entry.file).with_suffix(".pdf")
            if pdf.is_file():
                source = module.PdfDocument(str(pdf))
                merged.import_pages(source)
                source.close()
        target = out_dir / safe_filename(f"{code}-{names[code]}-tong-hop", suffix=".pdf")
        buffer = io.BytesIO()
        merged.save(buffer)
        merged.close()
        written.append(write_bytes_atomic(target, buffer.getvalue()))
    return written


def print_batch_pdfs(pdfs: BatchPdfs) -> None:
    """What the command says after writing them."""
    import sys

    print(f"PDF: {len(pdfs.written)} đã ghi, {len(pdfs.unchanged)} không đổi, {len(pdfs.failed)} lỗi (PDF/A-2b, cùng thư mục).")
    for path in pdfs.combined:
        print(f"Đã ghi bản in gộp {path}")
    for message in pdfs.failed:
        print(f"  - {message}", file=sys.stderr)
