"""A template's package made ready for per-document properties.

The thumbnail python-docx (and Word, when asked) stores is a picture of the template, not
of the document: it is removed with its relationship. A template without
docProps/core.xml or app.xml (some producers write neither) gets both, with their
relationships and content types, so every rendered file carries its own.
"""

from __future__ import annotations

import re

_RELS = "_rels/.rels"
_TYPES = "[Content_Types].xml"
_PARTS = {
    "docProps/core.xml": (
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "application/vnd.openxmlformats-package.core-properties+xml",
    ),
    "docProps/app.xml": (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    ),
}
_THUMBNAIL_REL = re.compile(rb"<Relationship\b[^>]*metadata/thumbnail\"[^>]*/>")
_TARGET = re.compile(rb'Target="/?([^"]+)"')
_EMPTY = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def with_property_parts(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """``entries`` without a thumbnail and with both property parts present."""
    parts = dict(entries)
    rels = parts.get(_RELS)
    if rels is None:
        return entries  # not an OPC package the engine can render anyway
    thumbnails = {m.group(1).decode() for rel in _THUMBNAIL_REL.findall(rels) for m in [_TARGET.search(rel)] if m}
    rels = _THUMBNAIL_REL.sub(b"", rels)
    out = [(name, blob) for name, blob in entries if name not in thumbnails]
    types = parts.get(_TYPES, b"")
    for part, (rel_type, content_type) in _PARTS.items():
        if part in parts:
            continue
        rel_id = _free_id(rels)
        rels = rels.replace(
            b"</Relationships>",
            f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{part}"/></Relationships>'.encode(),
        )
        types = types.replace(
            b"</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'.encode()
        )
        out.append((part, _EMPTY))
    return [(name, rels if name == _RELS else types if name == _TYPES else blob) for name, blob in out]


def _free_id(rels: bytes) -> str:
    taken = set(re.findall(rb'Id="([^"]+)"', rels))
    n = 1
    while f"rIdP{n}".encode() in taken:
        n += 1
    return f"rIdP{n}"
