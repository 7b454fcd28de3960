"""Where the page keeps files: one temporary folder, removed when the server stops.

Each request that writes files (a render, a conversion, an upload to check) works in a
folder of its own inside it, removed when the request is done. The only files kept
between requests are those the officer is offered to download later (a file to fix, the
fixed file), by a random token, and only the last ``KEPT`` of them.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ttdn_docs.filenames import safe_filename

KEPT = 20  # files offered for a later request; older ones are removed


@dataclass(frozen=True)
class KeptFile:
    token: str
    name: str
    path: Path


class Workspace:
    def __init__(self) -> None:
        self._root: Path | None = None
        self._kept: OrderedDict[str, KeptFile] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def root(self) -> Path:
        """The folder, made on first use (an app that never serves leaves nothing behind)."""
        with self._lock:
            if self._root is None:
                self._root = Path(tempfile.mkdtemp(prefix="ttdn-web-"))
            return self._root

    @contextmanager
    def job(self) -> Iterator[Path]:
        """A fresh folder for one request, removed afterwards whatever happens."""
        folder = Path(tempfile.mkdtemp(dir=self.root, prefix="job-"))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def keep(self, data: bytes, name: str) -> KeptFile:
        """Keep ``data`` under ``name`` for a later request; returns its token."""
        token = secrets.token_urlsafe(16)
        folder = self.root / f"kept-{token}"
        folder.mkdir()
        path = folder / safe_name(name)
        path.write_bytes(data)
        kept = KeptFile(token, path.name, path)
        with self._lock:
            self._kept[token] = kept
            while len(self._kept) > KEPT:
                _, old = self._kept.popitem(last=False)
                shutil.rmtree(old.path.parent, ignore_errors=True)
        return kept

    def get(self, token: str) -> KeptFile | None:
        with self._lock:
            kept = self._kept.get(token)
        return kept if kept is not None and kept.path.is_file() else None

    def close(self) -> None:
        with self._lock:
            if self._root is not None:
                shutil.rmtree(self._root, ignore_errors=True)
            self._kept.clear()


def safe_name(name: str) -> str:
    """An uploaded file's name as a safe name of one folder entry (``Kế hoạch.docx`` →
    ``Ke-hoach.docx``)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    return safe_filename(stem, suffix=safe_filename(suffix, max_stem=10).join((".", "")) if suffix else "")
