"""A decision's preamble read back: the căn cứ lines into ``bases``.

The reader (``docxread.anatomy``) gives a decision's structural lines their roles: the
position line that opens it (``authority``), the căn cứ lines (``basis``), the enacting
line «QUYẾT ĐỊNH:» (``enacting``) and «Điều N.» (``article``, read as a section by
``importer.outline``). The renderer writes the position and enacting lines from the
profile and the document; here the căn cứ lines become citations, each kept only when
the model writes back exactly the words that were read, else the line is cited whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ttdn_docs.docxread.anatomy import Anatomy
from ttdn_docs.docxread.view import Para
from ttdn_docs.ttdn.common import Citation
from ttdn_docs.vn import nfc, parse_numeric_date

# What the layout writes around a căn cứ line: its prefix (``- ``) and its end (``;``,
# ``.``, ``,``); «Căn cứ» before a cited document.
_BASIS_LINE = re.compile(r"^\s*(?:[-–—+•]\s*)?(?P<text>.+?)\s*[;,.]?\s*$", re.DOTALL)
_CITED = re.compile(r"^Căn cứ\s+(?P<citation>.+)$", re.DOTALL)
_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_CITATION = re.compile(
    rf"^(?P<kind>.+?)(?: số (?P<number>\S+?))?(?P<comma>,)?(?: ngày (?P<date>{_DATE}))?"
    r"(?: của (?P<issuer>.+?))?(?: về (?P<subject>.+))?$"
)
_STRUCTURE = {"authority", "basis", "enacting"}


@dataclass
class DecisionPreamble:
    """What stands before a decision's articles: the bases as data (a cited document, or
    a line as typed) and the paragraphs read here (left out of the outline)."""

    bases: list[str | dict[str, Any]] = field(default_factory=list)
    read: list[Para] = field(default_factory=list)
    authority: Para | None = None
    enacting: Para | None = None


def decision_preamble(anatomy: Anatomy) -> DecisionPreamble:
    """The bases of a decision the reader read (empty for any other document)."""
    found = DecisionPreamble()
    for role, para in anatomy.body:
        if role not in _STRUCTURE:
            continue
        text = nfc(para.text).strip()
        if role == "basis":
            found.bases.append(basis_of(text))
        elif role == "authority":
            found.authority = para  # «CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …»: the layout writes it
        elif role == "enacting":
            found.enacting = para
        found.read.append(para)
    return found


def citation_of(text: str) -> Citation | None:
    """A cited document's words as a ``Citation`` that writes them back exactly: its
    parts when they read so (type, number, date, issuer, subject), else the words whole
    (``Điều lệ Đảng``, ``Luật … ngày 16 tháng 6 năm 2025``)."""
    text = re.sub(r"\s+", " ", text).strip()
    readings: list[dict[str, Any]] = []
    match = _CITATION.match(text)
    if match is not None:
        parts = {k: v for k, v in match.groupdict().items() if v is not None and k != "comma"}
        if "date" in parts:
            try:
                parts["date"] = parse_numeric_date(parts["date"])
            except ValueError:
                parts = {}
        if parts:
            readings.append({**parts, "comma_before_date": bool(match.group("comma"))})
    readings.append({"kind": text})
    for word, name in ((" về ", "subject"), (" của ", "issuer")):
        head, found, tail = text.partition(word)
        if found:
            readings.append({"kind": head, name: tail})
    for reading in readings:
        try:
            citation = Citation(**reading)
        except (ValidationError, ValueError):
            continue
        if citation.text() == text:
            return citation
    return None


def basis_of(line: str) -> str | dict[str, Any]:
    """One căn cứ line as data: ``Căn cứ`` + a document that writes back exactly as read
    (its comma before the date left to the rule book), else the words as typed without
    the layout's prefix and end (``Theo đề nghị của …``)."""
    match = _BASIS_LINE.match(line)
    text = match.group("text") if match else line.strip()
    cited = _CITED.match(text)
    citation = citation_of(cited.group("citation")) if cited else None
    if citation is None:
        return text
    data: dict[str, Any] = citation.model_dump(mode="python", exclude_none=True, exclude={"comma_before_date"})
    return data
