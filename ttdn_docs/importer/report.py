"""The body tree of a report → the fields of ``ForeignInfoReport``.

Level-1 headings are matched to the report's sections by their titles (the model's
default titles, years filled in, compared loosely), else by their place in the default
order; the titles are kept as typed. Under ``Kết quả thực hiện``: running text before the
first sub-heading is the introduction; the sub-heading holding the indicator table gives
the indicators (figures read back from the cells); the one whose khoản are units gives
the results by unit; the others are content areas.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterable
from typing import Any

from ttdn_docs.docxread.anatomy import loose_key
from ttdn_docs.docxread.view import DocxView, Para, Table
from ttdn_docs.importer.citations import read_opening
from ttdn_docs.importer.notes import Notes
from ttdn_docs.importer.outline import Entry, Heading, Outline, flat_items
from ttdn_docs.importer.plan import take_closing
from ttdn_docs.ttdn.indicators import IndicatorLabels, fill_years
from ttdn_docs.ttdn.report import DEFAULT_SECTION_ORDER, ReportSectionTitles
from ttdn_docs.ttdn.todo import todo
from ttdn_docs.ttdn.scaffold import load_outline
from ttdn_docs.vn import fold_key, nfc, parse_figure

_PLAN_REFERENCE = re.compile(
    r"^Thực hiện (?P<kind>Kế hoạch) số (?P<number>\S+?),? ngày (?P<date>\d{1,2}/\d{1,2}/\d{4})"
)


def report_body(
    outline: Outline, indicator_table: Table | None, issuer_name: str, header: dict[str, Any], notes: Notes,
    annex: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The body fields of a report; ``annex`` holds the indicator annex's title when the
    indicator table stood in an annex (``read_indicator_annex``)."""
    summary: str = header["summary"]
    years = [int(y) for y in re.findall(r"\bnăm (\d{4})\b", summary)]
    if years:
        header["year"] = years[0]
    year: int = header.get("year") or 2000
    defaults = ReportSectionTitles()
    data: dict[str, Any] = {}
    closing = take_closing(outline)
    preamble = list(outline.preamble)
    opening_entry = preamble.pop(0) if preamble and preamble[0].kind == "body" else None
    data["plan"] = _plan_reference(opening_entry, notes)
    if opening_entry is not None:
        data["opening"] = read_opening(opening_entry.text, issuer_name)
        cited = data["opening"].get("bases", [{}])[0].get("documents", [{}])[0]
        if cited.get("kind") == "Kế hoạch":
            data["plan"] = {k: v for k, v in cited.items() if k != "comma_before_date"}
    titles: dict[str, str] = {}
    order: list[str] = []
    sections: dict[str, Heading] = {}
    spare: list[str] = list(DEFAULT_SECTION_ORDER)
    for heading in outline.sections:
        key = _section_key(heading.title, defaults, year, spare)
        if key is None:
            target = order[-1] if order else "leadership"
            notes.unplaced(heading, f"mục «{sections[target].title if target in sections else target}»")
            if target in sections:
                sections[target].children += [Entry(heading.title, "body", heading.paragraph), *heading.children]
            continue
        spare.remove(key)
        order.append(key)
        sections[key] = heading
        titles[key] = heading.title
    body: dict[str, Any] = {}
    leftovers = [e.as_data() for e in preamble]
    for entry in preamble:
        notes.unplaced(entry, "mục «Công tác lãnh đạo, chỉ đạo»")
    body["leadership"] = leftovers + (flat_items(sections["leadership"], notes) if "leadership" in sections else [])
    if annex:
        data["indicators_placement"] = "annex"
    body["results"] = _results(sections.get("results"), indicator_table, defaults, year, titles, data, notes)
    body["shortcomings"] = _shortcomings(sections.get("shortcomings"), defaults, year, titles, notes)
    body["directions"] = flat_items(sections["directions"], notes) if "directions" in sections else []
    body["proposals"] = flat_items(sections["proposals"], notes) if "proposals" in sections else []
    for key, hint in (("leadership", "công tác lãnh đạo, chỉ đạo"), ("directions", "phương hướng, nhiệm vụ")):
        if not body[key]:
            body[key] = [todo(hint)]
            notes.add(None, f"không thấy phần «{hint}»; đã đánh dấu <<CẦN ĐIỀN>>")
    data["sections"] = body
    data["section_order"] = order or list(DEFAULT_SECTION_ORDER)
    if annex:
        titles["indicators_annex"] = annex["title"]
    data["section_titles"] = {k: v for k, v in titles.items() if fill_years(getattr(defaults, k), year) != v}
    if closing is not None:
        data["closing"] = {"text": closing.text}
    return data


