"""Parts every document shares (plans, reports, any `kind: document`): issuer, number,
citations, recipients, signer; and the step from them to the generic anatomy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, ClassVar, Literal, Protocol, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Tag, field_validator

from ttdn_docs.admin import (
    AdminDocument,
    Annex,
    Authority,
    Block,
    DocNumber,
    DocumentKind,
    Marks,
    PlaceDate,
    Recipient,
    Recipients,
    Signature,
    SignatureAuthority,
)
from ttdn_docs.admin.text import CleanText
from ttdn_docs.admin.values import FORM, LIST, MAPPING, TEXT, InputDate
from ttdn_docs.vn import numeric_date


AUTO_NUMBER = "auto"
_MAX_NUMBER = 99_999


def _number_or_auto(value: object) -> object:
    """One clear message for a bad number (a bare union would report each branch)."""
    if value is None or value == AUTO_NUMBER:
        return value
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"phải là một số nguyên (1 đến {_MAX_NUMBER}) hoặc '{AUTO_NUMBER}' (lấy số tiếp theo trong sổ đăng ký số)")
    if not 1 <= value <= _MAX_NUMBER:
        raise ValueError(f"phải từ 1 đến {_MAX_NUMBER}")
    return value


# A document's number: typed, ``auto`` (the next free number from the register of
# document numbers, taken at render time) or left blank for the văn thư.
DocumentNumber = Annotated[
    Union[Annotated[int, Field(ge=1, le=_MAX_NUMBER)], Literal["auto"], None], BeforeValidator(_number_or_auto)
]


def fixed_number(number: int | str | None) -> int | None:
    """The number to print now: ``auto`` prints as a blank until the register gives one."""
    return number if isinstance(number, int) else None


class Model(BaseModel):
    """Base of input models: unknown keys are errors (a typo must not be lost silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # How an error message names one item of a list of these, from the item's own fields
    # (``"{unit}"`` → ``nhiệm vụ thứ 3 của Phòng Văn hóa - Xã hội``); ``None``: by its
    # number (``mục đích thứ 1``). See ``ttdn_docs.input_problems``.
    place_label: ClassVar[str | None] = None



# A name on one line, or the lines of a two-line name (``ỦY BAN NHÂN DÂN`` / ``XÃ …``).
TextOrLines = Annotated[Union[Annotated[CleanText, Tag(TEXT)], Annotated[list[CleanText], Tag(LIST)]], FORM]


class Issuer(Model):
    """Who issues: the body above (``Đảng bộ thành phố Hải Phòng``), the issuing body
    (``Đảng uỷ xã Thanh Miện``, or two lines for a UBND), its abbreviation in the number,
    and optionally the commune's official code."""

    superior: list[CleanText] = Field(default_factory=list, max_length=3, title="cơ quan cấp trên")
    name: TextOrLines = Field(title="tên")
    abbreviation: CleanText = Field(max_length=40, title="chữ viết tắt")
    commune_code: CleanText | None = Field(default=None, max_length=10, title="mã xã")

    @property
    def lines(self) -> list[str]:
        return [self.name] if isinstance(self.name, str) else list(self.name)

    @property
    def display_name(self) -> str:
        """The name as used in running text (``Đảng uỷ xã Thanh Miện``)."""
        return " ".join(self.lines)

    def authority(self) -> Authority:
        return Authority(superior=self.superior, lines=self.lines, abbreviation=self.abbreviation)


class Citation(Model):
    """A document cited as a basis: ``Hướng dẫn số 08-HD/BTGDVTU, ngày 28/7/2025 của Ban
    Tuyên giáo và Dân vận Thành ủy Hải Phòng về công tác thông tin đối ngoại năm 2025``.

    Numbers and dates are copied from data, never from examples (cited numbers are
    often mistyped when copied)."""

    kind: CleanText = Field(max_length=100, title="loại văn bản")
    number: CleanText | None = Field(default=None, max_length=60, title="số, ký hiệu")
    date: InputDate | None = Field(default=None, title="ngày")
    issuer: CleanText | None = Field(default=None, max_length=300, title="cơ quan ban hành")
    subject: CleanText | None = Field(default=None, max_length=1000, title="trích yếu")
    # Left out of the data: as the rule book cites (profile ``date.citation_comma``, decided
    # before rendering by ``ttdn_docs.citations``); a comma when rendered without one.
    # Old data that repeats it on every citation is still read: the same form is kept
    # (an override of the rule book); the examples no longer write it.
    comma_before_date: bool = Field(
        default=True, title="dấu phẩy trước ngày",
        description="Không cần ghi: hồ sơ thể thức quyết định (Đảng: «số …, ngày …»; Nhà nước: «số … ngày …»). Chỉ ghi khi muốn khác quy tắc.",
    )

    def text(self) -> str:
        parts = [self.kind]
        if self.number:
            parts.append(f"số {self.number}")
        text = " ".join(parts)
        if self.date is not None:
            text += ("," if self.comma_before_date else "") + f" ngày {numeric_date(self.date)}"
        if self.issuer:
            text += f" của {self.issuer}"
        if self.subject:
            text += f" về {self.subject}"
        return text


class Basis(Model):
    """The opening's bases: ``Thực hiện …`` or ``Căn cứ …`` with the documents cited."""

    verb: Literal["Thực hiện", "Căn cứ"] = Field(default="Thực hiện", title="từ mở đầu")
    documents: list[Citation] = Field(min_length=1, max_length=30, title="văn bản căn cứ")

    def text(self) -> str:
        return f"{self.verb} " + "; ".join(d.text() for d in self.documents)


class RecipientEntry(Model):
    name: CleanText = Field(max_length=500, title="tên nơi nhận")
    purpose: CleanText | None = Field(default=None, max_length=200, title="mục đích gửi")


RecipientEntryOrText = Annotated[
    Union[Annotated[RecipientEntry, Tag(MAPPING)], Annotated[CleanText, Tag(TEXT)]], FORM
]


class Signer(Model):
    """Who signs, by meaning (the profile writes ``T/M`` or ``TM.``)."""

    collective: CleanText | None = Field(default=None, max_length=200, title="tập thể")
    authority: SignatureAuthority = Field(default=SignatureAuthority.HEAD, title="thẩm quyền ký")
    head_title: CleanText | None = Field(default=None, max_length=200, title="chức vụ người đứng đầu")
    position: CleanText = Field(max_length=200, title="chức vụ")
    name: CleanText = Field(max_length=200, title="họ và tên")

    def signature(self) -> Signature:
        return Signature(**self.model_dump())


def recipients_from(entries: list[RecipientEntry | str], archive: list[str]) -> Recipients:
    items = [
        Recipient(name=e) if isinstance(e, str) else Recipient(name=e.name, purpose=e.purpose)
        for e in entries
    ]
    return Recipients(items=items, archive=archive)


class RecipientList(Model):
    """Nơi nhận: entries (a name, or name + purpose) and the archive entries."""

    items: list[RecipientEntryOrText] = Field(default_factory=list, max_length=200, title="đơn vị nhận")
    archive: list[CleanText] = Field(min_length=1, max_length=20, title="lưu")

    @field_validator("archive", mode="before")
    @classmethod
    def _archive_as_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    def recipients(self) -> Recipients:
        return recipients_from(list(self.items), list(self.archive))


class IssuedDocument(Protocol):
    """The header and footer fields every document model carries."""

    issuer: Issuer
    @property
    def number(self) -> int | str | None: ...  # read-only: plans narrow it to int | "auto"
    date: dt.date | None
    @property
    def year(self) -> int | None: ...  # read-only: plans and reports require it
    place: str
    summary: str
    addressees: list[str]
    recipients: RecipientList
    signature: Signer
    marks: Marks


def admin_document(
    source: IssuedDocument, kind: DocumentKind, body: list[Block], annexes: Sequence[Annex] = (), *, unit: str | None = None
) -> AdminDocument:
    """The generic anatomy of a document: its header and footer fields, ``body``; ``unit``
    is the drafting unit of a công văn's ký hiệu."""
    return AdminDocument(
        issuer=source.issuer.authority(),
        kind=kind,
        number=DocNumber(number=fixed_number(source.number), body=source.issuer.abbreviation, unit=unit),
        place_date=PlaceDate(place=source.place, date=source.date, year=source.year if source.date is None else None),
        summary=source.summary,
        addressees=source.addressees,
        body=body,
        recipients=source.recipients.recipients(),
        signature=source.signature.signature(),
        marks=source.marks,
        annexes=list(annexes),
    )
