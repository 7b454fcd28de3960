"""The body as a tree. Numbering (``I.``, ``1.``, ``a)``) and bullets (``-``, ``+``) are
generated from position by the profile, never typed by the user."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ttdn_docs.admin.text import CleanText


class _Node(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Paragraph(_Node):
    """A plain body paragraph (justified, first-line indent)."""

    kind: Literal["paragraph"] = "paragraph"
    text: CleanText


class BulletItem(_Node):
    """One bullet (``-``), optionally with sub-bullets (``+``)."""

    text: CleanText
    items: list[CleanText] = Field(default_factory=list, max_length=500)


class BulletList(_Node):
    kind: Literal["bullets"] = "bullets"
    items: list[BulletItem] = Field(min_length=1, max_length=2000)


class Section(_Node):
    """A numbered division: mục (level 1, ``I.``), khoản (level 2, ``1.``), điểm (level 3,
    ``a)``). ``title`` prints as a heading; a section with only ``text`` prints the number
    before that text in a regular paragraph (a khoản without a title)."""

    kind: Literal["section"] = "section"
    title: CleanText | None = None
    text: CleanText | None = None
    children: list[Block] = Field(default_factory=list, max_length=5000)

    @model_validator(mode="after")
    def _title_or_text(self) -> Section:
        if self.title is None and self.text is None:
            raise ValueError("mục cần có 'title' (tiêu đề) hoặc 'text' (nội dung)")
        return self


Block = Annotated[Union[Paragraph, BulletList, Section], Field(discriminator="kind")]

Section.model_rebuild()
