"""The parts of a .docx the reader needs, found through the package relationships.

The package is opened with ``docxsafe.SafePackage`` (every part vetted before anything
is parsed) and read directly with lxml: the main document, its styles, theme and
numbering, the headers and footers, and the core properties. Styles, theme and
numbering are the template's and repeat across a folder of files, so their parsed form
is cached by the identity of their compressed bytes (equal bytes, equal content).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from lxml import etree

from ttdn_docs.boundedcache import BoundedCache
from ttdn_docs.docxsafe import PartIdentity, SafePackage, forget_vetted_parts
from ttdn_docs.errors import NotADocxError

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_DC = "{http://purl.org/dc/elements/1.1/}"
_EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


@dataclass(frozen=True)
class Relationship:
    type: str  # the last word of the type URI: styles, theme, header …
    part: str | None  # the target part's name in the package; None when external


class DocxPackage:
    """A vetted package and its main document's relationships."""

    def __init__(self, package: SafePackage) -> None:
        self.safe = package
        self.name = package.name
        other = _other_office_package(package.names)
        if other is not None:
            raise NotADocxError(f"{self.name}: {other}, không phải tệp Word (.docx).")
        root_rels = self.relationships("")
        main = next((r.part for r in root_rels.values() if r.type == "officeDocument" and r.part), None)
        if main is None or main not in package:
            raise NotADocxError(f"{self.name}: không phải tệp Word .docx đọc được (thiếu phần văn bản chính)")
        self.main = main
        self.core = next((r.part for r in root_rels.values() if r.type.endswith("core-properties") and r.part), None)
        self.app = next((r.part for r in root_rels.values() if r.type.endswith("extended-properties") and r.part), None)
        self.related = self.relationships(main)

    def relationships(self, source: str) -> dict[str, Relationship]:
        """A part's relationships by id (``""`` for the package's own)."""
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.safe:
            return {}
        # The relationships of a template's parts repeat across a folder: read them once.
        key = (rels_name, self.safe.identity(rels_name))
        found = _RELATIONSHIPS.get(key)
        if found is None:
            found = _RELATIONSHIPS.put(key, self._relationships(rels_name, folder))
        return found

    def _relationships(self, rels_name: str, folder: str) -> dict[str, Relationship]:
        out: dict[str, Relationship] = {}
        for rel in self.safe.xml(rels_name).iterfind(f"{_RELS}Relationship"):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            part: str | None = None
            if rel.get("TargetMode") != "External" and target:
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = Relationship(kind, part)
        return out

    def related_part(self, kind: str) -> str | None:
        """The first part of a kind the main document refers to (``styles``, ``theme``)."""
        return next((r.part for r in self.related.values() if r.type == kind and r.part in self.safe), None)

    def xml(self, part: str) -> etree._Element:
        return self.safe.xml(part)

    def identity(self, part: str | None) -> PartIdentity | None:
        return None if part is None else self.safe.identity(part)

    def cached_xml(self, part: str | None) -> etree._Element | None:
        """A template part (styles, theme, numbering) parsed once per distinct content."""
        if part is None:
            return None
        key = (part.rsplit("/", 1)[-1], self.safe.identity(part))
        found = _PARSED.get(key)
        return found if found is not None else _PARSED.put(key, self.safe.xml(part))

    def template_name(self) -> str:
        """The extended properties' ``Template`` (where a rendered file names its
        rule book, ``profiles.marker``)."""
        return self._property_text(self.app, f"{_EXTENDED}Template")

    def comments(self) -> str:
        """The core properties' description (``dc:description``, Word's "Comments")."""
        return self._property_text(self.core, f"{_DC}description")

    def _property_text(self, part: str | None, tag: str) -> str:
        if part is None or part not in self.safe:
            return ""
        key = (part, self.safe.identity(part))
        found = _COMMENTS.get(key)
        if found is None:
            element = self.safe.xml(part).find(tag)
            found = _COMMENTS.put(key, (element.text or "") if element is not None else "")
        return found


# Read-only results by (part name, identity): parsed template parts, relationships,
# core-properties comments.
_RELATIONSHIPS: BoundedCache[tuple[str, PartIdentity], dict[str, Relationship]] = BoundedCache(64)
_COMMENTS: BoundedCache[tuple[str, PartIdentity], str] = BoundedCache(64)
_PARSED: BoundedCache[tuple[str, PartIdentity], etree._Element] = BoundedCache(64)



def clear_package_caches() -> None:
    _PARSED.clear()
    _RELATIONSHIPS.clear()
    _COMMENTS.clear()
    forget_vetted_parts()


def _other_office_package(names: list[str]) -> str | None:
    """What an Office package that is not a Word document is, in the officer's words
    (an .xlsx renamed .docx is common); ``None`` for anything else."""
    if "xl/workbook.xml" in names:
        return "đây là bảng tính Excel (.xlsx)"
    if "ppt/presentation.xml" in names:
        return "đây là bản trình chiếu PowerPoint (.pptx)"
    if "content.xml" in names and "word/document.xml" not in names:
        return "đây là tệp OpenDocument (LibreOffice) mang đuôi khác; hãy đổi đuôi thành .odt"
    return None
