"""Body citations written by one rule for the whole document.

A citation whose data does not say whether a comma stands before its date (the field is
not in the model's ``model_fields_set``; most of them:
the report's plan reference written by ``init report``, the bases of a plan) takes the
form the officer chose for the other citations of the same document when they agree, else
the rule book's (``date.citation_comma``): a State report no longer cites «số 45/KH-UBND,
ngày 8/9/2025» with the Party comma.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from ttdn_docs.profiles import Profile
from ttdn_docs.ttdn.common import Citation

M = TypeVar("M")  # a domain document (a pydantic model)


def cite_as_rule_book(document: M, profile: Profile) -> M:
    """``document`` with every citation's comma decided."""
    chosen = {c.comma_before_date for c in _citations(document) if _typed(c)}
    comma = chosen.pop() if len(chosen) == 1 else profile.date.citation_comma
    result: M = _decided(document, comma)
    return result


def _typed(citation: Citation) -> bool:
    return "comma_before_date" in citation.model_fields_set


def _citations(value: Any) -> Iterator[Citation]:
    if isinstance(value, Citation):
        yield value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _citations(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _citations(item)


def _decided(value: Any, comma: bool) -> Any:
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _decided(old, comma)
            if new is not old:
                update[name] = new
        if isinstance(value, Citation) and not _typed(value) and value.comma_before_date != comma:
            update["comma_before_date"] = comma
        return value.model_copy(update=update) if update else value
    if isinstance(value, list):
        items = [_decided(item, comma) for item in value]
        return items if any(a is not b for a, b in zip(items, value)) else value
    return value
