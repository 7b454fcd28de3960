"""NFC normalisation and the clean-up applied to every piece of user text.

Documented clean-up (README, "Text clean-up"):

* the text is normalised to NFC (TCVN 6909:2001 exchange form);
* tab, vertical tab, form feed, newlines and the Unicode line/paragraph separators become
  a space (a line break inside one field is never wanted in an administrative document:
  paragraphs are separate list items);
* every other character that XML 1.0 cannot carry (C0 controls, lone surrogates,
  U+FFFE/U+FFFF) and the invisible format controls that copy-paste brings (zero-width
  space, BOM, soft hyphen, bidirectional marks and overrides U+200E/F, U+202A–U+202E,
  U+2066–U+2069) are dropped;
* runs of spaces are collapsed to one and the ends are stripped.
"""

from __future__ import annotations

import re
import unicodedata

_BREAKING_WHITESPACE = re.compile(r"[\t\n\r\v\f\u0085\u2028\u2029\u00a0\u202f]")
# XML 1.0 forbids C0 controls other than tab/LF/CR, surrogates and U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Invisible characters that Word or web pages leave behind; C1 controls too; and the
# bidirectional marks, embeddings, overrides and isolates (U+202E turns "fdp.exe" around:
# a Vietnamese document never needs them).
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r" {2,}")
# Anything the four substitutions would change: most strings hold none, and one search
# is cheaper than four substitutions (``clean_text`` runs on every value of an input).
_TO_CLEAN = re.compile(
    "|".join(p.pattern for p in (_BREAKING_WHITESPACE, _XML_ILLEGAL, _INVISIBLE)) + "|  "
)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def has_illegal_chars(text: str) -> bool:
    """True when ``text`` holds a character XML 1.0 cannot carry."""
    return bool(_XML_ILLEGAL.search(text))


def clean_text(text: str) -> str:
    """Apply the documented clean-up to one user-supplied string (see module doc)."""
    text = nfc(text)
    if _TO_CLEAN.search(text) is None:
        return text.strip()
    text = _BREAKING_WHITESPACE.sub(" ", text)
    text = _XML_ILLEGAL.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return text.strip()
