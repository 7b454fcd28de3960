"""The body as the author typed it → the ``outline`` of a plan or report (``ttdn.outline``).

Every heading stays a section with its title as typed, at its level; every paragraph,
list item and table stays where it stood, in the document's order. Known headings (Mục
đích, Yêu cầu, Tổ chức thực hiện, Hạn chế …) and the opening and closing paragraphs are
named with ``part`` so that the features needing a typed part find it; nothing is moved
to another heading and nothing is added.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ttdn_docs.docxread.anatomy import loose_key
from ttdn_docs.docxread.view import Table
from ttdn_docs.importer.outline import Entry, Heading, Outline
from ttdn_docs.vn import nfc

# Headings that name a typed part, by kind, compared loosely (a title starting so).
_PLAN_PARTS: list[tuple[str, str]] = [
    ("mục đích, yêu cầu", "purposes_and_requirements"),
    ("mục đích", "purposes"),
    ("yêu cầu", "requirements"),
    ("nội dung tuyên truyền", "contents"),
    ("phương thức triển khai", "methods"),
    ("tổ chức thực hiện", "tasks"),
]
_REPORT_PARTS: list[tuple[str, str]] = [
    ("công tác lãnh đạo, chỉ đạo", "leadership"),
    ("kết quả thực hiện của các", "results_by_unit"),
    ("kết quả thực hiện", "results"),
    ("một số chỉ tiêu", "indicators"),
    ("hạn chế, nguyên nhân", "shortcomings"),
    ("hạn chế", "limitations"),
    ("nguyên nhân", "causes"),
    ("phương hướng", "directions"),
    ("đề xuất, kiến nghị", "proposals"),
    ("kiến nghị, đề xuất", "proposals"),
    ("kiến nghị", "proposals"),
]
_CLOSING_START = "trên đây là"


def outline_nodes(outline: Outline, tables: Sequence[Table], kind: str) -> list[Any]:
    """The outline as plain data for the models, ``tables`` (the body's tables, kept out
    of ``outline``) placed at their positions."""
    ends = _heading_ends(outline.sections)
    placed: dict[int, list[tuple[int, Table]]] = {}
    for table in tables:
        first = next(iter(table.paras), None)
        number = first.number if first is not None else table.number
        holder = _holder_of(outline.sections, number, ends)
        placed.setdefault(id(holder) if holder is not None else 0, []).append((number, table))
    # A plan's or report's known headings name their typed parts; any other document
    # (``kind: document``) has none.
    parts = dict(_PLAN_PARTS if kind == "plan" else _REPORT_PARTS if kind == "report" else [])
    used: set[str] = set()
    top: list[Heading | Entry] = [*outline.preamble, *outline.sections]
    nodes = _nodes(top, placed.get(0, []), placed, parts, used, 0)
    if kind in ("plan", "report"):
        _name_opening(nodes)
        _name_closing(nodes)
    return nodes


def _heading_ends(sections: list[Heading]) -> dict[int, float]:
    """Each heading's span: up to the next heading not under it."""
    flat: list[Heading] = []

    def walk(nodes: list[Heading]) -> None:
        for node in nodes:
            flat.append(node)
            walk(node.headings)

    walk(sections)
    ends: dict[int, float] = {}
    for index, heading in enumerate(flat):
        later = [h.paragraph for h in flat[index + 1:] if h.level <= heading.level]
        ends[id(heading)] = later[0] if later else float("inf")
    return ends


def _holder_of(sections: list[Heading], number: int, ends: dict[int, float]) -> Heading | None:
    """The deepest heading whose span holds paragraph ``number``."""
    for heading in sections:
        if heading.paragraph < number < ends[id(heading)]:
            return _holder_of(heading.headings, number, ends) or heading
    return None


def _nodes(
    children: Sequence[Heading | Entry], tables: list[tuple[int, Table]], placed: dict[int, list[tuple[int, Table]]],
    parts: dict[str, str], used: set[str], depth: int,
) -> list[Any]:
    """The nodes of one holder at ``depth``; a heading typed at another level (a khoản
    with no mục above it) keeps its level."""
    ordered: list[tuple[int, Heading | Entry | Table]] = [(c.paragraph, c) for c in children]
    ordered += tables
    ordered.sort(key=lambda pair: pair[0])
    nodes: list[Any] = []
    bullets: list[Any] | None = None
    for _, child in ordered:
        if isinstance(child, Entry) and child.kind == "bullet":
            item: Any = {"text": child.text, "items": list(child.subitems)} if child.subitems else child.text
            if bullets is None:
                bullets = []
                nodes.append({"bullets": bullets})
            bullets.append(item)
            continue
        bullets = None
        if isinstance(child, Table):
            if (table := table_data(child)) is not None:
                nodes.append({"table": table})
        elif isinstance(child, Entry):
            if child.kind == "point":
                point: dict[str, Any] = {"text": child.text}
                if depth != child.level:
                    point["level"] = child.level + 1
                if child.subitems:
                    point["body"] = [{"bullets": list(child.subitems)}]
                nodes.append(point)
            else:
                nodes.append(child.text)
                if child.subitems:
                    nodes.append({"bullets": list(child.subitems)})
        elif child.article and not child.children:
            nodes.append({"text": child.title})  # «Điều 3. Quyết định này có hiệu lực …»
        else:
            section: dict[str, Any] = {"title": child.title}
            part = _part_of(child.title, parts)
            if part is not None and part not in used:
                used.add(part)
                section["part"] = part
            if child.level != depth:
                section["level"] = child.level + 1
            section["body"] = _nodes(child.children, placed.get(id(child), []), placed, parts, used, child.level + 1)
            nodes.append(section)
    return nodes


def _part_of(title: str, parts: dict[str, str]) -> str | None:
    key = loose_key(title)
    for start, part in parts.items():
        if key.startswith(loose_key(start)):  # loose keys hold no spaces: a title starting so
            return part
    return None


def table_data(table: Table) -> dict[str, Any] | None:
    """A table's cells as typed: the first row as the header, the rest as rows (each
    cell's paragraphs joined); rows shorter than the widest (merged cells) padded."""
    rows = [[nfc(" ".join(p.shown_text.strip() for p in cell.paras if p.shown_text.strip())) for cell in row] for row in table.rows]
    rows = [row for row in rows if row]
    if not rows or not any(any(row) for row in rows):
        return None
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    header, *body = rows
    data: dict[str, Any] = {"columns": header, "rows": body}
    # The widths as set in the file (relative), when every column of the header row has one.
    widths = [cell.width for cell in table.rows[0]]
    if len(widths) == width and all(w > 0 for w in widths):
        data["widths"] = [min(round(w / min(widths), 2), 100.0) for w in widths]
    return data


def _name_opening(nodes: list[Any]) -> None:
    """The paragraph before the first heading (the bases) is the opening."""
    if nodes and isinstance(nodes[0], str):
        nodes[0] = {"paragraph": nodes[0], "part": "opening"}


def _name_closing(nodes: list[Any]) -> None:
    """The last paragraph opening with «Trên đây là» is the closing."""
    holder = nodes
    while holder:
        for index in range(len(holder) - 1, -1, -1):
            node = holder[index]
            if isinstance(node, str) and re.sub(r"\s+", " ", node.lower()).startswith(_CLOSING_START):
                holder[index] = {"paragraph": node, "part": "closing"}
                return
        last = holder[-1]
        holder = last["body"] if isinstance(last, dict) and "body" in last else []
