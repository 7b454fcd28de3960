"""Numbers in Vietnamese format via babel: ``1.234.567`` and ``99,69%``."""

from __future__ import annotations

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
