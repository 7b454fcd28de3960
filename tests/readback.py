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

from ttdn_docs.ooxml_ns import W


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


# --- Layout facts: element styles, separator lines and boxes --------------------------

EMU_PER_TWIP = 635


def with_style(doc: Document, style_name: str) -> list[Paragraph]:
    """Paragraphs of one element, by the ``TTDN …`` paragraph style that marks it."""
    return [p for p in paragraphs_in_order(doc) if p.style is not None and p.style.name == style_name]


def borders(paragraph: Paragraph) -> frozenset[str]:
    """Sides of the paragraph border that are drawn (``top``, ``left`` …)."""
    ppr = paragraph._p.pPr
    pbdr = ppr.find(f"{W}pBdr") if ppr is not None else None
    if pbdr is None:
        return frozenset()
    return frozenset(
        child.tag.removeprefix(W) for child in pbdr if child.get(f"{W}val") not in (None, "nil", "none")
    )


def container_width_twips(doc: Document, paragraph: Paragraph) -> int:
    """Width of the table cell the paragraph stands in, else of the page's text area."""
    parent = paragraph._parent
    width = getattr(parent, "width", None)
    if width is not None:
        return round(width / EMU_PER_TWIP)
    section = doc.sections[0]
    return round((section.page_width - section.left_margin - section.right_margin) / EMU_PER_TWIP)


def drawn_width_twips(doc: Document, paragraph: Paragraph) -> int:
    """Length of a separator line or width of a box: the container less both indents."""
    fmt = paragraph.paragraph_format
    left = round((fmt.left_indent or 0) / EMU_PER_TWIP)
    right = round((fmt.right_indent or 0) / EMU_PER_TWIP)
    return container_width_twips(doc, paragraph) - left - right


def indents_twips(paragraph: Paragraph) -> tuple[int, int]:
    fmt = paragraph.paragraph_format
    return round((fmt.left_indent or 0) / EMU_PER_TWIP), round((fmt.right_indent or 0) / EMU_PER_TWIP)


def following(doc: Document, paragraph: Paragraph) -> Paragraph:
    """The paragraph after ``paragraph`` in reading order."""
    ordered = list(paragraphs_in_order(doc))
    for index, candidate in enumerate(ordered):
        if candidate._p is paragraph._p:
            return ordered[index + 1]
    raise AssertionError(f"paragraph {paragraph.text!r} not found")
