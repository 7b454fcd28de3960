"""Where Phụ lục I puts each signature, found from the rendered PDF's layout.

The signature block stands beside «Nơi nhận»: upper-case lines (quyền hạn, chức vụ), a
gap, the name. The signer's image goes between the last position line and the name; the seal covers about a third of it on its left; an
attachment's or copy's text goes at the top right of page 1. Rectangles are PDF points
(x1, y1, x2, y2), origin at the page's bottom left.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ttdn_docs.errors import TtdnError
from ttdn_docs.sign.rules import PT_PER_MM, SigningRules, signing_rules
from ttdn_docs.sign.textlines import PageText, TextSegment, read_pages

Rect = tuple[float, float, float, float]
# Lines of one column: centres closer than this (points) belong to the same block.
_SAME_COLUMN_PT = 60.0


class SignatureBlockNotFound(TtdnError):
    pass


@dataclass(frozen=True)
class Place:
    field: str
    page: int  # 0-based
    rect: Rect

    @property
    def int_rect(self) -> tuple[int, int, int, int]:
        """The rectangle in whole points, as a field is written (pyHanko takes integers)."""
        return (round(self.rect[0]), round(self.rect[1]), round(self.rect[2]), round(self.rect[3]))


@dataclass(frozen=True)
class SignaturePlaces:
    signer: Place
    body: Place
    attachment: Place
    copy: Place
    position_line: str
    name_line: str

    def for_role(self, role: str) -> Place:
        return {"signer": self.signer, "body": self.body, "attachment": self.attachment, "copy": self.copy}[role]

    def to_json(self) -> str:
        return self.json_of({
            "signer": self.signer, "body": self.body, "attachment": self.attachment, "copy": self.copy,
        }, position_line=self.position_line, name_line=self.name_line)

    @staticmethod
    def json_of(places: dict[str, Place], **extra: str) -> str:
        """The JSON written beside a prepared PDF, for tools that place their own fields."""
        data: dict[str, object] = {
            "coordinates": "PDF points (1/72 inch), origin at the bottom left of the page; page numbers from 1",
        }
        for role, p in places.items():
            data[role] = {"field": p.field, "page": p.page + 1, "rect_pt": [round(v, 2) for v in p.rect]}
        data.update(extra)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def find_places(pdf: Path | bytes, *, name: str | None = None, rules: SigningRules | None = None) -> SignaturePlaces:
    """The NĐ 30 places of every signature on ``pdf``. ``name`` (the signer's name as
    printed) picks the block when known; otherwise the last signature block is taken."""
    rules = rules or signing_rules()
    pages = read_pages(pdf)
    if not pages:
        raise SignatureBlockNotFound("tệp PDF không có trang nào")
    for page in reversed(pages):
        found = _signature_lines(page, name, rules) if name is not None else _beside_recipients(page, rules)
        if found is None and name is None and not any(_is_recipients(s) for p in pages for s in p.segments):
            found = _signature_lines(page, name, rules)  # no «Nơi nhận»: the lowest block that looks like one
        if found is not None:
            position, person = found
            return _places(pages[0], page, position, person, rules)
    who = f" có tên người ký '{name}'" if name else ""
    raise SignatureBlockNotFound(
        f"không tìm thấy khối chữ ký{who} (dòng chức vụ in hoa, khoảng trống, rồi họ tên người ký) "
        "trong tệp PDF; hãy kiểm tra phần ký của văn bản"
    )


def _is_recipients(segment: TextSegment) -> bool:
    return _fold(segment.text).startswith("nơi nhận")


def _beside_recipients(page: PageText, rules: SigningRules) -> tuple[TextSegment, TextSegment] | None:
    """The block NĐ 30 and HD 36 put beside «Nơi nhận»: the upper-case lines of the right
    column from the level of «Nơi nhận» down, then, past the gap, the signer's name."""
    anchors = [s for s in page.segments if _is_recipients(s)]
    if not anchors:
        return None
    anchor = anchors[-1]
    right = sorted(
        (s for s in page.segments if s.centre_x > page.width * 0.5 and s.top <= anchor.top + anchor.height),
        key=lambda s: -s.top,
    )
    group: list[TextSegment] = []
    for segment in right:
        if group and segment.top < group[-1].bottom - 1.5 * group[-1].height:
            break
        if _is_upper(segment.text):
            group.append(segment)
        elif group:
            break
    if not group:
        return None
    position = group[-1]
    column = sum(s.centre_x for s in group) / len(group)
    min_gap = rules.signer_min_height_mm * PT_PER_MM
    # Below the gap, what is not a recipient line (a dash, or flush with «Nơi nhận»).
    candidates = sorted(
        (s for s in page.segments
         if s.top <= position.bottom - min_gap and any(c.isalpha() for c in s.text)
         and not s.text.lstrip().startswith(("-", "–", "+", "•")) and abs(s.left - anchor.left) > 6),
        key=lambda s: -s.top,
    )
    if not candidates:
        raise SignatureBlockNotFound(
            f"dưới dòng chức vụ «{position.text}» (trang {page.index + 1}) không có họ tên người ký trên cùng trang: "
            "khối chữ ký bị tách sang trang sau; hãy sửa văn bản để quyền hạn, chức vụ và họ tên cùng một trang"
        )
    person = candidates[0]
    if abs(person.centre_x - column) > _SAME_COLUMN_PT:
        raise SignatureBlockNotFound(
            f"họ tên «{person.text}» (trang {page.index + 1}) không nằm dưới dòng chức vụ «{position.text}»: "
            "hãy căn giữa họ tên người ký dưới chức vụ rồi tạo lại PDF"
        )
    return position, person


