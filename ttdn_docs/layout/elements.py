"""The element registry: one entry per element of the anatomy.

An element's key names it everywhere: the paragraph style that marks it in our .docx
(``style``, written by the template builder and read by the checker), its class in the
HTML preview, its rule codes (``PLACE_DATE.SIZE``) and its Vietnamese name in findings
and in ``fix``'s list of changes. ``path`` is where the profile keeps its style
(``""``: an element of ours with no style in the rule book, a spacer).

Elements the profile repeats (the national lines, heading levels, bullet levels) are
expanded per profile by ``profile_elements``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ttdn_docs.profiles.model import Profile

MarkName = Literal["confidentiality", "urgency", "draft", "drafter"]
# Names a layout may use beside the elements: ``marks`` (the marks the profile places in
# that slot) and ``signature_lines`` (the quyền hạn and chức vụ lines); ``body`` in the
# body and annex slots stands for the body's (the annex's) lines.
LAYOUT_PARTS = frozenset({"marks", "signature_lines"})


@dataclass(frozen=True)
class Element:
    """An element: ``key``, Vietnamese name (``label``), the profile path of its style,
    the Word paragraph style name, and for a supplementary mark the mark's name in
    ``mark_placement`` and the document's ``marks``."""

    key: str
    label: str
    path: str  # "": no style of its own
    style: str
    mark: MarkName | None = None
    # Body-like: the first-line indent of the style applies (the preview's text-indent).
    indented: bool = False
    # The checker measures its formatting against the profile (``<CODE>.SIZE`` …).
    checked: bool = True
    # The element whose style stands in when the profile gives this one none.
    fallback: str | None = None
    # Only some families' pages have it: a template defines its style only then.
    family_only: bool = False

    @property
    def code(self) -> str:
        """The element's part of a rule code (``PLACE_DATE``)."""
        return self.key.upper()

    @property
    def style_id(self) -> str:
        """The style's id in ``styles.xml``: its name without spaces or punctuation."""
        return re.sub(r"[^A-Za-z0-9]", "", self.style)


def _e(key: str, label: str, style: str, path: str | None = None, **more: Any) -> Element:
    return Element(key, label, f"elements.{key}" if path is None else path, style, **more)


# In the order the templates define their styles (``styles.xml``; kept, so rendered
# files stay byte for byte). Repeated elements (national_lines, headings, bullets) stand once
# here, with the index-free key the style is written under.
ELEMENTS: tuple[Element, ...] = (
    _e("national", "Quốc hiệu, tiêu ngữ / tiêu đề", "TTDN Quoc hieu", "elements.national_lines"),
    _e("superior", "Tên cơ quan cấp trên", "TTDN Co quan cap tren"),
    _e("issuer", "Tên cơ quan ban hành", "TTDN Co quan ban hanh"),
    _e("issuer_separator", "Dấu dưới tên cơ quan ban hành", "TTDN Duoi co quan ban hanh", "elements.issuer_separator.style"),
    _e("national_separator", "Dấu dưới quốc hiệu / tiêu đề", "TTDN Duoi quoc hieu", "elements.national_separator.style"),
    _e("number", "Số, ký hiệu", "TTDN So ky hieu"),
    _e("place_date", "Địa danh, ngày tháng năm", "TTDN Dia danh ngay thang"),
    _e("kind_title", "Tên loại văn bản", "TTDN Ten loai"),
    _e("summary", "Trích yếu", "TTDN Trich yeu"),
    _e("summary_separator", "Dấu dưới trích yếu", "TTDN Duoi trich yeu", "elements.summary_separator.style"),
    _e("addressee", "Kính gửi", "TTDN Kinh gui"),
    _e("body", "Đoạn nội dung", "TTDN Noi dung", indented=True),
    _e("heading_1", "Đề mục cấp 1", "TTDN Muc", "elements.headings[0].style", indented=True),
    _e("heading_2", "Đề mục cấp 2", "TTDN Khoan", "elements.headings[1].style", indented=True),
    _e("heading_3", "Đề mục cấp 3", "TTDN Diem", "elements.headings[2].style", indented=True),
    _e("item", "Khoản, điểm không có tiêu đề", "TTDN Khoan khong tieu de", indented=True),
    _e("bullet_1", "Dòng gạch đầu dòng cấp 1", "TTDN Gach dau dong", "elements.bullets[0].style", indented=True),
    _e("bullet_2", "Dòng gạch đầu dòng cấp 2", "TTDN Gach cong", "elements.bullets[1].style", indented=True),
    _e("table_header", "Dòng tiêu đề cột của bảng", "TTDN Bang tieu de cot", checked=False),
    _e("table_cell", "Ô bảng", "TTDN Bang o", checked=False),
    _e("table_total", "Dòng tổng của bảng", "TTDN Bang dong tong", checked=False),
    _e("table_after", "Khoảng cách sau bảng", "TTDN Sau bang", "", checked=False),
    _e("recipients_label", "Nhãn «Nơi nhận»", "TTDN Noi nhan"),
    _e("recipient", "Dòng nơi nhận", "TTDN Dong noi nhan"),
    _e("signature_collective", "Quyền hạn ký (thay mặt tập thể)", "TTDN Quyen han"),
    _e("signature_authority", "Quyền hạn ký (ký thay, thừa lệnh…)", "TTDN Quyen han ky thay"),
    _e("signature_position", "Chức vụ người ký", "TTDN Chuc vu"),
    _e("signature_space", "Chỗ ký", "TTDN Cho ky", "", checked=False),
    _e("signer_name", "Họ tên người ký", "TTDN Ho ten nguoi ky"),
    _e("page_number", "Số trang", "TTDN So trang", "elements.page_number.style"),
    _e("mark_confidentiality", "Dấu độ mật", "TTDN Do mat", "elements.confidentiality_mark", mark="confidentiality"),
    _e("mark_urgency", "Dấu độ khẩn", "TTDN Do khan", "elements.urgency_mark", mark="urgency"),
    _e("mark_draft", "Dấu «Dự thảo»", "TTDN Du thao", "elements.draft_mark", mark="draft"),
    _e("mark_drafter", "Ký hiệu người soạn thảo, số bản", "TTDN Nguoi soan thao va so ban", "elements.drafter_line", mark="drafter"),
    _e("annex_label", "Nhãn phụ lục", "TTDN Phu luc", checked=False, fallback="annex_title"),
    _e("annex_title", "Tên phụ lục", "TTDN Ten phu luc", checked=False),
    _e("annex_reference", "Dòng «Kèm theo …» của phụ lục", "TTDN Kem theo van ban", checked=False),
    _e("annex_separator", "Dấu dưới phụ lục", "TTDN Duoi phu luc", "elements.annex_separator.style", checked=False),
    _e("cong_van_summary", "Trích yếu công văn («V/v …»)", "TTDN Trich yeu cong van", family_only=True),
    _e("authority", "Thẩm quyền ban hành", "TTDN Tham quyen ban hanh", family_only=True),
    _e("basis", "Dòng căn cứ", "TTDN Can cu", indented=True, family_only=True),
    _e("enacting", "Lời ban hành («QUYẾT ĐỊNH:»)", "TTDN Loi ban hanh", family_only=True),
    _e("article", "Điều", "TTDN Dieu", "elements.article.style", indented=True, family_only=True),
    # «Điều 1.» in bold, then the text in the item's style (an Điều without a title).
    _e("article_text", "Điều không có tiêu đề", "TTDN Dieu khong tieu de", "elements.item", indented=True, family_only=True, checked=False),
)


