"""The administrative date line and numeric dates in citations.

Rule (ND 30/2020 Phụ lục I.II.4.b, followed by HD 36 samples): day 1–9 and months 1–2
take a leading zero, months 3–12 do not — ``ngày 05 tháng 01 năm 2026``,
``ngày 05 tháng 8 năm 2025``. No babel/CLDR pattern expresses this, so it is written out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

# Months that take a leading zero; profiles may override (data, not code).
DEFAULT_PADDED_MONTHS: frozenset[int] = frozenset({1, 2})
DEFAULT_DRAFT_BLANK = "     "


def day_text(day: int) -> str:
    """Day of month, zero-padded below 10."""
    return f"{day:02d}"


def month_text(month: int, padded_months: Collection[int] = DEFAULT_PADDED_MONTHS) -> str:
    """Month number, zero-padded only for the months in ``padded_months`` (1 and 2)."""
    return f"{month:02d}" if month in padded_months else str(month)


# The inverse of ``date_words`` for reading a date line back: day and month may be blank
# (a draft filled in by hand), the year too. Groups: day, month, year.
DATE_WORDS_PATTERN = r"ngày\s+(?P<day>\d{1,2})?\s*tháng\s+(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4})?"


def date_words(
    date: dt.date | None,
    *,
    year: int | None = None,
    padded_months: Collection[int] = DEFAULT_PADDED_MONTHS,
    blank: str = DEFAULT_DRAFT_BLANK,
) -> str:
    """``ngày 05 tháng 8 năm 2025``; with no date, the draft form with blanks.

    The draft form keeps the year when it is known: ``ngày      tháng      năm 2026``.
    """
    if date is not None:
        return (
            f"ngày {day_text(date.day)} tháng {month_text(date.month, padded_months)}"
            f" năm {date.year}"
        )
    year_text = str(year) if year is not None else blank
    return f"ngày {blank} tháng {blank} năm {year_text}"


def date_line(
    place: str,
    date: dt.date | None,
    *,
    year: int | None = None,
    padded_months: Collection[int] = DEFAULT_PADDED_MONTHS,
    blank: str = DEFAULT_DRAFT_BLANK,
) -> str:
    """``<place>, ngày DD tháng M năm YYYY`` (see module doc for the padding rule)."""
    words = date_words(date, year=year, padded_months=padded_months, blank=blank)
    return f"{place}, {words}"


def numeric_date(date: dt.date) -> str:
    """Date as cited in running text, unpadded: ``28/7/2025`` (seed practice)."""
    return f"{date.day}/{date.month}/{date.year}"


_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_numeric_date(text: str) -> dt.date:
    """A date as officers type it: ``05/8/2025``, ``5-8-2025``, ``05.08.2025`` (day first)
    or ISO ``2025-08-05``. Raises ``ValueError`` with a Vietnamese message otherwise, also
    for a day that does not exist (``31/02/2025``)."""
    value = text.strip()
    if match := _ISO_DATE.fullmatch(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMERIC_DATE.fullmatch(value):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(f"'{value}' không phải ngày dạng ngày/tháng/năm (ví dụ 05/8/2025)")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{value}' không phải ngày có thật (ngày/tháng/năm)") from None
