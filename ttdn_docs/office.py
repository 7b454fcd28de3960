"""LibreOffice, run headless: the one module that starts it (conversions to .docx, .odt
and PDF, for the reader and the renderer alike).

Each run has a throw-away profile, so that parallel conversions and a user's own
LibreOffice session do not collide.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ttdn_docs.errors import RenderError

CONVERT_TIMEOUT_S = 180

# The filter named, not guessed: a file that began as a web page (HTML saved as .odt)
# opens as a «Writer/Web» document, for which LibreOffice finds no .docx filter by itself.
EXPORT_FILTERS = {"docx": "docx:MS Word 2007 XML", "odt": "odt:writer8"}


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def soffice_convert(
    source: Path, target_format: str, *, export_filter: str | None = None, timeout: float = CONVERT_TIMEOUT_S
) -> bytes:
    """The bytes of ``source`` converted by LibreOffice to ``target_format`` (``pdf``,
    ``docx``, ``odt``) with ``export_filter`` (default: ``EXPORT_FILTERS``' one)."""
    soffice = soffice_path()
    if soffice is None:
        raise RenderError(
            f"Cần LibreOffice (lệnh soffice) để chuyển '{source}' sang {target_format.upper()}; "
            "hãy cài LibreOffice (gói libreoffice-writer)"
        )
    with tempfile.TemporaryDirectory(prefix="ttdn-soffice-") as work:
        command = [
            soffice, "--headless", "--norestore", f"-env:UserInstallation={Path(work, 'profile').as_uri()}",
            "--convert-to", export_filter or EXPORT_FILTERS.get(target_format, target_format), "--outdir", work, str(source),
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
