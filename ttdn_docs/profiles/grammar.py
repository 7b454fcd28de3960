"""A profile's wording rules applied to the anatomy's values.

Renderer and checker both call these, so a rule is written once: the renderer to produce
``Số 04-KH/ĐU``, the checker to know what it should have found.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ttdn_docs.admin import (
    AdminDocument,
    Block,
    BulletList,
    DocNumber,
    DocumentKind,
    Paragraph,
    PlaceDate,
    Recipients,
    Section,
    Signature,
    SignatureAuthority,
    Table,
)
from ttdn_docs.profiles.model import Case, Profile
from ttdn_docs.vn import date_line, upper
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
    grammar = profile.number
    digits = (
        grammar.blank if number.number is None else f"{number.number:0{grammar.digits}d}"
    )
    if kind is DocumentKind.CONG_VAN and number.unit is not None:
        template = grammar.cong_van_template
    else:
        template = grammar.template
    return template.format(
        number=digits, type=profile.abbreviation(kind), body=number.body, unit=number.unit or ""
    )


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


@dataclass(frozen=True)
class SignatureLine:
    role: str  # "collective" | "authority" | "position"
    text: str


def signature_lines(profile: Profile, signature: Signature) -> list[SignatureLine]:
    """Quyền hạn and chức vụ lines above the signature space, upper-cased."""
    grammar = profile.signature
    lines: list[SignatureLine] = []
    if signature.collective is not None:
        lines.append(
            SignatureLine("collective", upper(f"{grammar.collective_prefix} {signature.collective}"))
        )
    writes_authority = signature.authority is not SignatureAuthority.HEAD and (
        signature.collective is None or grammar.authority_line_under_collective
    )
    if writes_authority and signature.head_title is not None:
        prefix = grammar.prefixes[signature.authority]
        lines.append(SignatureLine("authority", upper(f"{prefix} {signature.head_title}")))
    lines.append(SignatureLine("position", upper(signature.position)))
    return lines


@dataclass(frozen=True)
class BodyLine:
    """One paragraph of the flattened body: which style it takes and its full text; a
    table stands as one line of role ``table`` that carries the ``Table`` (text empty)."""

    role: str  # "body" | "heading_1..3" | "item" | "bullet_1..2" | "table"
    text: str
    table: Table | None = None


def body_lines(profile: Profile, blocks: list[Block], end_mark: bool = True) -> list[BodyLine]:
    """Flatten the body tree, numbering sections by position; append the profile's end
    mark (``./.``) to the last paragraph (a table is no paragraph)."""
    lines = list(_flatten(profile, blocks, depth=0))
    paragraphs = [index for index, line in enumerate(lines) if line.table is None]
    if end_mark and profile.body_end and paragraphs:
        last = lines[paragraphs[-1]]
        lines[paragraphs[-1]] = BodyLine(last.role, last.text + profile.body_end)
    return lines


def _flatten(profile: Profile, blocks: list[Block], depth: int) -> Iterator[BodyLine]:
    counter = 0
    levels = profile.elements.headings
    for block in blocks:
        if isinstance(block, Paragraph):
            yield BodyLine("body", block.text)
        elif isinstance(block, BulletList):
            first, *rest = profile.elements.bullets
            second = rest[0] if rest else first
            for item in block.items:
                yield BodyLine("bullet_1", f"{first.marker} {item.text}")
                for sub in item.items:
                    yield BodyLine("bullet_2", f"{second.marker} {sub}")
        elif isinstance(block, Section):
            counter += 1
            level_index = min(depth, len(levels) - 1)
            level = levels[level_index]
            symbol = number_symbol(level.numbering, counter) + level.suffix
            if block.title is not None:
                yield BodyLine(f"heading_{level_index + 1}", f"{symbol} {apply_case(block.title, level.style.case)}")
                if block.text is not None:
                    yield BodyLine("body", block.text)
            else:
                yield BodyLine("item", f"{symbol} {block.text}")
            yield from _flatten(profile, block.children, depth + 1)
        elif isinstance(block, Table):
            yield BodyLine("table", "", block)


def kind_title(profile: Profile, kind: DocumentKind) -> str:
    return apply_case(kind.title, profile.elements.kind_title.case)


def summary_text(profile: Profile, document: AdminDocument) -> str:
    return apply_case(document.summary, profile.elements.summary.case)
