"""Numbers in Vietnamese format via babel (``1.234.567``, ``99,69%``), and figures read
back as officers write them (``18.600``, ``97,56``)."""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_decimal

LOCALE = "vi_VN"


def format_number(value: int | float | Decimal, decimals: int | None = None) -> str:
    """``1234567`` → ``1.234.567``; ``12.5`` → ``12,5``. ``decimals`` fixes the digits."""
    if decimals is None:
        return format_decimal(value, locale=LOCALE)
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def format_percent(value: float | Decimal, decimals: int = 2) -> str:
    """A percentage already scaled to 0–100: ``99.6999`` → ``99,70%`` (no space, as used
    in Vietnamese administrative texts)."""
    return format_number(value, decimals) + "%"


class FigureParseError(ValueError):
    """A figure that cannot be read. The message is Vietnamese, quotes the figure as typed
    and shows how to write it."""


_WHITESPACE = re.compile(r"[\s\u00a0\u202f]")
_PLAIN = re.compile(r"\d+")
# A group of thousands never starts with 0: ``0.125`` is a decimal, not 125.
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")  # 1.234 · 18.600 · 1.234,5
_DECIMAL_COMMA = re.compile(r"\d+,\d+")  # 97,56
_DECIMAL_POINT = re.compile(r"\d+\.(?:\d{1,2}|\d{4,})|0\.\d+")  # 93.41, 0.125: a '.' that cannot group thousands
# ``12,500`` is twelve and a half to a Vietnamese reader and twelve thousand five hundred
# to an English spreadsheet; the officer is asked rather than guessed for.
_AMBIGUOUS_COMMA = re.compile(r"[1-9]\d{0,2},\d{3}")
_ENGLISH_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,234.5 · 1,234,567


def parse_figure(text: str, *, percent: bool = False) -> Decimal:
    """A figure as written in Vietnamese: ``.`` groups thousands and ``,`` marks decimals.

    ``1.234`` → 1234, ``18.600`` → 18600, ``1.234,5`` → 1234.5, ``97,56`` → 97.56; a
    ``.`` followed by other than three digits cannot group thousands and is read as a
    decimal point (``93.41``). Spaces are ignored (``1 234``). With ``percent``, a trailing
    ``%`` is allowed (``97,56%`` → 97.56). Refused with ``FigureParseError``, quoting
    ``text`` and an example of the right form: ``12,500`` (ambiguous: twelve and a half, or
    twelve thousand five hundred written the English way), English grouping ``1,234.5``,
    signs, words, and ``%`` on a figure that is not a ratio.
    """
    shown = text.strip()
    value = _WHITESPACE.sub("", text)
    if value.endswith("%"):
        if not percent:
            raise FigureParseError(
                f"'{shown}': chỉ chỉ tiêu có đơn vị tính % mới viết dấu %; ở đây viết số, ví dụ 1.234"
            )
        value = value[:-1]
    if _PLAIN.fullmatch(value):
        return Decimal(value)
    if _GROUPED.fullmatch(value):
        return Decimal(value.replace(".", "").replace(",", "."))
    if _AMBIGUOUS_COMMA.fullmatch(value):
        whole, fraction = value.split(",")
        raise FigureParseError(
            f"'{shown}' dễ nhầm: trong tiếng Việt dấu ',' ngăn phần thập phân; viết {whole}.{fraction} "
            f"nếu là số nghìn, hoặc {whole},{fraction.rstrip('0') or '0'} nếu là số thập phân"
        )
    if _DECIMAL_COMMA.fullmatch(value):
        return Decimal(value.replace(",", "."))
    if _DECIMAL_POINT.fullmatch(value):
        return Decimal(value)
    if _ENGLISH_GROUPED.fullmatch(value):
        whole, _, fraction = value.partition(".")
        written = whole.replace(",", ".") + (f",{fraction}" if fraction else "")
        raise FigureParseError(
            f"'{shown}' viết theo kiểu tiếng Anh; viết {written} (dấu '.' ngăn hàng nghìn, dấu ',' ngăn phần thập phân)"
        )
    example = "97,56%" if percent else "1.234 hoặc 97,56"
    raise FigureParseError(f"'{shown}' không phải là số (viết ví dụ {example})")


class WrittenNumber(float):
    """A number with the text it was written as.

    YAML reads ``18.600`` as the float 18.6 and ``1.234`` as 1.234, while an officer means
    eighteen thousand six hundred; the input loader keeps the text so that a figure is
    read the Vietnamese way (``parse_figure``). Everywhere else it is a plain float."""

    text: str

    def __new__(cls, value: float, text: str) -> WrittenNumber:
        number = super().__new__(cls, value)
        number.text = text
        return number
