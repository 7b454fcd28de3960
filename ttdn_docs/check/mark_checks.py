"""Checks of the supplementary marks our renderer marks (độ mật, độ khẩn, DỰ THẢO and the
drafter's line, ô 10a/10b/12 of ND 30): their words, the drafter's copies format, their
box and, for a boxed mark, where the box stands. Their style (size, bold, case) is judged
with every element's by ``format_checks.check_styles``. Every expected value is read
from the profile (``marks``, ``drafter_copies``, ``mark_placement``)."""

from __future__ import annotations

import re

from ttdn_docs.admin.kinds import Confidentiality, Urgency
from ttdn_docs.check.reporter import Reporter
from ttdn_docs.docxread.anatomy import Anatomy
from ttdn_docs.docxread.view import Para
from ttdn_docs.layout.elements import MarkName, element
from ttdn_docs.vn import fold_key, upper

# The keys of ``marks:`` each mark takes its words from.
_WORD_KEYS: dict[str, tuple[str, ...]] = {
    "urgency": tuple(u.value for u in Urgency),
    "confidentiality": tuple(c.value for c in Confidentiality),
    "draft": ("draft",),
}
_ALIGN_WORDS = {"left": "trái", "center": "giữa", "right": "phải", "justify": "giữa"}
# Twips a centred box's two indents may differ by (the renderer halves an odd spare).
_CENTRED_SLACK = 40


def mark_name(key: str) -> MarkName:
    name = element(key).mark
    assert name is not None, key
    return name


def check_marks(anatomy: Anatomy, reporter: Reporter) -> None:
    profile = reporter.profile
    for key, para in anatomy.marks:
        name = mark_name(key)
        placement = profile.mark_placement.get(name)
        if placement is None:
            continue
        code, label = element(key).code, element(key).label
        shown = "".join(upper(r.text) if r.caps else r.text for r in para.runs).strip()
        if name == "drafter":
            _check_copies(reporter, code, label, para, shown)
        else:
            _check_words(reporter, code, label, para, shown, name)
        boxed = para.fmt.border_top and para.fmt.border_bottom
        if boxed != placement.boxed:
            want, got = ("có khung viền đơn", "không có khung") if placement.boxed else ("không có khung", "có khung")
            reporter.add(f"{code}.BOX", para, f"{label}: phải {want}.", expected=want, found=got)
        if placement.boxed and boxed:
            _check_box_align(reporter, code, label, para, profile.elements.mark_style(name).align)
        slot = _slot(anatomy, para)
        if slot is not None and slot != placement.slot:
            reporter.add(
                f"{code}.SLOT", para, f"{label}: phải đặt {_SLOT_WORDS[placement.slot]}.",
                expected=_SLOT_WORDS[placement.slot], found=_SLOT_WORDS[slot],
            )


_SLOT_WORDS = {
    "top": "trên cùng, phía trên phần đầu văn bản",
    "under_number": "dưới số, ký hiệu",
    "under_place_date": "dưới địa danh, ngày tháng năm",
    "after_recipients": "trong ô nơi nhận, sau dòng lưu",
}


def _slot(anatomy: Anatomy, para: Para) -> str | None:
    """Where a mark stands: in the cell of the number, of the date line or of Nơi nhận,
    or above the header; ``None`` elsewhere (not judged)."""
    cell = para.el.getparent()
    for slot, other in (("under_number", anatomy.number), ("under_place_date", anatomy.place_date), ("after_recipients", anatomy.recipients_label)):
        if other is not None and other.table is not None and para.table == other.table and other.el.getparent() is cell:
            return slot
    first = next((p for p in anatomy.header if p.number != para.number), None)
    if para.table is None and first is not None and para.number < first.number:
        return "top"
    return None


def _check_words(reporter: Reporter, code: str, label: str, para: Para, shown: str, name: str) -> None:
    words = [reporter.profile.marks[k] for k in _WORD_KEYS[name] if k in reporter.profile.marks]
    if shown in words:
        return
    near = next((w for w in words if fold_key(w) == fold_key(shown)), None)
    expected = near if near is not None else " / ".join(words)
    message = f"{label}: viết đúng «{near}»." if near is not None else f"{label}: chỉ ghi một trong các dấu {expected}."
    reporter.add(f"{code}.TEXT", para, message, expected=expected, found=shown[:40])


def _check_copies(reporter: Reporter, code: str, label: str, para: Para, shown: str) -> None:
    """The number of copies after the drafter's initials, as ``drafter_copies`` writes it
    (``PL(30)``); a line with initials only has no copies to judge."""
    if not any(c.isdigit() for c in shown):
        return
    before, _, after = reporter.profile.drafter_copies.partition("{copies}")
    pattern = re.escape(before) + r"\d+" + re.escape(after) + r"$"
    if re.search(pattern, shown) is None:
        expected = reporter.profile.drafter_copies.format(copies="…")
        reporter.add(f"{code}.COPIES", para, f"{label}: số bản viết theo mẫu «{expected}» sau ký hiệu người soạn thảo.", expected=expected, found=shown[:40])


def _check_box_align(reporter: Reporter, code: str, label: str, para: Para, align: str) -> None:
    """A boxed mark is placed by its indents (the box hugs the text): its side is the
    one with no indent; equal indents centre it."""
    left, right = para.fmt.left, para.fmt.right
    found = "center" if abs(left - right) <= _CENTRED_SLACK else ("left" if left < right else "right")
    if _ALIGN_WORDS[found] != _ALIGN_WORDS[align]:
        reporter.add(f"{code}.ALIGN", para, f"{label}: khung đặt sai vị trí.", expected=_ALIGN_WORDS[align], found=_ALIGN_WORDS[found])
