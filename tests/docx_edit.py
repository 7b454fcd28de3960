"""Edit a rendered .docx in memory, paragraph by paragraph, for the mutation corpus.

Paragraphs are found by the style marks our renderer writes (``TTDN …``); the edits are
plain WordprocessingML changes a user could make in Word.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from ttdn_docs.docxread.view import ELEMENT_BY_STYLE_ID
from ttdn_docs.docxfacts.styles import style_id
from ttdn_docs.ooxml_ns import W


def qn(tag: str) -> str:
    return f"{W}{tag}"


class DocxEdit:
    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.entries = [(i.filename, archive.read(i.filename)) for i in archive.infolist()]
        self._trees: dict[str, etree._Element] = {}

    def xml(self, part: str) -> etree._Element:
        if part not in self._trees:
            self._trees[part] = etree.fromstring(dict(self.entries)[part])
        return self._trees[part]

    @property
    def body(self) -> etree._Element:
        return self.xml("word/document.xml").find(qn("body"))

    def parts(self, pattern: str) -> list[str]:
        return [name for name, _ in self.entries if re.fullmatch(pattern, name)]

    def replace_part(self, part: str, blob: bytes) -> None:
        self._trees.pop(part, None)
        self.entries = [(n, blob if n == part else b) for n, b in self.entries]

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, blob in self.entries:
                if name in self._trees:
                    blob = etree.tostring(self._trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)
                archive.writestr(name, blob)
        return buffer.getvalue()

    # -- finding paragraphs --------------------------------------------------------------
    def paras(self, element: str) -> list[etree._Element]:
        """Paragraphs marked as ``element``, in the body and the headers."""
        wanted = style_id(element)
        roots = [self.xml("word/document.xml")] + [self.xml(p) for p in self.parts(r"word/header\d*\.xml")]
        return [
            p for root in roots for p in root.iter(qn("p"))
            if p.find(f"{W}pPr/{W}pStyle") is not None and p.find(f"{W}pPr/{W}pStyle").get(qn("val")) == wanted
        ]

    def para(self, element: str, index: int = 0) -> etree._Element:
        return self.paras(element)[index]

    def section(self) -> etree._Element:
        return self.body.find(qn("sectPr"))

    def strip_marks(self) -> None:
        """Make the file look hand-made: no element style marks, no profile marker."""
        for root in [self.xml("word/document.xml")] + [self.xml(p) for p in self.parts(r"word/header\d*\.xml")]:
            for style in list(root.iter(qn("pStyle"))):
                if style.get(qn("val")) in ELEMENT_BY_STYLE_ID:
                    style.getparent().remove(style)
        core = dict(self.entries)["docProps/core.xml"]
        self.replace_part("docProps/core.xml", re.sub(rb"<dc:description>[^<]*</dc:description>", b"", core))


# -- paragraph edits ---------------------------------------------------------------------


def text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("t")))


def set_text(p: etree._Element, value: str) -> None:
    texts = list(p.iter(qn("t")))
    texts[0].text = value
    texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for extra in texts[1:]:
        extra.text = ""


def run_properties(p: etree._Element) -> list[etree._Element]:
    """The ``w:rPr`` of every run and of the paragraph mark."""
    return [r.find(qn("rPr")) for r in p.iter(qn("r"))] + [p.find(f"{W}pPr/{W}rPr")]


def set_toggle(p: etree._Element, tag: str, on: bool) -> None:
    for rpr in run_properties(p):
        if rpr is None:
            continue
        for element in rpr.findall(qn(tag)) + rpr.findall(qn(tag + "Cs")):
            if on:
                element.attrib.pop(qn("val"), None)
            else:
                element.set(qn("val"), "0")


def set_underline(p: etree._Element, on: bool) -> None:
    for rpr in run_properties(p):
        if rpr is not None:
            rpr.find(qn("u")).set(qn("val"), "single" if on else "none")


def set_size(p: etree._Element, points: float) -> None:
    for rpr in run_properties(p):
        if rpr is None:
            continue
        for tag in ("sz", "szCs"):
            rpr.find(qn(tag)).set(qn("val"), str(round(points * 2)))


def set_font(p: etree._Element, slot: str, font: str) -> None:
    for rpr in run_properties(p):
        if rpr is not None:
            rpr.find(qn("rFonts")).set(qn(slot), font)


def ppr_child(p: etree._Element, tag: str) -> etree._Element:
    return p.find(f"{W}pPr/{W}{tag}")


def remove(p: etree._Element) -> None:
    p.getparent().remove(p)


def toggle_bold(p: etree._Element) -> None:
    rpr = next(r for r in run_properties(p) if r is not None)
    bold = rpr.find(qn("b")) is not None and rpr.find(qn("b")).get(qn("val")) != "0"
    set_toggle(p, "b", not bold)
