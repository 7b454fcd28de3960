"""AdminDocument + Profile → .docx.

``render_docx`` returns bytes; ``write_docx`` writes a path atomically (temporary file in
the same folder, then rename: never a half-written file); ``write_docx_stream`` writes to
any binary stream.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from ttdn_docs.admin import AdminDocument
from ttdn_docs.errors import RenderError
from ttdn_docs.oserrors import OutputWriteError
from ttdn_docs.profiles import Profile
from ttdn_docs.render.context import PLACEHOLDERS, build_context
from ttdn_docs.render.engine import CompiledTemplate
from ttdn_docs.render.properties import document_properties
from ttdn_docs.render.templates import template_for

__all__ = [
    "PLACEHOLDERS",
    "CompiledTemplate",
    "build_context",
    "check_writable",
    "render_docx",
    "sync_files",
    "write_bytes_atomic",
    "write_docx",
    "write_docx_stream",
]


def render_docx(document: AdminDocument, profile: Profile, template: Path | None = None) -> bytes:
    """Render ``document`` under ``profile`` (optionally into a user template)."""
    properties = document_properties(document, profile)
    family = profile.family_of(document.kind)
    return template_for(profile, template, family).render(build_context(document, profile), properties)


def write_docx(
    document: AdminDocument,
    profile: Profile,
    path: Path,
    template: Path | None = None,
    *,
    overwrite: bool = True,
) -> Path:
    data = render_docx(document, profile, template)
    return write_bytes_atomic(Path(path), data, overwrite=overwrite)


def write_docx_stream(document: AdminDocument, profile: Profile, stream: BinaryIO, template: Path | None = None) -> None:
    stream.write(render_docx(document, profile, template))


def write_bytes_atomic(path: Path, data: bytes, *, overwrite: bool = True, sync: bool = True) -> Path:
    """Write to a temporary file beside ``path``, fsync, then rename over it. ``sync=False``
    leaves the fsync to the caller (a batch syncs its files once per chunk, ``sync_files``):
    the rename is still atomic, only durability after a power cut waits."""
    folder = check_writable(path, overwrite=overwrite)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputWriteError.from_os(folder, exc) from None
    try:
        # mkstemp creates 0600; a document is an ordinary file (0666 less the umask).
        if hasattr(os, "fchmod"):  # POSIX (Windows has no such modes)
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputWriteError.from_os(folder, exc) from None
        raise
    return path


def sync_files(folder: Path, names: list[str]) -> None:
    """Make files written with ``sync=False`` durable: each file, then the folder that
    names them (POSIX; on Windows a folder cannot be opened, its entries are already on
    disk when the files are). A file gone meanwhile is skipped."""
    for name in names:
        try:
            fd = os.open(folder / name, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError as exc:
            raise OutputWriteError.from_os(folder, exc) from None
        finally:
            os.close(fd)
    if os.name == "posix":
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass  # some file systems cannot sync a folder; the files are synced
        finally:
            os.close(fd)


def check_writable(path: Path, *, overwrite: bool = True) -> Path:
    """The folder ``path`` will be written in; refuses a missing folder, and an existing
    file unless ``overwrite``."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise RenderError(f"Thư mục đích '{folder}' không tồn tại")
    if path.is_dir():
        raise RenderError(f"'{path}' là một thư mục; hãy ghi tên tệp đầu ra, ví dụ {path / 'ket-qua'}{path.suffix or '.docx'}")
    if not overwrite and path.exists():
        raise RenderError(f"Tệp '{path}' đã tồn tại (dùng --force để ghi đè)")
    return folder


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
