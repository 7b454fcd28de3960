"""An index of unit names for matching typed names (see ``keys`` for the comparison)."""

from __future__ import annotations

import difflib
import importlib
import marshal
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from ttdn_docs import diskcache
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
        units = list(units)
        self._set(units, type_words, _positions(units))

    @classmethod
    def cached(cls, units: Sequence[U], type_words: Mapping[str, str]) -> NameIndex[U]:
        """The index of ``units``, its keys taken from the disk cache (``diskcache``) when
        these very names were indexed by this very key code before: computing the keys of
        every commune costs a ``check`` process ~0.05 s, reading them back ~2 ms."""
        key = diskcache.entry_key("name-index", _keys_code(), "\n".join(unit.name for unit in units))
        payload = diskcache.load("name-index", key)
        positions: list[dict[str, list[int]]] | None = None
        if payload is not None:
            try:
                # Our own entry in the user's private cache folder, checksummed.
                loaded = marshal.loads(payload)
            except (EOFError, ValueError, TypeError):
                loaded = None
            if isinstance(loaded, list) and len(loaded) == len(_KEY_FUNCTIONS):
                positions = loaded
        if positions is None:
            positions = _positions(units)
            diskcache.store("name-index", key, marshal.dumps(positions))
        index = cls.__new__(cls)
        try:
            index._set(list(units), type_words, positions)
        except (IndexError, TypeError, AttributeError):  # not the shape we write: computed afresh
            index._set(list(units), type_words, _positions(units))
        return index

    def _set(self, units: list[U], type_words: Mapping[str, str], positions: list[dict[str, list[int]]]) -> None:
        self._type_words = type_words
        self._by_key: dict[KeyFunction, dict[str, list[U]]] = {
            key_fn: {key: [units[i] for i in at] for key, at in groups.items()}
            for key_fn, groups in zip(_KEY_FUNCTIONS, positions)
        }

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


def _positions(units: Sequence[U]) -> list[dict[str, list[int]]]:
    """For each key builder, the positions in ``units`` of the units under each key."""
    found = []
    for key_fn in _KEY_FUNCTIONS:
        groups: defaultdict[str, list[int]] = defaultdict(list)
        for i, unit in enumerate(units):
            groups[key_fn(unit.name)].append(i)
        found.append(dict(groups))
    return found


@cache
def _keys_code() -> bytes:
    """The source of the modules that compute the keys: a changed key is a cache miss."""
    modules = sorted({fn.__module__ for fn in _KEY_FUNCTIONS} | {"ttdn_docs.vn.variants", "ttdn_docs.vn.text"})
    return b"".join(Path(str(importlib.import_module(name).__file__)).read_bytes() for name in modules)
