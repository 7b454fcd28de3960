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
from ttdn_docs.importer.outline import Entry, Heading, Outline, flat_items, typed_style
from ttdn_docs.ttdn.todo import todo
from ttdn_docs.docxread.anatomy import loose_key
from ttdn_docs.ttdn.plan import SectionTitles
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
    styles: dict[str, str] = {}
    lists: dict[str, list[Any]] = {key: [] for key in _LIST_HINTS}
    closing_entry = take_closing(outline)
    preamble = list(outline.preamble)
    if preamble and preamble[0].kind == "body":
        opening = preamble.pop(0)
        data["opening"] = read_opening(opening.text, issuer_name)
    else:
        data["opening"] = {"text": todo("đoạn mở đầu: căn cứ và việc cơ quan làm")}
        notes.add(None, "không thấy đoạn mở đầu (căn cứ) trước mục I; đã đánh dấu <<CẦN ĐIỀN>>")
    for entry in preamble:
        lists["purposes"].append(entry.as_data())
        notes.unplaced(entry, "mục «Mục đích»")
    assigned, after, misplaced = _assign(outline.sections, [key for key, _ in _PLAN_SHAPE] + ["organisation"])
    last_field = "purposes"
    for title_key, children in _PLAN_SHAPE:
        section = assigned.get(title_key)
        if section is None:
            continue
        titles[title_key] = section.title
        for entry in section.entries:
            lists[children[0][1]].append(entry.as_data())
            notes.unplaced(entry, f"mục «{section.title}»")
        subs, after_subs, misplaced_subs = _assign(section.headings, [key for key, _ in children])
        for key, field in children:
            if key in subs:
                titles[key] = subs[key].title
                lists[field] += flat_items(subs[key], notes)
                last_field = field
                # The form typed (điểm a), b) or paragraphs) is kept when the list is only that.
                if not subs[key].headings and (style := typed_style(subs[key].entries)) is not None:
                    styles[field] = style
        for sub in sorted([*after_subs, *misplaced_subs], key=lambda h: h.paragraph):
            lists[last_field] += [sub.title, *flat_items(sub, notes)]
            notes.unplaced(sub, f"mục «{_LIST_HINTS[last_field]}»")
    for section in misplaced:
        lists[last_field] += [section.title, *flat_items(section, notes)]
        notes.unplaced(section, f"mục «{_LIST_HINTS[last_field]}»")
    data.update({key: items or [_missing(key, notes)] for key, items in lists.items()})
    data["tasks"] = _tasks(assigned.get("organisation"), after, titles, notes)
    if closing_entry is not None:
        data["closing"] = read_closing(closing_entry.text, issuer_name, summary)
    else:
        data["closing"] = {"text": todo("đoạn kết: đơn vị thực hiện, hạn và nơi báo cáo kết quả")}
        notes.add(None, "không thấy đoạn kết («Trên đây là …»); đã đánh dấu <<CẦN ĐIỀN>>")
    data["section_titles"] = titles
    if styles:
        data["list_styles"] = styles
    return data


def take_closing(outline: Outline) -> Entry | None:
    """The closing paragraph, taken out of the tree: the last plain paragraph opening
    with ``Trên đây là`` in the last section (paragraphs kept after it, typed below the
    signature, stay), else a plain paragraph ending the last level-1 section."""
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
    # Worded otherwise: the last paragraph standing right under the last section (not in
    # one of its khoản) closes the document.
    last = outline.sections[-1] if outline.sections else None
    if last is not None and last.children and isinstance(last.children[-1], Entry) and last.children[-1].kind == "body":
        if last.headings or len(last.children) > 1 or last.level == 0:
            node = last.children.pop()
            assert isinstance(node, Entry)
            return node
    return None


def _tasks(organisation: Heading | None, extra: list[Heading], titles: dict[str, str], notes: Notes) -> list[dict[str, Any]]:
    if organisation is None:
        notes.add(None, "không thấy mục «Tổ chức thực hiện»; đã đánh dấu <<CẦN ĐIỀN>>")
        return [{"unit": todo("đơn vị được giao nhiệm vụ"), "tasks": [todo("nhiệm vụ")]}]
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
    if not units:
        notes.add(organisation.paragraph, f"mục «{organisation.title}» chưa có khoản nào theo đơn vị; đã đánh dấu <<CẦN ĐIỀN>>")
        units.append({"unit": todo("đơn vị được giao nhiệm vụ"), "tasks": [todo("nhiệm vụ")]})
    return units


def _assign(headings: list[Heading], slots: list[str]) -> tuple[dict[str, Heading], list[Heading], list[Heading]]:
    """Headings to the model's parts: by title first (the default titles, compared
    loosely), then by place among the parts still free. Returns the parts found, the
    headings after the last part (``after``) and those that fit no part (``misplaced``)."""
    defaults = SectionTitles()
    by_title = {loose_key(getattr(defaults, slot)): slot for slot in slots}
    matched = {id(h): by_title[loose_key(h.title)] for h in headings if loose_key(h.title) in by_title}
    assigned: dict[str, Heading] = {}
    after: list[Heading] = []
    misplaced: list[Heading] = []
    cursor = 0
    for index, heading in enumerate(headings):
        slot = matched.get(id(heading))
        if slot is not None and slot not in assigned:
            assigned[slot] = heading
            cursor = slots.index(slot) + 1
            continue
        # The next part a later heading is matched to bounds the parts this one may take.
        bound = min((slots.index(matched[id(h)]) for h in headings[index + 1:] if id(h) in matched), default=len(slots))
        free = [s for s in slots[cursor:bound] if s not in assigned]
        if free:
            assigned[free[0]] = heading
            cursor = slots.index(free[0]) + 1
        elif cursor >= len(slots):
            after.append(heading)
        else:
            misplaced.append(heading)
    return assigned, after, misplaced


def _unit(heading: Heading, notes: Notes) -> dict[str, Any]:
    tasks = flat_items(heading, notes)
    entries = heading.entries
    kinds = {e.kind for e in entries}
    unit: dict[str, Any] = {"unit": heading.title, "tasks": tasks or [todo(f"nhiệm vụ của {heading.title}")]}
    # ``auto`` (the default) writes one task as a paragraph, several as bullets; any other
    # typed form is kept.
    if entries and typed_style(entries) == "points" and not heading.headings:
        unit["style"] = "points"
    elif len(entries) == 1 and kinds == {"bullet"}:
        unit["style"] = "bullets"
    elif len(entries) > 1 and "bullet" not in kinds and not any(e.subitems for e in entries):
        unit["style"] = "paragraphs"
    return unit


def _missing(key: str, notes: Notes) -> str:
    notes.add(None, f"không thấy phần «{_LIST_HINTS[key]}»; đã đánh dấu <<CẦN ĐIỀN>>")
    return todo(_LIST_HINTS[key])
