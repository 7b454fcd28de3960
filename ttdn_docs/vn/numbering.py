"""Numbering symbols of administrative texts: Roman numerals for mục, the Vietnamese
alphabet for điểm (``a``, ``b``, ``c``, ``d``, ``đ``, ``e`` … — no f, j, w, z)."""

from __future__ import annotations

from functools import lru_cache

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)
VIETNAMESE_ALPHABET = "abcdđeghiklmnopqrstuvxy"


def roman(number: int) -> str:
    """1 → ``I``, 4 → ``IV``, 14 → ``XIV``."""
    if number < 1:
        raise ValueError("Roman numerals start at 1")
    parts: list[str] = []
    for value, symbol in _ROMAN:
        count, number = divmod(number, value)
        parts.append(symbol * count)
    return "".join(parts)


def alpha_vi(number: int) -> str:
    """1 → ``a``, 5 → ``đ``, 23 → ``y``, 24 → ``aa`` (beyond the alphabet, doubled)."""
    if number < 1:
        raise ValueError("letters start at 1")
    size = len(VIETNAMESE_ALPHABET)
    letter = VIETNAMESE_ALPHABET[(number - 1) % size]
    return letter * ((number - 1) // size + 1)


def number_symbol(style: str, number: int) -> str:
    """The symbol for ``number`` in a numbering style of the profiles."""
    if style == "upper-roman":
        return roman(number)
    if style == "arabic":
        return str(number)
    if style == "alpha-vi":
        return alpha_vi(number)
    raise ValueError(f"unknown numbering style {style!r}")


@lru_cache(maxsize=1024)
def symbol_value(style: str, symbol: str) -> int | None:
    """The number a symbol stands for (``IV`` → 4, ``đ`` → 5, ``12`` → 12); ``None`` when
    the symbol is not written in that style (or not in canonical form, like ``IIII``)."""
    if style == "arabic":
        return int(symbol) if symbol.isdigit() else None
    if style == "upper-roman":
        for number in range(1, 400):
            if roman(number) == symbol:
                return number
        return None
    if style == "alpha-vi":
        if symbol and symbol == symbol[0] * len(symbol) and symbol[0] in VIETNAMESE_ALPHABET:
            return VIETNAMESE_ALPHABET.index(symbol[0]) + 1 + (len(symbol) - 1) * len(VIETNAMESE_ALPHABET)
        return None
    raise ValueError(f"unknown numbering style {style!r}")
