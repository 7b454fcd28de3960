"""Numbering symbols of administrative texts: Roman numerals for mục, the Vietnamese
alphabet for điểm (``a``, ``b``, ``c``, ``d``, ``đ``, ``e`` … — no f, j, w, z)."""

from __future__ import annotations

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
