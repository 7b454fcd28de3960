"""PDF in: the text layer of a PDF read into lines with font, size, bold/italic and
position (``read_pdf``), the fonts it embeds, its page count. Needs the optional extra
``pdf`` (pypdfium2, Apache-2.0/BSD; PyMuPDF is AGPL and never used).

    from ttdn_docs.pdfread import read_pdf
    text = read_pdf("ke-hoach.pdf")
    for line in text.find("T/M BAN THƯỜNG VỤ"):
        print(line.page, line.x0, line.top, line.text)   # points from the top-left corner
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.pdfread.backend import INSTALL_HINT, PdfSupportMissing, available
    from ttdn_docs.pdfread.pages import page_count
    from ttdn_docs.pdfread.text import PdfPage, PdfReadError, PdfText, Rule, Span, TextLine, font_family, read_pdf

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".backend": ("INSTALL_HINT", "PdfSupportMissing", "available"),
        ".pages": ("page_count",),
        ".text": ("PdfPage", "PdfReadError", "PdfText", "Rule", "Span", "TextLine", "font_family", "read_pdf"),
    },
)

__all__ = [
    "INSTALL_HINT",
    "PdfPage",
    "PdfReadError",
    "PdfSupportMissing",
    "PdfText",
    "Rule",
    "Span",
    "TextLine",
    "available",
    "font_family",
    "page_count",
    "read_pdf",
]
