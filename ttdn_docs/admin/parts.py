"""Header and footer parts of the anatomy: authority, number, place and date,
recipients and signature. Each is a frozen value; wording of prefixes, colons and line
endings belongs to the profile, never to these models."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ttdn_docs.admin.kinds import SignatureAuthority as SignatureAuthority  # defined beside the kinds
from ttdn_docs.admin.text import CleanText


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Authority(_Value):
    """The issuing authority (tác giả văn bản).

    ``superior`` are the lines of the body directly above (tên cơ quan cấp trên, e.g.
    ``Đảng bộ thành phố Hải Phòng``); ``lines`` the issuing body itself, one or more lines
    (``Đảng uỷ xã Thanh Miện`` or ``Ủy ban nhân dân`` / ``xã Hòa Phú``). Both as typed; the
    profile decides the case they print in. ``abbreviation`` goes into the number
    (``ĐU``, ``UBND``).
    """

    superior: list[CleanText] = Field(default_factory=list, max_length=3)
    lines: list[CleanText] = Field(min_length=1, max_length=4)
    abbreviation: CleanText = Field(max_length=40)


class DocNumber(_Value):
    """Số và ký hiệu: the number (``None`` leaves a blank for the văn thư), the issuing
    body's abbreviation and, for a công văn, the drafting unit."""

    number: int | None = Field(default=None, ge=1, le=99_999)
    body: CleanText = Field(max_length=40)
    unit: CleanText | None = Field(default=None, max_length=40)


class PlaceDate(_Value):
    """Địa danh and date; no date means a draft whose date is filled in by hand."""

    place: CleanText = Field(max_length=200)
    date: dt.date | None = None
    year: int | None = Field(default=None, ge=1945, le=2200)

    @model_validator(mode="after")
    def _year_matches(self) -> PlaceDate:
        if self.date is not None and self.year is not None and self.year != self.date.year:
            raise ValueError("năm không khớp với ngày ban hành")
        return self

    @property
    def effective_year(self) -> int | None:
        return self.date.year if self.date is not None else self.year


class Recipient(_Value):
    """One line of Nơi nhận: who, and optionally why (``để báo cáo``)."""

    name: CleanText = Field(max_length=500)
    purpose: CleanText | None = Field(default=None, max_length=200)


class Recipients(_Value):
    """Nơi nhận: the recipients and the archive (lưu) entries, e.g. ``["VPĐU"]`` or
    ``["VT", "VHXH"]``. The profile writes the archive line (``- Lưu VPĐU.`` or
    ``- Lưu: VT, VHXH.``)."""

    items: list[Recipient] = Field(default_factory=list, max_length=200)
    archive: list[CleanText] = Field(min_length=1, max_length=20)


class Signature(_Value):
    """Quyền hạn, chức vụ, họ tên của người ký.

    ``collective`` is the body signed for (``Ban Thường vụ``, ``Ủy ban nhân dân``) when a
    collective signs (thay mặt: T/M, TM.). ``head_title`` is the head's title needed after
    K/T, T/L, T/U and Q. (``Chủ tịch``). ``position`` is the signer's own title.
    """

    collective: CleanText | None = Field(default=None, max_length=200)
    authority: SignatureAuthority = SignatureAuthority.HEAD
    head_title: CleanText | None = Field(default=None, max_length=200)
    position: CleanText = Field(max_length=200)
    name: CleanText = Field(max_length=200)

    @model_validator(mode="after")
    def _head_title_when_needed(self) -> Signature:
        if self.authority is not SignatureAuthority.HEAD and self.head_title is None:
            if self.collective is None:
                raise ValueError(
                    "cần 'head_title' (chức vụ người đứng đầu) khi ký thay, thừa lệnh, "
                    "thừa ủy quyền hoặc quyền"
                )
        return self
