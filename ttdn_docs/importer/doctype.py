"""Which type of the profile's type table a Word file is, and the công văn's own header.

The type is told the way a reader tells it, from what the reader (``docxread.anatomy``)
found, in this order:

1. the title line (``KẾ HOẠCH``, ``THÔNG BÁO``, ``GIẤY MỜI`` …): the type whose name it
   spells;
2. no title line, the enacting line of a decision («QUYẾT ĐỊNH:», «QUYẾT NGHỊ:»): the
   type of that name;
3. no title line, the ký hiệu of the number: the type whose abbreviation it carries
   (``Số 37-CV/ĐU``), or the công văn's own form (``Số: 35/UBND-VHXH``, no type);
4. no title line, a trích yếu typed under the number (``V/v …``): a công văn.

A công văn prints its trích yếu under the number, in the header's left column; it is read
here from the paragraphs after the number in the same cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ttdn_docs.docxread.anatomy import Anatomy, is_separator_like, loose_key
from ttdn_docs.docxread.view import Para
from ttdn_docs.profiles.model import Profile
from ttdn_docs.vn import nfc

CONG_VAN = "cong_van"
# The words an office types before a công văn's trích yếu («V/v …», «Về việc …»).
_ABOUT = re.compile(r"^\s*(?:v/v|về\s+việc)\s*", re.IGNORECASE)


def title_type(text: str, profile: Profile) -> str | None:
    """The key of the type whose name ``text`` spells (``THÔNG BÁO`` → ``thong_bao``)."""
    key = loose_key(text)
    if not key:
        return None
    return next((k for k, entry in profile.types.items() if loose_key(entry.name) == key), None)


def document_type(anatomy: Anatomy, profile: Profile) -> str | None:
    """The type key of the file the reader read, or ``None`` when nothing tells it."""
    if anatomy.kind_title is not None:
        found = title_type(nfc(anatomy.kind_title.text), profile)
        if found is not None:
            return found
    for role, para in anatomy.body:
        if role == "enacting" and (found := _enacting_type(nfc(para.text), profile)) is not None:
            return found
    if anatomy.number is not None:
        found = number_type(anatomy.number.text, profile)
        if found is not None:
            return found
    if CONG_VAN in profile.types and cong_van_summary_lines(anatomy):
        return CONG_VAN
    return None


@dataclass(frozen=True)
class NumberParts:
    """The parts of a number line read by one of the profile's number templates."""

    number: int | None
    type: str | None
    body: str
    unit: str | None


def read_number_parts(text: str, profile: Profile) -> tuple[NumberParts, bool] | None:
    """The number line read by the profile's templates: the parts, and whether the
    công văn's template (body then drafting unit, no type) is the one that read it.
    Spacing and the colon after «Số» are the typist's: not looked at."""
    line = re.sub(r"\s+", "", nfc(text))
    grammar = profile.number
    abbreviations = {entry.abbreviation for entry in profile.types.values() if entry.abbreviation}
    own = grammar.cong_van_template != grammar.template
    for template, cong_van in ((grammar.template, False), (grammar.cong_van_template, True)):
        if cong_van and not own:
            break
        match = _template_pattern(template).match(line)
        if match is None:
            continue
        groups = match.groupdict()
        if own and not cong_van and groups.get("type") not in abbreviations:
            continue  # ``35/UBND-VHXH``: the công văn's form, body then unit
        digits = groups.get("number") or ""
        parts = NumberParts(
            int(digits) if digits and int(digits) > 0 else None, groups.get("type"), groups["body"], groups.get("unit")
        )
        return parts, cong_van
    return None


def number_type(text: str, profile: Profile) -> str | None:
    """The type a number line names: the one type with the abbreviation it carries, or
    the công văn when its own template (no type) reads it."""
    read = read_number_parts(text, profile)
    if read is None:
        return None
    parts, cong_van = read
    if cong_van:
        return CONG_VAN if CONG_VAN in profile.types else None
    keys = [k for k, entry in profile.types.items() if entry.abbreviation is not None and entry.abbreviation == parts.type]
    return keys[0] if len(keys) == 1 else None


def cong_van_summary_lines(anatomy: Anatomy) -> list[Para]:
    """A công văn's trích yếu under the number (``V/v …``): the line the reader found
    there and the lines typed after it in the same cell (a trích yếu broken over lines
    with Enter). Marks (KHẨN, MẬT) and separators are not part of it."""
    first = anatomy.cong_van_summary
    if first is None:
        return []
    elements = {p.number for _, p in anatomy.elements()}
    at = next((i for i, p in enumerate(anatomy.header) if p is first), None)
    lines = [first]
    for para in anatomy.header[at + 1 :] if at is not None else []:
        same_cell = (para.table, para.row, para.col) == (first.table, first.row, first.col)
        text = para.text.strip()
        if not same_cell or not text or is_separator_like(text) or para.number in elements or para.mark:
            break
        lines.append(para)
    return lines


def cong_van_summary(lines: Sequence[Para], profile: Profile, type_key: str) -> str:
    """The trích yếu's words without the prefix the layout writes again (``V/v``)."""
    text = " ".join(nfc(p.text).strip() for p in lines)
    prefix = profile.layouts[profile.family_of(type_key)].summary_prefix.strip()
    if prefix and text.startswith(prefix):
        return text[len(prefix) :].strip()
    return _ABOUT.sub("", text, count=1).strip()


def _enacting_type(text: str, profile: Profile) -> str | None:
    """The decision type whose enacting line (the layout's, ``{collective}`` aside)
    ``text`` ends with: «QUYẾT ĐỊNH:» a quyết định, «QUYẾT NGHỊ:» a nghị quyết."""
    key = loose_key(text)
    for type_key, entry in profile.types.items():
        enacting = profile.layouts[entry.family].enacting
        if enacting is None:
            continue
        words = loose_key(enacting.for_type(type_key).replace("{collective}", ""))
        if words and key.endswith(words):
            return type_key
    return None


def _template_pattern(template: str) -> re.Pattern[str]:
    """``Số: {number}/{type}-{body}`` → a pattern over the line with spaces removed."""
    pattern = ""
    for literal, name in re.findall(r"([^{]*)(?:\{(\w+)\})?", template.replace(" ", "")):
        pattern += re.escape(literal).replace(":", ":?")
        if name == "number":
            pattern += r"(?P<number>\d*)"
        elif name:
            pattern += rf"(?P<{name}>[^/\-]+)"
    return re.compile(rf"^{pattern}[.;,]?$", re.IGNORECASE)
