"""Field types for values officers type: dates, figures, and "a text or a mapping".

* ``InputDate``: a date in any form of ``vn.parse_date`` (``05/8/2025``,
  ``ngày 05 tháng 8 năm 2025``, ISO …); an impossible one is refused with the reason.
* ``Figure``: a non-negative figure written the Vietnamese way (``vn.parse_figure``:
  ``1.234``, ``18.600``, ``97,56``, ``97,56%``), also when YAML has already read it as a
  float (``WrittenNumber`` keeps the text).
* ``form_of`` / ``FORM``: the discriminator of a field that accepts a plain text or a
  mapping (a bullet with sub-bullets …). Only the form the officer chose is validated, so
  an error names that form, never the alternatives (see ``ttdn_docs.input_problems``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, Discriminator, WithJsonSchema

from ttdn_docs.vn import WrittenNumber, parse_date, parse_figure

# Key of a list field's ``json_schema_extra`` naming its items in messages when they are
# not called by the list's title (``ý thứ 2 của phần lãnh đạo, chỉ đạo``).
ITEM_WORD = "x-item-word"

# Tags of the forms a field may take; ``input_problems`` describes each to the officer.
TEXT = "text"
MAPPING = "mapping"
LIST = "list"


def _date(value: object) -> object:
    if isinstance(value, WrittenNumber):
        return parse_date(value.text)  # 5.8 or 05.08 with no year
    if isinstance(value, (str, int, float)):  # a number is not a date: same message
        return parse_date(str(value))
    return value


def _figure(value: object) -> object:
    # A '%' is accepted here; a model refuses it where the figure is not a ratio.
    if isinstance(value, WrittenNumber):
        return parse_figure(value.text)
    if isinstance(value, str):
        return parse_figure(value, percent=value.rstrip().endswith("%"))
    if isinstance(value, bool):
        raise ValueError(f"'{value}' không phải là số (viết ví dụ 1.234 hoặc 97,56)")
    return value


# The JSON Schema says what an editor should accept: the Vietnamese forms too, which a
# ``format: date`` or a plain-number pattern would mark as wrong.
InputDate = Annotated[
    dt.date,
    BeforeValidator(_date),
    WithJsonSchema({"type": "string", "examples": ["05/8/2025", "ngày 05 tháng 8 năm 2025", "2025-08-05"]}),
]
Figure = Annotated[
    Decimal,
    BeforeValidator(_figure),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "examples": ["1.234", "18.600", "97,56"]}]}),
]


def form_of(value: object) -> str | None:
    """The form of a value: ``text``, ``mapping``, ``list`` or ``None`` (a number …)."""
    if isinstance(value, str):
        return TEXT
    if isinstance(value, (Mapping, BaseModel)):
        return MAPPING
    if isinstance(value, (list, tuple)):
        return LIST
    return None


FORM = Discriminator(form_of)
