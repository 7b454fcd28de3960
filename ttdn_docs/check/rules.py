"""The rule catalogue: every rule id the checker can report, built from the profile.

A rule id is ``<FAMILY>.<ELEMENT>.<PROPERTY>`` (``PARTY.PLACE_DATE.MONTH``,
``STATE.NUMBER.FORMAT``): the family of the profile, the element as named in the
profile's data (``elements.place_date`` → ``PLACE_DATE``) and what is checked. Each rule
names the profile data it reads (``path``); the article it comes from is the ``ref`` of
that data, its severity ``error`` unless the data is tagged ``open`` (or the rule is text
hygiene, or cannot be measured exactly: ``warning``). ``docs/checker-rules.md`` is
generated from this module (``python scripts/build_rule_table.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ttdn_docs.check.findings import Severity
from ttdn_docs.layout.elements import Element, mark_element, profile_elements
from ttdn_docs.profiles.model import AddresseeGrammar, Profile, RecipientGrammar, Sourced, Style
from ttdn_docs.vn.numbering import number_symbol


# An element of the anatomy whose formatting the profile gives (the registry's entry).
ElementSpec = Element


@dataclass(frozen=True)
class Rule:
    code: str  # without the family: PLACE_DATE.MONTH
    title: str  # what is checked, in Vietnamese
    path: str  # profile data the rule reads
    severity: Severity | None = None  # None: error, or warning when the data is "open"
    source: str | None = None  # where its article reference is, when not along ``path``

    @property
    def source_path(self) -> str:
        return self.path if self.source is None else self.source


STYLE_PROPERTIES: dict[str, tuple[str, str]] = {
    # code: (Vietnamese, Style field the rule reads)
    "SIZE": ("cỡ chữ", "allowed_sizes"),
    "BOLD": ("chữ đậm", "bold"),
    "ITALIC": ("chữ nghiêng", "italic"),
    "UNDERLINE": ("gạch chân", "underline"),
    "ALIGN": ("căn lề", "align"),
    "CASE": ("chữ in hoa / viết hoa đầu câu", "case"),
    "INDENT": ("thụt đầu dòng", "first_line_indent_range_cm"),
    "SPACE_AFTER": ("khoảng cách giữa các đoạn (trước hoặc sau đoạn)", "space_after_range"),
    "LINE_SPACING": ("giãn dòng", "line_spacing_range"),
}
FONT_SLOTS: dict[str, str] = {"ascii": "ASCII", "hAnsi": "HANSI", "eastAsia": "EASTASIA", "cs": "CS"}


def element_specs(profile: Profile) -> list[ElementSpec]:
    """Every styled element of the profile the checker measures, in document order."""
    return [entry for entry in profile_elements(profile) if entry.checked]


def _fixed_rules(profile: Profile) -> Iterator[Rule]:
    for side in ("top", "bottom", "left", "right"):
        yield Rule(f"PAGE.MARGIN_{side.upper()}", f"lề {_SIDES[side]} trong khoảng cho phép", f"page.margin_ranges_mm.{side}")
    yield Rule("PAGE.SIZE", "khổ giấy", "page.width_mm")
    yield Rule("PAGE.ORIENTATION", "hướng trang (trang đầu)", "page.orientation")
    for slot, code in FONT_SLOTS.items():
        yield Rule(f"FONT.{code}", f"phông chữ ở vùng ký tự {slot}", "font", source="rule_refs.font")
    for i, line in enumerate(profile.elements.national_lines, start=1):
        path = f"elements.national_lines[{i - 1}]"
        yield Rule(f"NATIONAL_{i}.MISSING", f"có dòng «{line.text}»", f"{path}.style")
        yield Rule(f"NATIONAL_{i}.TEXT", f"dòng «{line.text}» đúng chữ", f"{path}.text")
    for key, label in (
        ("national_separator", "dưới quốc hiệu / tiêu đề"),
        ("issuer_separator", "dưới tên cơ quan ban hành"),
        ("summary_separator", "dưới trích yếu"),
    ):
        separator = getattr(profile.elements, key)
        code = key.upper()
        path = f"elements.{key}"
        if separator.kind == "text":
            yield Rule(f"{code}.MISSING", f"có «{separator.text}» {label}", path)
            yield Rule(f"{code}.TEXT", f"«{separator.text}» {label} đúng ký tự", f"{path}.text")
        else:
            yield Rule(f"{code}.MISSING", f"có đường kẻ {label}", path)
            yield Rule(f"{code}.LENGTH", f"độ dài đường kẻ {label}", f"{path}.ratio_range")
    yield Rule("ISSUER.MISSING", "có tên cơ quan ban hành", "elements.issuer")
    # Judged on the text to be signed only (``check --final``): the renderer prints a
    # plan under either rule book on purpose, to compare them.
    yield Rule("ISSUER.FAMILY", "cơ quan ban hành thuộc hệ thống của hồ sơ thể thức (bản ban hành)", "other_family_issuers", source="rule_refs.issuer")
    yield Rule("ISSUER.NAME", "tên xã, phường viết đúng danh mục đơn vị hành chính", "elements.issuer")
    yield Rule("NUMBER.MISSING", "có số, ký hiệu", "number")
    yield Rule("NUMBER.FORMAT", "số, ký hiệu đúng mẫu", "number.template")
    yield Rule("NUMBER.PADDING", "số nhỏ hơn 10 thêm số 0", "number.digits")
    yield Rule("NUMBER.TYPE", "chữ viết tắt tên loại trong ký hiệu", "type_abbreviations", source="number")
    yield Rule("PLACE_DATE.MISSING", "có địa danh, ngày tháng năm", "date")
    yield Rule("PLACE_DATE.FORMAT", "địa danh, ngày tháng năm đúng mẫu", "date.template")
    yield Rule("PLACE_DATE.DAY", "ngày nhỏ hơn 10 thêm số 0", "date")
    yield Rule("PLACE_DATE.MONTH", "tháng 1, 2 thêm số 0; tháng 3–12 không", "date.padded_months")
    yield Rule("PLACE_DATE.DATE", "ngày tháng có thật", "date")
    yield Rule("PLACE_DATE.PLACE", "địa danh viết hoa chữ cái đầu", "date.template")
    yield Rule("KIND_TITLE.MISSING", "có tên loại văn bản", "elements.kind_title")
    yield Rule("KIND_TITLE.TEXT", "tên loại viết đúng tên trong bảng loại văn bản của hồ sơ", "types", source="elements.kind_title")
    yield Rule("SUMMARY.MISSING", "có trích yếu", "elements.summary")
    if profile.body_end:
        yield Rule("BODY.END", f"nội dung kết thúc bằng «{profile.body_end}»", "body_end", source="elements.body")
    yield Rule(
        "BODY.AUTO_NUMBERING", "số, ký hiệu đầu dòng tự động của Word theo mẫu của hồ sơ", "elements.headings", "warning",
        source="elements.headings[0]",
    )
    for i, level in enumerate(profile.elements.headings, start=1):
        path = f"elements.headings[{i - 1}]"
        yield Rule(f"HEADING_{i}.SEQUENCE", "đánh số liên tục, không nhảy, không lặp", f"{path}.numbering")
        yield Rule(f"HEADING_{i}.SUFFIX", f"dấu sau số thứ tự là «{level.suffix}»", f"{path}.suffix")
        shown = level.prefix + number_symbol(level.numbering, 1) + level.suffix
        yield Rule(f"HEADING_{i}.PREFIX", f"đề mục mở đầu bằng số thứ tự viết như «{shown}»", f"{path}.prefix")
    for i, bullet in enumerate(profile.elements.bullets, start=1):
        yield Rule(f"BULLET_{i}.MARKER", f"dòng gạch đầu mở đầu bằng «{bullet.marker}» và một dấu cách", f"elements.bullets[{i - 1}].marker")
    yield Rule("ADDRESSEE.LABEL", f"nhãn viết đúng «{profile.addressees.label}»", "addressees.label")
    yield from _listed_line_rules("ADDRESSEE", "addressees", profile.addressees, "Kính gửi")
    yield Rule("RECIPIENTS_LABEL.MISSING", f"có «{profile.recipients.label}»", "recipients.label")
    yield Rule("RECIPIENTS_LABEL.PLACEMENT", "nơi nhận bên trái, ngang hàng khối chữ ký", "recipients.label", "warning")
    yield Rule("RECIPIENTS_LABEL.TEXT", f"nhãn viết đúng «{profile.recipients.label}»", "recipients.label")
    yield from _listed_line_rules("RECIPIENT", "recipients", profile.recipients, "nơi nhận")
    yield Rule("RECIPIENT.PURPOSE", f"mục đích gửi viết «{profile.recipients.purpose.strip()}» sau tên nơi nhận", "recipients.purpose")
    yield Rule("RECIPIENT.ARCHIVE", f"dòng cuối là dòng lưu «{profile.recipients.archive}»", "recipients.archive")
    yield Rule("SIGNATURE_COLLECTIVE.PREFIX", f"thay mặt tập thể viết «{profile.signature.collective_prefix}»", "signature.collective_prefix")
    yield Rule("SIGNATURE_AUTHORITY.PREFIX", "quyền hạn ký viết đúng chữ viết tắt của hồ sơ", "signature.prefixes")
    yield Rule("SIGNATURE_COLLECTIVE.MISSING", "cơ quan là tập thể ký thay mặt tập thể", "signature.collective_issuers", source="signature")
    yield Rule("SIGNATURE_AUTHORITY.PLACEMENT", "dòng ký thay dưới dòng thay mặt tập thể", "signature.authority_line_under_collective")
    yield Rule("SIGNATURE_POSITION.MISSING", "có khối chữ ký (chức vụ người ký)", "elements.signature_position")
    yield Rule("SIGNER_NAME.MISSING", "có họ tên người ký", "elements.signer_name")
    yield Rule("PAGE_NUMBER.MISSING", "có số trang từ trang 2 (không đếm được số trang)", "elements.page_number", "warning")
    yield Rule("PAGE_NUMBER.FIRST_PAGE", "không đánh số trang thứ nhất", "elements.page_number.first_page")
    place = "lề trên (đầu trang)" if profile.elements.page_number.position == "header" else "lề dưới (chân trang)"
    yield Rule("PAGE_NUMBER.POSITION", f"số trang ở {place}", "elements.page_number.position", source="elements.page_number")
    for name, placement in profile.mark_placement.items():
        mark = mark_element(name)
        where = f"mark_placement.{name}"
        if name == "drafter":
            yield Rule(f"{mark.code}.COPIES", f"{mark.label}: số bản viết «{profile.drafter_copies}»", "drafter_copies", source=mark.path)
        else:
            yield Rule(f"{mark.code}.TEXT", f"{mark.label}: chữ của dấu theo hồ sơ", "marks", source=mark.path)
        box = "có khung viền đơn" if placement.boxed else "không có khung"
        yield Rule(f"{mark.code}.BOX", f"{mark.label}: {box}", f"{where}.boxed", source=where)
        yield Rule(f"{mark.code}.SLOT", f"{mark.label}: đặt đúng vị trí của hồ sơ", f"{where}.slot", source=where)
    yield Rule("MARK.DRAFT", "không còn dấu DỰ THẢO (khi kiểm tra bản ban hành)", "marks", source="rule_refs.final")
    yield Rule("TEXT.PLACEHOLDER", "không còn phần chưa điền (<<CẦN ĐIỀN: …>>)", "", source="rule_refs.final")
    for code, title in _HYGIENE.items():
        yield Rule(code, title, "", "warning", source="rule_refs.text")


_SIDES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
_HYGIENE = {
    "TEXT.NFC": "văn bản ở dạng Unicode dựng sẵn (NFC, TCVN 6909:2001)",
    "TEXT.TONE_MIXED": "một kiểu đặt dấu thanh trong cả văn bản (ủy hoặc uỷ)",
    "TEXT.DOUBLE_SPACE": "không có hai dấu cách liền nhau",
    "TEXT.TRAILING_SPACE": "không có dấu cách cuối đoạn",
}


def _listed_line_rules(code: str, path: str, grammar: AddresseeGrammar | RecipientGrammar, what: str) -> Iterator[Rule]:
    """The two rules of a dashed list (Kính gửi, Nơi nhận): each line's prefix, and its end."""
    yield Rule(f"{code}.PREFIX", f"dòng {what} bắt đầu bằng «{grammar.prefix}»", f"{path}.prefix")
    yield Rule(
        f"{code}.LINE_END",
        f"dòng {what} kết thúc bằng «{grammar.line_end}», dòng cuối «{grammar.last_end}»",
        f"{path}.line_end",
    )


