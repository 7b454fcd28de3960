"""Lines an office broke with Shift+Enter (``<w:br/>``) where paragraphs are meant.

In the header table, in the footer table (Nơi nhận, signature), in a title paragraph
that goes on with the trích yếu (``KẾ HOẠCH`` ↵ ``công tác …``; what LibreOffice makes of
an HTML ``<br>``) and in a signature block or Nơi nhận typed as one paragraph, each line is made a paragraph of its own before the document is read,
with the same paragraph and run properties, so that the checker and the importer find
the elements as when they were typed with Enter. Paragraphs elsewhere keep their breaks.
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree

from ttdn_docs.docxsafe import parse_xml
from ttdn_docs.ooxml_ns import W_NS as _W
from ttdn_docs.profiles import builtin_profile_ids, load_profile
from ttdn_docs.profiles.grammar import read_signature_prefix

# The titles of the documents whose typed line breaks are split (no profile at hand here).
_TITLES = {"KẾ HOẠCH", "BÁO CÁO"}
_NOI_NHAN = "nơi nhận"


def split_typed_lines(source: bytes, part: str, name: str) -> bytes:
    """The main part ``source`` with the header, footer and title paragraphs that hold
    line breaks split at them; the same bytes when there is none (no parse when the
    source holds no break at all: Word and LibreOffice write the ``w`` prefix)."""
    if b"<w:br" not in source:
        return source
    root = parse_xml(source, part, name)
    body = root.find(f"{{{_W}}}body")
    broken = [] if body is None else [p for p in _header_and_footer(body) if p.find(f".//{{{_W}}}br") is not None]
    if not any([_split(p) for p in broken]):
        return source
    text: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return text


def _header_and_footer(body: etree._Element) -> list[etree._Element]:
    """The paragraphs whose line breaks stand for paragraphs: those of the first table,
    of the last table when it holds Nơi nhận, and title paragraphs (first line
    ``KẾ HOẠCH`` or ``BÁO CÁO``)."""
    tables = body.findall(f"{{{_W}}}tbl")
    chosen = tables[:1]
    if len(tables) > 1 and _NOI_NHAN in "".join(str(t) for t in tables[-1].itertext()).lower():
        chosen.append(tables[-1])
    paras = [p for table in chosen for p in table.iter(f"{{{_W}}}p")]
    return paras + [p for p in body.findall(f"{{{_W}}}p") if _stands_for_lines(_first_line(p))]


def _stands_for_lines(first: str) -> bool:
    """A title (``KẾ HOẠCH``), a signature block (``TM. ỦY BAN NHÂN DÂN`` ↵ ``CHỦ TỊCH``
    ↵ … ↵ name) or Nơi nhận typed as one paragraph with line breaks."""
    return first in _TITLES or _starts_with_signature_prefix(first) or first.lower().startswith(_NOI_NHAN)


def _starts_with_signature_prefix(text: str) -> bool:
    """A prefix of any built-in rule book, as a typist writes it (the file's own rule
    book is not known yet when its lines are split)."""
    return any(read_signature_prefix(load_profile(p), text) is not None for p in builtin_profile_ids())


def _first_line(para: etree._Element) -> str:
    parts: list[str] = []
    for node in para.iter(f"{{{_W}}}t", f"{{{_W}}}br"):
        if node.tag == f"{{{_W}}}br":
            break
        parts.append(node.text or "")
    return " ".join("".join(parts).split()).upper()


def _split(para: etree._Element) -> bool:
    """Split ``para`` at its text-wrapping breaks (not page or column breaks)."""
    props = para.find(f"{{{_W}}}pPr")
    lines: list[list[etree._Element]] = [[]]
    for run in [c for c in para if c.tag == f"{{{_W}}}r"]:
        current = _empty_run(run)
        for child in [c for c in run if c.tag != f"{{{_W}}}rPr"]:
            if child.tag == f"{{{_W}}}br" and child.get(f"{{{_W}}}type") in (None, "textWrapping"):
                lines[-1].append(current)
                lines.append([])
                current = _empty_run(run)
            else:
                current.append(child)
        lines[-1].append(current)
    if len(lines) < 2:
        return False
    parent = para.getparent()
    assert parent is not None
    at = parent.index(para)
    for offset, runs in enumerate(lines):
        new = etree.Element(f"{{{_W}}}p")
        if props is not None:
            new.append(deepcopy(props))
        new.extend(r for r in runs if len(r) > (1 if r.find(f"{{{_W}}}rPr") is not None else 0))
        parent.insert(at + offset, new)
    parent.remove(para)
    return True


def _empty_run(run: etree._Element) -> etree._Element:
    new = etree.Element(f"{{{_W}}}r")
    props = run.find(f"{{{_W}}}rPr")
    if props is not None:
        new.append(deepcopy(props))
    return new
