"""The body as found by the reader, back into a tree: numbered headings holding
paragraphs and bullets.

The reader (``docxread.anatomy``) gives each body paragraph a role (heading by level,
bullet, plain paragraph) and the symbol it was typed with; here the symbols and bullet
markers are taken off — the renderer writes them again from position — and the text is
kept word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Collection, Sequence
from typing import Any, Literal

from ttdn_docs.docxread.anatomy import Anatomy, is_separator_like
from ttdn_docs.docxread.view import Para, Table
from ttdn_docs.profiles.model import Profile
from ttdn_docs.vn import nfc

from ttdn_docs.importer.fields import running_case
from ttdn_docs.importer.notes import Notes

EntryKind = Literal["body", "bullet", "item", "point"]
_POINT_LEVEL = 2  # điểm a), b): the third heading level


@dataclass
class Entry:
    """A paragraph of running text, a bullet or a typed điểm (``a) …``), with its
    sub-bullets."""

    text: str
    kind: EntryKind
    paragraph: int
    subitems: list[str] = field(default_factory=list)
    sub: bool = False  # typed as a second-level bullet (``+``)
    # A numbered item's level (index into the profile's headings): ``1. …;`` is a khoản
    # (1), ``a) …;`` a điểm (2).
    level: int = _POINT_LEVEL

    def as_data(self) -> str | dict[str, object]:
        """A list item as the models take it: a string, or ``{text, items}``."""
        return {"text": self.text, "items": list(self.subitems)} if self.subitems else self.text


@dataclass
class Heading:
    level: int  # 0 = I. (or «Điều N.» of a decision), 1 = 1., 2 = a)
    title: str
    paragraph: int
    children: list[Heading | Entry] = field(default_factory=list)
    article: bool = False  # «Điều N. …»: a decision's top-level section

    @property
    def entries(self) -> list[Entry]:
        return [c for c in self.children if isinstance(c, Entry)]

    @property
    def headings(self) -> list[Heading]:
        return [c for c in self.children if isinstance(c, Heading)]


@dataclass
class Outline:
    preamble: list[Entry] = field(default_factory=list)  # before the first heading
    sections: list[Heading] = field(default_factory=list)

    def all_text(self) -> str:
        parts = [e.text for e in self.preamble]

        def walk(nodes: list[Heading | Entry]) -> None:
            for node in nodes:
                if isinstance(node, Heading):
                    parts.append(node.title)
                    walk(node.children)
                else:
                    parts.append(node.text)
                    parts.extend(node.subitems)

        walk(list(self.sections))
        return "\n".join(parts)


def build_outline(
    anatomy: Anatomy,
    profile: Profile,
    notes: Notes,
    skip_tables: Collection[Table] = (),
    strays: Sequence[Para] = (),
    *,
    skip: Sequence[Para] = (),
) -> Outline:
    """The body tree. Rows of a table in the body (other than ``skip_tables``) and
    ``strays`` (paragraphs the reader placed in no element) have no place in the model:
    each is kept as a paragraph where it stood (after the opening when it stood above
    it), with a warning. ``skip``: body paragraphs read as part of another element (a
    trích yếu's second line)."""
    outline = Outline()
    skipped = {p.number for p in skip}
    stack: list[Heading] = []
    markers = [b.marker for b in profile.elements.bullets]
    last_entry: Entry | None = None
    for role, para, row_text in _in_order(anatomy, skip_tables, strays):
        if row_text is None and para.number in skipped:
            continue
        holder: list[Heading | Entry] = stack[-1].children if stack else outline.preamble  # type: ignore[assignment]
        if row_text is not None:
            holder.append(Entry(row_text, "body", para.number))
            where = f"mục «{stack[-1].title}»" if stack else "phần mở đầu"
            what = "dòng bảng" if role == "row" else "đoạn"
            notes.add(para.number, f"{what} không có chỗ trong mẫu; giữ nguyên văn thành đoạn văn trong {where}")
            last_entry = None
            continue
        # With Word's automatic numbering the number is not in the text: it is shown.
        text = nfc(para.shown_text).strip()
        if not stack and not outline.preamble and is_separator_like(text):
            continue  # a separator typed under the trích yếu (``-----``): form, written again
        numbered = anatomy.numbered.get(para.number)
        if role == "article":
            # «Điều 1. Thành lập …»: the top-level section of a decision, its words as typed
            # (the renderer numbers it again); the khoản under it restart at 1.
            heading = Heading(0, _ARTICLE_LABEL.sub("", text, count=1).strip(), para.number, article=True)
            stack.clear()
            outline.sections.append(heading)
            stack.append(heading)
            last_entry = None
            continue
        if role.startswith("heading_"):
            level = numbered.level if numbered is not None else int(role.removeprefix("heading_")) - 1
            title = _without_symbol(text, numbered.symbol + numbered.suffix) if numbered else text
            style = profile.elements.headings[min(level, len(profile.elements.headings) - 1)].style
            heading = Heading(level, running_case(title) if style.case == "upper" else title, para.number)
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else outline.sections).append(heading)
            stack.append(heading)
            last_entry = None
            continue
        if role == "item" and numbered is not None:
            # ``a) …;`` or ``1. ….`` numbered items: kept as untitled điểm or khoản at the
            # level they were typed at (a list's ``points`` style for điểm), numbered
            # again from position by the profile's heading levels.
            entry = Entry(
                _without_symbol(text, numbered.symbol + numbered.suffix), "point", para.number, level=numbered.level
            )
        else:
            entry = _entry(role, text, para, markers)
        second = role == "bullet_2" or entry.sub
        if entry.kind == "bullet" and last_entry is not None and (
            (second and last_entry.kind == "bullet") or last_entry.kind == "point"
        ):
            # ``+`` under a bullet, or any bullet under a điểm, is one of its sub-items.
            last_entry.subitems.append(entry.text)
            continue
        holder.append(entry)
        last_entry = entry
    _strip_end_mark(outline, profile.body_end)
    return outline


