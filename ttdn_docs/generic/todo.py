"""The marker of a part still to be written: ``<<CẦN ĐIỀN: gợi ý>>``.

A scaffold puts it where only the commune officer knows the content; ``render`` refuses a
document that still holds one (unless it is printed as a draft) and lists each by its
field path, with the hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ttdn_docs.errors import FieldProblem

TODO_WORD = "CẦN ĐIỀN"
# Tolerant of case and spacing, since officers may type the marker themselves.
_TODO = re.compile(r"<<\s*CẦN\s+ĐIỀN\s*:?\s*(.*?)\s*>>", re.IGNORECASE | re.DOTALL)


def todo(hint: str) -> str:
    """The marker text for a part to be written, with a hint of what goes there."""
    return f"<<{TODO_WORD}: {hint}>>"


def todo_hint(text: str) -> str | None:
    """The hint of the first marker in ``text`` (``""`` for a bare one), or ``None``."""
    match = _TODO.search(text)
    if match is None:
        return None
    return match.group(1)


def find_todos(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """Every marker in plain data (dicts, lists, strings), as (dotted path, hint)."""
    if isinstance(data, str):
        hint = todo_hint(data)
        if hint is not None:
            yield ".".join(path), hint
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from find_todos(value, (*path, str(key)))
    elif isinstance(data, (list, tuple)):
        for index, value in enumerate(data):
            yield from find_todos(value, (*path, str(index)))


def todo_problems(data: Any, place: Callable[[str], str | None] | None = None) -> list[FieldProblem]:
    """Every marker in plain data as a field problem (``chưa điền (hint)``); ``place``
    names a field path in the officer's words."""
    return [
        FieldProblem(path, f"chưa điền ({hint})" if hint else "chưa điền", place=place(path) if place else None)
        for path, hint in find_todos(data)
    ]


# The blank an officer fills by hand (as the skeletons write a signer's name not yet known).
HAND_BLANK = "………………"


def blank_todos(data: Any) -> Any:
    """Plain data with every marker replaced by ``HAND_BLANK``: a gap left visible on the
    printed page, not a sentence written for the author."""
    if isinstance(data, str):
        return _TODO.sub(HAND_BLANK, data)
    if isinstance(data, Mapping):
        return {key: blank_todos(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [blank_todos(value) for value in data]
    return data
