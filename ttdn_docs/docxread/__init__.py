"""The element reader: any .docx read into what both the checker and the importer need.

``view`` vets the package (``ttdn_docs.docxsafe``; parts found by ``package``) and reads
paragraphs in reading order with their place (body, table cell, text box, header/footer)
and their formatting resolved through the style chain (``formatting``; each distinct
set of direct properties parsed once, ``interning``), Word's automatic
numbers resolved to their labels (``numbering``); ``anatomy`` finds the elements of an
administrative document in it (header, number, date, title, body, Nơi nhận, signature) by
our style marks or, in files typed by hand — tables, tab stops, text boxes, plain
paragraphs — by content and position, using the profile's own data.

One piece of code serves ``check`` (which judges what is found) and ``importer`` (which
turns what is found back into a plan or report); neither keeps a copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.docxread.anatomy import Anatomy, AnatomyReader, FoundSeparator, Numbered, loose_key
    from ttdn_docs.docxread.view import Cell, DocxView, LineMark, Location, Para, ParaPart, Table, clear_caches, open_docx

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".anatomy": ("Anatomy", "AnatomyReader", "FoundSeparator", "Numbered", "loose_key"),
        ".view": (
            "Cell",
            "DocxView",
            "LineMark",
            "Location",
            "Para",
            "ParaPart",
            "Table",
            "clear_caches",
            "open_docx",
        ),
    },
)

__all__ = [
    "Anatomy",
    "AnatomyReader",
    "Cell",
    "DocxView",
    "FoundSeparator",
    "LineMark",
    "Location",
    "Numbered",
    "Para",
    "ParaPart",
    "Table",
    "clear_caches",
    "loose_key",
    "open_docx",
]
