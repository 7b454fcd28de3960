"""PDF through LibreOffice, when it is installed.

The .docx stays the document of record (editable, signed in the e-office system); the PDF
is a copy for reading and printing. LibreOffice runs headless with a throw-away profile so
that parallel conversions and a user's own LibreOffice session do not collide.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ttdn_docs.errors import RenderError
from ttdn_docs.render.pdfa import PDFA_EXPORT_FILTER

CONVERT_TIMEOUT_S = 180


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, pdf: Path | None = None, *, timeout: float = CONVERT_TIMEOUT_S) -> Path:
    """Write ``pdf`` (default: ``docx`` with the suffix ``.pdf``) from a .docx, atomically."""
    from ttdn_docs.render import write_bytes_atomic

    target = pdf if pdf is not None else docx.with_suffix(".pdf")
    return write_bytes_atomic(target, soffice_convert(docx, "pdf", timeout=timeout))


# The filter named, not guessed: a file that began as a web page (HTML saved as .odt)
# opens as a «Writer/Web» document, for which LibreOffice finds no .docx filter by itself.
# A PDF is PDF/A-2b and tagged (docs/electronic.md says why 2b): the form an archive and
# an e-office system keep, with the document's structure and language for readers.
_EXPORT_FILTERS = {"docx": "docx:MS Word 2007 XML", "odt": "odt:writer8", "pdf": PDFA_EXPORT_FILTER}


def soffice_convert(source: Path, target_format: str, *, timeout: float = CONVERT_TIMEOUT_S) -> bytes:
    """The bytes of ``source`` converted by LibreOffice to ``target_format`` (``pdf``,
    ``docx``), run headless with a throw-away profile."""
    soffice = soffice_path()
    if soffice is None:
        raise RenderError(
            f"Cần LibreOffice (lệnh soffice) để chuyển '{source}' sang {target_format.upper()}; "
            "hãy cài LibreOffice (gói libreoffice-writer)"
        )
    with tempfile.TemporaryDirectory(prefix="ttdn-soffice-") as work:
        command = [
            soffice, "--headless", "--norestore", f"-env:UserInstallation={Path(work, 'profile').as_uri()}",
            "--convert-to", _EXPORT_FILTERS.get(target_format, target_format), "--outdir", work, str(source),
        ]
        try:
            subprocess.run(command, check=False, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise RenderError(
                f"LibreOffice không chuyển xong '{source}' sang {target_format.upper()} trong {timeout:.0f} giây"
            ) from None
        produced = Path(work) / (source.stem + "." + target_format)
        if not produced.is_file():
            raise RenderError(f"LibreOffice không chuyển được '{source}' sang {target_format.upper()}")
        return produced.read_bytes()
