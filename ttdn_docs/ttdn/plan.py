"""The TTĐN plan (Kế hoạch công tác thông tin đối ngoại) and its generic anatomy.

Typed fields for the parts every plan has; free text for the items. ``to_document()``
builds the ``AdminDocument``; nothing here knows about docx or about a rule book's form.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ttdn_docs.admin import (
    AdminDocument,
    Block,
    BulletItem,
    BulletList,
    DocumentKind,
    Marks,
    Paragraph,
    Section,
)
from ttdn_docs.admin.text import CleanText
from ttdn_docs.errors import FieldProblem, IncompleteDocumentError
from ttdn_docs.admin.values import InputDate
from ttdn_docs.input_problems import place_of
from ttdn_docs.generic.parts import Basis, DocumentNumber, Issuer, Model, RecipientList, Signer, admin_document
from ttdn_docs.generic.outline import OUTLINE_DESCRIPTION, OutlineNode, typed_parts_optional, SectionNode, TextNode, find_part, item_texts, outline_blocks, parts_named, placeholders
from ttdn_docs.generic.items import Item, ItemOrText
from ttdn_docs.generic.todo import todo_problems
from ttdn_docs.vn import numeric_date


ItemStyle = Literal["auto", "bullets", "paragraphs", "points"]


class UnitTasks(Model):
    """Tasks of one assigned unit (a khoản of ``Tổ chức thực hiện``).

    ``style``: ``auto`` writes a single task as a paragraph and several as ``-`` bullets
    (as the reference plan does); ``bullets`` or ``paragraphs`` force one form;
    ``points`` numbers each task as a điểm (``a)``, ``b)`` …), as an officer typed it."""

    place_label = "{unit}"

    unit: CleanText = Field(max_length=300, title="tên đơn vị")
    tasks: list[ItemOrText] = Field(min_length=1, max_length=500, title="nhiệm vụ")
    style: ItemStyle = Field(default="auto", title="cách trình bày")


class Closing(Model):
    """The closing paragraph: who reports what to whom, through which unit, by when.

    Wording: ``Trên đây là <Kế hoạch + trích yếu>, <issuer> đề nghị <units> triển khai,
    thực hiện và báo cáo kết quả <subject> về <collector> (qua <via>) trước ngày <deadline>
    để tổng hợp, báo cáo <report_to> đúng quy định.`` ``text`` replaces it entirely."""

    units: CleanText | None = Field(default=None, max_length=1000, title="đơn vị thực hiện")
    report_subject: CleanText | None = Field(default=None, max_length=1000, title="nội dung báo cáo")
    collector: CleanText | None = Field(default=None, max_length=300, title="nơi nhận báo cáo")
    via: CleanText | None = Field(default=None, max_length=300, title="qua đơn vị")
    deadline: InputDate | None = Field(default=None, title="hạn báo cáo")
    report_to: CleanText | None = Field(default=None, max_length=500, title="cấp trên nhận báo cáo")
    text: CleanText | None = Field(default=None, max_length=5000, title="toàn văn đoạn kết")

    @model_validator(mode="after")
    def _complete(self) -> Closing:
        if self.text is None:
            missing = [n for n in ("units", "report_subject", "collector", "deadline") if getattr(self, n) is None]
            if missing:
                raise ValueError("cần 'text' hoặc đủ các trường: " + ", ".join(missing))
        return self

    def text_for(self, summary: str, issuer_name: str) -> str:
        """The closing paragraph of a plan with trích yếu ``summary`` by ``issuer_name``."""
        if self.text is not None:
            return self.text
        assert self.deadline is not None
        via = f" (qua {self.via})" if self.via else ""
        report_to = f" để tổng hợp, báo cáo {self.report_to} đúng quy định" if self.report_to else ""
        return (
            f"Trên đây là Kế hoạch {summary}, {issuer_name} đề nghị "
            f"{self.units} triển khai, thực hiện và báo cáo kết quả {self.report_subject} về {self.collector}{via} "
            f"trước ngày {numeric_date(self.deadline)}{report_to}."
        )


class SectionTitles(Model):
    """Default headings of the plan's sections; any may be changed."""

    purposes_and_requirements: CleanText = Field(default="Mục đích, yêu cầu", title="tên mục Mục đích, yêu cầu")
    purposes: CleanText = Field(default="Mục đích", title="tên mục Mục đích")
    requirements: CleanText = Field(default="Yêu cầu", title="tên mục Yêu cầu")
    contents_and_methods: CleanText = Field(default="Nội dung triển khai", title="tên mục Nội dung triển khai")
    contents: CleanText = Field(default="Nội dung tuyên truyền", title="tên mục Nội dung tuyên truyền")
    methods: CleanText = Field(default="Phương thức triển khai", title="tên mục Phương thức triển khai")
    organisation: CleanText = Field(default="Tổ chức thực hiện", title="tên mục Tổ chức thực hiện")


