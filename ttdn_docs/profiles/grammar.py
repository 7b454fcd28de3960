"""A profile's wording rules applied to the anatomy's values.

Renderer and checker both call these, so a rule is written once: the renderer to produce
``Số 04-KH/ĐU``, the checker to know what it should have found.
"""

from __future__ import annotations

import re

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ttdn_docs.admin import (
    AdminDocument,
    Block,
    BulletList,
    DocNumber,
    DocumentKind,
    Marks,
    Paragraph,
    PlaceDate,
    Recipients,
    Section,
    Signature,
    SignatureAuthority,
    Table,
)
from ttdn_docs.errors import ProfileError
from ttdn_docs.profiles.model import Case, HeadingLevel, Profile
from ttdn_docs.vn import date_line, date_words, fold_key, upper
from ttdn_docs.vn.case import capitalize_first
from ttdn_docs.vn.numbering import number_symbol


def apply_case(text: str, case: Case) -> str:
    if case == "upper":
        return upper(text)
    if case == "sentence":
        return capitalize_first(text)
    return text


def number_line(profile: Profile, kind: DocumentKind, number: DocNumber) -> str:
    """``Số 04-KH/ĐU`` / ``Số: 04/KH-UBND``; a blank for a missing number."""
    return _format_number(profile, kind, number, symbol_only=False)


def number_label(profile: Profile) -> str:
    """``Số``: the label the number template starts with (``Số {number}-…``, ``Số:
    {number}/…``), its colon aside; the reader finds the number line by it."""
    template = profile.number.template
    return template[: template.find("{")].strip().rstrip(":").strip()


def doc_symbol(profile: Profile, kind: DocumentKind, number: DocNumber) -> str:
    """The number and ký hiệu as cited in running text (``04/KH-UBND``): the number
    template from ``{number}`` on, without the ``Số``/``Số:`` label."""
    return _format_number(profile, kind, number, symbol_only=True)


def _format_number(profile: Profile, kind: DocumentKind, number: DocNumber, *, symbol_only: bool) -> str:
    grammar = profile.number
    digits = (
        grammar.blank if number.number is None else f"{number.number:0{grammar.digits}d}"
    )
    # A công văn (any type of that family: thư công) with its drafting unit: body-unit.
    if number.unit is not None and profile.family_of(kind) == "cong_van":
        template = grammar.cong_van_template
    else:
        template = grammar.template
    if symbol_only:
        template = template[template.find("{number}"):]
    # A công văn's ký hiệu under ND 30 has no type abbreviation: look it up only if used.
    type_abbreviation = profile.abbreviation(kind) if "{type}" in template else ""
    return template.format(number=digits, type=type_abbreviation, body=number.body, unit=number.unit or "")


def place_date_line(profile: Profile, place_date: PlaceDate) -> str:
    grammar = profile.date
    return date_line(
        place_date.place,
        place_date.date,
        year=place_date.effective_year,
        padded_months=grammar.padded_months,
        blank=grammar.blank,
    )


def recipient_lines(profile: Profile, recipients: Recipients) -> list[str]:
    """Every line under ``Nơi nhận:``, the archive line last."""
    grammar = profile.recipients
    lines = []
    for item in recipients.items:
        purpose = grammar.purpose.format(purpose=item.purpose) if item.purpose else ""
        lines.append(f"{grammar.prefix}{item.name}{purpose}{grammar.line_end}")
    archive_items = [*grammar.archive_fixed]
    archive_items += [a for a in recipients.archive if a not in archive_items]
    archive = grammar.archive.format(items=grammar.archive_join.join(archive_items))
    lines.append(f"{grammar.prefix}{archive}{grammar.last_end}")
    return lines


def addressee_lines(profile: Profile, addressees: list[str]) -> list[str]:
    """``Kính gửi: X`` for one; ``Kính gửi:`` then ``- A;`` … ``- B.`` for several, in the
    profile's own Kính gửi grammar (``addressees``)."""
    grammar = profile.addressees
    if not addressees:
        return []
    if len(addressees) == 1:
        return [f"{grammar.label} {addressees[0]}{grammar.single_end}"]
    lines = [grammar.label]
    lines += [f"{grammar.prefix}{name}{grammar.line_end}" for name in addressees[:-1]]
    lines.append(f"{grammar.prefix}{addressees[-1]}{grammar.last_end}")
    return lines


@dataclass(frozen=True)
class SignatureLine:
    role: str  # "collective" | "authority" | "position"
    text: str


def signature_lines(profile: Profile, signature: Signature) -> list[SignatureLine]:
    """Quyền hạn and chức vụ lines above the signature space, each in the case of its
    element (``elements.signature_collective`` / ``_authority`` / ``_position``)."""
    grammar = profile.signature
    e = profile.elements
    lines: list[SignatureLine] = []
    if signature.collective is not None:
        text = f"{grammar.collective_prefix} {signature.collective}"
        lines.append(SignatureLine("collective", apply_case(text, e.signature_collective.case)))
    writes_authority = signature.authority is not SignatureAuthority.HEAD and (
        signature.collective is None or grammar.authority_line_under_collective
    )
    if writes_authority and signature.head_title is not None:
        prefix = grammar.prefixes[signature.authority]
        lines.append(SignatureLine("authority", apply_case(f"{prefix} {signature.head_title}", e.signature_authority.case)))
    lines.append(SignatureLine("position", apply_case(signature.position, e.signature_position.case)))
    return lines


