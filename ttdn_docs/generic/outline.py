"""The author's outline: a plan's or report's body as an ordered tree, in any shape.

``outline`` (optional on ``ForeignInfoPlan`` and ``ForeignInfoReport``) is a list of
nodes printed in order, numbered from their depth by the profile (mục ``I.``, khoản
``1.``, điểm ``a)``):

* a text (or ``{paragraph: …}``) — a paragraph of running text;
* ``{bullets: [...]}`` — ``-`` items, each a text or ``{text, items}`` (``+`` under it);
* ``{table: {columns: [...], rows: [[...]]}}`` — a table, cells as typed;
* ``{title: …, body: [...]}`` — a section (``text`` instead of ``title``: an untitled
  khoản or điểm carrying its text);
* ``{part: …}`` alone — the typed part of that name written in its standard form
  (``purposes``, ``tasks``, ``closing`` …, from the document's typed fields).

A section or paragraph may carry ``part`` to say what it is (``part: tasks`` on «Tổ chức
thực hiện», ``part: closing`` on the last paragraph): the features that need a typed part
(``init report --from-plan``, ``rollover``, ``aggregate``) read it from there. None of the
parts dictates the outline and none is required by it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, Tag, model_validator
from pydantic.config import JsonDict

from ttdn_docs.admin import Block, BulletItem, BulletList, Paragraph, Section, Table, TableColumn
from ttdn_docs.admin.text import CleanText, OptionalCleanText
from ttdn_docs.generic.parts import Model
from ttdn_docs.generic.items import Item, ItemOrText

# The typed parts a node may name. Plans: opening … closing; reports: their sections.
PartKey = Literal[
    "opening",
    "purposes_and_requirements",
    "purposes",
    "requirements",
    "contents_and_methods",
    "contents",
    "methods",
    "tasks",
    "leadership",
    "results",
    "results_by_unit",
    "indicators",
    "shortcomings",
    "limitations",
    "causes",
    "directions",
    "proposals",
    "closing",
]

# The officer's name of each typed part (the web form's «phần» choice shows these; YAML
# keeps the keys).
PART_TITLES: dict[str, str] = {
    "opening": "mở đầu (căn cứ)",
    "purposes_and_requirements": "mục đích, yêu cầu",
    "purposes": "mục đích",
    "requirements": "yêu cầu",
    "contents_and_methods": "nội dung, phương thức",
    "contents": "nội dung tuyên truyền",
    "methods": "phương thức triển khai",
    "tasks": "tổ chức thực hiện (nhiệm vụ các đơn vị)",
    "leadership": "lãnh đạo, chỉ đạo",
    "results": "kết quả thực hiện",
    "results_by_unit": "kết quả của các đơn vị",
    "indicators": "chỉ tiêu, số liệu",
    "shortcomings": "hạn chế, nguyên nhân",
    "limitations": "hạn chế",
    "causes": "nguyên nhân",
    "directions": "phương hướng, nhiệm vụ",
    "proposals": "đề xuất, kiến nghị",
    "closing": "đoạn kết",
}


class TextNode(Model):
    """A paragraph of running text, optionally naming the part it is (opening, closing)."""

    paragraph: CleanText = Field(max_length=20_000, title="đoạn văn")
    part: PartKey | None = Field(default=None, title="phần")


class ListNode(Model):
    """A list of ``-`` items (a text, or ``{text, items}`` with ``+`` items)."""

    bullets: list[ItemOrText] = Field(min_length=1, max_length=2000, title="gạch đầu dòng")


class TableData(Model):
    """A table as typed: the header row, the rows and an optional total row (bold)."""

    columns: list[OptionalCleanText] = Field(min_length=1, max_length=20, title="tiêu đề cột")
    widths: list[float] = Field(default_factory=list, max_length=20, title="độ rộng cột")
    rows: list[list[OptionalCleanText]] = Field(default_factory=list, max_length=5000, title="dòng")
    total: list[OptionalCleanText] | None = Field(default=None, title="dòng tổng")

    @model_validator(mode="after")
    def _rows_fit(self) -> TableData:
        for index, row in enumerate([*self.rows, *([self.total] if self.total is not None else [])]):
            if len(row) != len(self.columns):
                raise ValueError(f"bảng có {len(self.columns)} cột nhưng dòng {index + 1} có {len(row)} ô")
        return self

    def block(self) -> Table:
        widths = self.widths if len(self.widths) == len(self.columns) else [1.0] * len(self.columns)
        return Table(
            columns=[TableColumn(header=h, width=w) for h, w in zip(self.columns, widths, strict=True)],
            rows=self.rows,
            total=self.total,
        )


class TableNode(Model):
    table: TableData = Field(title="bảng")


class SectionNode(Model):
    """A section (mục, khoản, điểm by depth) with a ``title`` or an untitled one with its
    ``text``; ``part`` names the typed part it is. ``{part: …}`` alone writes the typed
    part in its standard form."""

    title: CleanText | None = Field(default=None, max_length=1000, title="tiêu đề")
    text: CleanText | None = Field(default=None, max_length=20_000, title="nội dung")
    part: PartKey | None = Field(default=None, title="phần")
    # Only when the level is not the depth: 2 for a khoản typed with no mục above it.
    level: Literal[1, 2, 3] | None = Field(default=None, title="cấp (1 mục, 2 khoản, 3 điểm)")
    body: list[OutlineNode] = Field(default_factory=list, max_length=5000, title="nội dung mục")

    @model_validator(mode="after")
    def _named(self) -> SectionNode:
        if self.title is None and self.text is None and self.part is None:
            raise ValueError("mục cần có 'title' (tiêu đề), 'text' (nội dung) hoặc 'part' (phần có sẵn)")
        return self

    @property
    def is_placeholder(self) -> bool:
        """``{part: …}`` alone: the typed part, written from the typed fields."""
        return self.title is None and self.text is None and not self.body


def _node_form(value: object) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        for key in ("paragraph", "bullets", "table"):
            if key in value:
                return key
        return "section"
    if isinstance(value, TextNode):
        return "paragraph"
    if isinstance(value, ListNode):
        return "bullets"
    if isinstance(value, TableNode):
        return "table"
    if isinstance(value, SectionNode):
        return "section"
    return None


OutlineNode = Annotated[
    Union[
        Annotated[CleanText, Tag("text")],
        Annotated[TextNode, Tag("paragraph")],
        Annotated[ListNode, Tag("bullets")],
        Annotated[TableNode, Tag("table")],
        Annotated[SectionNode, Tag("section")],
    ],
    Discriminator(_node_form),
]
SectionNode.model_rebuild()


# -- reading the typed parts back --------------------------------------------------------


def walk(nodes: list[OutlineNode]) -> Iterator[OutlineNode]:
    """Every node, depth first, in reading order."""
    for node in nodes:
        yield node
        if isinstance(node, SectionNode):
            yield from walk(list(node.body))


def find_part(nodes: list[OutlineNode], part: str) -> TextNode | SectionNode | None:
    """The first node naming ``part``."""
    for node in walk(nodes):
        if isinstance(node, (TextNode, SectionNode)) and node.part == part:
            return node
    return None


def placeholders(nodes: list[OutlineNode]) -> list[str]:
    """The typed parts the ``{part: …}`` nodes write, in order."""
    return [n.part for n in walk(nodes) if isinstance(n, SectionNode) and n.is_placeholder and n.part is not None]


def parts_named(nodes: list[OutlineNode]) -> list[str]:
    return [n.part for n in walk(nodes) if isinstance(n, (TextNode, SectionNode)) and n.part is not None]


def item_texts(nodes: list[OutlineNode]) -> list[Item | str]:
    """The items a section holds, as a typed list would: paragraphs and bullets as they
    are, an untitled điểm as its text with its bullets under it, a titled sub-section as
    its title followed by its items; table rows as their cells joined."""
    items: list[Item | str] = []
    for node in nodes:
        if isinstance(node, str):
            items.append(node)
        elif isinstance(node, TextNode):
            items.append(node.paragraph)
        elif isinstance(node, ListNode):
            items += list(node.bullets)
        elif isinstance(node, TableNode):
            items += ["; ".join(c for c in row if c) for row in node.table.rows if any(row)]
        elif not node.is_placeholder:
            subs = [i if isinstance(i, str) else i.text for i in item_texts(list(node.body))]
            head = node.title or node.text
            if head is not None and subs and node.title is None:
                items.append(Item(text=head, items=subs))
            else:
                if head is not None:
                    items.append(head)
                items += subs
    return items


# -- printing ------------------------------------------------------------------------------

# Writes the typed part a ``{part: …}`` node names, in its standard form.
PlaceholderWriter = Callable[[str], list[Block]]


def outline_blocks(nodes: list[OutlineNode], placeholder: PlaceholderWriter) -> list[Block]:
    """The nodes as the body's blocks; ``placeholder`` writes a typed part in place."""
    blocks: list[Block] = []
    for node in nodes:
        if isinstance(node, str):
            blocks.append(Paragraph(text=node))
        elif isinstance(node, TextNode):
            blocks.append(Paragraph(text=node.paragraph))
        elif isinstance(node, ListNode):
            blocks.append(BulletList(items=[_bullet(i) for i in node.bullets]))
        elif isinstance(node, TableNode):
            blocks.append(node.table.block())
        elif node.is_placeholder:
            assert node.part is not None
            blocks += placeholder(node.part)
        else:
            children = outline_blocks(list(node.body), placeholder)
            blocks.append(Section(title=node.title, text=node.text, level=node.level, children=children))
    return blocks


def _bullet(item: Item | str) -> BulletItem:
    return BulletItem(text=item) if isinstance(item, str) else BulletItem(text=item.text, items=item.items)




# -- the schema an editor validates with ---------------------------------------------------

OUTLINE_DESCRIPTION = (
    "Dàn ý thân văn bản, theo thứ tự: đoạn văn (một dòng chữ), {bullets: [...]} gạch đầu dòng, "
    "{table: {columns, rows}} bảng, {title, body} một mục (I., 1., a) theo cấp), {part: …} một phần có sẵn "
    "(purposes, tasks, closing …) viết theo mẫu. Không có 'outline': thân văn bản theo mẫu từ các phần có sẵn."
)


def typed_parts_optional(names: tuple[str, ...]) -> Callable[[JsonDict], None]:
    """A ``json_schema_extra`` that marks ``names`` optional: required only without an
    outline, which a plain JSON Schema ``required`` cannot say."""

    def edit(schema: JsonDict) -> None:
        required = schema.get("required")
        if isinstance(required, list):
            schema["required"] = [name for name in required if name not in names]

    return edit