ListStyle = Literal["bullets", "paragraphs", "points"]


class ListStyles(Model):
    """How each list of the plan is written: ``bullets`` (``-``, the default),
    ``paragraphs`` (plain paragraphs) or ``points`` (điểm ``a)``, ``b)`` …, the profile's
    third heading level). ``import`` keeps the form the officer typed."""

    purposes: ListStyle = Field(default="bullets", title="cách trình bày mục đích")
    requirements: ListStyle = Field(default="bullets", title="cách trình bày yêu cầu")
    contents: ListStyle = Field(default="bullets", title="cách trình bày nội dung")
    methods: ListStyle = Field(default="bullets", title="cách trình bày phương thức")


class Opening(Model):
    """``<bases>, <issuer> <action>, như sau:`` — or a free ``text``."""

    bases: list[Basis] = Field(default_factory=list, max_length=10, title="căn cứ")
    action: CleanText | None = Field(default=None, max_length=2000, title="việc cơ quan làm")
    text: CleanText | None = Field(default=None, max_length=5000, title="toàn văn đoạn mở đầu")

    @model_validator(mode="after")
    def _complete(self) -> Opening:
        if self.text is None and (not self.bases or self.action is None):
            raise ValueError("cần 'text' hoặc cả 'bases' và 'action'")
        return self

    def text_for(self, issuer_name: str) -> str:
        """The opening paragraph of a document issued by ``issuer_name``."""
        if self.text is not None:
            return self.text
        bases = "; ".join(b.text() for b in self.bases)
        return f"{bases}, {issuer_name} {self.action}, như sau:"


# The typed parts of the body; without an outline all are required.
TYPED_PARTS_FIELDS = ("opening", "purposes", "requirements", "contents", "methods", "tasks", "closing")


