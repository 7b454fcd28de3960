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
    produced = soffice_convert_many([source], target_format, export_filter=export_filter, timeout=timeout)[source]
    if produced is None:
        raise RenderError(f"LibreOffice không chuyển được '{source}' sang {target_format.upper()}")
    return produced


def soffice_convert_many(
    sources: list[Path], target_format: str, *, export_filter: str | None = None, timeout: float = CONVERT_TIMEOUT_S
) -> dict[Path, bytes | None]:
    """Each of ``sources`` converted in one LibreOffice run (a run costs a start of about a
    second, so a batch converts many at once); ``None`` for a file LibreOffice could not
    convert. The sources must have distinct names."""
    soffice = soffice_path()
    if soffice is None:
        first = sources[0] if sources else ""
        raise RenderError(
            f"Cần LibreOffice (lệnh soffice) để chuyển '{first}' sang {target_format.upper()}; "
            "hãy cài LibreOffice (gói libreoffice-writer)"
        )
    with tempfile.TemporaryDirectory(prefix="ttdn-soffice-") as work:
        command = [
            soffice, "--headless", "--norestore", f"-env:UserInstallation={Path(work, 'profile').as_uri()}",
            "--convert-to", export_filter or EXPORT_FILTERS.get(target_format, target_format), "--outdir", work,
            *map(str, sources),
        ]
        try:
            subprocess.run(command, check=False, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            what = f"'{sources[0]}'" if len(sources) == 1 else f"{len(sources)} tệp"
            raise RenderError(
                f"LibreOffice không chuyển xong {what} sang {target_format.upper()} trong {timeout:.0f} giây"
            ) from None
        out: dict[Path, bytes | None] = {}
        for source in sources:
            produced = Path(work) / (source.stem + "." + target_format)
            out[source] = produced.read_bytes() if produced.is_file() else None
        return out
