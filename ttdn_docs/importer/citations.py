"""The opening (bases) and closing paragraphs read into their parts.

A reading is kept only if the model, given the parts, writes back exactly the paragraph
that was read; otherwise the paragraph is kept whole as ``text``. Parts matter for
``rollover`` (each basis is marked for review, the deadline moves on); words matter more.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from ttdn_docs.ttdn.common import Basis, Citation
from ttdn_docs.ttdn.plan import Closing, Opening
from ttdn_docs.vn import parse_numeric_date

_VERBS = ("Thực hiện", "Căn cứ")
_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_CITATION = re.compile(
    rf"^(?P<kind>.+?) số (?P<number>\S+?)(?P<comma>,)? ngày (?P<date>{_DATE})"
    r"(?: của (?P<issuer>.+?))?(?: về (?P<subject>.+))?$"
)


def read_opening(text: str, issuer_name: str) -> dict[str, Any]:
    """``Thực hiện Hướng dẫn số 08-HD/BTGDVTU, ngày 28/7/2025 của … , <issuer> <action>,
    như sau:`` → ``{bases, action}``; anything else → ``{text}``."""
    whole = {"text": text}
    marker = f", {issuer_name} "
    if not text.endswith(", như sau:") or marker not in text:
        return whole
    head, action = text[: -len(", như sau:")].split(marker, 1)
    bases: list[Basis] = []
    try:
        for piece in head.split("; "):
            verb = next((v for v in _VERBS if piece.startswith(v + " ")), None)
            if verb is not None:
                bases.append(Basis(verb=verb, documents=[_citation(piece[len(verb) + 1:])]))  # type: ignore[arg-type]
            elif bases:
                last = bases[-1]
                bases[-1] = Basis(verb=last.verb, documents=[*last.documents, _citation(piece)])
            else:
                return whole
        opening = Opening(bases=bases, action=action)
    except (ValueError, ValidationError):
        return whole
    if opening.text_for(issuer_name) != text:
        return whole
    dumped: dict[str, Any] = opening.model_dump(mode="python", exclude_defaults=True, exclude={"text"})
    commas = {c.comma_before_date for b in opening.bases for c in b.documents}
    if len(commas) == 1:
        # One form throughout: left to the rule book (``ttdn_docs.citations``), so that a
        # file typed in the Party habit comes out in the State form under the State book.
        for basis in dumped["bases"]:
            for document in basis["documents"]:
                document.pop("comma_before_date", None)
    for basis in dumped["bases"]:
        basis["verb"] = basis.get("verb", "Thực hiện")
    return dumped


def _citation(text: str) -> Citation:
    match = _CITATION.match(text)
    if match is None:
        raise ValueError(text)
    return Citation(
        kind=match.group("kind"),
        number=match.group("number"),
        date=parse_numeric_date(match.group("date")),
        issuer=match.group("issuer"),
        subject=match.group("subject"),
        comma_before_date=bool(match.group("comma")),
    )


_CLOSING = re.compile(
    r"^Trên đây là Kế hoạch (?P<summary>.+?), (?P<issuer>.+?) đề nghị (?P<units>.+?) triển khai, thực hiện "
    r"và báo cáo kết quả (?P<subject>.+?) về (?P<collector>.+?)(?: \(qua (?P<via>[^()]+)\))? "
    rf"trước ngày (?P<deadline>{_DATE})(?: để tổng hợp, báo cáo (?P<report_to>.+?) đúng quy định)?\.$"
)


def read_closing(text: str, issuer_name: str, summary: str) -> dict[str, Any]:
    """The plan's closing paragraph → ``{units, report_subject, collector, via,
    deadline, report_to}``, or ``{text}`` when it is worded otherwise."""
    whole = {"text": text}
    match = _CLOSING.match(text)
    if match is None:
        return whole
    try:
        closing = Closing(
            units=match.group("units"),
            report_subject=match.group("subject"),
            collector=match.group("collector"),
            via=match.group("via"),
            deadline=parse_numeric_date(match.group("deadline")),
            report_to=match.group("report_to"),
        )
    except (ValueError, ValidationError):
        return whole
    if closing.text_for(summary, issuer_name) != text:
        return whole
    dumped: dict[str, Any] = closing.model_dump(mode="python", exclude_none=True)
    return dumped
