"""Traces of the pre-Unicode era: fonts of the TCVN3 (ABC) and VNI encodings, in which
Vietnamese letters were drawn by the font from ordinary byte codes. Text typed with
Unikey set to TCVN3 shows right only in those fonts, and wrong everywhere else."""

from __future__ import annotations

# ".VnTime", ".VnTimeH", ".VnArial" … (TCVN3); "VNI-Times", "VNI-Helve" … (VNI).
_LEGACY_PREFIXES = (".vn", "vni-")


def is_legacy_font(name: str) -> bool:
    """``.VnTime`` → True; ``Times New Roman`` → False."""
    return name.strip().lower().startswith(_LEGACY_PREFIXES)
