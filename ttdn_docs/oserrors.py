"""Operating-system errors in the officer's words.

``OSError.strerror`` is English («Read-only file system», «File exists»); every message
an officer sees names the cause from ``errno`` instead, and says what to do.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ttdn_docs.errors import RenderError

# errno → (cause, what to do). Unknown numbers fall back to a generic cause with the code.
_REASONS: dict[int, tuple[str, str]] = {
    errno.EROFS: ("chỉ đọc", "hãy chọn thư mục khác (-o) hoặc bỏ chế độ chỉ đọc"),
    errno.EACCES: ("không có quyền ghi", "hãy chọn thư mục khác (-o) hoặc xin quyền ghi"),
    errno.EPERM: ("không có quyền ghi", "hãy chọn thư mục khác (-o) hoặc xin quyền ghi"),
    errno.ENOSPC: ("hết chỗ trống", "hãy giải phóng chỗ trống trên ổ đĩa hoặc ghi sang ổ khác, rồi chạy lại"),
    errno.EDQUOT: ("hết chỗ trống (hết hạn mức)", "hãy giải phóng chỗ trống hoặc ghi sang ổ khác, rồi chạy lại"),
    errno.EEXIST: ("đã có một tệp cùng tên", "hãy đổi tên hoặc chọn thư mục khác"),
    errno.ENOTDIR: ("một phần của đường dẫn là tệp, không phải thư mục", "hãy kiểm tra lại đường dẫn"),
    errno.ENOENT: ("không tồn tại", "hãy kiểm tra lại đường dẫn"),
    errno.ENAMETOOLONG: ("tên quá dài", "hãy đặt tên ngắn hơn"),
    errno.EISDIR: ("là một thư mục", "hãy ghi tên tệp"),
    errno.EIO: ("lỗi đọc ghi của ổ đĩa", "hãy kiểm tra ổ đĩa (USB, ổ mạng) rồi chạy lại"),
}


def os_cause(exc: OSError) -> str:
    """The cause of ``exc`` in Vietnamese, without what to do."""
    return _reason(exc)[0]


def os_read_cause(exc: OSError) -> str:
    """The cause of a failed read of ``exc``'s file in Vietnamese (the table above speaks
    of writing: a refused read is «không có quyền đọc», not «… ghi»)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "không có quyền đọc"
    return os_cause(exc)


def os_problem(exc: OSError) -> str:
    """The cause of ``exc`` and what to do, in Vietnamese («chỉ đọc; hãy chọn …»)."""
    return "; ".join(_reason(exc))


def _reason(exc: OSError) -> tuple[str, str]:
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    code = errno.errorcode.get(exc.errno or 0, str(exc.errno))
    return f"hệ điều hành từ chối (mã {code})", "hãy kiểm tra thư mục rồi chạy lại"


class OutputWriteError(RenderError):
    """An output folder that cannot take the file: read-only, not ours to write, full."""

    def __init__(self, message: str, folder: Path) -> None:
        super().__init__(message)
        self.folder = folder

    @classmethod
    def from_os(cls, folder: Path, exc: OSError) -> OutputWriteError:
        cause, action = _reason(exc)
        return cls(f"Không ghi được vào thư mục '{folder}': {cause}; {action}.", folder)

    def __reduce__(self) -> tuple[type[OutputWriteError], tuple[str, Path]]:
        # Raised in a batch worker process and re-raised in the parent.
        return (type(self), (str(self), self.folder))
