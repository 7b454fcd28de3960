"""Layouts offices type that the shared reader sees differently from the form they mean.

- A trích yếu typed over two lines (Enter in the middle): the second line comes out as
  the first body paragraph. It is read as part of the trích yếu when it is set like it
  (same alignment, all bold or not) and stands before the body's first separator or text.
- Lines broken with Shift+Enter (``<w:br/>``) instead of paragraphs — in the header
  table, in the footer table (Nơi nhận, signature) and in a title paragraph that goes on
  with the trích yếu (``KẾ HOẠCH`` ↵ ``công tác …``; what LibreOffice makes of an HTML
  ``<br>``): each line is made a paragraph of its own before reading, so the elements
  are found as when typed with Enter.
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree

from ttdn_docs.admin import DocumentKind
from ttdn_docs.docxread.anatomy import Anatomy, is_separator_like
from ttdn_docs.docxread.view import Para
from ttdn_docs.docxsafe import SafePackage, parse_xml
from ttdn_docs.errors import NotAPlanDocumentError
from ttdn_docs.render.package import write_entries

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCUMENT = "word/document.xml"
_TITLES = {kind.display_name.upper() for kind in (DocumentKind.KE_HOACH, DocumentKind.BAO_CAO)}
_NOI_NHAN = "nơi nhận"


def summary_continuation(anatomy: Anatomy) -> list[Para]:
    """The body paragraphs that are further lines of the trích yếu."""
    summary = anatomy.summary
    if summary is None or summary.fmt.align not in ("center", "right"):
        return []
    bold = _all_bold(summary)
    lines: list[Para] = []
    for role, para in anatomy.body:
        text = para.text.strip()
        if role != "body" or not text or is_separator_like(text):
            break
        if para.fmt.align != summary.fmt.align or _all_bold(para) != bold:
            break
        lines.append(para)
    return lines


def _all_bold(para: Para) -> bool:
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def split_header_breaks(data: bytes, name: str) -> bytes:
    """``data`` with each paragraph of the header and footer tables and each title
    paragraph that holds line breaks split at them into paragraphs with the same
    paragraph and run properties; the same bytes when there is none (only the main part
    is read to know)."""
    package = SafePackage(data, name)
    try:
        if _DOCUMENT not in package:
            raise NotAPlanDocumentError(f"{name}: {_other_package(package.names)}, không phải tệp Word (.docx).")
        main = package.read(_DOCUMENT)
        # Most files have no break (Word and LibreOffice write the "w" prefix): no parse.
        if b"<w:br" not in main:
            return data
        root = parse_xml(main, _DOCUMENT, name)
        body = root.find(f"{{{_W}}}body")
        broken = [] if body is None else [p for p in _header_and_footer(body) if p.find(f".//{{{_W}}}br") is not None]
        if not any([_split(p) for p in broken]):
            return data
        main = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return write_entries([(part, main if part == _DOCUMENT else package.read(part)) for part in package.names])
    finally:
        package.close()


def _header_and_footer(body: etree._Element) -> list[etree._Element]:
    """The paragraphs whose line breaks stand for paragraphs: those of the first table,
    of the last table when it holds Nơi nhận, and title paragraphs (first line
    ``KẾ HOẠCH`` or ``BÁO CÁO``)."""
    tables = body.findall(f"{{{_W}}}tbl")
    chosen = tables[:1]
    if len(tables) > 1 and _NOI_NHAN in "".join(str(t) for t in tables[-1].itertext()).lower():
        chosen.append(tables[-1])
    paras = [p for table in chosen for p in table.iter(f"{{{_W}}}p")]
    return paras + [p for p in body.findall(f"{{{_W}}}p") if _first_line(p) in _TITLES]


def _first_line(para: etree._Element) -> str:
    parts: list[str] = []
    for node in para.iter(f"{{{_W}}}t", f"{{{_W}}}br"):
        if node.tag == f"{{{_W}}}br":
            break
        parts.append(node.text or "")
    return " ".join("".join(parts).split()).upper()


def _other_package(names: list[str]) -> str:
    """What an Office package that is not a Word document is, in the officer's words."""
    if "xl/workbook.xml" in names:
        return "đây là bảng tính Excel (.xlsx)"
    if "ppt/presentation.xml" in names:
        return "đây là bản trình chiếu PowerPoint (.pptx)"
    if "content.xml" in names:
        return "đây là tệp OpenDocument (LibreOffice) mang đuôi khác; hãy đổi đuôi thành .odt"
    return "tệp nén này không chứa văn bản Word"


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



