"""A list item of a plan or report: a text, or a bullet with sub-bullets."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field, Tag

from ttdn_docs.admin.text import CleanText
from ttdn_docs.admin.values import FORM, MAPPING, TEXT
from ttdn_docs.generic.parts import Model


class Item(Model):
    """A bullet with optional sub-bullets; in YAML a plain string is the common case."""

    text: CleanText = Field(title="nội dung")
    items: list[CleanText] = Field(default_factory=list, max_length=500, title="ý nhỏ")


ItemOrText = Annotated[Union[Annotated[Item, Tag(MAPPING)], Annotated[CleanText, Tag(TEXT)]], FORM]