class ForeignInfoPlan(Model):
    """Kế hoạch công tác thông tin đối ngoại of a commune Đảng ủy or UBND."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=typed_parts_optional(TYPED_PARTS_FIELDS))

    kind: Literal["plan"] = Field(default="plan", title="loại tài liệu")
    profile: CleanText = Field(default="party-hd36-2018", max_length=200, title="hồ sơ thể thức")
    issuer: Issuer = Field(title="cơ quan ban hành")
    number: DocumentNumber = Field(default=None, title="số văn bản")
    date: InputDate | None = Field(default=None, title="ngày ban hành")
    year: int = Field(ge=2000, le=2200, title="năm kế hoạch")
    place: CleanText = Field(max_length=200, title="địa danh")
    summary: CleanText = Field(max_length=1000, title="trích yếu")
    # Kính gửi: rare in a plan, used when it is sent to a body to act on it.
    addressees: list[CleanText] = Field(default_factory=list, max_length=50, title="kính gửi")
    # The author's outline (``generic.outline``); without it the body has the standard
    # outline built from the typed parts below, which are then all required.
    outline: list[OutlineNode] | None = Field(default=None, max_length=5000, title="dàn ý", description=OUTLINE_DESCRIPTION)
    opening: Opening | None = Field(title="đoạn mở đầu")
    purposes: list[ItemOrText] | None = Field(min_length=1, max_length=500, title="mục đích")
    requirements: list[ItemOrText] | None = Field(min_length=1, max_length=500, title="yêu cầu")
    contents: list[ItemOrText] | None = Field(min_length=1, max_length=2000, title="nội dung")
    methods: list[ItemOrText] | None = Field(min_length=1, max_length=500, title="phương thức")
    tasks: list[UnitTasks] | None = Field(min_length=1, max_length=200, title="đơn vị thực hiện")
    closing: Closing | None = Field(title="đoạn kết")
    recipients: RecipientList = Field(title="nơi nhận")
    signature: Signer = Field(title="người ký")
    section_titles: SectionTitles = Field(default_factory=SectionTitles, title="tên các mục")
    list_styles: ListStyles = Field(default_factory=ListStyles, title="cách trình bày các danh sách")
    marks: Marks = Field(default_factory=Marks, title="dấu hiệu văn bản")

    @model_validator(mode="before")
    @classmethod
    def _typed_parts_optional_with_outline(cls, data: Any) -> Any:
        """With an outline, a typed part is given only where the outline writes it."""
        if isinstance(data, dict) and data.get("outline") is not None:
            return {**{key: None for key in TYPED_PARTS}, **data}
        return data

    @model_validator(mode="after")
    def _date_in_year(self) -> ForeignInfoPlan:
        if self.date is not None and self.date.year not in (self.year, self.year - 1):
            raise ValueError(f"ngày ban hành {numeric_date(self.date)} không thuộc năm kế hoạch {self.year}")
        if self.outline is not None:
            for key in TYPED_PARTS:
                if key in self._placed_parts() and getattr(self, key) is None:
                    raise ValueError(f"thiếu '{key}' (dàn ý 'outline' đặt phần này bằng 'part: {key}')")
        return self

    @field_validator(*TYPED_PARTS_FIELDS)
    @classmethod
    def _given_without_outline(cls, value: object, info: ValidationInfo) -> object:
        if value is None and info.data.get("outline") is None:
            raise ValueError("phải có nội dung (hoặc viết cả thân văn bản theo dàn ý 'outline')")
        return value

    def _placed_parts(self) -> set[str]:
        """The typed fields the outline's ``{part: …}`` nodes write."""
        placed = placeholders(list(self.outline or []))
        return {key for part in placed for key in _GROUPS.get(part, [part])}

    # -- the typed parts, wherever the document has them ------------------------------------

    def unit_tasks(self) -> list[UnitTasks]:
        """The tasks of each assigned unit: the typed ``tasks``, or the khoản of the
        outline's section named ``part: tasks`` (one unit each)."""
        node = find_part(list(self.outline or []), "tasks")
        if not isinstance(node, SectionNode) or node.is_placeholder:
            return list(self.tasks or [])
        units: list[UnitTasks] = []
        for child in node.body:
            if isinstance(child, SectionNode) and not child.is_placeholder and (name := child.title or child.text):
                tasks = item_texts(list(child.body)) or [name]
                units.append(UnitTasks(unit=name, tasks=tasks))
        return units

    def closing_part(self) -> Closing | None:
        """The closing: typed, or the outline's paragraph named ``part: closing``."""
        node = find_part(list(self.outline or []), "closing")
        if isinstance(node, TextNode):
            return Closing(text=node.paragraph)
        return self.closing

    def parts(self) -> list[str]:
        """The typed parts this plan has (for a reader of any shape)."""
        if self.outline is None:
            return ["opening", *TYPED_PARTS[1:]]
        return parts_named(list(self.outline))

    def opening_text(self) -> str:
        assert self.opening is not None
        return self.opening.text_for(self.issuer.display_name)

    def closing_text(self) -> str:
        assert self.closing is not None
        return self.closing.text_for(self.summary, self.issuer.display_name)

    def missing_parts(self) -> list[FieldProblem]:
        """Every part still to be written (``<<CẦN ĐIỀN: …>>``, e.g. in a rolled-over or
        imported plan), by field path."""
        data = self.model_dump(mode="python")
        return todo_problems(data, lambda path: place_of(type(self), data, path))

    def _repr_html_(self) -> str:
        """A notebook cell shows the document as it will print (``ttdn_docs.preview``)."""
        from ttdn_docs import display

        return display.html("domain", self)

    def to_document(self) -> AdminDocument:
        """The generic anatomy; refuses a plan with parts still to be written unless it
        is a draft (``marks.draft``)."""
        if not self.marks.draft and (problems := self.missing_parts()):
            raise IncompleteDocumentError("kế hoạch", problems)
        body = outline_blocks(list(self.outline if self.outline is not None else STANDARD_OUTLINE), self._typed_part)
        return admin_document(self, DocumentKind.KE_HOACH, body)

    def _typed_part(self, part: str) -> list[Block]:
        """A typed part in its standard form (the reference plan's)."""
        titles = self.section_titles
        styles = self.list_styles
        lists = {"purposes": self.purposes, "requirements": self.requirements, "contents": self.contents, "methods": self.methods}
        if part in lists:
            return [Section(title=getattr(titles, part), children=item_blocks(list(lists[part] or []), getattr(styles, part)))]
        if part in _GROUPS:
            return [Section(title=getattr(titles, part), children=[b for key in _GROUPS[part] for b in self._typed_part(key)])]
        if part == "tasks":
            return [Section(title=titles.organisation, children=[unit_section(t) for t in self.tasks or []])]
        if part == "opening":
            return [Paragraph(text=self.opening_text())]
        if part == "closing":
            return [Paragraph(text=self.closing_text())]
        return []


