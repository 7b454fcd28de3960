"""Checks of how the document looks: page setup, fonts, each element's style, separator
line lengths and page numbers. Every expected value is read from the profile."""

from __future__ import annotations

import re

from ttdn_docs.docxread.anatomy import MARK_KEYS as _MARK_KEYS
from ttdn_docs.docxread.anatomy import STRUCTURE_ROLES, Anatomy, FoundSeparator
from ttdn_docs.docxread.formatting import RunFormat
from ttdn_docs.docxread.view import DocxView, LineMark, Location, Para, ParaPart
from ttdn_docs.check.reporter import Reporter
from ttdn_docs.check.rules import FONT_SLOTS, style_rule_applies
from ttdn_docs.docxread.units import TWIPS_PER_MM, cm, mm
from ttdn_docs.ooxml_ns import W as _W
from ttdn_docs.profiles.model import Separator, Style
# The renderer sizes separator lines with these widths; the checker measures with the same.
from ttdn_docs.docxfacts.metrics import text_width_twips
from ttdn_docs.vn import upper
from ttdn_docs.vn.legacy import is_legacy_font

_ALIGN_WORDS = {"left": "trái", "center": "giữa", "right": "phải", "justify": "đều hai bên"}
_CASE_WORDS = {
    "upper": "IN HOA",
    "sentence": "viết hoa chữ cái đầu, còn lại chữ thường",
    "lower": "chữ thường (không viết toàn chữ in hoa)",
}
# Fewer letters than this in capitals may be an abbreviation (V/v, UBND), not a line typed
# in capitals.
_CAPITALS_MIN_LETTERS = 8
_PAGE_FIELD = re.compile(r"^\s*PAGE\b", re.IGNORECASE)
_SIZE_TOLERANCE = 0.01
_MM_TOLERANCE = 0.5
_CM_TOLERANCE = 0.02
_LINE_TOLERANCE = 0.01


def check_page(view: DocxView, reporter: Reporter) -> None:
    page = reporter.profile.page
    want = sorted((page.width_mm, page.height_mm))
    for index, section in enumerate(view.sections, start=1):
        where = Location("body", text=f"mục trang (section) {index}")
        got = sorted((mm(section.width), mm(section.height)))
        if any(abs(a - b) > 1 for a, b in zip(want, got)):
            reporter.add(
                "PAGE.SIZE", where, "Khổ giấy không đúng.",
                expected=f"{page.width_mm:g} × {page.height_mm:g} mm", found=f"{got[0]:.0f} × {got[1]:.0f} mm",
            )
        if index == 1 and section.orientation != page.orientation:
            reporter.add(
                "PAGE.ORIENTATION", where, "Trang đầu phải theo hướng quy định.",
                expected=_orientation(page.orientation), found=_orientation(section.orientation),
            )
        margins = {
            "top": section.top, "bottom": section.bottom, "left": section.left + section.gutter, "right": section.right,
        }
        for side, twips in margins.items():
            low, high = page.margin_ranges_mm[side]  # type: ignore[index]
            value = mm(twips)
            if not low - _MM_TOLERANCE <= value <= high + _MM_TOLERANCE:
                reporter.add(
                    f"PAGE.MARGIN_{side.upper()}", where, f"Lề {_SIDE_WORDS[side]} ngoài khoảng cho phép.",
                    expected=_range(low, high, "mm"), found=f"{value:.1f} mm",
                )


_SIDE_WORDS = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def _orientation(value: str) -> str:
    return "dọc" if value == "portrait" else "ngang"


def _range(low: float, high: float, unit: str) -> str:
    return f"{low:g} {unit}" if low == high else f"{low:g}–{high:g} {unit}"