def rules(profile: Profile) -> dict[str, Rule]:
    """Every rule of a profile, by code (without the family prefix)."""
    out = {rule.code: rule for rule in _fixed_rules(profile)}
    for spec in element_specs(profile):
        style = lookup(profile, spec.path)
        for prop, (title, field_name) in STYLE_PROPERTIES.items():
            if style_rule_applies(style, prop):
                out[f"{spec.code}.{prop}"] = Rule(f"{spec.code}.{prop}", f"{spec.label}: {title}", f"{spec.path}.{field_name}")
    return out


def style_rule_applies(style: Style, prop: str) -> bool:
    """Spacing, indent and line spacing are checked only where the profile gives a range
    (body text); elsewhere those values are layout choices, not rules."""
    field_name = STYLE_PROPERTIES[prop][1]
    if "_range" in field_name:
        return getattr(style, field_name) is not None
    if prop == "CASE":
        return style.case != "as_typed"
    return True


_PATH_PART = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")


def lookup(profile: Profile, path: str) -> Any:
    """The value at a profile data path (``elements.headings[0].style``)."""
    value: Any = profile
    for part in path.split("."):
        match = _PATH_PART.fullmatch(part)
        if match is None:
            raise KeyError(path)
        name, index = match.groups()
        value = value[name] if isinstance(value, dict) else getattr(value, name)
        if index is not None:
            value = value[int(index)]
    return value


def source_of(profile: Profile, path: str) -> Sourced | None:
    """The nearest data along ``path`` that carries a ``ref`` and ``confidence``."""
    parts = path.split(".") if path else []
    while parts:
        try:
            value = lookup(profile, ".".join(parts))
        except (KeyError, AttributeError, IndexError, TypeError):
            value = None
        if isinstance(value, Sourced):
            return value
        style = getattr(value, "style", None)
        if isinstance(style, Sourced):  # a fixed line: its style's source
            return style
        parts.pop()
    return None


def severity_of(profile: Profile, rule: Rule) -> Severity:
    if rule.severity is not None:
        return rule.severity
    source = source_of(profile, rule.source_path)
    return "warning" if source is not None and source.confidence == "open" else "error"


def rule_id(profile: Profile, code: str) -> str:
    return f"{profile.family.upper()}.{code}"
