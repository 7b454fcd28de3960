"""Read a rendered .docx back: text in reading order and formatting facts.

Reading order: body paragraphs and tables as they stand, each table cell by cell, left
to right (header table, body, recipients/signature table).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(path: Path | str) -> Document:
    return docx.Document(str(path))


def paragraphs_in_order(doc: Document) -> Iterator[Paragraph]:
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paragraphs
        else:
            yield block


def document_text(doc: Document) -> str:
    return " ".join(p.text for p in paragraphs_in_order(doc))


def normalise_words(text: str) -> str:
    """Collapse whitespace; rejoin a hyphenated word broken at a line end (``57- KL``)."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=\S-) (?=\S)", "", text)


def find(doc: Document, text: str, *, exact: bool = True) -> Paragraph:
    for paragraph in paragraphs_in_order(doc):
        if (paragraph.text == text) if exact else (text in paragraph.text):
            return paragraph
    raise AssertionError(f"no paragraph {'equal to' if exact else 'containing'} {text!r}")


@dataclass(frozen=True)
class RunFacts:
    fonts: frozenset[str]
    sizes: frozenset[float]
    bold: frozenset[bool | None]
    italic: frozenset[bool | None]
    underline: frozenset[bool | None]


def run_facts(paragraph: Paragraph) -> RunFacts:
    """Direct formatting of the text runs of a paragraph (all four font slots)."""
    fonts: set[str] = set()
    runs = [r for r in paragraph.runs if r.text]
    for run in runs:
        rfonts = run._element.rPr.find(f"{W}rFonts") if run._element.rPr is not None else None
        assert rfonts is not None, f"run {run.text!r} has no w:rFonts"
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.add(rfonts.get(f"{W}{slot}"))
    return RunFacts(
        fonts=frozenset(fonts),
        sizes=frozenset(r.font.size.pt for r in runs if r.font.size is not None),
        bold=frozenset(r.font.bold for r in runs),
        italic=frozenset(r.font.italic for r in runs),
        underline=frozenset(bool(r.font.underline) for r in runs),
    )