@dataclass(frozen=True)
class TypedPrefix:
    """A signature prefix found at the start of a line: its meaning (``collective`` or a
    ``SignatureAuthority`` value), the prefix as typed and the text after it."""

    meaning: str
    typed: str
    rest: str


def read_signature_prefix(profile: Profile, text: str) -> TypedPrefix | None:
    """The prefix a line starts with, among every spelling a typist uses for the
    profile's prefixes (``signature.typed_prefixes``: ``T/M``, ``T / M``, ``TM.`` …);
    ``None`` for a line without one. Reader, checker and importer all read with this."""
    match = _prefix_pattern(profile.signature.typed_prefixes_key()).match(text)
    if match is None:
        return None
    typed = match.group("prefix")
    meaning = _prefix_meanings(profile.signature.typed_prefixes_key())[_squeezed(typed)]
    return TypedPrefix(meaning, typed, text[match.end():].strip())


def is_deputy_title(profile: Profile, title: str) -> bool:
    """``Phó Bí thư``, ``PHÓ CHỦ TỊCH``: a title starting with the deputy word."""
    word = fold_key(profile.signature.deputy_word)
    return fold_key(title).startswith(word + " ")


def _squeezed(prefix: str) -> str:
    return re.sub(r"\s+", "", prefix)


@lru_cache(maxsize=32)
def _prefix_meanings(forms: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    return {_squeezed(form): meaning for meaning, spellings in forms for form in spellings}


@lru_cache(maxsize=32)
def _prefix_pattern(forms: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern[str]:
    # Longest first, so ``TUQ.`` wins over ``TU``. A spelling ending in a letter (``TM``)
    # needs a space after it (``TMX`` is no prefix); one ending in ``.`` or ``/`` does not.
    spellings = sorted({s for _meaning, group in forms for s in group}, key=len, reverse=True)
    alternatives = "|".join(_spelled(s) for s in spellings)
    return re.compile(rf"^\s*(?P<prefix>{alternatives})(?:(?<=[A-ZĐ])\s+|(?<![A-ZĐ])\s*)(?=\S)")


def _spelled(spelling: str) -> str:
    """A spelling as a pattern: a space typed in it stands for any run of spaces or none
    (``T / M``, ``T/ M``, ``T/M``)."""
    return "".join(r"\s*" if char == " " else re.escape(char) for char in spelling)


@dataclass(frozen=True)
class BodyLine:
    """One paragraph of the flattened body: which style it takes and its full text; a
    table stands as one line of role ``table`` that carries the ``Table`` (text empty)."""

    role: str  # "body" | "heading_1..3" | "article" | "article_text" | "item" | "bullet_1..2" | "table"
    text: str
    table: Table | None = None
    # The bold start of a line whose rest is not bold (``Điều 1.`` of an Điều without a title).
    label: str = ""


def body_lines(
    profile: Profile, blocks: list[Block], end_mark: bool = True, levels: list[str] | None = None
) -> list[BodyLine]:
    """Flatten the body tree, numbering sections by position (each list of sections
    counts from 1: khoản restart in each Điều); append the profile's end mark (``./.``)
    to the last paragraph (a table is no paragraph). ``levels``: the role of each section
    depth (a family layout's ``levels``: ``article`` for «Điều»), default the headings."""
    lines = list(_flatten(profile, blocks, 0, section_levels(profile, levels)))
    paragraphs = [index for index, line in enumerate(lines) if line.table is None]
    if end_mark and profile.body_end and paragraphs:
        last = lines[paragraphs[-1]]
        lines[paragraphs[-1]] = BodyLine(last.role, with_end_mark(last.text, profile.body_end), label=last.label)
    return lines


def with_end_mark(text: str, end_mark: str) -> str:
    """``… đúng quy định./.``: the mark's own full stop replaces the sentence's."""
    if end_mark.startswith(".") and text.endswith("."):
        text = text[:-1]
    return text + end_mark


# A dash between two words inside a paragraph (not the bullet marker at its start).
_INNER_DASH = re.compile(r"(?<=\S) ([-\u2013]) (?=\S)")


def keep_dash_with_word(profile: Profile, text: str) -> str:
    """``chính trị - xã hội`` with a no-break space before the dash (profile
    ``body_dash``): a line break after ``trị`` would start the next line with ``- xã
    hội``, which reads as a bullet."""
    if profile.body_dash != "no_break_space":
        return text
    return _INNER_DASH.sub("\u00a0\\1 ", text)


def section_levels(profile: Profile, levels: list[str] | None = None) -> list[tuple[str, HeadingLevel]]:
    """The role and numbered level of each section depth."""
    headings = profile.elements.headings
    if levels is None:
        return [(f"heading_{i}", level) for i, level in enumerate(headings, start=1)]
    out: list[tuple[str, HeadingLevel]] = []
    for role in levels:
        if role == "article":
            assert profile.elements.article is not None  # the profile's validator says so
            out.append((role, profile.elements.article))
        else:
            index = min(int(role.rsplit("_", 1)[1]), len(headings))
            out.append((f"heading_{index}", headings[index - 1]))
    return out


def _flatten(profile: Profile, blocks: list[Block], depth: int, levels: list[tuple[str, HeadingLevel]]) -> Iterator[BodyLine]:
    for line in _flatten_typed(profile, blocks, depth, levels):
        yield line if line.table is not None else BodyLine(line.role, keep_dash_with_word(profile, line.text), label=line.label)


def _flatten_typed(
    profile: Profile, blocks: list[Block], depth: int, levels: list[tuple[str, HeadingLevel]]
) -> Iterator[BodyLine]:
    counter = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            yield BodyLine("body", block.text)
        elif isinstance(block, BulletList):
            first, *rest = profile.elements.bullets
            # A profile with one bullet level writes sub-items at that level.
            second, second_role = (rest[0], "bullet_2") if rest else (first, "bullet_1")
            for item in block.items:
                yield BodyLine("bullet_1", f"{first.marker} {item.text}")
                for sub in item.items:
                    yield BodyLine(second_role, f"{second.marker} {sub}")
        elif isinstance(block, Section):
            counter += 1
            at = block.level - 1 if block.level is not None else depth
            role, level = levels[min(at, len(levels) - 1)]
            symbol = level.prefix + number_symbol(level.numbering, counter) + level.suffix
            if block.title is not None:
                yield BodyLine(role, f"{symbol} {apply_case(block.title, level.style.case)}")
                if block.text is not None:
                    yield BodyLine("body", block.text)
            elif role == "article":
                # ND 30 PL I.II.6.đ: «Điều» and its number in bold, the text as body text.
                yield BodyLine("article_text", f"{symbol} {block.text}", label=symbol)
            else:
                yield BodyLine("item", f"{symbol} {block.text}")
            yield from _flatten_typed(profile, block.children, at + 1, levels)
        elif isinstance(block, Table):
            yield BodyLine("table", "", block)


def body_roles(profile: Profile, levels: list[str] | None = None) -> list[str]:
    """Every role a body line can take under ``profile`` (with a family layout's section
    ``levels``): a template must handle each."""
    e = profile.elements
    return [
        "body",
        *dict.fromkeys(role for role, _ in section_levels(profile, levels)),
        *(["article_text"] if levels is not None and "article" in levels else []),
        "item",
        *(f"bullet_{i}" for i in range(1, len(e.bullets) + 1)),
        "table",
    ]


def mark_texts(profile: Profile, marks: Marks) -> dict[str, str]:
    """The printed words of the supplementary marks (``KHẨN``, ``MẬT``, ``DỰ THẢO``) and
    the drafter/copies line (``PL(300)``); ``""`` for a mark the document does not carry."""
    drafter = ""
    if marks.drafter_initials or marks.copies:
        initials = apply_case(marks.drafter_initials or "", profile.elements.drafter_line.case)
        drafter = initials + (profile.drafter_copies.format(copies=marks.copies) if marks.copies else "")
    return {
        "draft": _mark_word(profile, "draft") if marks.draft else "",
        "urgency": _mark_word(profile, marks.urgency.value) if marks.urgency else "",
        "confidentiality": _mark_word(profile, marks.confidentiality.value) if marks.confidentiality else "",
        "drafter": drafter,
    }


def _mark_word(profile: Profile, key: str) -> str:
    try:
        return profile.marks[key]
    except KeyError:
        raise ProfileError(f"Hồ sơ thể thức '{profile.id}' không có chữ cho dấu '{key}' (marks.{key})") from None


def annex_label(profile: Profile, index: int) -> str:
    """``Phụ lục I`` (State, Roman) or ``Phụ lục 1`` (Party, Arabic); ``index`` from 1."""
    return f"{profile.annex_label} {number_symbol(profile.annex_numbering, index)}"


def annex_reference(profile: Profile, document: AdminDocument) -> str:
    """``(Kèm theo Kế hoạch số 04/KH-UBND ngày 09 tháng 02 năm 2026 của Ủy ban nhân dân xã
    Thanh Miện)``; empty when the profile has no reference line."""
    if not profile.annex_reference:
        return ""
    place_date = document.place_date
    return profile.annex_reference.format(
        kind=profile.type_name(document.kind),
        symbol=doc_symbol(profile, document.kind, document.number),
        date=date_words(
            place_date.date,
            year=place_date.effective_year,
            padded_months=profile.date.padded_months,
            blank=profile.date.blank,
        ),
        issuer=" ".join(document.issuer.lines),
    )


def kind_title(profile: Profile, kind: DocumentKind) -> str:
    return apply_case(profile.type_name(kind), profile.elements.kind_title.case)


def summary_text(profile: Profile, document: AdminDocument) -> str:
    return apply_case(document.summary, profile.elements.summary.case)
