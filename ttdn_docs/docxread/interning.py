"""Direct formatting read once per distinct set, not once per paragraph and run.

A Word file repeats a handful of property sets: every run of an indicator table carries
the same ``<w:rPr>`` of a dozen elements, every body paragraph the same ``<w:pPr>``.
Parsing each copy into elements costs more than everything else the checker does with
the file. So before the main part is parsed, each ``<w:pPr>…</w:pPr>`` and
``<w:rPr>…</w:rPr>`` is replaced by an empty element that names its set
(``<w:rPr ttdn-interned-…="3"/>``); each distinct set is parsed once (and kept across
the files of a folder, which share them) and ``Formatter.real`` gives it back wherever a
placeholder stands. The set's content bytes are also the key of what it resolves to.

Only what is certainly equivalent is replaced; the rest stays as it is and is read as
before:

* a set holding a tracked change (``w:pPrChange``), a section's properties, a comment,
  CDATA or a processing instruction, or using a namespace prefix declared below the
  root (a set is parsed with the root's declarations only);
* a whole part that is not UTF-8, whose root element is empty, that declares a default
  namespace below its root, or that holds more than ``MAX_DISTINCT_SETS`` sets.

Well-formedness is kept: every distinct set is parsed when the file is opened, so a
broken set is refused as a broken file would be.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from lxml import etree

from ttdn_docs.boundedcache import BoundedCache
from ttdn_docs.docxsafe import parse_xml
from ttdn_docs.ooxml_ns import W_NS

# A fresh name in every process: a file cannot forge a placeholder.
INTERNED_ATTR = f"ttdn-interned-{os.urandom(6).hex()}"  # os.urandom: what secrets uses, without importing random
_TAGS = (b"pPr", b"rPr")  # pPr first: a paragraph's set holds its mark's rPr
# The XML declaration, then the root element's start tag (its name; its attributes, where
# a quoted value may hold ">").
_ROOT_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)"
    rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>)"
)
_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding\s*=\s*[\"']([^\"']+)", re.IGNORECASE)


@dataclass(frozen=True)
class InternedPart:
    """A main part with its property sets replaced by placeholders."""

    source: bytes  # what is parsed
    tags: tuple[bytes, ...]  # by set index: b"pPr" or b"rPr"
    fragments: tuple[bytes, ...]  # by set index: the content between the tags
    root_start: bytes  # the root element's start tag: its namespace declarations
    root_name: bytes


def intern_properties(source: bytes) -> InternedPart | None:
    """The part with its property sets interned; ``None`` when the file is one this does
    not handle (see the module's notes) and is to be parsed as it is."""
    if b"<w:pPr>" not in source and b"<w:rPr>" not in source:
        return None
    encoding = _ENCODING.match(source)
    if encoding is not None and encoding.group(1).lower().replace(b"-", b"") != b"utf8":
        return None
    root = _ROOT_START.match(source)
    if root is None or root.group(3).endswith(b"/"):
        return None
    # Most parts declare nothing below the root: one plain search says so (the pattern
    # scans byte by byte).
    below = source.find(b"xmlns", root.end())
    prefixes = {match.group(1) or b"" for match in _DECLARATION.finditer(source, below)} if below >= 0 else set()
    if b"" in prefixes:
        return None  # a default namespace below the root: sets cannot be parsed apart
    interning = _Interning(prefixes)
    try:
        for tag in _TAGS:
            source = interning.intern(source, tag)
    except _TooManySets:
        return None
    return InternedPart(source, tuple(interning.tags), tuple(interning.fragments), root.group(1), root.group(2))


# Beyond this many distinct sets interning saves nothing and each set would hold a tree
# of its own: such a part (a machine-made or hostile file) is parsed as it is.
MAX_DISTINCT_SETS = 1000


class _TooManySets(Exception):
    pass


_DECLARATION = re.compile(rb"xmlns(?::([A-Za-z_][\w.\-]*))?\s*=")
_KEPT = -1
_NEW = b"\0new"  # no placeholder is this


class _Interning:
    """The distinct sets of one part, numbered in order of first appearance."""

    def __init__(self, prefixes: set[bytes]) -> None:
        # A prefix declared below the root (Word and LibreOffice declare a: on each
        # drawing) keeps a set that uses it: a set is parsed with the root's declarations.
        self.prefix_use = (
            re.compile(rb"[<\s](?:" + b"|".join(re.escape(p) for p in sorted(prefixes)) + rb"):") if prefixes else None
        )
        self.tags: list[bytes] = []
        self.fragments: list[bytes] = []

    def intern(self, source: bytes, tag: bytes) -> bytes:
        opener, closer = b"<w:" + tag + b">", b"</w:" + tag + b">"
        pieces = source.split(opener)
        if len(pieces) == 1:
            return source
        placeholder = b"<w:" + tag + b" " + INTERNED_ATTR.encode() + b'="%d"/>'
        # Each distinct content of this tag → its placeholder (None: kept in place): one
        # look-up per copy.
        filled_by_content: dict[bytes, bytes | None] = {}
        out = [pieces[0]]
        for piece in pieces[1:]:
            # A piece runs to the next opener: its set is complete when the closer is in
            # it (a set holding a nested one, a tracked change's old properties, is not).
            content, found, rest = piece.partition(closer)
            if not found:
                out += (opener, piece)
                continue
            filled = filled_by_content.get(content, _NEW)
            if filled is _NEW:
                number = self._number(tag, content)
                filled = filled_by_content[content] = None if number == _KEPT else placeholder % number
            if filled is None:
                out += (opener, piece)
            else:
                out += (filled, rest)
        return b"".join(out)

    def _number(self, tag: bytes, content: bytes) -> int:
        """A new set's number, or ``_KEPT`` for one to leave in place; judged once per
        distinct set, not once per copy."""
        # Kept when its content holds a tracked change, a section, a comment/CDATA or a
        # processing instruction (tested one by one: no generator for each new set).
        if b"Change" in content or b"sectPr" in content or b"<!" in content or b"<?" in content or (
            self.prefix_use is not None and self.prefix_use.search(content) is not None
        ):
            return _KEPT
        if len(self.fragments) >= MAX_DISTINCT_SETS:
            raise _TooManySets
        self.tags.append(tag)
        self.fragments.append(content)
        return len(self.fragments) - 1


@dataclass(frozen=True)
class ParsedSet:
    """One property set as elements, with what its reader asks of it for every paragraph."""

    element: etree._Element
    style_id: str | None  # a paragraph set's w:pStyle (read once, not once per paragraph)
    inner_keys: dict[etree._Element, bytes]  # source keys of the sets inside (a mark's rPr)


# Parsed sets by (root start tag, tag, content): the files of one template share them.
_PARSED: BoundedCache[tuple[bytes, bytes, bytes], ParsedSet] = BoundedCache(2048)


def parsed_sets(part: InternedPart, part_name: str, file_name: str) -> list[ParsedSet]:
    """Every distinct set of the part parsed (from the cache when seen before); raises
    ``NotADocxError`` for a set that is not well-formed."""
    out = []
    closer = b"</" + part.root_name + b">"
    for tag, content in zip(part.tags, part.fragments):
        key = (part.root_start, tag, content)
        found = _PARSED.get(key)
        if found is None:
            blob = part.root_start + b"<w:" + tag + b">" + content + b"</w:" + tag + b">" + closer
            element = parse_xml(blob, part_name, file_name)[0]
            if tag == b"pPr":
                style = element.find(_PSTYLE)
                found = ParsedSet(element, None if style is None else style.get(_VAL), source_keys(element, content))
            else:
                found = ParsedSet(element, None, {})
            _PARSED.put(key, found)
        out.append(found)
    return out


_PSTYLE, _VAL = f"{{{W_NS}}}pStyle", f"{{{W_NS}}}val"


def source_keys(root: etree._Element, blob: bytes) -> dict[etree._Element, bytes]:
    """The source bytes of every ``w:rPr`` and ``w:pPr`` of a parsed part.

    Resolved formats are cached by their direct properties, and serializing each
    properties element to make the key costs more than resolving it. The n-th
    ``<w:rPr …>…</w:rPr>`` in the source is the n-th ``w:rPr`` element in document
    order, so the key is a slice of the source. Where that does not hold (another
    prefix, UTF-16) the counts differ and the elements are serialized when needed.
    """
    keys: dict[etree._Element, bytes] = {}
    for tag in ("rPr", "pPr"):
        elements = list(root.iter(f"{{{W_NS}}}{tag}"))
        if not elements:
            continue
        slices = _source_slices(blob, tag.encode())
        if len(slices) == len(elements):
            keys.update(zip(elements, slices))
    return keys


def _source_slices(blob: bytes, tag: bytes) -> list[bytes]:
    """The source of each ``<w:tag …>…</w:tag>`` in order (a tracked change's record,
    ``w:tagChange``, is last in its parent and not part of the properties).

    Each key starts with the element's whole source; after a self-closing element it
    runs on to the next element of the kind (the text in it is harmless: equal keys
    still mean equal properties). A piece cut short by a ``…Change`` record has no
    closing tag of its own and is the key as it is."""
    close = b"</w:" + tag + b">"
    pieces = blob.split(b"<w:" + tag)
    del pieces[0]
    slices = [piece.partition(close)[0] for piece in pieces]
    # The records start with "Change"; most files have none (one cheap test of the
    # first bytes of the keys rather than another search of the whole source).
    if any(key[:1] == b"C" for key in slices):
        slices = [key for key in slices if not key.startswith(b"Change")]
    return slices


def clear_interned_sets() -> None:
    _PARSED.clear()
