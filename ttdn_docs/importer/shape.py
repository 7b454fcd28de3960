"""A body's shape as a reader sees it: headings with their levels, paragraphs, list items
and tables, in order, with their words. ``import`` keeps the typed reading of a document
only when it gives back this very shape; ``fix`` and the tests compare by it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ttdn_docs.admin import AdminDocument, Block, BulletList, Paragraph, Section, Table
from ttdn_docs.vn import nfc

Token = tuple[object, ...]


def body_shape(document: AdminDocument) -> list[Token]:
    """The shape of the body and the annexes."""
    tokens = list(blocks_shape(document.body))
    for annex in document.annexes:
        tokens.append(("annex", _words(annex.title)))
        tokens += blocks_shape(annex.body)
    return tokens


def blocks_shape(blocks: Sequence[Block], depth: int = 0) -> Iterator[Token]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield ("paragraph", _words(block.text))  # a paragraph prints the same at any depth
        elif isinstance(block, BulletList):
            for item in block.items:
                yield ("bullet", _words(item.text))
                for sub in item.items:
                    yield ("sub-bullet", _words(sub))
        elif isinstance(block, Table):
            yield ("table", tuple(_words(c.header) for c in block.columns),
                   tuple(tuple(_words(c) for c in row) for row in [*block.rows, *([block.total] if block.total else [])]))
        elif isinstance(block, Section):
            at = block.level - 1 if block.level is not None else depth
            yield ("section", at, _words(block.title or ""), _words(block.text or ""))
            yield from blocks_shape(block.children, at + 1)


def _words(text: str) -> str:
    return " ".join(nfc(text).split())


def nodes_shape(nodes: Sequence[Any], depth: int = 0) -> Iterator[Token]:
    """The shape of an outline given as plain data (as ``import`` builds it, before the
    model validates it), the same as ``blocks_shape`` of what it prints."""
    for node in nodes:
        if isinstance(node, str):
            yield ("paragraph", _words(node))
        elif "paragraph" in node:
            yield ("paragraph", _words(node["paragraph"]))
        elif "bullets" in node:
            for item in node["bullets"]:
                yield ("bullet", _words(item if isinstance(item, str) else item["text"]))
                for sub in [] if isinstance(item, str) else item.get("items", []):
                    yield ("sub-bullet", _words(sub))
        elif "table" in node:
            table = node["table"]
            yield ("table", tuple(_words(c) for c in table["columns"]),
                   tuple(tuple(_words(c) for c in row) for row in [*table["rows"], *([table["total"]] if table.get("total") else [])]))
        else:
            at = node["level"] - 1 if node.get("level") else depth
            yield ("section", at, _words(node.get("title") or ""), _words(node.get("text") or ""))
            yield from nodes_shape(node.get("body", []), at + 1)
