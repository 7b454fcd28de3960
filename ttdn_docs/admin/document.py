"""``AdminDocument``: one complete document in the generic anatomy."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ttdn_docs.admin.body import Block
from ttdn_docs.admin.kinds import Confidentiality as Confidentiality  # defined beside the kinds; importable here
from ttdn_docs.admin.kinds import DocumentKind
from ttdn_docs.admin.kinds import Urgency as Urgency
from ttdn_docs.admin.parts import Authority, DocNumber, PlaceDate, Recipients, Signature
from ttdn_docs.admin.text import CleanText


class Marks(BaseModel):
    """Supplementary marks: urgency, confidentiality, draft (``DỰ THẢO``), and the
    drafter's initials with the number of copies (ô 12 of ND 30)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    urgency: Urgency | None = Field(default=None, title="độ khẩn")
    confidentiality: Confidentiality | None = Field(default=None, title="độ mật")
    draft: bool = Field(default=False, title="dự thảo")
    drafter_initials: CleanText | None = Field(default=None, max_length=20, title="ký hiệu người soạn thảo")
    copies: int | None = Field(default=None, ge=1, le=100_000, title="số bản")


class Annex(BaseModel):
    """A phụ lục after the main text; the profile numbers it (Roman or Arabic)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: CleanText
    body: list[Block] = Field(default_factory=list)


class AdminDocument(BaseModel):
    """A complete administrative document: header, title, body, recipients, signature."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    issuer: Authority
    kind: DocumentKind
    number: DocNumber
    place_date: PlaceDate
    summary: CleanText = Field(max_length=1000)
    addressees: list[CleanText] = Field(default_factory=list, max_length=50)
    # Căn cứ lines of a decision (``Căn cứ Luật Tổ chức chính quyền địa phương …``), each
    # without its end; the profile adds the prefix and the ``;`` / ``.`` ends.
    bases: list[CleanText] = Field(default_factory=list, max_length=50, title="căn cứ")
    # The enacting line of a decision when it is not the profile's (``QUYẾT ĐỊNH:``).
    enacting: CleanText | None = Field(default=None, max_length=200, title="lời ban hành")
    body: list[Block] = Field(min_length=1)
    recipients: Recipients
    signature: Signature
    marks: Marks = Field(default_factory=Marks)
    annexes: list[Annex] = Field(default_factory=list)

    def _repr_html_(self) -> str:
        """A notebook cell shows the document under the default profile
        (``ttdn_docs.preview.to_html`` takes any other)."""
        from ttdn_docs import display

        return display.html("document", self)
