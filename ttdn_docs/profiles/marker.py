"""The words by which a file names the rule book it was made under.

Our templates carry them in the core properties' comments; every rendered file in the
extended properties' ``Template`` (Word: File › Properties › «Template»), so that
``check`` and ``import`` know a rule book made with ``extends:`` from a built-in one,
whose header looks the same."""

from __future__ import annotations

import re

_MARKER = "ttdn_docs template for profile {id}"
_FOUND = re.compile(r"ttdn_docs template for profile ([a-z0-9][a-z0-9-]*)")


def profile_marker(profile_id: str) -> str:
    return _MARKER.format(id=profile_id)


def marked_profile(text: str) -> str | None:
    """The profile id a property text names, if any."""
    match = _FOUND.search(text)
    return match.group(1) if match else None
