"""An on-disk cache for work every process would otherwise redo: the compiled template
(docxtpl's patching and Jinja's compilation, ~50 ms and the import of docxtpl and
python-docx) and the validated profiles (YAML parse and pydantic validation).

An entry is named by the sha256 of what it was made from (the template's bytes, the
profile file's text) together with the versions of the code that made it, so a changed
input or an upgraded library is a miss, never a stale hit. Writers write a temporary
file and rename it over the entry (atomic on every platform we run on), so processes
running at once — a batch's workers — never see half an entry; each entry carries the
sha256 of its payload, and an entry that does not match is a miss.

The folder: ``TTDN_CACHE_DIR`` if set, else the user's cache folder (``~/.cache/ttdn-docs``,
``%LOCALAPPDATA%\\ttdn-docs\\Cache``, ``~/Library/Caches/ttdn-docs``), else a folder of
the user's own in the temporary directory; a folder that cannot be made, is not the
user's own or is writable by others is not used (everything then works uncached).
``TTDN_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
from functools import cache
from pathlib import Path

CACHE_DIR_ENV = "TTDN_CACHE_DIR"
NO_CACHE_ENV = "TTDN_NO_CACHE"
_DIGEST = 32  # sha256 bytes at the head of each entry


def entry_key(*parts: str | bytes) -> str:
    """A key for the parts an entry is made from (text, bytes, version strings); the
    Python version and ttdn_docs' version are always part of it."""
    from ttdn_docs import __version__

    h = hashlib.sha256()
    for part in (sys.version, __version__, *parts):
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def load(kind: str, key: str) -> bytes | None:
    """The payload stored under ``kind``/``key``, or None (a miss, a damaged entry, no
    cache folder)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        blob = (folder / kind / key).read_bytes()
    except OSError:
        return None
    payload = blob[_DIGEST:]
    if blob[:_DIGEST] != hashlib.sha256(payload).digest():
        return None
    return payload


def store(kind: str, key: str, payload: bytes) -> None:
    """Store ``payload`` atomically; a cache that cannot be written is silently skipped
    (the work is simply done again next time)."""
    folder = cache_dir()
    if folder is None:
        return
    target = folder / kind
    try:
        target.mkdir(mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=target)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(hashlib.sha256(payload).digest())
                handle.write(payload)
            os.replace(tmp, target / key)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        return


@cache
def cache_dir() -> Path | None:
    """The cache folder in use (made when first needed), or None."""
    if os.environ.get(NO_CACHE_ENV, "").strip() not in ("", "0"):
        return None
    for candidate in _candidates():
        if _usable(candidate):
            return candidate
    return None


def _candidates() -> list[Path]:
    chosen = os.environ.get(CACHE_DIR_ENV)
    if chosen:
        return [Path(chosen)]
    found: list[Path] = []
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        found.append(Path(os.environ["LOCALAPPDATA"]) / "ttdn-docs" / "Cache")
    elif sys.platform == "darwin":
        found.append(Path.home() / "Library" / "Caches" / "ttdn-docs")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        found.append(Path(base) / "ttdn-docs")
    user = getattr(os, "getuid", lambda: "user")()
    found.append(Path(tempfile.gettempdir()) / f"ttdn-docs-{user}")
    return found


def _usable(folder: Path) -> bool:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except (OSError, RuntimeError):  # RuntimeError: no home directory
        return False
    if not stat.S_ISDIR(info.st_mode) or not os.access(folder, os.W_OK | os.X_OK):
        return False
    if hasattr(os, "getuid"):
        # Entries are trusted as our own work: never read a folder someone else can write.
        if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return True
