"""``CleanText``: the string type of every user-facing model field.

Applies ``ttdn_docs.vn.clean_text`` (NFC, control characters dropped, spaces collapsed)
on validation, so nothing unclean reaches a renderer.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from ttdn_docs.vn import clean_text


def _not_blank(text: str) -> str:
    if not text:
        raise ValueError("không được để trống")
    return text


# Limits keep one field from swallowing a whole document by mistake (a 50-page body is
# many paragraphs, never one field). The constraint stands after the validators: there a
# field's own ``Field(max_length=…)`` replaces it (before them, pydantic drops it
# silently), and it measures the text as cleaned.
CleanText = Annotated[
    str, AfterValidator(clean_text), AfterValidator(_not_blank), StringConstraints(max_length=20_000)
]
OptionalCleanText = Annotated[str, AfterValidator(clean_text), StringConstraints(max_length=20_000)]
