"""Next year's draft from this year's plan (``ttdn-docs rollover``): pure data.

- every mention of the plan's year as a year (``năm 2025``, ``cả năm 2025``) in the
  trích yếu, the opening's action, headings, items and closing moves to the new year; dates written as numbers
  (``30/9/2025``) and document symbols (``35/2025/QH15``) are left alone;
- the number and the date become blanks (a draft); the closing's deadline moves by the
  same number of years;
- the bases are kept, each marked ``<<CẦN ĐIỀN: …>>`` for review (last year's guidance
  is rarely this year's), so the plan renders only as a draft until they are checked;
- a report rolls over the same way; its plan reference is set from the new plan when
  one is given, else marked to be filled.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport, PlanReference
from ttdn_docs.generic.todo import todo

# Fields whose words are about other documents or people, not about the plan's year.
_KEPT = {"opening", "plan", "signature", "issuer", "recipients", "marks", "profile", "kind", "indicators"}


def year_mover(old: int, new: int) -> Callable[[str], str]:
    """A function replacing the year ``old`` by ``new`` where it stands as a year, not
    inside a date or a symbol (``28/7/2025``, ``35/2025/QH15``, ``2025-2030``)."""
    pattern = re.compile(rf"(?<![\d/.\-]){old}(?![\d/\-])")
    replacement = str(new)

    def move(text: str) -> str:
        return pattern.sub(replacement, text)

    return move


def _moved(data: Any, move: Callable[[str], str]) -> Any:
    if isinstance(data, str):
        return move(data)
    if isinstance(data, dict):
        return {k: _moved(v, move) for k, v in data.items()}
    if isinstance(data, list):
        return [_moved(v, move) for v in data]
    return data


def _shift(date: dt.date | None, years: int) -> dt.date | None:
    if date is None:
        return None
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def _review(text: str | None, year: int) -> str:
    mark = todo(f"xem lại căn cứ cho năm {year}: số, ngày, cơ quan ban hành; xóa dấu này khi đã xem")
    return f"{text} {mark}" if text else mark


def _marked_opening(opening: dict[str, Any], year: int) -> dict[str, Any]:
    if "text" in opening and opening["text"] is not None:
        return {**opening, "text": _review(opening["text"], year)}
    bases = []
    for basis in opening.get("bases", []):
        documents = []
        for document in basis["documents"]:
            last = "subject" if document.get("subject") else "issuer" if document.get("issuer") else "kind"
            documents.append({**document, last: _review(document.get(last), year)})
        bases.append({**basis, "documents": documents})
    return {**opening, "bases": bases}


def rollover(
    document: ForeignInfoPlan | ForeignInfoReport, year: int, *, plan: ForeignInfoPlan | None = None,
    plan_symbol: str | None = None,
) -> ForeignInfoPlan | ForeignInfoReport:
    """The draft for ``year`` from ``document`` (a plan, or a report with the new
    ``plan`` and its cited symbol ``plan_symbol``, e.g. ``04-KH/ĐU``)."""
    years = year - document.year
    move = year_mover(document.year, year)
    data = document.model_dump(mode="python")
    out: dict[str, Any] = {k: (v if k in _KEPT else _moved(v, move)) for k, v in data.items()}
    out.update(year=year, number=None, date=None)
    if out.get("opening") is not None:
        opening = _marked_opening(out["opening"], year)
        # The bases cite other documents; the action is the plan's own words
        # (``… xây dựng kế hoạch … năm 2025, như sau:``) and moves with its year.
        if opening.get("action") is not None:
            opening = {**opening, "action": move(opening["action"])}
        out["opening"] = opening
    if isinstance(document, ForeignInfoPlan):
        if document.closing is not None:
            out["closing"] = {**out["closing"], "deadline": _shift(document.closing.deadline, years)}
        return ForeignInfoPlan.model_validate(out)
    out["indicators"] = [{**i, "value": None, "previous": i.get("value"), "target": None} for i in data["indicators"]]
    if plan is not None:
        reference = PlanReference(
            number=plan_symbol or todo("số, ký hiệu của kế hoạch"), date=plan.date,
            issuer=plan.issuer.display_name, subject=plan.summary,
        )
        out["plan"] = reference.model_dump(mode="python")
    elif out.get("plan") is not None:
        out["plan"] = {**out["plan"], "number": todo(f"số, ký hiệu của kế hoạch năm {year}"), "date": None}
    if out.get("opening") is not None and plan is not None:
        out["opening"] = None  # the default opening cites the new plan
    if document.period is not None:
        out["period"] = {"start": _shift(document.period.start, years), "end": _shift(document.period.end, years)}
    return ForeignInfoReport.model_validate(out)
