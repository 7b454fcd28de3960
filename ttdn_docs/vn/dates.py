"""The administrative date line and numeric dates in citations.

Rule (ND 30/2020 Phụ lục I.II.4.b, followed by HD 36 samples): day 1–9 and months 1–2
take a leading zero, months 3–12 do not — ``ngày 05 tháng 01 năm 2026``,
``ngày 05 tháng 8 năm 2025``. No babel/CLDR pattern expresses this, so it is written out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Collection

from ttdn_docs.vn.text import clean_text

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


class DateParseError(ValueError):
    """A date that cannot be read. The message is Vietnamese, quotes the text as typed and
    says why (an unknown form, or a day that does not exist)."""


# Day first, one separator used twice: ``05/8/2025``, ``5-8-2025``, ``05.08.2025``.
NUMERIC_DATE = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# ``ngày 05 tháng 8 năm 2025``, optionally after the place as in a document's date line
# (``Thanh Miện, ngày 05 tháng 8 năm 2025``): a date line pasted from a document reads.
_WORDS_DATE = re.compile(
    r"(?:[^,]*,\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE
)
_EXAMPLES = "05/8/2025, 5-8-2025, 05.08.2025, ngày 05 tháng 8 năm 2025 hoặc 2025-08-05"


def parse_date(text: str) -> dt.date:
    """A date as officers type it, day first, or ISO.

    Accepted: ``05/8/2025``, ``5/8/2025``, ``05-08-2025``, ``05.08.2025`` (the same
    separator twice), ``ngày 05 tháng 8 năm 2025`` (also after a place and a comma, as a
    document's date line reads: ``Thanh Miện, ngày 05 tháng 8 năm 2025`` — the place is
    ignored) and ISO ``2025-08-05``. The year has four digits. Raises ``DateParseError``
    (a ``ValueError``) quoting ``text`` and saying why otherwise, also for a day that does
    not exist (``31/2/2026``).
    """
    value = clean_text(text)
    if match := _ISO_DATE.fullmatch(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := NUMERIC_DATE.fullmatch(value):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif match := _WORDS_DATE.fullmatch(value):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise DateParseError(f"'{value}' không phải ngày; viết ngày trước, ví dụ {_EXAMPLES}")
    reason = impossible_date_reason(day, month, year)
    if reason:
        raise DateParseError(f"'{value}' không phải ngày có thật: {reason}")
    return dt.date(year, month, day)


def impossible_date_reason(day: int, month: int, year: int) -> str | None:
    """Why day/month/year is not a calendar date, in Vietnamese; ``None`` when it is."""
    if not 1 <= year <= 9999:
        return f"năm {year} không hợp lệ"
    if not 1 <= month <= 12:
        return f"không có tháng {month} (tháng từ 1 đến 12)"
    days = calendar.monthrange(year, month)[1]
    if day < 1:
        return f"không có ngày {day}"
    if day > days:
        return f"tháng {month} năm {year} chỉ có {days} ngày"
    return None


# Kept for callers written before ``parse_date`` accepted the worded form.
parse_numeric_date = parse_date
