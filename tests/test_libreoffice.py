"""Rendered documents open in LibreOffice and lay out as an official document."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import requires_libreoffice, soffice


def to_pdf(docx: Path, out_dir: Path) -> Path:
    command = [soffice() or "soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{out_dir}/lo-profile",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    pdf = out_dir / (docx.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    return pdf


def pdf_pages_text(pdf: Path) -> list[str]:
    pdftotext = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60)
    if pdftotext.returncode != 0:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return pdftotext.stdout.split("\f")


@requires_libreoffice
def test_thanh_mien_opens_in_libreoffice_and_paginates(thanh_mien_docx: Path, tmp_path: Path) -> None:
    pdf = to_pdf(thanh_mien_docx, tmp_path)
    pages = [p for p in pdf_pages_text(pdf) if p.strip()]
    assert 2 <= len(pages) <= 6
    first = pages[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "KẾ HOẠCH" in first and "Số 04-KH/ĐU" in first
    # No page number on page 1; "2" alone on the first line of page 2.
    assert pages[1].strip().splitlines()[0].strip() == "2"
    assert not first.strip().splitlines()[0].strip().isdigit()
    last = pages[-1]
    # The signature block is kept together on one page.
    assert "T/M BAN THƯỜNG VỤ" in last and "Vũ Minh Nguyệt" in last and "Nơi nhận:" in last