TYPED_PARTS = TYPED_PARTS_FIELDS
_GROUPS = {"purposes_and_requirements": ["purposes", "requirements"], "contents_and_methods": ["contents", "methods"]}
# The reference plan's outline, as the typed parts write it.
STANDARD_OUTLINE: list[OutlineNode] = [
    SectionNode(part=part) for part in ("opening", "purposes_and_requirements", "contents_and_methods", "tasks", "closing")
]


def bullets(items: list[Item | str]) -> BulletList:
    return BulletList(items=[_bullet(i) for i in items])


def _bullet(item: Item | str) -> BulletItem:
    if isinstance(item, str):
        return BulletItem(text=item)
    return BulletItem(text=item.text, items=item.items)


def item_section(title: str, items: list[Item | str], style: ItemStyle = "auto") -> Section:
    """A titled section of items: ``auto`` writes a single item as a paragraph and
    several as ``-`` bullets (as the reference plan does)."""
    return Section(title=title, children=item_blocks(items, style))


def item_blocks(items: list[Item | str], style: ItemStyle) -> list[Block]:
    """Items as ``-`` bullets, plain paragraphs or numbered điểm (``a)`` with the item's
    sub-items as bullets under it); paragraphs only when no item has sub-items."""
    if style == "points":
        return [
            Section(text=i, children=[]) if isinstance(i, str) else Section(text=i.text, children=[bullets(list(i.items))] if i.items else [])
            for i in items
        ]
    as_paragraphs = style == "paragraphs" or (style == "auto" and len(items) == 1)
    if as_paragraphs and all(isinstance(t, str) for t in items):
        return [Paragraph(text=t) for t in items if isinstance(t, str)]
    return [bullets(items)]


def unit_section(unit: UnitTasks) -> Section:
    return item_section(unit.unit, list(unit.tasks), unit.style)
