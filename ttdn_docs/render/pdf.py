"""PDF through LibreOffice (``ttdn_docs.office``), when it is installed.

The .docx stays the document of record (editable, signed in the e-office system); the PDF
is a copy for reading and printing.
"""

from __future__ import annotations

import json
from pathlib import Path

from ttdn_docs.office import CONVERT_TIMEOUT_S
from ttdn_docs.office import soffice_convert as soffice_convert  # importable from here too
from ttdn_docs.office import soffice_path as soffice_path

# A PDF is PDF/A-2b and tagged (docs/electronic.md says why 2b): the form an archive and
# an e-office system keep, with the document's structure and language for readers.
# LibreOffice's ``writer_pdf_Export`` takes its options as JSON (LibreOffice 7.4 and later):
# ``SelectPdfVersion`` 2 is PDF/A-2b, ``UseTaggedPDF`` writes the structure tree.
PDFA_VERSION = 2  # PDF/A-2b (ISO 19005-2, level B)
_OPTIONS = {
    "SelectPdfVersion": {"type": "long", "value": str(PDFA_VERSION)},
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
}
PDFA_EXPORT_FILTER = "pdf:writer_pdf_Export:" + json.dumps(_OPTIONS, separators=(",", ":"))


def convert_to_pdf(docx: Path, pdf: Path | None = None, *, timeout: float = CONVERT_TIMEOUT_S) -> Path:
    """Write ``pdf`` (default: ``docx`` with the suffix ``.pdf``) from a .docx, atomically."""
    from ttdn_docs.render import write_bytes_atomic

    target = pdf if pdf is not None else docx.with_suffix(".pdf")
    return write_bytes_atomic(target, soffice_convert(docx, "pdf", export_filter=PDFA_EXPORT_FILTER, timeout=timeout))
