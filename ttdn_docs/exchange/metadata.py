"""The outgoing-document fields of Nghị định 30/2020, Phụ lục VI, from the document.

What the library cannot know is never invented: the issuing body's 13-character
identifier (mã định danh, QĐ 20/2020/QĐ-TTg, e.g. ``000.00.31.H26``) comes from the
caller, the page count from the PDF; a field left empty is named in ``missing``.

The number and ký hiệu split into ``number`` (CodeNumber) and ``notation``
(CodeNotation) at the first separator after the digits, for both rule books: Party
``04-KH/ĐU`` → ``04`` + ``KH/ĐU``; State ``04/KH-UBND`` → ``04`` + ``KH-UBND``. The
separator itself belongs to neither (it is the rule book's, and the full ``code`` keeps
it). This is our choice: QCVN 102 names the two fields without saying how a Party number
divides.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field

from ttdn_docs.admin import AdminDocument
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.grammar import doc_symbol, signature_lines

ORGAN_ID = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
_CODE = re.compile(r"^(?P<number>\d+)[-/](?P<notation>.+)$")
LANGUAGE = "vi"


class Signer(BaseModel):
    model_config = ConfigDict(frozen=True)

    full_name: str = Field(title="họ và tên người ký")
    position: str = Field(title="chức vụ người ký")
    competence: str | None = Field(default=None, title="thẩm quyền ký (T/M, KT. …)")


class Addressee(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(title="nơi nhận")
    purpose: str | None = Field(default=None, title="mục đích gửi (để báo cáo …)")


class OutgoingMetadata(BaseModel):
    """Thông tin đầu vào của văn bản đi (NĐ 30/2020, Phụ lục VI)."""

    model_config = ConfigDict(frozen=True, title="Thông tin văn bản đi (Nghị định 30/2020, Phụ lục VI)")

    organ_id: str | None = Field(default=None, pattern=ORGAN_ID.pattern, title="mã định danh của cơ quan ban hành")
    code: str | None = Field(default=None, max_length=42, title="số và ký hiệu văn bản")
    number: str | None = Field(default=None, max_length=11, title="số văn bản (CodeNumber)")
    notation: str = Field(max_length=30, title="ký hiệu văn bản (CodeNotation)")
    date: dt.date | None = Field(default=None, title="ngày, tháng, năm văn bản")
    place: str = Field(title="địa danh")
    kind: str = Field(title="tên loại văn bản")
    subject: str = Field(max_length=500, title="trích yếu nội dung")
    issuer: str = Field(title="tên cơ quan, tổ chức ban hành")
    superior: str | None = Field(default=None, title="tên cơ quan cấp trên trực tiếp")
    signer: Signer = Field(title="người ký")
    recipients: list[Addressee] = Field(default_factory=list, title="nơi nhận")
    archive: list[str] = Field(default_factory=list, title="lưu")
    urgency: str | None = Field(default=None, title="độ khẩn")
    confidentiality: str | None = Field(default=None, title="độ mật")
    pages: int | None = Field(default=None, ge=1, title="số trang (từ bản PDF)")
    copies: int | None = Field(default=None, ge=1, title="số lượng bản")
    language: str = Field(default=LANGUAGE, title="ngôn ngữ")
    profile: str = Field(title="hồ sơ thể thức")
    missing: list[str] = Field(default_factory=list, title="các trường chưa biết (cần điền khi gửi)")


def split_code(code: str) -> tuple[str | None, str]:
    """``04-KH/ĐU`` → ``("04", "KH/ĐU")``; a blank number (``-KH/ĐU``) → ``(None, "KH/ĐU")``."""
    match = _CODE.match(code)
    if match:
        return match["number"], match["notation"]
    return None, code.lstrip("-/. ").strip()


def outgoing_metadata(
    document: AdminDocument, profile: Profile, *, organ_id: str | None = None, pages: int | None = None
) -> OutgoingMetadata:
    symbol = doc_symbol(profile, document.kind, document.number)
    number, notation = split_code(symbol) if document.number.number is not None else (None, _notation(symbol))
    signature = document.signature
    authority = [line.text for line in signature_lines(profile, signature) if line.role != "position"]
    marks = document.marks
    missing = []
    if organ_id is None:
        missing.append("organ_id")
    if number is None:
        missing.append("number")
    if document.place_date.date is None:
        missing.append("date")
    if pages is None:
        missing.append("pages")
    return OutgoingMetadata(
        organ_id=organ_id,
        code=symbol if number is not None else None,
        number=number,
        notation=notation,
        date=document.place_date.date,
        place=document.place_date.place,
        kind=profile.type_name(document.kind),
        subject=document.summary,
        issuer=" ".join(document.issuer.lines),
        superior=" ".join(document.issuer.superior) or None,
        signer=Signer(full_name=signature.name, position=signature.position, competence=" ".join(authority) or None),
        recipients=[Addressee(name=r.name, purpose=r.purpose) for r in document.recipients.items],
        archive=list(document.recipients.archive),
        urgency=profile.marks.get(marks.urgency.value) if marks.urgency else None,
        confidentiality=profile.marks.get(marks.confidentiality.value) if marks.confidentiality else None,
        pages=pages,
        copies=marks.copies,
        profile=profile.id,
        missing=missing,
    )


def _notation(symbol: str) -> str:
    # The blank a văn thư fills (``   -KH/ĐU``, ``…/KH-UBND``): the ký hiệu after it.
    match = re.search(r"[A-ZĐa-zđ]", symbol)
    return symbol[match.start():] if match else symbol
