"""pypdfium2, the optional extra ``pdf``: imported on first use, with a message saying how
to install it when it is missing."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ttdn_docs.errors import TtdnError

INSTALL_HINT = 'pip install "ttdn-docs[pdf]"'


class PdfSupportMissing(TtdnError):
    """pypdfium2 is not installed."""


@lru_cache(maxsize=1)
def pdfium() -> Any:
    """The pypdfium2 module (its C functions under ``.raw``), imported once."""
    try:
        import pypdfium2  # type: ignore[import-untyped]  # no py.typed marker
        import pypdfium2.raw  # type: ignore[import-untyped]  # noqa: F401  # C functions, used directly for speed
    except ImportError:
        raise PdfSupportMissing(f"Cần gói pypdfium2 để đọc tệp PDF; hãy cài: {INSTALL_HINT}") from None
    return pypdfium2


def available() -> bool:
    try:
        pdfium()
    except PdfSupportMissing:
        return False
    return True
