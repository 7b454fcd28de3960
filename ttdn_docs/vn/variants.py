"""Folding of tone-placement variants for comparisons.

``ủy`` (U+1EE7 U+0079) and ``uỷ`` (U+0075 U+1EF7) are different code points and not
NFC-equivalent, and official names use both. Text is always kept as typed; these
functions only build comparison keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ttdn_docs.vn.text import nfc

# Old style puts the mark on the last vowel of oa/oe/uy; new style on the first.
# Combining marks: grave, acute, hook above, tilde, dot below.
_MARKS = "\u0300\u0301\u0309\u0303\u0323"
_OLD_STYLE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_MARKS}])(?![^\W\d_])", re.UNICODE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_WHITESPACE = re.compile(r"\s+")


def fold_tone_placement(text: str) -> str:
    """Move the tone mark of ``oa``, ``oe``, ``uy`` syllable ends to the new-style place.

    ``hoà``→``hòa``, ``uỷ``→``ủy``, ``Thuỷ``→``Thủy``, ``HOÀ``→``HÒA``. Only word-final
    pairs move (``hoàng``, ``khuya`` keep their marks), which is what the two styles
    disagree on; after ``q`` the ``u`` is part of the consonant (``quý``, ``quà`` stay).
    """
    decomposed = unicodedata.normalize("NFD", text)
    # In NFD a vowel may carry a quality mark (circumflex, breve, horn) before the tone
    # mark; o/u followed by a/e/y here are plain vowels, so the pattern is exact.
    folded = _OLD_STYLE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return nfc(folded)


def fold_key(text: str) -> str:
    """A comparison key: NFC, tone placement folded, Ð→Đ, apostrophes and spaces unified,
    case-folded. Two spellings of one name give the same key."""
    # Names and header lines repeat across a folder of files: fold each short one once.
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


def _fold(text: str) -> str:
    text = nfc(text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    text = fold_tone_placement(text)
    text = text.translate(_APOSTROPHES)
    text = _WHITESPACE.sub(" ", text).strip()
    return nfc(text.casefold())


_SHORT = 200
_fold_short = lru_cache(maxsize=8192)(_fold)


# Word-final oa, oe, uy (not after q, where u belongs to the consonant): the old style
# marks the second vowel (hoà, khoẻ, uỷ), the new style the first (hòa, khỏe, ủy).
_OLD_FINAL = re.compile(rf"(?<![qQ])(?:[oO][aAeE]|[uU][yY])[{_MARKS}]$")
_NEW_FINAL = re.compile(rf"(?<![qQ])(?:[oO][{_MARKS}][aAeE]|[uU][{_MARKS}][yY])$")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=16384)  # words repeat within a text and across a folder
def tone_style(word: str) -> str | None:
    """``"old"`` for ``uỷ``/``hoà``, ``"new"`` for ``ủy``/``hòa``, ``None`` for a word
    the two styles write alike."""
    decomposed = unicodedata.normalize("NFD", word)
    if _OLD_FINAL.search(decomposed):
        return "old"
    if _NEW_FINAL.search(decomposed):
        return "new"
    return None


def _marked(bases: str) -> str:
    """The precomposed letters that are one of ``bases`` with one tone mark (composed
    pair by pair: scanning the code points took 50 ms at import)."""
    found = {unicodedata.normalize("NFC", base + mark) for base in bases for mark in _MARKS}
    return "".join(sorted(c for c in found if len(c) == 1))


# ``tone_style`` of every word at once, on the text as typed: a word is old style when
# it ends in o/u (not after q) and a marked a/e or y, new style when it ends in a
# marked o/u and a plain a/e or y.
_END = r"(?![^\W\d_])"
# Both styles in one scan that skips to the o and u: the q test stands after the first
# letter, then the pair is told by its first letter (plain: old, if the second is
# marked; marked: new, if the second is plain). An old final fills a group. Every match
# ends a word, so no two overlap: the counts are those of the two styles' own patterns.
_TONE_FINALS = re.compile(
    rf"[oOuU{_marked('oOuU')}](?<![qQ].)"
    rf"(?:(?<=[oO])([{_marked('aAeE')}])|(?<=[uU])([{_marked('yY')}])|(?<=[{_marked('oO')}])[aAeE]|(?<=[{_marked('uU')}])[yY])"
    rf"{_END}"
)


def tone_style_counts(text: str) -> dict[str, int]:
    """How many words of ``text`` (as ``words`` splits it) are of each ``tone_style``;
    styles with no word are left out. The same as counting ``tone_style`` over
    ``words(text)``, without splitting the text into words."""
    found = _TONE_FINALS.findall(text)  # per final (o-final, u-final): both empty when new
    new = found.count(("", ""))
    counts = {"old": len(found) - new, "new": new}
    return {style: count for style, count in counts.items() if count}


def words(text: str) -> list[str]:
    """The words (runs of letters) of a text."""
    return _WORD.findall(text)
