"""OOXML units as the reader and checker use them: twips (1/20 pt) for lengths, half-points for
font sizes, EMU for drawings; and line heights as multiples of a single line."""

from __future__ import annotations

import re

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_CM = 1440 / 2.54
TWIPS_PER_PT = 20
EMU_PER_TWIP = 635
# Single line spacing of Times New Roman: (ascent 1825 + descent 443 + line gap 87) /
# 2048 units per em (its hhea table; the same in Liberation Serif). An exact or at-least
# line height of N pt is therefore N / (1.15 × size) single lines.
SINGLE_LINE_EM = 1.15


def mm(twips: float) -> float:
    return twips / TWIPS_PER_MM


def cm(twips: float) -> float:
    return twips / TWIPS_PER_CM


def lines_from_points(points: float, size_pt: float) -> float:
    """An exact or at-least line height in points, as a multiple of a single line."""
    return points / (SINGLE_LINE_EM * size_pt)


# An OOXML number attribute as producers write it: digits, perhaps a sign, decimals or a
# short exponent. Anything else ("inf", "1e999", 5,000 digits) is no value Word would
# show, and the reader takes it as absent rather than overflow on it.
_NUMBER = re.compile(r"\s*[-+]?(\d{1,15}(\.\d{0,15})?|\.\d{1,15})([eE][-+]?\d{1,2})?\s*")
# Far beyond any length (twips, EMU) or size a page holds.
_NUMBER_BOUND = 10**13


def ooxml_number(value: str | None) -> float | None:
    """The number an attribute holds, ``None`` when absent, malformed or out of bounds."""
    if value is None:
        return None
    # Plain digits (nearly every attribute) match the pattern as they are: no regex.
    if not (len(value) <= 15 and value.isdigit() and value.isascii()) and not _NUMBER.fullmatch(value):
        return None
    number = float(value)
    return number if abs(number) <= _NUMBER_BOUND else None


def ooxml_int(value: str | None, default: int | None = None) -> int | None:
    """``ooxml_number`` truncated to an int (Word's own reading of ``12.7``)."""
    number = ooxml_number(value)
    return default if number is None else int(number)
