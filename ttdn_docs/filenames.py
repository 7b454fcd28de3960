"""Safe file names from any text a user or a data table supplies.

A name taken from data must never leave the output folder (``/``, ``..``), hide itself
(a leading dot), break a shell or a spreadsheet (quotes, control characters), or fail on
another file system (emoji, ``CON`` on Windows, 255-byte limits). ``safe_filename`` keeps
only ASCII letters, digits, ``-``, ``_`` and ``.``: Vietnamese letters lose their marks
(``Thanh Miện`` → ``Thanh-Mien``), everything else becomes a ``-``.
"""

from __future__ import annotations

import re

from ttdn_docs.units.keys import ascii_fold

MAX_STEM = 80
FALLBACK = "tep"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_DASHES = re.compile(r"-{2,}")
_DOTS = re.compile(r"\.{2,}")
# Device names Windows refuses as file names, with or without an extension.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def safe_filename(name: str, *, suffix: str = "", max_stem: int = MAX_STEM) -> str:
    """``name`` made into one safe path component, then ``suffix`` (e.g. ``.docx``).

    >>> safe_filename("../Kế hoạch \\"số 4\\"/2025 🇻🇳", suffix=".docx")
    'Ke-hoach-so-4-2025.docx'
    """
    text = ascii_fold(name)
    text = _UNSAFE.sub("-", text)
    text = _DOTS.sub(".", text)  # never "..", whatever the position
    text = _DASHES.sub("-", text).strip("-._")
    text = text[:max_stem].rstrip("-._")
    if not text or _RESERVED.match(text):
        text = f"{FALLBACK}-{text}" if text else FALLBACK
    return text + suffix
