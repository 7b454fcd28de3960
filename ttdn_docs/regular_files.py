"""Reading a file from outside only when it is a regular file, and never past a limit.

``stat`` is no guard for what a path names: ``/dev/zero`` reports size 0 and never ends,
a FIFO blocks the first ``open`` until a writer comes. A path is therefore opened without
blocking and refused by the type of what was opened, before a byte is read. Used by the
package reader (``docxsafe``), the input loaders (``limits``) and the register.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["SPECIAL_FILE_TEXT", "SpecialFileError", "TooLargeError", "open_regular", "read_regular"]


class SpecialFileError(OSError):
    """A path that names a device, a pipe or a socket, not a regular file: ``/dev/zero``
    never ends and a FIFO blocks forever, whatever ``stat`` says of their size."""


class TooLargeError(OSError):
    """A file that turned out larger than its limit while it was read."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


SPECIAL_FILE_TEXT = "không phải tệp thông thường (thiết bị, ống dẫn hay socket); hãy chỉ ra một tệp trên đĩa"


def open_regular(path: Path, flags: int = os.O_RDONLY) -> int:
    """A descriptor on ``path``, refused by type before a byte is read. Opened without
    blocking (a FIFO would wait for a writer), then checked with ``fstat`` on the very
    file opened (no race with a rename)."""
    fd = os.open(path, flags | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SpecialFileError(errno.EINVAL, SPECIAL_FILE_TEXT)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; ``SpecialFileError`` for a
    device or pipe, ``TooLargeError`` when it is larger (never more than ``max_bytes + 1``
    bytes are read, whatever its size on disk says)."""
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise TooLargeError(size)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLargeError(len(data))
    return data
