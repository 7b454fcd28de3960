"""What ``fix`` changed, in words an officer reads.

Derived, never listed in advance: each element the reader found in the input is compared
with the same element in the re-issued file (number line, date line, headings, Nơi nhận,
signature …) and every text that differs is shown as «before» → «after»; every rule the
checker found broken in the input and no longer in the output (font, margins, spacing …)
is named with its message.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ttdn_docs.check.findings import Finding
from ttdn_docs.docxread.anatomy import Anatomy, is_separator_like
from ttdn_docs.docxread.view import Para
from ttdn_docs.layout.elements import element

# The signature lines of every role, as one group.
_SIGNATURE_WORD = "Chữ ký"


@dataclass(frozen=True)
class Change:
    what: str
    before: str = ""
    after: str = ""
    count: int = 1
    paragraph: int | None = None  # the input paragraph changed, for a text change

    def describe(self) -> str:
        if self.before and self.after:
            return f"{self.what}: «{self.before}» → «{self.after}»"
        if self.before or self.after:
            return f"{self.what}: «{self.before or self.after}»"
        return self.what + (f" ({self.count} chỗ)" if self.count > 1 else "")


def _pairs(before: Anatomy, after: Anatomy) -> list[tuple[str, Para | None, Para | None]]:
    pairs: list[tuple[str, Para | None, Para | None]] = []
    for key in ("number", "place_date", "kind_title", "summary", "recipients_label", "signer_name"):
        pairs.append((element(key).label, getattr(before, key), getattr(after, key)))
    for key in ("superior", "issuer", "recipients"):
        word = element("recipient" if key == "recipients" else key).label
        old, new = getattr(before, key), getattr(after, key)
        pairs += [(word, a, b) for a, b in zip(old, new, strict=False)]
    pairs += [(_SIGNATURE_WORD, a, b) for (_, a), (_, b) in zip(before.signature, after.signature, strict=False)]
    return pairs


def _body_changes(before: Anatomy, after: Anatomy, absorbed: Collection[int] = ()) -> list[Change]:
    """Body paragraphs aligned by their words (numbers and bullet markers aside), so
    that a part added or a heading renumbered shows where it is. Separator lines are
    form; ``absorbed`` paragraphs were read into an element (shown with it)."""
    old = [p for _, p in before.body if p.number not in absorbed and not is_separator_like(p.text)]
    new = [p for _, p in after.body if not is_separator_like(p.text)]
    matcher = SequenceMatcher(a=[_words(p) for p in old], b=[_words(p) for p in new], autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or tag == "replace":
            for a, b in zip(old[i1:i2], new[j1:j2], strict=False):
                if _shown(a) != _shown(b):
                    changes.append(Change(f"Đoạn {a.number}", _shown(a), _shown(b), paragraph=a.number))
            if tag == "equal":
                continue
        if tag in ("insert", "replace"):
            changes += [Change("Thêm", "", _shown(b)) for b in new[j1 + (i2 - i1) if tag == "replace" else j1: j2]]
        if tag in ("delete", "replace") and i2 - i1 > j2 - j1:
            changes += [Change(f"Đoạn {a.number} chuyển chỗ", _shown(a), "", paragraph=a.number) for a in old[i1 + (j2 - j1): i2]]
    return changes


def _shown(para: Para) -> str:
    return " ".join(para.shown_text.split())


def _words(para: Para) -> str:
    """The paragraph's words without a leading number or bullet marker."""
    return re.sub(r"^\s*(?:[IVXLCDM]+|\d{1,3}|[a-zđ]{1,2})[.)\-/]\s+|^\s*[-–—•+*]\s+", "", para.shown_text).strip()


def text_changes(before: Anatomy, after: Anatomy, absorbed: Collection[int] = ()) -> list[Change]:
    changes = []
    for what, old, new in _pairs(before, after):
        old_text = " ".join(old.text.split()) if old is not None else ""
        new_text = " ".join(new.text.split()) if new is not None else ""
        if old_text != new_text and (old_text or new_text):
            changes.append(Change(what, old_text, new_text, paragraph=old.number if old is not None else None))
    return changes + _body_changes(before, after, absorbed)


def fixed_findings(before: list[Finding], after: list[Finding], shown: Sequence[Change] = ()) -> list[Change]:
    """Rules broken in the input that the output no longer breaks, once per rule; a
    finding on a paragraph whose text change is ``shown`` already is not repeated."""
    remaining = {f.rule for f in after}
    changed = {c.paragraph for c in shown if c.paragraph is not None}
    before = [f for f in before if f.location.paragraph not in changed or f.location.story != "body"]
    counts = Counter(f.rule for f in before if f.rule not in remaining)
    seen: dict[str, Finding] = {}
    for finding in before:
        if finding.rule in counts and finding.rule not in seen:
            seen[finding.rule] = finding
    return [Change(f"{f.message} [{f.rule}]", count=counts[rule]) for rule, f in seen.items()]
