"""How many pages a PDF has: pypdfium2 when installed, else poppler's ``pdfinfo``."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from ttdn_docs.pdfread.backend import available, pdfium
from ttdn_docs.pdfread.text import PdfReadError

_PAGES = re.compile(r"^Pages:\s+(\d+)\s*$", re.MULTILINE)


def page_count(pdf: Path) -> int:
    if not pdf.is_file():
        raise PdfReadError(f"Không có tệp PDF '{pdf}'")
    if available():
        module = pdfium()
        try:
            document = module.PdfDocument(str(pdf))
        except module.PdfiumError:
            raise PdfReadError(f"'{pdf}' không đọc được như tệp PDF (tệp hỏng hoặc không phải PDF)") from None
        try:
            return len(document)
        finally:
            document.close()
    tool = shutil.which("pdfinfo")
    if tool is None:
        raise PdfReadError(f'Cần gói pypdfium2 để đếm số trang của \'{pdf}\'; hãy cài: pip install "ttdn-docs[pdf]"')
    done = subprocess.run([tool, str(pdf)], capture_output=True, text=True, timeout=60, check=False)
    match = _PAGES.search(done.stdout)
    if match is None:
        raise PdfReadError(f"'{pdf}' không đọc được như tệp PDF (tệp hỏng hoặc không phải PDF)")
    return int(match.group(1))
