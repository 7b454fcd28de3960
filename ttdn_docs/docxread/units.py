"""OOXML units as the reader and checker use them: twips (1/20 pt) for lengths, half-points for
font sizes, EMU for drawings; and line heights as multiples of a single line."""

from __future__ import annotations

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
