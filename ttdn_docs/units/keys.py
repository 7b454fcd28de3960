"""Comparison keys for matching typed names against official names.

Official names are never rewritten; these keys exist only to compare. ``name_key`` builds on
``ttdn_docs.vn.fold_key`` (NFC, tone placement, case, apostrophe and space variants) and
also drops apostrophes and turns dashes and other punctuation into spaces, so
``Ea H'Leo`` = ``Ea H’leo`` = ``ea hleo`` and ``Chân Mây – Lăng Cô`` = ``Chân Mây-Lăng Cô``.
``ascii_key`` further strips the diacritics (đ→d) for queries typed without them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

from ttdn_docs.vn import fold_key, nfc

_APOSTROPHE = re.compile(r"['\u2019\u2018\u02bc`]")
_NOT_WORD = re.compile(r"[\W_]+")
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})

KeyFunction = Callable[[str], str]
"""A key builder: ``name_key`` or ``ascii_key``."""


def ascii_fold(text: str) -> str:
    """Strip Vietnamese diacritics: ``Đảng ủy xã Thanh Miện`` → ``Dang uy xa Thanh Mien``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    return nfc("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def name_key(text: str) -> str:
    """Key that equates spellings differing in tone placement, case, spacing, apostrophes,
    dashes and punctuation."""
    key = _APOSTROPHE.sub("", fold_key(text))
    return _NOT_WORD.sub(" ", key).strip()


def ascii_key(text: str) -> str:
    """``name_key`` without diacritics."""
    return ascii_fold(name_key(text))


def split_type_word(
    key: str, type_words: Mapping[str, str], key_fn: KeyFunction
) -> tuple[str | None, str]:
    """Split a leading type word off a key built with ``key_fn``.

    ``type_words`` maps a word to its type code (``{'xã': 'xa', …}``).
    ``('xã thanh miện', …, name_key)`` → ``('xa', 'thanh miện')``; a key without a type
    word → ``(None, key)``.
    """
    for word, type_code in type_words.items():
        prefix = key_fn(word) + " "
        if key.startswith(prefix) and len(key) > len(prefix):
            return type_code, key[len(prefix) :]
    return None, key