@cache
def _by_key() -> dict[str, Element]:
    return {element.key: element for element in ELEMENTS}


def element(key: str) -> Element:
    """The registry entry of ``key``; a ``national_2``/``heading_1`` key is the entry of
    its style (``national``)."""
    found = _by_key().get(key) or _by_key().get(re.sub(r"_\d+$", "", key))
    if found is None:
        raise KeyError(key)
    return found


def mark_element(name: MarkName) -> Element:
    """The element of a supplementary mark, by its name in ``mark_placement``."""
    return next(e for e in ELEMENTS if e.mark == name)


def style_names(used: Callable[[str], bool] = lambda key: True) -> list[str]:
    """The paragraph style names a template defines, in registry order: every element's
    but a family-only element's only where ``used(key)``."""
    return [e.style for e in ELEMENTS if not e.family_only or used(e.key)]


def known_layout_names() -> frozenset[str]:
    """What a profile's layout may name: the registry's keys, the levels' keys
    (``heading_2``) and the layout's own parts (``marks``, ``signature_lines``)."""
    return frozenset(_by_key()) | LAYOUT_PARTS


def style_id(key: str) -> str:
    return element(key).style_id


def profile_elements(profile: Profile) -> list[Element]:
    """Every styled element of ``profile`` as the checker and preview see them, in
    registry order: one per national line, heading level and bullet level, each with its
    own path and name; a separator only when it is text (a drawn line has no text style);
    the marks only when the profile places them; none without a style path."""
    from ttdn_docs.vn.numbering import number_symbol

    e = profile.elements
    out: list[Element] = []
    for entry in ELEMENTS:
        if not entry.path:
            continue
        if entry.key == "national":
            out += [
                Element(f"national_{i}", f"Dòng «{line.text}»", f"elements.national_lines[{i - 1}].style", entry.style)
                for i, line in enumerate(e.national_lines, start=1)
            ]
        elif entry.key.startswith("heading_"):
            index = int(entry.key.rsplit("_", 1)[1])
            if index <= len(e.headings):
                level = e.headings[index - 1]
                label = f"Đề mục cấp {index} («{level.prefix}{number_symbol(level.numbering, 1)}{level.suffix}»)"
                out.append(Element(entry.key, label, entry.path, entry.style, indented=True))
        elif entry.key.startswith("bullet_"):
            index = int(entry.key.rsplit("_", 1)[1])
            if index <= len(e.bullets):
                label = f"Dòng gạch đầu «{e.bullets[index - 1].marker}»"
                out.append(Element(entry.key, label, entry.path, entry.style, indented=True))
        elif entry.key.endswith("_separator"):
            separator = getattr(e, entry.key)
            if separator is not None and separator.kind == "text" and separator.style is not None:
                out.append(entry)
        elif entry.mark is not None:
            if entry.mark in profile.mark_placement:
                out.append(entry)
        elif style_at(profile, entry) is not None:
            out.append(entry)
    return out


def style_at(profile: Profile, entry: Element) -> Any:
    """The profile's style of ``entry`` (``None`` for an element without one)."""
    if not entry.path:
        return None
    value: Any = profile
    for part in entry.path.split("."):
        if value is None:
            break
        name, _, index = part.partition("[")
        value = getattr(value, name)
        if index:
            value = value[int(index.rstrip("]"))]
    if value is None and entry.fallback is not None:
        return style_at(profile, element(entry.fallback))
    return value
