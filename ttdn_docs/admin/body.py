"""The body as a tree. Numbering (``I.``, ``1.``, ``a)``) and bullets (``-``, ``+``) are
generated from position by the profile, never typed by the user. A ``Table`` holds cell
texts already worded (numbers formatted by the caller); the profile styles it."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ttdn_docs.admin.text import CleanText, OptionalCleanText


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
    # The level typed when it is not the depth (a khoản ``1.`` with no mục above it):
    # 1 mục, 2 khoản, 3 điểm; its children go one level below it.
    level: int | None = Field(default=None, ge=1, le=3)
    children: list[Block] = Field(default_factory=list, max_length=5000)

    @model_validator(mode="after")
    def _title_or_text(self) -> Section:
        if self.title is None and self.text is None:
            raise ValueError("mục cần có 'title' (tiêu đề) hoặc 'text' (nội dung)")
        return self


CellAlign = Literal["left", "center", "right"]


class TableColumn(_Node):
    """One column: its header text, its share of the table width (``width`` is relative:
    ``2`` is twice as wide as ``1``) and the alignment of its cells (``None``: the
    profile's cell style decides)."""

    header: OptionalCleanText = Field(max_length=300)  # a header cell may be blank, as typed
    width: float = Field(default=1.0, gt=0, le=100)
    align: CellAlign | None = None


class Table(_Node):
    """A table in the body or an annex: a header row, rows of cell texts and an optional
    total row printed in the profile's total style (bold). Cells may be empty."""

    kind: Literal["table"] = "table"
    columns: list[TableColumn] = Field(min_length=1, max_length=20)
    rows: list[list[OptionalCleanText]] = Field(default_factory=list, max_length=5000)
    total: list[OptionalCleanText] | None = None

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Table:
        width = len(self.columns)
        for index, row in enumerate([*self.rows, *([self.total] if self.total is not None else [])]):
            if len(row) != width:
                where = "dòng tổng" if self.total is not None and index == len(self.rows) else f"dòng {index + 1}"
                raise ValueError(f"bảng có {width} cột nhưng {where} có {len(row)} ô")
        return self


Block = Annotated[Union[Paragraph, BulletList, Section, Table], Field(discriminator="kind")]

Section.model_rebuild()
