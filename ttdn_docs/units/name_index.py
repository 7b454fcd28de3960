"""An index of unit names for matching typed names (see ``keys`` for the comparison)."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Generic, TypeVar

from ttdn_docs.units.keys import KeyFunction, ascii_key, name_key, split_type_word
from ttdn_docs.units.models import Commune, Province

U = TypeVar("U", Commune, Province)

# Key builders from strict to loose: a query typed with diacritics is not matched against
# names that differ in them unless nothing else matches.
_KEY_FUNCTIONS: tuple[KeyFunction, ...] = (name_key, ascii_key)


class NameIndex(Generic[U]):
    """Units grouped by name key, for each key builder."""

    def __init__(self, units: Iterable[U], type_words: Mapping[str, str]) -> None:
        """``type_words`` maps each type word a query may start with to its type code."""
        self._type_words = type_words
        self._by_key: dict[KeyFunction, dict[str, list[U]]] = {}
        units = list(units)
        for key_fn in _KEY_FUNCTIONS:
            groups: defaultdict[str, list[U]] = defaultdict(list)
            for unit in units:
                groups[key_fn(unit.name)].append(unit)
            self._by_key[key_fn] = dict(groups)

    def match(self, query: str, keep: Callable[[U], bool] | None = None) -> list[U]:
        """Units named ``query``, sorted by code: the whole query, or the query less a
        leading type word (then only units of that type).

        Key builders go from strict to loose; the first that finds something wins. A
        builder is skipped when the query carries nothing that the next one drops (a
        query typed without diacritics is compared without them at once, so ``Ba Dinh``
        finds ``Ba Dinh`` and ``Ba Đình`` alike). ``keep`` limits the candidates before a
        builder is judged to have found something.
        """
        keys = [key_fn(query) for key_fn in _KEY_FUNCTIONS]
        for i, key_fn in enumerate(_KEY_FUNCTIONS):
            key = keys[i]
            if not key:
                return []
            if i + 1 < len(keys) and keys[i + 1] == key:
                continue
            groups = self._by_key[key_fn]
            found = list(groups.get(key, ()))
            type_code, rest = split_type_word(key, self._type_words, key_fn)
            if type_code is not None:
                found += [unit for unit in groups.get(rest, ()) if unit.type == type_code]
            if keep is not None:
                found = [unit for unit in found if keep(unit)]
            if found:
                return sorted(set(found), key=lambda unit: unit.code)
        return []

    def close(self, query: str, keep: Callable[[U], bool] | None = None, n: int = 5) -> list[U]:
        """Units whose name is close to ``query`` (a typo: ``Thanh Mein``), closest first;
        compared without diacritics and without a leading type word."""
        key = ascii_key(query)
        _, rest = split_type_word(key, self._type_words, ascii_key)
        groups = self._by_key[ascii_key]
        names = [name for name, units in groups.items() if keep is None or any(keep(u) for u in units)]
        found: list[U] = []
        for name in difflib.get_close_matches(rest or key, names, n=n, cutoff=0.75):
            found += sorted((u for u in groups[name] if keep is None or keep(u)), key=lambda unit: unit.code)
        return found[:n]