def _in_order(
    anatomy: Anatomy, skip_tables: Collection[Table], strays: Sequence[Para]
) -> list[tuple[str, Para, str | None]]:
    """Body paragraphs (role, paragraph, None), table rows ("row", first paragraph, the
    row's text) and strays ("stray", paragraph, text) in reading order; a stray above
    the body comes after the opening."""
    items: list[tuple[str, Para, str | None]] = [(role, para, None) for role, para in anatomy.body]
    first = anatomy.body[0][1].number if anatomy.body else 0
    items += [("stray", para, nfc(para.text).strip()) for para in strays]
    for table in anatomy.body_tables:
        if any(table is t for t in skip_tables):
            continue
        for row in table.rows:
            paras = [p for cell in row for p in cell.paras]
            texts = [" ".join(p.text.strip() for p in cell.paras if p.text.strip()) for cell in row]
            text = "; ".join(t for t in texts if t)
            if paras and text:
                items.append(("row", paras[0], nfc(text)))
    return sorted(items, key=lambda item: item[1].number if item[1].number >= first else first + 0.5)


def typed_style(entries: Sequence[Entry]) -> Literal["bullets", "paragraphs", "points"] | None:
    """The list form the officer typed, when every item has it: điểm (``a)``) or plain
    paragraphs; ``None`` for bullets or a mix (written as bullets)."""
    kinds = {e.kind for e in entries}
    if kinds == {"point"} and all(e.level == _POINT_LEVEL for e in entries):
        return "points"
    if kinds == {"body"} and not any(e.subitems for e in entries):
        return "paragraphs"
    return None


def flat_items(heading: Heading, notes: Notes) -> list[Any]:
    """The items under a heading as list entries; a deeper heading becomes an item too
    (its title, then its items), with a warning naming its paragraph."""
    items: list[Any] = []
    for child in heading.children:
        if isinstance(child, Entry):
            items.append(child.as_data())
        else:
            items.append(child.title)
            notes.unplaced(child, f"mục «{heading.title}»")
            items += flat_items(child, notes)
    return items


_ARTICLE_LABEL = re.compile(r"^\s*Điều\s+\d+\s*[.:]\s*")
# Bullets as offices type them: a hyphen, dash or dot, or ``+`` for a sub-bullet.
_TYPED_BULLET = re.compile(r"^(?P<marker>[-–—•·∙*+])\s+(?=\S)")


def _entry(role: str, text: str, para: Para, markers: list[str]) -> Entry:
    if role.startswith("bullet_"):
        for marker in markers:
            if text.startswith(marker):
                return Entry(text[len(marker):].strip(), "bullet", para.number)
        return Entry(text, "bullet", para.number)
    if role == "body" and (match := _TYPED_BULLET.match(text)):
        return Entry(text[match.end():], "bullet", para.number, sub=match.group("marker") == "+")
    return Entry(text, "item" if role == "item" else "body", para.number)


def _without_symbol(text: str, symbol: str) -> str:
    return text[len(symbol):].strip() if text.startswith(symbol) else text.split(None, 1)[-1]


def _strip_end_mark(outline: Outline, end_mark: str) -> None:
    """``… đúng quy định./.``: the renderer adds the end mark, so it is taken off (from
    the last paragraph, item, or a decision's last «Điều» carrying its text)."""
    if not end_mark:
        return
    last = _last_node(outline)
    if isinstance(last, Heading):
        if last.title.endswith(end_mark):
            last.title = _unmark(last.title, end_mark)
    elif last is None:
        return
    elif last.subitems and last.subitems[-1].endswith(end_mark):
        last.subitems[-1] = _unmark(last.subitems[-1], end_mark)
    elif last.text.endswith(end_mark):
        last.text = _unmark(last.text, end_mark)


def _unmark(text: str, end_mark: str) -> str:
    text = text[: -len(end_mark)].rstrip()
    return text + "." if end_mark.startswith(".") else text


def _last_node(outline: Outline) -> Entry | Heading | None:
    """The last paragraph or item, or the last heading when nothing stands under it."""
    nodes: list[Heading | Entry] = [*outline.preamble, *outline.sections]
    while nodes:
        node = nodes[-1]
        if isinstance(node, Entry) or not node.children:
            return node
        nodes = node.children
    return None