def _section_key(title: str, defaults: ReportSectionTitles, year: int, spare: list[str]) -> str | None:
    key = loose_key(title)
    for name in spare:
        if loose_key(fill_years(getattr(defaults, name), year)) == key:
            return name
    return spare[0] if spare else None


def find_indicator_table(tables: Iterable[Table]) -> Table | None:
    """The first table whose header row names indicators and their results
    (``Chỉ tiêu`` … ``Kết quả``), in any column order."""
    for table in tables:
        if indicator_columns(table) is not None:
            return table
    return None


# Header words of an indicator table's columns, compared loosely (a header starting so):
# the model's own labels first, then the ones offices also type.
_LABELS = IndicatorLabels()
_COLUMN_WORDS = {
    "name": (_LABELS.name, "tên chỉ tiêu"),
    "unit": (_LABELS.unit, "đvt", "đơn vị"),
    "value": (_LABELS.value.split("{")[0].strip(), "kết quả", "thực hiện", "số lượng", "số liệu"),
}


def indicator_columns(table: Table) -> dict[str, int] | None:
    """The columns of name, unit and value of an indicator table, by their headers;
    ``None`` when the table has no ``Chỉ tiêu`` and ``Kết quả`` columns."""
    if not table.rows:
        return None
    header = [loose_key(_cell(table, 0, c)) for c in range(len(table.rows[0]))]
    found: dict[str, int] = {}
    for role, words in _COLUMN_WORDS.items():
        for column, text in enumerate(header):
            if column not in found.values() and any(text.startswith(loose_key(w)) for w in words):
                found[role] = column
                break
    return found if "name" in found and "value" in found else None


def read_indicator_annex(view: DocxView, annex: list[Para]) -> dict[str, Any]:
    """An annex after the signature holding the indicator table: ``{table, title}``
    (label, reference line and table are written again from the data); ``{}`` when the
    annex holds no indicator table."""
    if not annex:
        return {}
    start = annex[0].number
    tables = [b for b in view.blocks if isinstance(b, Table) and b.rows and next(b.paras).number > start]
    table = find_indicator_table(tables)
    texts = [p for p in annex if p.table is None]
    if table is None or len(texts) < 2:
        return {}
    return {"table": table, "title": nfc(texts[1].text).strip()}


def _plan_reference(opening: Entry | None, notes: Notes) -> dict[str, Any]:
    """``Thực hiện Kế hoạch số 04-KH/ĐU, ngày 5/8/2025 của …``: the plan reported on."""
    match = _PLAN_REFERENCE.match(opening.text) if opening is not None else None
    if match is None:
        notes.add(opening.paragraph if opening else None, "không thấy số, ngày của kế hoạch được báo cáo; đã đánh dấu <<CẦN ĐIỀN>>")
        return {"number": todo("số, ký hiệu của kế hoạch")}
    day, month, year = (int(p) for p in match.group("date").split("/"))
    return {"number": match.group("number"), "date": f"{year:04d}-{month:02d}-{day:02d}"}