def _signature_lines(page: PageText, name: str | None, rules: SigningRules) -> tuple[TextSegment, TextSegment] | None:
    right_half = [s for s in page.segments if s.centre_x > page.width * 0.5]
    min_gap = rules.signer_min_height_mm * PT_PER_MM
    for person in reversed(right_half):  # the lowest block first
        if name is not None and _fold(person.text) != _fold(name):
            continue
        if name is None and (_is_upper(person.text) or not any(c.isalpha() for c in person.text)):
            continue
        above = [
            s for s in right_half
            if s.bottom >= person.top and abs(s.centre_x - person.centre_x) < _SAME_COLUMN_PT
        ]
        if not above:
            continue
        position = min(above, key=lambda s: s.bottom)
        if _is_upper(position.text) and position.bottom - person.top >= min_gap:
            return position, person
    return None


def _places(first: PageText, page: PageText, position: TextSegment, person: TextSegment, rules: SigningRules) -> SignaturePlaces:
    margin = rules.signer_gap_margin_mm * PT_PER_MM
    centre = (position.centre_x + person.centre_x) / 2
    half = rules.signer_width_mm * PT_PER_MM / 2
    signer: Rect = (centre - half, person.top + margin, centre + half, position.bottom - margin)
    diameter = rules.seal_diameter_mm * PT_PER_MM
    seal_right = signer[0] + (signer[2] - signer[0]) * rules.seal_overlap
    middle = (signer[1] + signer[3]) / 2
    seal: Rect = (seal_right - diameter, middle - diameter / 2, seal_right, middle + diameter / 2)
    corner = _corner(first, rules)
    return SignaturePlaces(
        signer=Place(rules.signer_field, page.index, signer),
        body=Place(rules.body_field, page.index, seal),
        attachment=Place(rules.attachment_field, 0, corner),
        copy=Place(rules.copy_field, 0, corner),
        position_line=position.text,
        name_line=person.text,
    )


def attachment_places(pdf: Path | bytes, rules: SigningRules | None = None) -> tuple[Place, Place]:
    """The top-right box of page 1, for an attachment or a copy (no signature block needed)."""
    rules = rules or signing_rules()
    pages = read_pages(pdf)
    if not pages:
        raise SignatureBlockNotFound("tệp PDF không có trang nào")
    corner = _corner(pages[0], rules)
    return Place(rules.attachment_field, 0, corner), Place(rules.copy_field, 0, corner)


def _corner(first: PageText, rules: SigningRules) -> Rect:
    """The attachment's or copy's box: top right of page 1."""
    right = first.width - rules.attachment_right_mm * PT_PER_MM
    top = first.height - rules.attachment_top_mm * PT_PER_MM
    return (right - rules.attachment_width_mm * PT_PER_MM, top - rules.attachment_height_mm * PT_PER_MM, right, top)
