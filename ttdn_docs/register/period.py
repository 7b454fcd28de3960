"""The numbering period of a document under a profile: numbers restart in each period.

State (ND 30 art. 15): the calendar year of the document's date. Party: the committee's
term of office, whose start the register keeps (``ttdn-docs register term``).
"""

from __future__ import annotations

import datetime as dt

from ttdn_docs.profiles import Profile
from ttdn_docs.register.store import NumberRegister, RegisterError


def numbering_period(
    profile: Profile,
    register: NumberRegister,
    issuer: str,
    date: dt.date | None,
    year: int | None = None,
    *,
    today: dt.date | None = None,
) -> str:
    """The period key of a document of ``issuer`` dated ``date`` (``year`` when the date
    is still blank; the term in force ``today`` for an undated Party document)."""
    if profile.number.period == "calendar_year":
        chosen = date.year if date is not None else year
        if chosen is None:
            raise RegisterError("Cần ngày ban hành hoặc năm của văn bản để lấy số theo năm.")
        return str(chosen)
    when = date or today or dt.date.today()
    starts = [start for start in register.term_starts(issuer) if start <= when]
    if not starts:
        raise RegisterError(
            f"Hồ sơ '{profile.id}' đánh số theo nhiệm kỳ, nhưng sổ '{register.path}' chưa có ngày bắt đầu "
            f"nhiệm kỳ của {issuer} (trước ngày {when:%d/%m/%Y}). Ghi vào sổ bằng lệnh: "
            f"ttdn-docs register term --issuer \"{issuer}\" --start YYYY-MM-DD"
        )
    return f"term:{max(starts).isoformat()}"