def check_fonts(view: DocxView, reporter: Reporter) -> None:
    """Every run with text, in every story, on all four script slots."""
    font = reporter.profile.font
    paras = list(view.paragraphs) + [p for story in view.stories for p in story.paras]
    # The wrong slots of each distinct resolved font set (runs of one formatting share
    # one dict), judged once per file instead of once per run.
    verdicts: dict[int, tuple[dict[str, str | None], tuple[tuple[str, str, str | None], ...]]] = {}
    for para in paras:
        reported: set[str] = set()
        for run in para.runs:
            fonts = run.fonts
            verdict = verdicts.get(id(fonts))
            if verdict is None:
                verdict = verdicts[id(fonts)] = (fonts, _wrong_slots(fonts, font))
            if not verdict[1] or not run.text.strip():
                continue
            for slot, code, name in verdict[1]:
                if slot in reported:
                    continue
                if not _slot_draws(slot, run):
                    # The slot draws none of this text: the page is not changed. A font
                    # the run itself names there is still worth a warning (typing
                    # another script there would print it); one from the styles is not.
                    if slot in run.explicit_slots and name is not None:
                        reporter.add(
                            f"FONT.{code}", para,
                            f"Phông chữ {name} ở vùng ký tự {slot} (không dùng cho chữ Việt, trang in không đổi); nên đặt {font}.",
                            expected=font, found=name, severity="warning",
                        )
                        reported.add(slot)
                    continue
                if name is None:
                    reporter.add(
                        f"FONT.{code}", para, f"Không khai báo phông chữ ở vùng ký tự {slot}; máy khác có thể thay phông.",
                        expected=font, found="(không khai báo)", severity="warning",
                    )
                elif is_legacy_font(name):
                    reporter.add(
                        f"FONT.{code}", para,
                        f"Phông chữ {name} của bảng mã cũ (TCVN3/VNI) ở vùng ký tự {slot}: chuyển mã sang Unicode "
                        f"(Unikey: Ctrl+Shift+F6) rồi đặt phông {font}.",
                        expected=font, found=name,
                    )
                else:
                    reporter.add(f"FONT.{code}", para, f"Phông chữ sai ở vùng ký tự {slot}.", expected=font, found=name)
                reported.add(slot)


