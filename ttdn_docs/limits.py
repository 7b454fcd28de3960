"""Size limits of input files: the one place they are set and enforced.

A file above its limit is refused from its size on disk, before a byte is parsed, so an
oversized file costs a ``stat`` and not a minute of YAML parsing. The limits are far
above any real commune document (a full plan is about 30 KB of YAML, a report with 500
indicators about 150 KB, a table row per commune of the whole country about 1 MB) and
are documented in the README ("Giới hạn kích thước tệp đầu vào").
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from pathlib import Path

from ttdn_docs.docxsafe import DEFAULT_LIMITS
from ttdn_docs.oserrors import os_cause, os_read_cause
from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.regular_files import SPECIAL_FILE_TEXT, SpecialFileError, TooLargeError, read_regular

MIB = 1024 * 1024


class InputKind(Enum):
    """What a file holds, with its limit in bytes and its name for the officer."""

    DATA = (2 * MIB, "tệp dữ liệu YAML/JSON")
    TABLE = (10 * MIB, "bảng CSV/Excel")
    # A Word file: the package reader's own ceiling (``docxsafe``), so an upload to the
    # web page is refused at the same size as the file on disk.
    WORD = (DEFAULT_LIMITS.file_bytes, "tệp Word (.docx)")

    @property
    def max_bytes(self) -> int:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]


def size_text(size: int) -> str:
    """``18874368`` → ``18 MB``; ``1536`` → ``1,5 KB`` (Vietnamese decimals)."""
    from ttdn_docs.vn import format_number  # babel: only when a message is written

    for unit, scale in (("MB", MIB), ("KB", 1024)):
        if size >= scale:
            return f"{format_number(Decimal(size) / scale, 1).removesuffix(',0')} {unit}"
    return f"{size} byte"


def check_size(path: Path, kind: InputKind) -> int:
    """The size of ``path`` in bytes; ``InputError`` (naming the size and the limit) when
    it is above the limit of ``kind``, or when the file cannot be found or read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(str(path), [FieldProblem("", "không tìm thấy tệp")]) from None
    except OSError as exc:
        raise InputError(str(path), [FieldProblem("", f"không đọc được tệp: {os_cause(exc)}")]) from None
    if size > kind.max_bytes:
        raise InputError(str(path), [FieldProblem("", too_large(size, kind))])
    return size


def too_large(size: int, kind: InputKind) -> str:
    """The officer's message for ``size`` bytes above the limit of ``kind``."""
    return (
        f"tệp quá lớn: {size_text(size)}, giới hạn cho {kind.label} là {size_text(kind.max_bytes)}; "
        "hãy kiểm tra có đúng tệp không, hoặc chia nội dung thành nhiều tệp"
    )


def read_limited(path: Path, kind: InputKind) -> bytes:
    """The bytes of an input file of ``kind``, with the officer's message on every failure
    (``check_size``'s messages; a device or pipe refused by type)."""
    try:
        return read_regular(path, kind.max_bytes)
    except FileNotFoundError:
        raise InputError(str(path), [FieldProblem("", "không tìm thấy tệp")]) from None
    except TooLargeError as exc:
        raise InputError(str(path), [FieldProblem("", too_large(exc.size, kind))]) from None
    except SpecialFileError:
        raise InputError(str(path), [FieldProblem("", SPECIAL_FILE_TEXT)]) from None
    except IsADirectoryError:
        raise InputError(str(path), [FieldProblem("", "đây là thư mục, không phải tệp")]) from None
    except OSError as exc:
        raise InputError(str(path), [FieldProblem("", f"không đọc được tệp ({os_read_cause(exc)})")]) from None
