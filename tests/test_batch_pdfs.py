"""``batch --pdf`` writes a PDF/A beside each commune's .docx; ``--pdf-combined`` one PDF
per province holding every commune's pages, for printing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, requires_libreoffice
from ttdn_docs.cli import main

pdfium = pytest.importorskip("pypdfium2")


@requires_libreoffice
@pytest.mark.libreoffice
def test_batch_writes_a_pdf_per_commune_and_one_per_province(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = ["batch", str(EXAMPLES / "batch" / "plan-template.yaml"), "--communes", str(EXAMPLES / "batch" / "communes.csv"),
            "-o", str(out), "--pdf", "--pdf-combined"]
    assert main(args) == 0
    docx = sorted(out.glob("*.docx"))
    pdfs = [p.with_suffix(".pdf") for p in docx]
    assert docx and all(p.is_file() for p in pdfs)
    (combined,) = out.glob("*-tong-hop.pdf")
    assert combined.name.startswith("31-")  # the province's code: Hải Phòng
    pages = [len(pdfium.PdfDocument(str(p))) for p in pdfs]
    merged = pdfium.PdfDocument(str(combined))
    assert len(merged) == sum(pages)
    # The communes in code order: the first page of each is its own.
    first_texts = [pdfium.PdfDocument(str(p))[0].get_textpage().get_text_range() for p in pdfs]
    offset = 0
    for text, count in zip(first_texts, pages):
        assert merged[offset].get_textpage().get_text_range() == text
        offset += count
    assert b"<pdfaid:part>2</pdfaid:part>" in pdfs[0].read_bytes()  # the XMP packet is not compressed
    said = capsys.readouterr().out
    assert f"PDF: {len(pdfs)} đã ghi" in said and "bản in gộp" in said
    # Again: nothing to convert, the combined file written anew.
    assert main(args) == 0
    assert f"PDF: 0 đã ghi, {len(pdfs)} không đổi" in capsys.readouterr().out
