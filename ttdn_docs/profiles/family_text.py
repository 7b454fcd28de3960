"""The wording of the parts only some families have, from the profile: the «V/v …» line
of a công văn, the căn cứ lines and the enacting line of a decision, and «Như trên»
opening Nơi nhận. Renderer and preview take them from ``render.context``; the checker
reads the same functions to know what it should find."""

from __future__ import annotations

import re

from ttdn_docs.admin import AdminDocument, Recipient, Recipients
from ttdn_docs.profiles.grammar import apply_case
from ttdn_docs.profiles.model import FamilyLayout, Profile

# A trích yếu written with its own «về việc» / «V/v»: the prefix of the layout replaces it.
_ABOUT = re.compile(r"^\s*(?:về\s+việc|v/v)\s*", re.IGNORECASE)


def cong_van_summary(profile: Profile, layout: FamilyLayout, summary: str) -> str:
    """``V/v tổ chức Ngày hội …`` under the number; empty when the layout has no such line."""
    if "cong_van_summary" not in layout.header_left or not summary.strip():
        return ""
    style = profile.elements.cong_van_summary
    assert style is not None  # the profile's validator says so
    return apply_case(layout.summary_prefix + _ABOUT.sub("", summary), style.case)


def authority_line(profile: Profile, layout: FamilyLayout, document: AdminDocument) -> str:
    """``ỦY BAN NHÂN DÂN XÃ HÒA PHÚ`` (a collective decides) or ``CHỦ TỊCH ỦY BAN NHÂN
    DÂN XÃ HÒA PHÚ`` (the head); empty where the layout has no such line."""
    wording = layout.authority_line
    if wording is None or "authority" not in layout.body:
        return ""
    style = profile.elements.authority
    assert style is not None
    signature = document.signature
    issuer = " ".join(document.issuer.lines)
    if signature.collective is not None:
        text = wording.collective.format(issuer=issuer)
    else:
        text = wording.person.format(issuer=issuer, title=signature.head_title or signature.position)
    return apply_case(text, style.case)


def basis_lines(layout: FamilyLayout, bases: list[str]) -> list[str]:
    """``Căn cứ …;`` each, the last with its own end (``.`` State, ``,`` Party)."""
    grammar = layout.bases
    if grammar is None or not bases:
        return []
    lines = [f"{grammar.prefix}{text.rstrip(' ;,.')}{grammar.line_end}" for text in bases[:-1]]
    lines.append(f"{grammar.prefix}{bases[-1].rstrip(' ;,.')}{grammar.last_end}")
    return lines


def enacting_line(profile: Profile, layout: FamilyLayout, document: AdminDocument) -> str:
    """``QUYẾT ĐỊNH:`` (State) or ``BAN THƯỜNG VỤ QUYẾT ĐỊNH`` (Party, the collective the
    signer signs for, else the issuer); the document's own line when it gives one."""
    if layout.enacting is None or "enacting" not in layout.body:
        return ""
    style = profile.elements.enacting
    assert style is not None
    if document.enacting:
        return apply_case(document.enacting, style.case)
    collective = document.signature.collective or " ".join(document.issuer.lines)
    return apply_case(layout.enacting.for_type(document.kind.value).format(collective=collective), style.case)


def recipients_with_as_above(profile: Profile, layout: FamilyLayout, document: AdminDocument) -> Recipients:
    """Nơi nhận opening with «Như trên» (the addressees of Kính gửi) where the layout
    says so and the document has addressees, unless its list opens so already."""
    recipients = document.recipients
    as_above = profile.recipients.as_above
    if not layout.as_above_first or not document.addressees:
        return recipients
    if recipients.items and recipients.items[0].name == as_above:
        return recipients
    return recipients.model_copy(update={"items": [Recipient(name=as_above), *recipients.items]})
