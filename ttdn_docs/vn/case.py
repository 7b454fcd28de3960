"""Vietnamese upper-casing.

``str.upper()`` is correct for Vietnamese (đ→Đ, ủ→Ủ) but may return decomposed forms
for some inputs, so the result is normalised to NFC again. ``str.title()`` is never used
for names of bodies ("Đảng Ủy Xã" is wrong; Phụ lục II of ND 30 wants "Đảng ủy xã").
"""

from __future__ import annotations

from ttdn_docs.vn.text import nfc


def upper(text: str) -> str:
    """Upper-case Vietnamese text, keeping the tone placement as typed (UỶ stays UỶ)."""
    return nfc(nfc(text).upper())


def capitalize_first(text: str) -> str:
    """Capitalise only the first letter (sentence case), leaving the rest as typed."""
    text = nfc(text)
    return text[:1].upper() + text[1:] if text else text
