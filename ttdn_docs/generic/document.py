"""``kind: document``: any document type of a rule book, from one generic input.

The type is a key of the profile's ``types:`` table (``cong_van``, ``thong_bao``,
``to_trinh``, ``quyet_dinh``, ``giay_moi`` …); the loader checks it against the profile
the document is rendered with (``ttdn_docs.document_types``). The body is the author's
outline (``ttdn_docs.generic.outline``), the same as a plan's or a report's; the profile's
layout for the type's family decides how it prints (a level-1 section of a quyết định is
an «Điều»). Nothing here knows about docx or about a rule book's form.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, Tag, field_validator, model_validator

from ttdn_docs.admin import AdminDocument, Annex, Block, DocumentKind, Marks
from ttdn_docs.admin.text import CleanText
from ttdn_docs.admin.values import FORM, MAPPING, TEXT, InputDate
from ttdn_docs.errors import FieldProblem, IncompleteDocumentError
from ttdn_docs.input_problems import place_of
from ttdn_docs.generic.outline import OUTLINE_DESCRIPTION, OutlineNode, SectionNode, outline_blocks, walk
from ttdn_docs.generic.parts import Citation, DocumentNumber, Issuer, Model, RecipientList, Signer, admin_document
from ttdn_docs.generic.todo import todo_hint, todo_problems

DOCUMENT_KIND = "document"
# The word before a cited document in a căn cứ line.
BASIS_VERB = "Căn cứ"
# A type key as profiles write it: ASCII, lower case, words joined by ``_``.
TYPE_KEY_PATTERN = r"^[a-z][a-z0-9_]*$"


CitationOrText = Annotated[Union[Annotated[Citation, Tag(MAPPING)], Annotated[CleanText, Tag(TEXT)]], FORM]


class AnnexInput(Model):
    """A phụ lục: its title and its body, an outline like the document's."""

    title: CleanText = Field(max_length=1000, title="tên phụ lục")
    outline: list[OutlineNode] = Field(min_length=1, max_length=5000, title="nội dung phụ lục")

    def annex(self) -> Annex:
        return Annex(title=self.title, body=outline_blocks(list(self.outline), _no_typed_part))


class GenericDocument(Model):
    """A document of any type of the profile's type table: công văn, thông báo, tờ trình,
    quyết định, giấy mời … of any issuing body (UBND, Đảng ủy, HĐND, Ủy ban MTTQ, a chi bộ)."""

    kind: Literal["document"] = Field(default="document", title="loại tài liệu")
    profile: CleanText = Field(default="state-nd30-2020", max_length=200, title="hồ sơ thể thức")
    type: str = Field(pattern=TYPE_KEY_PATTERN, max_length=60, title="tên loại văn bản")
    issuer: Issuer = Field(title="cơ quan ban hành")
    number: DocumentNumber = Field(default=None, title="số văn bản")
    unit: CleanText | None = Field(default=None, max_length=40, title="đơn vị soạn thảo")
    date: InputDate | None = Field(default=None, title="ngày ban hành")
    year: int | None = Field(default=None, ge=2000, le=2200, title="năm (khi chưa có ngày)")
    place: CleanText = Field(max_length=200, title="địa danh")
    summary: CleanText = Field(max_length=1000, title="trích yếu")
    addressees: list[CleanText] = Field(default_factory=list, max_length=50, title="kính gửi")
    # A document cited (``Căn cứ`` is written before it), or a line as typed
    # (``Theo đề nghị của Văn phòng HĐND và UBND xã``).
    bases: list[CitationOrText] = Field(default_factory=list, max_length=30, title="căn cứ")
    # A decision's enacting line as typed, when it is not the one the layout writes
    # («BAN CHẤP HÀNH ĐẢNG BỘ XÃ QUYẾT ĐỊNH» for «BAN THƯỜNG VỤ QUYẾT ĐỊNH»).
    enacting: CleanText | None = Field(default=None, max_length=200, title="lời ban hành")
    outline: list[OutlineNode] = Field(min_length=1, max_length=5000, title="dàn ý", description=OUTLINE_DESCRIPTION)
    recipients: RecipientList = Field(title="nơi nhận")
    signature: Signer = Field(title="người ký")
    marks: Marks = Field(default_factory=Marks, title="dấu hiệu văn bản")

    @field_validator("unit")
    @classmethod
    def _unit_is_an_abbreviation(cls, value: str | None) -> str | None:
        # The unit stands inside the ký hiệu (``UBND-VHXH``): a name typed in full
        # (``Văn hóa - Xã hội``) would print a number no one can cite.
        if value is not None and todo_hint(value) is None and any(ch.isspace() for ch in value):
            raise ValueError("ghi chữ viết tắt của đơn vị soạn thảo, không có dấu cách (ví dụ: VHXH)")
        return value
    annexes: list[AnnexInput] = Field(default_factory=list, max_length=20, title="phụ lục")

    @model_validator(mode="after")
    def _consistent(self) -> GenericDocument:
        if self.date is not None and self.year is not None and self.date.year != self.year:
            raise ValueError(f"năm {self.year} không khớp với ngày ban hành ({self.date.year})")
        for node in walk([*self.outline, *(n for a in self.annexes for n in a.outline)]):
            if isinstance(node, SectionNode) and node.is_placeholder:
                raise ValueError(
                    f"'part: {node.part}' (phần có sẵn của kế hoạch, báo cáo) không dùng được trong văn bản "
                    "'kind: document'; hãy viết nội dung mục đó trong dàn ý (title, body)"
                )
        return self

    @property
    def effective_year(self) -> int | None:
        return self.date.year if self.date is not None else self.year

    def basis_texts(self) -> list[str]:
        """The căn cứ lines without their ends (``Căn cứ Nghị định số 30/2020/NĐ-CP …``):
        the profile's layout adds the prefix and the ``;`` / ``.`` ends."""
        return [basis if isinstance(basis, str) else f"{BASIS_VERB} {basis.text()}" for basis in self.bases]

    def missing_parts(self) -> list[FieldProblem]:
        """Every part still to be written (``<<CẦN ĐIỀN: …>>``, as ``init document``
        leaves them), by field path."""
        data = self.model_dump(mode="python")
        return todo_problems(data, lambda path: place_of(type(self), data, path))

    def to_document(self) -> AdminDocument:
        """The generic anatomy; refuses a document with parts still to be written unless it
        is a draft (``marks.draft``)."""
        if not self.marks.draft and (problems := self.missing_parts()):
            raise IncompleteDocumentError("văn bản", problems)
        body = outline_blocks(list(self.outline), _no_typed_part)
        annexes = [annex.annex() for annex in self.annexes]
        document = admin_document(self, DocumentKind(self.type), body, annexes, unit=self.unit)
        own: dict[str, object] = {"bases": self.basis_texts()} if self.bases else {}
        if self.enacting is not None:
            own["enacting"] = self.enacting
        return document.model_copy(update=own) if own else document

    def _repr_html_(self) -> str:
        """A notebook cell shows the document as it will print (``ttdn_docs.preview``)."""
        from ttdn_docs import display

        return display.html("domain", self)


def _no_typed_part(part: str) -> list[Block]:
    """A generic document has no typed parts (refused when validated)."""
    return []