# East Asian (CJK, kana, hangul, full-width forms) and complex scripts (Hebrew, Arabic,
# Indic, Thai, Lao, Khmer …): the characters Word draws with the eastAsia and cs slots.
_EAST_ASIAN = re.compile("[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_COMPLEX = re.compile("[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _slot_draws(slot: str, run: RunFormat) -> bool:
    """Whether a script slot's font draws any of the run's text: Vietnamese letters use
    ascii/hAnsi; eastAsia only for East Asian characters or a ``w:hint="eastAsia"`` run,
    cs only for complex-script characters or a ``w:cs``/``w:rtl`` run."""
    if slot == "eastAsia":
        return run.east_asian_hint or _EAST_ASIAN.search(run.text) is not None
    if slot == "cs":
        return run.complex_script or _COMPLEX.search(run.text) is not None
    return True


def _wrong_slots(fonts: dict[str, str | None], font: str) -> tuple[tuple[str, str, str | None], ...]:
    """The script slots (with their rule code and font) that are not ``font``; an unset
    East Asian or complex-script slot is fine: Vietnamese text never uses it."""
    return tuple(
        (slot, code, fonts[slot]) for slot, code in FONT_SLOTS.items()
        if fonts[slot] != font and not (fonts[slot] is None and slot in ("eastAsia", "cs"))
    )


def check_styles(anatomy: Anatomy, reporter: Reporter) -> None:
    styles = reporter.element_styles
    # Several addressees stand one per line, the dashes under the colon of "Kính gửi:"
    # (ND 30 PL I.II.9.d): a block placed by indents, so a line's own alignment is free.
    block = len(anatomy.addressees) > 1
    # A title underlined to draw its separator line: the underline is that line, judged
    # by the separator's rules, not an underline fault of the title.
    drawn = {
        id(found.para) for found in (anatomy.national_separator, anatomy.issuer_separator, anatomy.summary_separator)
        if found is not None and found.line is not None and found.line.kind == "underline"
    }
    body = styles.get("body")
    # A boxed mark is centred in its box, the box placed by indents (mark_checks).
    boxed = {f"mark_{name}" for name, placement in reporter.profile.mark_placement.items() if placement.boxed}
    for key, para in [*anatomy.elements(), *anatomy.marks]:
        # Our own files mark the family elements (căn cứ, «QUYẾT ĐỊNH:», «Điều 1.») and
        # are judged by the profile's style of each; in anyone's file a căn cứ and the
        # enacting line are too, but «Điều 1.» often has only its number in bold and the
        # authority line is told only by its capitals.
        own_style = key in styles and (para.mark == key or key not in {"article", "authority"})
        if key in STRUCTURE_ROLES and not own_style:
            # A structural line (căn cứ, «QUYẾT ĐỊNH:», «Điều 1.», «Chương I») keeps its
            # own layout (italic, centred, a bold prefix only); it is set in the body's size.
            if body is not None:
                _check_size(reporter, body[0].code, body[0].label, para, body[1])
            continue
        found = styles.get(key)
        if found is None:
            continue
        spec, style = found
        check_style(
            reporter, spec.code, spec.label, para, style,
            align=not (block and key == "addressee") and key not in boxed, underline=id(para) not in drawn,
            # A mark's words are whole words (KHẨN, MẬT), never an abbreviation.
            capitals_min=1 if key in _MARK_KEYS else _CAPITALS_MIN_LETTERS,
        )


def check_style(
    reporter: Reporter, code: str, label: str, para: Para, style: Style, *, align: bool = True, underline: bool = True,
    capitals_min: int = _CAPITALS_MIN_LETTERS,
) -> None:
    """Size, bold, italic, underline, case and alignment of a paragraph; indent, spacing
    and line spacing where the profile gives a range."""
    runs = [r for r in para.runs if r.text.strip()]
    if not runs:
        return
    # The runs of a paragraph share a few formats: each is judged once.
    kinds = {(r.size, r.bold, r.italic, r.underline) for r in runs}
    low, high = style.allowed_sizes
    if not all(low - _SIZE_TOLERANCE <= kind[0] <= high + _SIZE_TOLERANCE for kind in kinds):
        _check_size(reporter, code, label, para, style, runs)  # names the first size out of range
    applies = _rules_applying(style)
    wants = (style.bold, style.italic, style.underline)
    found = {kind[1:] for kind in kinds}
    if not underline:
        found = {(bold, italic, style.underline) for bold, italic, _ in found}
    if found != {wants}:
        for index, (prop, yes, no) in enumerate(_TOGGLES):
            want = wants[index]
            if any(toggles[index] != want for toggles in found):
                reporter.add(f"{code}.{prop}", para, f"{label}: phải {yes if want else no}.", expected=yes if want else no, found=no if want else yes)
    if align and para.fmt.align != style.align and not (isinstance(para, ParaPart) and para.at_default_stop):
        reporter.add(
            f"{code}.ALIGN", para, f"{label}: căn lề không đúng.",
            expected=_ALIGN_WORDS[style.align], found=_ALIGN_WORDS[para.fmt.align],
        )
    if "CASE" in applies:
        shown = "".join(upper(r.text) if r.caps else r.text for r in runs).strip()
        if style.case == "upper":
            ok = shown == upper(shown)
        else:
            ok = not _all_capitals(shown, capitals_min) and (style.case == "lower" or _starts_upper(shown))
        if not ok:
            reporter.add(f"{code}.CASE", para, f"{label}: phải {_CASE_WORDS[style.case]}.", expected=_CASE_WORDS[style.case], found=shown[:40])
    if applies & _SPACING_RULES:
        _check_spacing(reporter, code, label, para, style, runs[0].size, applies)


# The rules of a style that apply only where the profile sets them, by style (kept with
# the style: an id reused by another object never returns another style's rules).
_OPTIONAL_RULES = ("CASE", "INDENT", "SPACE_AFTER", "LINE_SPACING")
_SPACING_RULES = frozenset({"INDENT", "SPACE_AFTER", "LINE_SPACING"})
_APPLYING: dict[int, tuple[Style, frozenset[str]]] = {}


def _rules_applying(style: Style) -> frozenset[str]:
    found = _APPLYING.get(id(style))
    if found is None or found[0] is not style:
        if len(_APPLYING) >= 1024:
            _APPLYING.clear()
        found = _APPLYING[id(style)] = (style, frozenset(p for p in _OPTIONAL_RULES if style_rule_applies(style, p)))
    return found[1]


def _check_size(reporter: Reporter, code: str, label: str, para: Para, style: Style, runs: list[RunFormat] | None = None) -> None:
    runs = runs if runs is not None else [r for r in para.runs if r.text.strip()]
    low, high = style.allowed_sizes
    bad = next((r.size for r in runs if not low - _SIZE_TOLERANCE <= r.size <= high + _SIZE_TOLERANCE), None)
    if bad is not None:
        reporter.add(f"{code}.SIZE", para, f"{label}: cỡ chữ không đúng.", expected=_range(low, high, "pt"), found=f"{bad:g} pt")


# Toggle rules in the order of the format tuple's fields after the size.
_TOGGLES = (
    ("BOLD", "đậm", "không đậm"),
    ("ITALIC", "nghiêng", "không nghiêng"),
    ("UNDERLINE", "gạch chân", "không gạch chân"),
)


def _all_capitals(text: str, least: int = _CAPITALS_MIN_LETTERS) -> bool:
    """A line typed in capitals: all its letters upper case, and at least ``least``."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= least and text == upper(text)


def _starts_upper(text: str) -> bool:
    first = next((c for c in text if c.isalpha()), "")
    return not first or first == first.upper()


def _check_spacing(
    reporter: Reporter, code: str, label: str, para: Para, style: Style, size: float, applies: frozenset[str],
) -> None:
    fmt = para.fmt
    # A list paragraph's indent comes from its numbering definition, not checked here
    # (BODY.AUTO_NUMBERING warns about such lists).
    if "INDENT" in applies and not fmt.numbered:
        low, high = style.first_line_indent_range_cm  # type: ignore[misc]
        value = cm(fmt.first_line)
        if not low - _CM_TOLERANCE <= value <= high + _CM_TOLERANCE:
            reporter.add(f"{code}.INDENT", para, f"{label}: thụt đầu dòng ngoài khoảng cho phép.", expected=_range(low, high, "cm"), found=f"{value:.2f} cm")
    if "SPACE_AFTER" in applies:
        # NĐ 30 PL I.II.6.e: «khoảng cách giữa các đoạn văn tối thiểu là 6pt» — a minimum
        # of the gap, typed as space before or after; the range's top is common practice
        # only, so a wider gap is a warning.
        low, high = style.space_after_range  # type: ignore[misc]
        gap = max(fmt.before, fmt.after)
        if gap < low - _SIZE_TOLERANCE:
            reporter.add(
                f"{code}.SPACE_AFTER", para, f"{label}: khoảng cách với đoạn kề (trước hoặc sau đoạn) nhỏ hơn mức tối thiểu.",
                expected=f"từ {low:g} pt", found=f"trước {fmt.before:g} pt, sau {fmt.after:g} pt",
            )
        elif gap > high + _SIZE_TOLERANCE:
            reporter.add(
                f"{code}.SPACE_AFTER", para, f"{label}: khoảng cách giữa các đoạn rộng hơn thông lệ.",
                expected=_range(low, high, "pt"), found=f"trước {fmt.before:g} pt, sau {fmt.after:g} pt", severity="warning",
            )
    if "LINE_SPACING" in applies:
        low, high = style.line_spacing_range  # type: ignore[misc]
        value = fmt.line_spacing(size)
        if not low - _LINE_TOLERANCE <= value <= high + _LINE_TOLERANCE:
            reporter.add(f"{code}.LINE_SPACING", para, f"{label}: giãn dòng ngoài khoảng cho phép.", expected=_range(low, high, "dòng"), found=f"{value:.2f} dòng")


def check_separator_lines(anatomy: Anatomy, reporter: Reporter) -> None:
    """Lengths of drawn separators, relative to the text above them."""
    e = reporter.profile.elements
    national = [p for p in anatomy.national if p is not None][-1:]
    for key, separator, above in (
        ("national_separator", e.national_separator, national),
        ("issuer_separator", e.issuer_separator, anatomy.issuer),
        ("summary_separator", e.summary_separator, [anatomy.summary] if anatomy.summary else []),
    ):
        found: FoundSeparator | None = getattr(anatomy, key)
        if separator.kind != "line" or found is None or found.line is None or not above:
            continue
        _check_line_length(reporter, key.upper(), separator, found, above)


def _check_line_length(reporter: Reporter, code: str, separator: Separator, found: FoundSeparator, above: list[Para]) -> None:
    line: LineMark = found.line  # type: ignore[assignment]
    low, high = separator.ratio_range
    if line.length is None:
        reporter.add(
            f"{code}.LENGTH", found.para, "Có đường kẻ nhưng không đo được độ dài (hình vẽ); hãy tự kiểm tra.",
            expected=f"{low:g}–{high:g} lần độ dài dòng chữ", found="không đo được", severity="warning",
        )
        return
    # "Độ dài của dòng chữ": a name on two lines leaves open which line; a length right
    # for either is right (the ratio is told against the longest).
    widths = [w for w in (_width(p) for p in above) if w > 0]
    if not widths:
        return
    ratios = [line.length / w for w in widths]
    ratio = ratios[widths.index(max(widths))]
    if not any(low - 0.01 <= r <= high + 0.01 for r in ratios):
        # A border is exact; a shape is drawn by hand and the text width estimated, so a
        # shape's length is only ever a warning.
        drawn = line.kind != "border"
        reporter.add(
            f"{code}.LENGTH", found.para,
            "Độ dài đường kẻ không đúng tỉ lệ với dòng chữ phía trên" + (" (đường kẻ vẽ tay, đo gần đúng)." if drawn else "."),
            expected=f"{low:g}–{high:g} lần", found=f"{ratio:.2f} lần ({line.length / TWIPS_PER_MM:.0f} mm)",
            severity="warning" if drawn else None,
        )


def _width(para: Para) -> int:
    """The width the text of a paragraph takes on one line (at most its container)."""
    runs = [r for r in para.runs if r.text]
    total = sum(text_width_twips(upper(r.text) if r.caps else r.text, r.size, r.bold) for r in runs)
    return min(total, para.container)


def check_page_numbers(view: DocxView, reporter: Reporter) -> None:
    """Page numbers: in the header or footer the profile names, aligned and styled as
    it says, never on page 1 (when the profile says so); a missing number is a warning
    (the checker cannot count pages)."""
    number = reporter.profile.elements.page_number
    title_page = view.sections[0].title_page
    page_paras = [(story, para) for story in view.stories for para in story.paras if _has_page_field(para)]
    wanted, other = _PAGE_PLACES[number.position], _PAGE_PLACES["footer" if number.position == "header" else "header"]
    for story, para in page_paras:
        if story.kind != number.position:
            reporter.add(
                "PAGE_NUMBER.POSITION", para, f"Số trang phải đặt ở {wanted}, không ở {other}.",
                expected=wanted, found=other,
            )
    headers = [(s, p) for s, p in page_paras if s.kind == number.position]
    if not headers and not page_paras:
        reporter.add("PAGE_NUMBER.MISSING", Location("header"), "Không có số trang (cần từ trang 2 nếu văn bản nhiều trang).")
    for _story, para in headers[:1]:
        check_style(reporter, "PAGE_NUMBER", "Số trang", para, number.style)
    if not number.first_page:
        shown_on_first = [
            (s, p) for s, p in page_paras
            if s.section == 1 and (s.use == "first" if title_page else s.use == "default")
        ]
        if shown_on_first:
            reporter.add(
                "PAGE_NUMBER.FIRST_PAGE", shown_on_first[0][1], "Trang thứ nhất không được đánh số trang.",
                expected="không có số ở trang 1", found="có số ở trang 1",
            )


_PAGE_PLACES = {"header": "lề trên (đầu trang)", "footer": "lề dưới (chân trang)"}


def _has_page_field(para: Para) -> bool:
    for simple in para.el.iter(f"{_W}fldSimple"):
        if _PAGE_FIELD.match(simple.get(f"{_W}instr", "")):
            return True
    instructions = "".join(t.text or "" for t in para.el.iter(f"{_W}instrText"))
    return bool(re.search(r"(^|\s)PAGE(\s|$)", instructions.upper()))
