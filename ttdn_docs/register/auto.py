"""``number: auto``: a plan or report takes the next free number at render time.

The number is reserved before the file is written, and recorded with the output file,
the date and the trích yếu. If the render then fails, a number reserved by this render
is voided with the reason (it is never given again, and the register says why it is
missing from the files); a number kept from an earlier render of the same file stays.
A draft (``--draft``) takes no number: its number stays blank.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, TypeVar

from ttdn_docs.admin import AdminDocument
from ttdn_docs.profiles import Profile
from ttdn_docs.register.period import numbering_period
from ttdn_docs.register.store import Entry, NumberRegister, RegisterError

REGISTER_ENV = "TTDN_REGISTER"
AUTO = "auto"


class _Issuer(Protocol):
    @property
    def display_name(self) -> str: ...


class NumberedDocument(Protocol):
    """What a plan or report offers for numbering."""

    @property
    def issuer(self) -> _Issuer: ...
    @property
    def number(self) -> int | str | None: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def year(self) -> int: ...
    @property
    def summary(self) -> str: ...

    def to_document(self) -> AdminDocument: ...


DocT = TypeVar("DocT", bound=NumberedDocument)


def wants_number(document: NumberedDocument) -> bool:
    return document.number == AUTO


def register_path(path: str | Path | None = None) -> Path | None:
    """The register chosen: ``path``, else the ``TTDN_REGISTER`` environment variable."""
    if path is not None and str(path):
        return Path(path)
    value = os.environ.get(REGISTER_ENV, "").strip()
    return Path(value) if value else None


def open_register(path: str | Path | None = None, *, create: bool = True) -> NumberRegister:
    chosen = register_path(path)
    if chosen is None:
        raise RegisterError(
            "Số văn bản 'auto' cần sổ đăng ký số: thêm --register TỆP.sqlite hoặc đặt biến môi trường "
            f"{REGISTER_ENV} (sổ chưa có sẽ được tạo)."
        )
    return NumberRegister(chosen, create=create)


@contextmanager
def numbered(
    document: DocT,
    profile: Profile,
    register: NumberRegister,
    file: str | Path,
    *,
    with_number: Callable[[DocT, int], DocT],
) -> Iterator[tuple[DocT, Entry]]:
    """Reserve the next number for ``document`` (to be written to ``file``) and yield
    the document carrying it; if the block fails, void a number reserved here."""
    admin = document.to_document()  # a document that cannot be laid out takes no number
    issuer = document.issuer.display_name
    period = numbering_period(profile, register, issuer, document.date, document.year)
    target = str(Path(file).resolve())
    created = register.number_of_file(issuer, admin.kind, period, target) is None
    entry = register.reserve(issuer, admin.kind, period, file=target, date=document.date, summary=document.summary)
    try:
        yield with_number(document, entry.number), entry
    except BaseException as exc:
        if created:
            reason = f"dựng văn bản không thành công: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
            register.void(issuer, admin.kind, period, entry.number, reason)
        raise
