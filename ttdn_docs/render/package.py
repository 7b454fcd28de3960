"""Reading and writing the .docx zip container, deterministically and fast.

Entries are written in their original order with a fixed timestamp, so one input always
gives the same bytes (stable sha256 in batch manifests, byte-exact template tests).

The writer is a small ZIP encoder of its own rather than ``zipfile`` so that the parts a
render never changes (``styles.xml`` alone is 350 kB) are deflated once, when a template
is compiled, and copied as compressed bytes into every document: recompressing them was
most of the cost of a render. Its output is the archive ``zipfile`` writes with
``writestr`` for the same entries (deflate level 6, no data descriptors, Unix attributes
``0o644``), so templates built before it are byte-identical.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
# Parts deflated once (a template's, at compile time) use zlib's default, so templates stay
# the bytes ``zipfile`` writes. The parts rendered for each document use level 3, chosen by
# measurement (benchmarks/render_throughput.py, docs/performance.md): a third of the
# deflate time of level 6 for a .docx 2–4 % larger.
DEFLATE_LEVEL = 6
RENDER_DEFLATE_LEVEL = 3

_DOS_DATE = (FIXED_DATE[0] - 1980) << 9 | FIXED_DATE[1] << 5 | FIXED_DATE[2]
_DOS_TIME = FIXED_DATE[3] << 11 | FIXED_DATE[4] << 5 | FIXED_DATE[5] // 2
_VERSION = 20  # "2.0": deflate, as zipfile writes
_UNIX = 3  # made by: Unix, whatever the platform, so the bytes never depend on it
_UTF8_NAME = 0x800
_ATTRIBUTES = 0o644 << 16
_LIMIT = 0xFFFFFFFF  # beyond this ZIP64 would be needed; a .docx never comes near it
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


@dataclass(frozen=True)
class DeflatedEntry:
    """One archive member, already compressed: reusable across many archives."""

    name: str
    crc: int
    size: int
    data: bytes  # raw deflate stream

    @classmethod
    def of(cls, name: str, blob: bytes, level: int = DEFLATE_LEVEL) -> DeflatedEntry:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = compressor.compress(blob) + compressor.flush()
        if len(blob) > _LIMIT or len(data) > _LIMIT:
            raise ValueError(f"part {name} is too large for a .docx ({len(blob)} bytes)")
        return cls(name, zlib.crc32(blob), len(blob), data)


def read_entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info.filename)) for info in archive.infolist()]


def write_entries(entries: Iterable[tuple[str, bytes] | DeflatedEntry], level: int = DEFLATE_LEVEL) -> bytes:
    """The archive of ``entries``: ``(name, bytes)`` pairs are deflated now (at
    ``level``), ``DeflatedEntry`` values are copied as they are."""
    out = io.BytesIO()
    central: list[bytes] = []
    for entry in entries:
        member = entry if isinstance(entry, DeflatedEntry) else DeflatedEntry.of(*entry, level=level)
        name, flags = _encoded_name(member.name)
        offset = out.tell()
        out.write(
            _LOCAL.pack(
                b"PK\x03\x04", _VERSION, 0, flags, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE,
                member.crc, len(member.data), member.size, len(name), 0,
            )
        )
        out.write(name)
        out.write(member.data)
        central.append(
            _CENTRAL.pack(
                b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, flags, zipfile.ZIP_DEFLATED,
                _DOS_TIME, _DOS_DATE, member.crc, len(member.data), member.size,
                len(name), 0, 0, 0, 0, _ATTRIBUTES, offset,
            )
            + name
        )
    start = out.tell()
    out.writelines(central)
    size = out.tell() - start
    if start > _LIMIT or len(central) > 0xFFFF:
        raise ValueError("archive too large for a .docx")
    out.write(_END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), size, start, 0))
    return out.getvalue()


def _encoded_name(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_NAME