def _results(
    heading: Heading | None, indicator_table: Table | None, defaults: ReportSectionTitles, year: int,
    titles: dict[str, str], data: dict[str, Any], notes: Notes,
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    if heading is None:
        return results
    if data.get("indicators_placement") == "annex" and indicator_table is not None:
        # «… tại Phụ lục …» is written again from the placement; the table is the annex's.
        _remove_entry(heading, loose_key(fill_years(defaults.indicators_in_annex, year)))
        data["indicators"] = indicators_of(indicator_table, notes)
        indicator_table = None
    intro = [e.text for e in heading.entries]
    if intro:
        results["intro"] = " ".join(intro)
        if len(intro) > 1:
            notes.add(heading.entries[1].paragraph, "phần mở đầu mục kết quả có nhiều đoạn; đã gộp thành một đoạn")
    by_content: list[dict[str, Any]] = []
    for sub in heading.headings:
        key = loose_key(sub.title)
        if indicator_table is not None and "indicators" not in data and (
            key == loose_key(fill_years(defaults.indicators, year)) or not sub.children
        ):
            titles["indicators"] = sub.title
            data["indicators"] = indicators_of(indicator_table, notes)
        elif key == loose_key(fill_years(defaults.results_by_unit, year)) or (sub.headings and not sub.entries):
            titles["results_by_unit"] = sub.title
            results["by_unit"] = [
                {"unit": unit.title, "results": flat_items(unit, notes) or [todo("kết quả")]} for unit in sub.headings
            ]
        else:
            by_content.append({"title": sub.title, "items": flat_items(sub, notes) or [todo("kết quả")]})
    if by_content:
        results["by_content"] = by_content
    return results


def _remove_entry(heading: Heading, key: str) -> bool:
    """Take out the first entry under ``heading`` (at any depth) whose text is ``key``."""
    for child in heading.children:
        if isinstance(child, Entry) and loose_key(child.text) == key:
            heading.children.remove(child)
            return True
        if isinstance(child, Heading) and _remove_entry(child, key):
            return True
    return False


def _shortcomings(
    heading: Heading | None, defaults: ReportSectionTitles, year: int, titles: dict[str, str], notes: Notes
) -> dict[str, Any]:
    if heading is None:
        notes.add(None, "không thấy phần «hạn chế, nguyên nhân»; đã đánh dấu <<CẦN ĐIỀN>>")
        return {"limitations": [todo("hạn chế")]}
    subs = heading.headings
    if len(subs) >= 2:
        titles["limitations"], titles["causes"] = subs[0].title, subs[1].title
        limitations = [e.as_data() for e in heading.entries] + flat_items(subs[0], notes)
        causes: list[Any] = []
        for sub in subs[1:]:
            causes += flat_items(sub, notes)
        return {"limitations": limitations or [todo("hạn chế")], "causes": causes}
    return {"limitations": flat_items(heading, notes) or [todo("hạn chế")]}


def _cell(table: Table, row: int, col: int) -> str:
    cells = table.rows[row]
    return " ".join(p.text.strip() for p in cells[col].paras).strip() if col < len(cells) else ""


def indicators_of(table: Table, notes: Notes) -> list[dict[str, Any]]:
    """The indicator table's rows → indicators: ``x/y`` is a value with its target, the
    ratio and change columns are computed again when rendering."""
    header = [loose_key(_cell(table, 0, c)) for c in range(len(table.rows[0]))] if table.rows else []
    columns = indicator_columns(table) or {"name": 1, "unit": 2, "value": 3}
    previous_col = next((c for c, h in enumerate(header) if h.startswith("năm") and c > columns["value"]), None)
    indicators: list[dict[str, Any]] = []
    keys: set[str] = set()
    known = _outline_keys()
    for row in range(1, len(table.rows)):
        name, value = _cell(table, row, columns["name"]), _cell(table, row, columns["value"])
        unit = _cell(table, row, columns["unit"]) if "unit" in columns else ""
        if not name:
            continue
        key = known.get(loose_key(name)) or _slug(name)
        indicator: dict[str, Any] = {"key": _unique(key, keys), "name": name, "unit": unit or "…"}
        try:
            figure, _, target = value.partition("/")
            indicator["value"] = _number(figure)
            if target:
                indicator["target"] = _number(target)
            if previous_col is not None:
                indicator["previous"] = _number(_cell(table, row, previous_col))
        except ValueError:
            cell = table.rows[row][min(columns["value"], len(table.rows[row]) - 1)]
            notes.add(cell.paras[0].number if cell.paras else None,
                      f"số liệu «{value}» của chỉ tiêu «{name}» không đọc được; để trống")
            indicator["value"] = None
        indicators.append({k: v for k, v in indicator.items() if v is not None or k == "value"})
    return indicators


@lru_cache(maxsize=1)
def _outline_keys() -> dict[str, str]:
    """The default outline's keys by indicator name, so that an imported report's
    indicators keep the keys unit files use."""
    return {loose_key(i.name): i.key for i in load_outline().indicators}


def _number(text: str) -> int | float | None:
    """A figure of the table (``1.170``, ``97,56``); an empty cell is ``None``."""
    if not text.strip():
        return None
    value = parse_figure(text)
    return int(value) if value == value.to_integral_value() else float(value)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", fold_key(text).replace("đ", "d"))
    ascii_text = "".join(c for c in ascii_text if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")[:60]
    return slug or "chi_tieu"


def _unique(key: str, keys: set[str]) -> str:
    candidate, index = key, 2
    while candidate in keys:
        candidate, index = f"{key}_{index}", index + 1
    keys.add(candidate)
    return candidate
