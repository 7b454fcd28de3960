"""«Sổ đăng ký số»: the numbers taken, the next number (seen or taken), a number voided
with its reason, a committee's term start — the register file of ``--register``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ttdn_docs.admin import DocumentKind
from ttdn_docs.errors import TtdnError
from ttdn_docs.profiles import load_profile
from ttdn_docs.profiles.types import type_name, type_names
from ttdn_docs.register import STATUS_WORDS, NumberRegister, numbering_period, period_label
from ttdn_docs.vn import DateParseError, parse_date
from ttdn_docs.web.common import page
from ttdn_docs.web.security import posted_form, text_fields

FAMILIES = {"party": "văn bản của Đảng (đánh số theo nhiệm kỳ)", "state": "văn bản của Nhà nước (đánh số theo năm)"}
ACTIONS = ("peek", "next", "void", "term")


async def register_page(request: Request) -> Response:
    return await run_in_threadpool(_page, request, {}, {}, "", 200)


async def register_action(request: Request) -> Response:
    fields = text_fields(await posted_form(request))
    return await run_in_threadpool(_act, request, fields)


def _act(request: Request, fields: dict[str, str]) -> Response:
    path: Path | None = request.app.state.register
    action = fields.get("action", "")
    if path is None or action not in ACTIONS:
        return _page(request, fields, {"": "Chưa có sổ đăng ký số: chạy lại với --register TỆP.sqlite."}, "", 400)
    errors: dict[str, str] = {}
    issuer = fields.get("issuer", "").strip()
    if not issuer:
        errors["issuer"] = "hãy ghi cơ quan ban hành, ví dụ «Đảng ủy xã Thanh Miện»"
    date = _date(fields.get("date", ""), errors, "date")
    if action == "term":
        start = _date(fields.get("start", ""), errors, "start", required=True)
        if errors:
            return _page(request, fields, errors, "", 400)
        assert start is not None
        try:
            NumberRegister(path).add_term(issuer, start)
        except TtdnError as exc:
            return _page(request, fields, {"": str(exc)}, "", 400)
        return _page(request, {}, {}, f"Đã ghi nhiệm kỳ của {issuer} bắt đầu {start:%d/%m/%Y}.", 200)
    kind = DocumentKind(fields["kind"]) if fields.get("kind") in type_names() else None
    if kind is None:
        errors["kind"] = "hãy chọn loại văn bản"
    family = fields.get("family", "party")
    if family not in FAMILIES:
        errors["family"] = "hãy chọn khối văn bản"
    number = fields.get("number", "").strip()
    reason = fields.get("reason", "").strip()
    if action == "void":
        if not number.isdigit():
            errors["number"] = "phải là một số nguyên, ví dụ 4"
        if not reason:
            errors["reason"] = "hãy ghi lý do hủy số"
    if errors:
        return _page(request, fields, errors, "", 400)
    assert kind is not None
    try:
        register = NumberRegister(path, create=action != "void")
        period = numbering_period(load_profile(family), register, issuer, date or dt.date.today())
        if action == "peek":
            message = f"Số tiếp theo của {issuer} ({type_name(kind)}, {period_label(period)}): {register.peek(issuer, kind, period):02d} (chưa cấp)."
        elif action == "next":
            entry = register.reserve(issuer, kind, period, date=date or dt.date.today(), summary=fields.get("summary", "").strip())
            message = f"Đã cấp số {entry.number:02d} cho {entry.issuer} ({type_name(kind)}, {period_label(period)})."
        else:
            entry = register.void(issuer, kind, period, int(number), reason)
            message = f"Đã hủy số {entry.number:02d} ({type_name(kind)}) của {entry.issuer}: {entry.reason}. Số này không cấp lại."
    except TtdnError as exc:
        return _page(request, fields, {"": str(exc)}, "", 400)
    return _page(request, {k: v for k, v in fields.items() if k in ("issuer", "kind", "family")}, {}, message, 200)


def _date(text: str, errors: dict[str, str], key: str, *, required: bool = False) -> dt.date | None:
    if not text.strip():
        if required:
            errors[key] = "hãy ghi ngày, ví dụ 01/7/2025"
        return None
    try:
        return parse_date(text)
    except DateParseError as exc:
        errors[key] = str(exc)
        return None


def _page(request: Request, fields: dict[str, str], errors: dict[str, str], message: str, status: int) -> Response:
    path: Path | None = request.app.state.register
    entries = []
    problem = errors.get("", "")
    if path is not None and path.is_file():
        try:
            entries = NumberRegister(path, create=False).entries()
        except TtdnError as exc:
            problem = problem or str(exc)
    rows = [
        {
            "issuer": e.issuer, "kind": type_name(e.kind), "period": period_label(e.period), "number": f"{e.number:02d}",
            "status": STATUS_WORDS[e.status], "date": f"{e.date:%d/%m/%Y}" if e.date else "—", "summary": e.summary or "—",
            "reason": e.reason if e.status == "void" else "",
        }
        for e in entries
    ]
    return page(
        request, "register.html", status, path=str(path) if path else "", rows=rows, fields=fields, errors=errors,
        problem=problem, message=message, kinds=list(type_names().items()), families=FAMILIES,
    )
