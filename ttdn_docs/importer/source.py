"""The bytes of a Word file to import: a .docx as it is; a .doc or .odt converted through
LibreOffice when it is installed; a password-protected file refused with a clear message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ttdn_docs.outputs import check_output
from ttdn_docs.docxsafe import read_source
from ttdn_docs.errors import NotAPlanDocumentError, RenderError
from ttdn_docs.office import IMPORT_TIMEOUT_S, soffice_convert, soffice_path

# An OLE compound file: an encrypted .docx (password) or an old binary .doc.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
CONVERTIBLE = (".doc", ".odt", ".rtf")
DATA_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class WordSource:
    data: bytes
    name: str
    converted_from: str | None = None  # the suffix converted through LibreOffice


def read_word_file(source: str | Path | bytes) -> WordSource:
    if not isinstance(source, (bytes, bytearray)):
        path = Path(source)
        suffix = path.suffix.lower()
        if path.is_dir():
            raise NotAPlanDocumentError(f"{path}: đây là thư mục; hãy chỉ ra một tệp Word (.docx) trong thư mục đó.")
        if suffix in DATA_SUFFIXES:
            raise NotAPlanDocumentError(
                f"{path}: đây là tệp dữ liệu, không phải tệp Word. Dựng văn bản từ tệp này bằng "
                "ttdn-docs render; import và fix nhận tệp .docx (.doc, .odt)."
            )
        if suffix in CONVERTIBLE and path.is_file():
            return WordSource(_converted(path, suffix), str(path), suffix)
    data, name = read_source(source)
    if not data.startswith((b"PK", OLE_MAGIC)):
        what = "tệp PDF" if data.startswith(b"%PDF") else "tệp này"
        raise NotAPlanDocumentError(
            f"{name}: {what} không phải tệp Word (.docx), không đọc được. Hãy mở bản Word gốc của văn bản "
            "(.docx, .doc hoặc .odt)."
        )
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED in data:
            raise NotAPlanDocumentError(
                f"{name}: tệp Word được đặt mật khẩu, không đọc được. Hãy mở tệp, bỏ mật khẩu "
                "(Tệp → Thông tin → Bảo vệ tài liệu) rồi lưu lại dạng .docx."
            )
        raise NotAPlanDocumentError(
            f"{name}: đây là tệp Word cũ (.doc) mang đuôi .docx. Hãy đổi đuôi thành .doc để chuyển "
            "qua LibreOffice, hoặc mở trong Word và lưu lại dạng .docx."
        )
    return WordSource(data, name)


def check_output_suffix(output: Path, suffixes: tuple[str, ...], what: str) -> None:
    """Refuse an output named for another kind of file (``-o kehoach.docx`` for YAML)."""
    try:
        check_output(output, suffixes, what)
    except RenderError as exc:
        raise NotAPlanDocumentError(str(exc)) from None


def _converted(path: Path, suffix: str) -> bytes:
    if soffice_path() is None:
        raise NotAPlanDocumentError(
            f"{path}: tệp {suffix} cần được chuyển sang .docx nhưng máy chưa có LibreOffice (lệnh soffice). "
            "Hãy mở tệp trong Word hoặc LibreOffice, lưu lại dạng .docx rồi nhập tệp .docx đó."
        )
    try:
        return soffice_convert(path, "docx", timeout=IMPORT_TIMEOUT_S)
    except RenderError as exc:
        raise NotAPlanDocumentError(f"{exc}. Hãy mở tệp và lưu lại dạng .docx.") from None
