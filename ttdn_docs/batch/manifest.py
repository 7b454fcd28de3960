"""The batch manifest: one entry per commune, in ``manifest.csv`` and ``manifest.json``,
and the append-only journal that makes a killed batch lose nothing.

While a batch runs, each finished commune is appended to ``.ttdn-batch-journal.jsonl``
(one JSON line, flushed at once, synced once per chunk after the files it lists). At the end the journal is folded into the two manifest
files (each written atomically) and removed. A run that finds a journal — the previous run
was killed — reads it on top of the last manifest before deciding what to redo.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal, TextIO

from ttdn_docs.oserrors import OutputWriteError
from ttdn_docs.render import write_bytes_atomic

MANIFEST_JSON = "manifest.json"
MANIFEST_CSV = "manifest.csv"
JOURNAL = ".ttdn-batch-journal.jsonl"
FORMAT = "ttdn-docs-batch-manifest/1"

Status = Literal["ok", "unchanged", "failed"]
# Statuses whose file is in place and matches the entry.
DONE: frozenset[str] = frozenset({"ok", "unchanged"})


@dataclass(frozen=True)
class ManifestEntry:
    """One commune of a batch. ``errors`` is the checker's error count (0 when no
    checker ran); ``fingerprint`` identifies the inputs the file was made from."""

    code: str
    name: str
    file: str
    sha256: str
    status: Status
    errors: int
    message: str
    fingerprint: str

    @classmethod
    def failed(cls, code: str, name: str, message: str) -> ManifestEntry:
        return cls(code, name, "", "", "failed", 0, one_line(message), "")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ManifestEntry:
        values = {f.name: data.get(f.name, "") for f in fields(cls)}
        values["errors"] = int(values["errors"] or 0)
        return cls(**values)

    def unchanged(self) -> ManifestEntry:
        return replace(self, status="unchanged", message="")


COLUMNS = [f.name for f in fields(ManifestEntry)]


def one_line(message: str) -> str:
    """A multi-line error (``InputError``) as one manifest cell."""
    text = ""
    for part in (line.strip(" -") for line in message.splitlines() if line.strip()):
        text += (" " if not text or text.endswith(":") else "; ") + part
    return text.strip()


class Journal:
    """Append-only record of finished communes, flushed per entry."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL
        self._handle: TextIO | None = None

    def __enter__(self) -> Journal:
        try:
            self._handle = self.path.open("a", encoding="utf-8")
        except OSError as exc:
            raise OutputWriteError.from_os(self.path.parent, exc) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):  # a full disk: append has said so already
                self._handle.close()
            self._handle = None

    def append(self, entry: ManifestEntry) -> None:
        assert self._handle is not None, "journal not open"
        try:
            self._handle.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
            self._handle.flush()
        except OSError as exc:
            raise OutputWriteError.from_os(self.path.parent, exc) from None

    def sync(self) -> None:
        """fsync what was appended (after the files it lists were synced)."""
        if self._handle is None:
            return
        try:
            os.fsync(self._handle.fileno())
        except OSError as exc:
            raise OutputWriteError.from_os(self.path.parent, exc) from None

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def previous_entries(folder: Path) -> dict[str, ManifestEntry]:
    """What earlier runs left: the manifest, then the journal of a killed run on top."""
    entries: dict[str, ManifestEntry] = {}
    try:
        data = json.loads((folder / MANIFEST_JSON).read_text(encoding="utf-8"))
        for item in data.get("documents", []):
            entry = ManifestEntry.from_dict(item)
            entries[entry.code] = entry
    except (OSError, ValueError, TypeError, AttributeError):
        pass  # no manifest, or not ours: everything is redone
    try:
        lines = (folder / JOURNAL).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        try:
            entry = ManifestEntry.from_dict(json.loads(line))
        except (ValueError, TypeError):
            continue  # the last line of a killed run may be cut short
        entries[entry.code] = entry
    return entries


def write_manifest(folder: Path, entries: Iterable[ManifestEntry], header: dict[str, Any]) -> tuple[Path, Path]:
    """Write ``manifest.json`` and ``manifest.csv`` (UTF-8 with BOM for Excel), sorted by
    code, each atomically."""
    ordered = sorted(entries, key=lambda e: e.code)
    counts = {status: sum(e.status == status for e in ordered) for status in ("ok", "unchanged", "failed")}
    document = {
        "format": FORMAT,
        **header,
        "summary": {"total": len(ordered), **counts, "with_errors": sum(e.errors > 0 for e in ordered)},
        "documents": [asdict(e) for e in ordered],
    }
    json_path = write_bytes_atomic(
        folder / MANIFEST_JSON, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    )
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(asdict(e) for e in ordered)
    csv_path = write_bytes_atomic(folder / MANIFEST_CSV, buffer.getvalue().encode("utf-8-sig"))
    return json_path, csv_path
