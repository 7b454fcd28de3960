"""The body tree of a plan → the fields of ``ForeignInfoPlan``.

A plan's body is: the opening paragraph; I. purposes and requirements (1. and 2.);
II. contents and methods (1. and 2.); III. organisation (one khoản per unit); the closing
paragraph. Headings are taken as typed (``section_titles``). What does not fit this shape
is never dropped: it goes into the nearest list as text and a warning names its paragraph.
The opening and the closing are read into their parts only when the parts give back the
very same words; otherwise they are kept whole (``text``).
"""

from __future__ import annotations

import re
from typing import Any

from ttdn_docs.importer.citations import read_closing, read_opening
from ttdn_docs.importer.notes import Notes
from ttdn_docs.importer.outline import Entry, Heading, Outline, flat_items
from ttdn_docs.ttdn.todo import todo
from ttdn_docs.vn import nfc

_CLOSING_START = "trên đây là"
# Section title fields by place: (level-1 title, level-2 titles with their list fields).
_PLAN_SHAPE: list[tuple[str, list[tuple[str, str]]]] = [
    ("purposes_and_requirements", [("purposes", "purposes"), ("requirements", "requirements")]),
    ("contents_and_methods", [("contents", "contents"), ("methods", "methods")]),
]
_LIST_HINTS = {
    "purposes": "mục đích",
    "requirements": "yêu cầu",
    "contents": "nội dung tuyên truyền",
    "methods": "phương thức triển khai",
}


def plan_body(outline: Outline, issuer_name: str, summary: str, notes: Notes) -> dict[str, Any]:
    """The body fields of a plan (opening … closing, section titles) as plain data."""
    data: dict[str, Any] = {}
    titles: dict[str, str] = {}
    lists: dict[str, list[Any]] = {key: [] for key in _LIST_HINTS}
    closing_entry = take_closing(outline)
    preamble = list(outline.preamble)
    if preamble and preamble[0].kind == "body":
        opening = preamble.pop(0)
        data["opening"] = read_opening(opening.text, issuer_name)
    else:
        data["opening"] = {"text": todo("đoạn mở đầu: căn cứ và việc cơ quan làm")}
        notes.add(None, "không thấy đoạn mở đầu (căn cứ) trước mục I; đã đánh dấu <<CẦN ĐIỀN>>")
    sections = list(outline.sections)
    for entry in preamble:
        lists["purposes"].append(entry.as_data())
        notes.unplaced(entry, "mục «Mục đích»")
    for index, (title_key, children) in enumerate(_PLAN_SHAPE):
        if index >= len(sections):
            break
        section = sections[index]
        titles[title_key] = section.title
        subsections = section.headings
        for entry in section.entries:
            lists[children[0][1]].append(entry.as_data())
            notes.unplaced(entry, f"mục «{section.title}»")
        for position, sub in enumerate(subsections):
            if position < len(children):
                key, field = children[position]
                titles[key] = sub.title
            else:
                field = children[-1][1]
                lists[field].append(sub.title)
                notes.unplaced(sub, f"mục «{subsections[len(children) - 1].title}»")
            lists[field] += flat_items(sub, notes)
    data.update({key: items or [_missing(key, notes)] for key, items in lists.items()})
    data["tasks"] = _tasks(sections[2:], titles, notes)
    if closing_entry is not None:
        data["closing"] = read_closing(closing_entry.text, issuer_name, summary)
    else:
        data["closing"] = {"text": todo("đoạn kết: đơn vị thực hiện, hạn và nơi báo cáo kết quả")}
        notes.add(None, "không thấy đoạn kết («Trên đây là …»); đã đánh dấu <<CẦN ĐIỀN>>")
    data["section_titles"] = titles
    return data


def take_closing(outline: Outline) -> Entry | None:
    """The last plain paragraph opening with ``Trên đây là`` in the last section (taken
    out of the tree); paragraphs kept after it (typed below the signature) stay."""
    holder: list[Heading | Entry] | list[Entry] = outline.preamble
    nodes: list[Heading | Entry] = list(outline.sections)
    if nodes:
        holder = outline.sections  # type: ignore[assignment]
    while nodes and isinstance(nodes[-1], Heading):
        holder = nodes[-1].children
        nodes = nodes[-1].children
    for index in range(len(holder) - 1, -1, -1):
        node = holder[index]
        if isinstance(node, Entry) and node.kind == "body" and re.sub(r"\s+", " ", nfc(node.text).lower()).startswith(_CLOSING_START):
            holder.pop(index)
            return node
    return None


def _tasks(sections: list[Heading], titles: dict[str, str], notes: Notes) -> list[dict[str, Any]]:
    if not sections:
        notes.add(None, "không thấy mục III (Tổ chức thực hiện); đã đánh dấu <<CẦN ĐIỀN>>")
        return [{"unit": todo("đơn vị được giao nhiệm vụ"), "tasks": [todo("nhiệm vụ")]}]
    organisation, *extra = sections
    titles["organisation"] = organisation.title
    units: list[dict[str, Any]] = []
    for entry in organisation.entries:
        notes.unplaced(entry, f"mục «{organisation.title}»")
    loose = [e.as_data() for e in organisation.entries]
    for sub in organisation.headings:
        units.append(_unit(sub, notes))
    for section in extra:
        notes.unplaced(section, f"mục «{organisation.title}» (thành một khoản)")
        units.append(_unit(section, notes))
    if loose:
        if units:
            units[0]["tasks"] = loose + units[0]["tasks"]
        else:
            units.append({"unit": todo("đơn vị được giao nhiệm vụ"), "tasks": loose})
    return units or [{"unit": todo("đơn vị được giao nhiệm vụ"), "tasks": [todo("nhiệm vụ")]}]


def _unit(heading: Heading, notes: Notes) -> dict[str, Any]:
    tasks = flat_items(heading, notes)
    entries = heading.entries
    kinds = {e.kind for e in entries}
    unit: dict[str, Any] = {"unit": heading.title, "tasks": tasks or [todo(f"nhiệm vụ của {heading.title}")]}
    # ``auto`` (the default) writes one task as a paragraph, several as bullets; any other
    # typed form is kept.
    if len(entries) == 1 and kinds == {"bullet"}:
        unit["style"] = "bullets"
    elif len(entries) > 1 and "bullet" not in kinds and not any(e.subitems for e in entries):
        unit["style"] = "paragraphs"
    return unit


def _missing(key: str, notes: Notes) -> str:
    notes.add(None, f"không thấy phần «{_LIST_HINTS[key]}»; đã đánh dấu <<CẦN ĐIỀN>>")
    return todo(_LIST_HINTS[key])
