"""The mutation corpus: clean rendered documents and single violations applied to them.

Run as a script to see every mutation and what the checker says of it::

    python tests/mutations.py [--hand-made] [PROFILE ...]

``--hand-made`` strips the style marks of our renderer first, so that every element must
be found by content and position, as in a file written in Word.

Each mutation breaks one rule of the profile it runs under, derived from that profile's
data (the other family's number grammar or signature prefix, a size just outside the
allowed range, a month padded against the date rule …), so the corpus covers every
built-in profile without knowing which ones exist. A mutation that cannot apply to a
profile (no end mark to remove) says so and is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docx_edit import (  # noqa: E402
    DocxEdit,
    W,
    ppr_child,
    qn,
    remove,
    set_font,
    set_size,
    set_text,
    set_toggle,
    set_underline,
    text,
    toggle_bold,
)

from ttdn_docs.admin import (  # noqa: E402
    AdminDocument,
    Authority,
    BulletItem,
    BulletList,
    DocNumber,
    DocumentKind,
    Paragraph,
    PlaceDate,
    Recipient,
    Recipients,
    Section,
    Signature,
    SignatureAuthority,
)
from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile  # noqa: E402
from ttdn_docs.render import render_docx  # noqa: E402


class NotApplicable(Exception):
    """The mutation has nothing to break under this profile."""


@dataclass(frozen=True)
class Mutation:
    name: str
    rule: str  # rule code without the family: PLACE_DATE.MONTH
    apply: Callable[[DocxEdit, Profile], None]
    also: frozenset[str] = field(default_factory=frozenset)  # other codes it may cause
    rule_for: Callable[[Profile], str] | None = None  # when the rule depends on the data

    def expected(self, profile: Profile) -> str:
        return self.rule_for(profile) if self.rule_for else self.rule


def corpus_document() -> AdminDocument:
    """A clean plan with every element the checker reads: three heading levels, items,
    both bullet levels, recipients with a purpose, a deputy signing for a collective.
    Spelling is consistent (new-style tone marks), so the clean files give no finding."""
    return AdminDocument(
        issuer=Authority(superior=["Đảng bộ thành phố Hải Phòng"], lines=["Đảng ủy xã Thanh Miện"], abbreviation="ĐU"),
        kind=DocumentKind.KE_HOACH,
        number=DocNumber(number=4, body="ĐU"),
        place_date=PlaceDate(place="Thanh Miện", date=dt.date(2025, 8, 5)),
        summary="công tác thông tin đối ngoại trên địa bàn xã năm 2025",
        body=[
            Paragraph(text="Thực hiện Hướng dẫn số 08-HD/BTGDVTU ngày 28/7/2025 của Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng, Đảng ủy xã xây dựng kế hoạch như sau:"),
            Section(title="Mục đích, yêu cầu", children=[
                Section(title="Mục đích", children=[Paragraph(text="Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về công tác thông tin đối ngoại.")]),
                Section(title="Yêu cầu", children=[BulletList(items=[
                    BulletItem(text="Bám sát chỉ đạo của cấp trên, phù hợp tình hình thực tế của xã.", items=["Có phân công cụ thể."]),
                    BulletItem(text="Phối hợp chặt chẽ giữa các tổ chức trong hệ thống chính trị."),
                ])]),
            ]),
            Section(title="Nội dung", children=[
                Section(title="Tuyên truyền", children=[
                    Section(text="Tuyên truyền trên hệ thống truyền thanh của xã."),
                    Section(text="Tuyên truyền trên trang thông tin điện tử của xã."),
                    Section(text="Tuyên truyền qua sinh hoạt chi bộ."),
                ]),
                Section(title="Quảng bá hình ảnh địa phương", children=[Paragraph(text="Giới thiệu sản phẩm, làng nghề và di tích của xã.")]),
            ]),
            Section(title="Tổ chức thực hiện", children=[
                Section(text="Ban Xây dựng Đảng chủ trì, theo dõi, đôn đốc thực hiện kế hoạch."),
                Section(text="Các chi bộ trực thuộc triển khai thực hiện và báo cáo kết quả."),
            ]),
            Paragraph(text="Trên đây là Kế hoạch công tác thông tin đối ngoại năm 2025 của Đảng ủy xã."),
        ],
        recipients=Recipients(
            items=[Recipient(name="Ban Tuyên giáo và Dân vận Thành ủy", purpose="để báo cáo"), Recipient(name="Các chi bộ trực thuộc")],
            archive=["VPĐU"],
        ),
        signature=Signature(
            collective="Ban Thường vụ", authority=SignatureAuthority.DEPUTY, head_title="Bí thư",
            position="Phó Bí thư", name="Nguyễn Văn An",
        ),
    )


def clean_docx(profile: Profile) -> bytes:
    return render_docx(corpus_document(), profile)


# -- data-derived wrong values ---------------------------------------------------------------


def _others(profile: Profile) -> list[Profile]:
    return [p for p in map(load_profile, builtin_profile_ids()) if p.family != profile.family]


def _toggle_colon_after(word: str, value: str) -> str:
    """``Số 04`` ↔ ``Số: 04``; ``Lưu VPĐU`` ↔ ``Lưu: VPĐU``."""
    if value.startswith(word + ":"):
        return word + value[len(word) + 1 :]
    return value.replace(word, word + ":", 1)


def _other_prefix(prefix: str, candidates: list[str]) -> str:
    """The same signature prefix written the other way: the other family's if there is
    one (``T/M`` ↔ ``TM.``), else by punctuation (slash ↔ final dot)."""
    letters = re.sub(r"[^A-ZĐ]", "", prefix)
    for candidate in candidates:
        if candidate != prefix and re.sub(r"[^A-ZĐ]", "", candidate) == letters:
            return candidate
    return f"{letters}." if "/" in prefix else f"{letters[0]}/{letters[1:]}"


def _outside(low: float, high: float) -> float:
    return high + 2


def _number_other_grammar(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("number")
    abbreviation = profile.abbreviation(DocumentKind.KE_HOACH)
    templates = [p.number.template for p in _others(profile) if p.number.template != profile.number.template]
    if templates:
        template = templates[0]
    else:  # no other family built in: the same grammar with "/" and "-" swapped
        template = profile.number.template.translate(str.maketrans({"/": "-", "-": "/"}))
    set_text(para, template.format(number="04", type=abbreviation, body="ĐU", unit="VP"))


def _number_colon(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("number")
    set_text(para, _toggle_colon_after("Số", text(para)))


def _number_unpadded(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("number")
    set_text(para, text(para).replace("04", "4", 1))


def _number_type_mismatch(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("number")
    own = profile.abbreviation(DocumentKind.KE_HOACH)
    other = profile.abbreviation(DocumentKind.BAO_CAO)
    set_text(para, text(para).replace(own, other, 1))


def _number_type_unknown(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("number")
    own = set(profile.type_abbreviations.values())
    foreign = sorted({a for p in _others(profile) for a in p.type_abbreviations.values()} - own)
    set_text(para, text(para).replace(profile.abbreviation(DocumentKind.KE_HOACH), foreign[0] if foreign else "XYZ", 1))


def _month_padding(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("place_date")
    match = re.search(r"tháng (\d+)", text(para))
    assert match
    month = int(match.group(1))
    wrong = str(month) if month in profile.date.padded_months else f"{month:02d}"
    set_text(para, text(para).replace(match.group(0), f"tháng {wrong}"))


def _day_unpadded(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("place_date")
    set_text(para, re.sub(r"ngày 0(\d)", r"ngày \1", text(para)))


def _date_no_comma(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("place_date")
    set_text(para, text(para).replace(", ngày", " ngày"))


def _separator_missing(element: str) -> Callable[[DocxEdit, Profile], None]:
    def apply(doc: DocxEdit, profile: Profile) -> None:
        remove(doc.para(element))

    return apply


def _separator_wrong(element: str) -> Callable[[DocxEdit, Profile], None]:
    def apply(doc: DocxEdit, profile: Profile) -> None:
        separator = getattr(profile.elements, element)
        para = doc.para(element)
        if separator.kind == "text":
            set_text(para, separator.text * 3 if len(separator.text) == 1 else separator.text[:-2])
        else:  # a line half as long as the shortest the ratio allows
            ind = ppr_child(para, "ind")
            side = int(ind.get(qn("left")))
            length = _line_length(doc, para, side)
            shorter = length * separator.ratio_range[0] / (2 * separator.ratio)
            for attr in ("left", "right"):
                ind.set(qn(attr), str(round(side + (length - shorter) / 2)))

    return apply


def _line_length(doc: DocxEdit, para, side: int) -> float:  # type: ignore[no-untyped-def]
    """Length of a border line drawn by our renderer: its container less both indents."""
    cell = para.getparent()
    width = cell.find(f"{W}tcPr/{W}tcW")
    if width is not None:
        container = int(width.get(qn("w")))
    else:
        size, margins = doc.section().find(qn("pgSz")), doc.section().find(qn("pgMar"))
        container = int(size.get(qn("w"))) - int(margins.get(qn("left"))) - int(margins.get(qn("right")))
    return container - 2 * side


def _separator_rule(element: str) -> Callable[[Profile], str]:
    def rule(profile: Profile) -> str:
        kind = getattr(profile.elements, element).kind
        return f"{element.upper()}.{'TEXT' if kind == 'text' else 'LENGTH'}"

    return rule


def _flip(element: str, tag: str, index: int = 0) -> Callable[[DocxEdit, Profile], None]:
    def apply(doc: DocxEdit, profile: Profile) -> None:
        para = doc.para(element, index)
        if tag == "b":
            toggle_bold(para)
        elif tag == "u":
            style = _style_of(profile, element)
            set_underline(para, not style.underline)
        else:
            style = _style_of(profile, element)
            set_toggle(para, tag, not getattr(style, {"i": "italic"}[tag]))

    return apply


def _style_of(profile: Profile, element: str):  # type: ignore[no-untyped-def]
    from ttdn_docs.check.rules import element_specs, lookup

    spec = next(s for s in element_specs(profile) if s.key == element or (element == "national" and s.key == "national_1"))
    return lookup(profile, spec.path)


def _size_outside(element: str) -> Callable[[DocxEdit, Profile], None]:
    def apply(doc: DocxEdit, profile: Profile) -> None:
        low, high = _style_of(profile, element).allowed_sizes
        set_size(doc.para(element), high + 2)

    return apply


def _body_size_small(doc: DocxEdit, profile: Profile) -> None:
    low, _high = profile.elements.body.allowed_sizes
    set_size(doc.para("body"), low - 1)


def _lower_case(element: str) -> Callable[[DocxEdit, Profile], None]:
    def apply(doc: DocxEdit, profile: Profile) -> None:
        para = doc.para(element)
        value = text(para)
        set_text(para, value[:1] + value[1:].lower())

    return apply


def _signature_prefix(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("signature_collective")
    prefix = profile.signature.collective_prefix
    other = _other_prefix(prefix, [p.signature.collective_prefix for p in _others(profile)])
    set_text(para, text(para).replace(prefix, other, 1))


def _authority_placement(doc: DocxEdit, profile: Profile) -> None:
    grammar = profile.signature
    if grammar.authority_line_under_collective:
        remove(doc.para("signature_authority"))
    else:
        from copy import deepcopy

        collective = doc.para("signature_collective")
        line = deepcopy(collective)
        line.find(f"{W}pPr/{W}pStyle").set(qn("val"), "TTDNQuyenhankythay")
        set_text(line, f"{grammar.prefixes['deputy']} BÍ THƯ")  # type: ignore[index]
        collective.addnext(line)


def _recipient_line_end(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("recipient")
    end = profile.recipients.line_end
    others = [p.recipients.line_end for p in _others(profile) if p.recipients.line_end != end]
    wrong = others[0] if others else ("," if end == ";" else ";")
    value = text(para)
    set_text(para, value[: -len(end)] + wrong)


def _recipient_no_dash(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("recipient")
    set_text(para, text(para).removeprefix(profile.recipients.prefix))


def _archive_missing(doc: DocxEdit, profile: Profile) -> None:
    remove(doc.paras("recipient")[-1])


def _archive_wrong(doc: DocxEdit, profile: Profile) -> None:
    para = doc.paras("recipient")[-1]
    keyword = profile.recipients.archive.split("{")[0].strip(" :")
    set_text(para, _toggle_colon_after(keyword, text(para)))


def _label_text(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("recipients_label")
    set_text(para, profile.recipients.label.rstrip(":"))


def _label_missing(doc: DocxEdit, profile: Profile) -> None:
    remove(doc.para("recipients_label"))


def _page_number_first_page(doc: DocxEdit, profile: Profile) -> None:
    if profile.elements.page_number.first_page:
        raise NotApplicable("the profile numbers page 1")
    title = doc.section().find(qn("titlePg"))
    title.getparent().remove(title)


def _page_number_align(doc: DocxEdit, profile: Profile) -> None:
    ppr_child(doc.para("page_number"), "jc").set(qn("val"), "left")


def _page_number_missing(doc: DocxEdit, profile: Profile) -> None:
    para = doc.para("page_number")
    for run in list(para.iter(qn("r"))):
        run.getparent().remove(run)


def _renumber(element: str, index: int, new_symbol: str | None = None, suffix: str | None = None) -> Callable[[DocxEdit, Profile], None]:
    def apply(doc: DocxEdit, profile: Profile) -> None:
        para = doc.para(element, index)
        value = text(para)
        match = re.match(r"^(\w+)([.)\-/])", value)
        assert match, value
        symbol = new_symbol if new_symbol is not None else match.group(1)
        level = profile.elements.headings[int(element[-1]) - 1] if element.startswith("heading") else None
        end = suffix if suffix is not None else match.group(2)
        if suffix == "other":
            end = next(s for s in ".)-" if level is None or s != level.suffix)
        set_text(para, symbol + end + value[match.end() :])

    return apply


def _item_skip(doc: DocxEdit, profile: Profile) -> None:
    """Second điểm (``b)``) written as the third (``c)``)."""
    level = profile.elements.headings[2]
    items = [p for p in doc.paras("item") if re.match(r"^[a-zđ]" + re.escape(level.suffix), text(p))]
    value = text(items[1])
    set_text(items[1], "c" + value[1:])


def _body_align(doc: DocxEdit, profile: Profile) -> None:
    wrong = "left" if profile.elements.body.align != "left" else "center"
    ppr_child(doc.para("body"), "jc").set(qn("val"), wrong)


def _body_indent(doc: DocxEdit, profile: Profile) -> None:
    ppr_child(doc.para("body"), "ind").set(qn("firstLine"), "0")


def _body_line_spacing(doc: DocxEdit, profile: Profile) -> None:
    _low, high = profile.elements.body.line_spacing_range or (1, 1)
    ppr_child(doc.para("body"), "spacing").set(qn("line"), str(round((high + 0.5) * 240)))


def _body_space_after(doc: DocxEdit, profile: Profile) -> None:
    low, _high = profile.elements.body.space_after_range or (0, 0)
    if low <= 0:
        raise NotApplicable("no minimum spacing")
    ppr_child(doc.para("body"), "spacing").set(qn("after"), "0")


def _body_end(doc: DocxEdit, profile: Profile) -> None:
    if not profile.body_end:
        raise NotApplicable("the profile has no end mark")
    para = doc.paras("body")[-1]
    set_text(para, text(para).removesuffix(profile.body_end) + ".")


def _body_text(change: Callable[[str], str]) -> Callable[[DocxEdit, Profile], None]:
    def apply(doc: DocxEdit, profile: Profile) -> None:
        para = doc.para("body", 1)
        set_text(para, change(text(para)))

    return apply


def _kind_title_missing(doc: DocxEdit, profile: Profile) -> None:
    remove(doc.para("kind_title"))


def _summary_missing(doc: DocxEdit, profile: Profile) -> None:
    remove(doc.para("summary"))


def _national_missing(doc: DocxEdit, profile: Profile) -> None:
    remove(doc.para("national"))


def _font(slot: str, name: str) -> Callable[[DocxEdit, Profile], None]:
    def apply(doc: DocxEdit, profile: Profile) -> None:
        set_font(doc.para("body"), slot, name)

    return apply


def _margin(side: str, beyond: str) -> Callable[[DocxEdit, Profile], None]:
    def apply(doc: DocxEdit, profile: Profile) -> None:
        low, high = profile.page.margin_ranges_mm[side]  # type: ignore[index]
        value = high + 5 if beyond == "high" else low - 5
        doc.section().find(qn("pgMar")).set(qn(side), str(round(value * 1440 / 25.4)))

    return apply


def _page_letter(doc: DocxEdit, profile: Profile) -> None:
    size = doc.section().find(qn("pgSz"))
    size.set(qn("w"), "12240")
    size.set(qn("h"), "15840")


def _landscape(doc: DocxEdit, profile: Profile) -> None:
    size = doc.section().find(qn("pgSz"))
    width, height = size.get(qn("w")), size.get(qn("h"))
    size.set(qn("w"), height)
    size.set(qn("h"), width)
    size.set(qn("orient"), "landscape")


# A page whose text width changes lengthens a line drawn across it (under the summary).
_TEXT_WIDTH_CHANGES = frozenset({"SUMMARY_SEPARATOR.LENGTH"})

MUTATIONS: list[Mutation] = [
    Mutation("font ascii Arial", "FONT.ASCII", _font("ascii", "Arial")),
    Mutation("font eastAsia SimSun", "FONT.EASTASIA", _font("eastAsia", "SimSun")),
    Mutation("font cs Arial", "FONT.CS", _font("cs", "Arial")),
    Mutation("left margin above its range", "PAGE.MARGIN_LEFT", _margin("left", "high"), _TEXT_WIDTH_CHANGES),
    Mutation("top margin below its range", "PAGE.MARGIN_TOP", _margin("top", "low")),
    Mutation("right margin above its range", "PAGE.MARGIN_RIGHT", _margin("right", "high"), _TEXT_WIDTH_CHANGES),
    Mutation("Letter paper", "PAGE.SIZE", _page_letter),
    Mutation("landscape first page", "PAGE.ORIENTATION", _landscape, _TEXT_WIDTH_CHANGES),
    Mutation("month padded against the date rule", "PLACE_DATE.MONTH", _month_padding),
    Mutation("day not padded", "PLACE_DATE.DAY", _day_unpadded),
    Mutation("no comma after the place", "PLACE_DATE.FORMAT", _date_no_comma),
    Mutation("place and date not italic", "PLACE_DATE.ITALIC", _flip("place_date", "i")),
    Mutation("number in the other family's grammar", "NUMBER.FORMAT", _number_other_grammar),
    Mutation("colon after Số toggled", "NUMBER.FORMAT", _number_colon),
    Mutation("number not zero-padded", "NUMBER.PADDING", _number_unpadded),
    Mutation("type abbreviation of another kind", "NUMBER.TYPE", _number_type_mismatch),
    Mutation("type abbreviation foreign to the profile", "NUMBER.TYPE", _number_type_unknown),
    Mutation("no separator under the issuer", "ISSUER_SEPARATOR.MISSING", _separator_missing("issuer_separator")),
    Mutation("wrong separator under the issuer", "", _separator_wrong("issuer_separator"), rule_for=_separator_rule("issuer_separator")),
    Mutation("no line under the national lines", "NATIONAL_SEPARATOR.MISSING", _separator_missing("national_separator")),
    Mutation("wrong line under the national lines", "", _separator_wrong("national_separator"), rule_for=_separator_rule("national_separator")),
    Mutation("no separator under the summary", "SUMMARY_SEPARATOR.MISSING", _separator_missing("summary_separator")),
    Mutation("wrong separator under the summary", "", _separator_wrong("summary_separator"), rule_for=_separator_rule("summary_separator")),
    Mutation("national line missing", "NATIONAL_1.MISSING", _national_missing, frozenset({"NATIONAL_SEPARATOR.MISSING"})),
    Mutation("national line not bold", "NATIONAL_1.BOLD", _flip("national", "b")),
    Mutation("superior bold flipped", "SUPERIOR.BOLD", _flip("superior", "b")),
    Mutation("issuer bold flipped", "ISSUER.BOLD", _flip("issuer", "b")),
    Mutation("title not bold", "KIND_TITLE.BOLD", _flip("kind_title", "b")),
    Mutation("title size outside its range", "KIND_TITLE.SIZE", _size_outside("kind_title")),
    Mutation("title in lower case", "KIND_TITLE.CASE", _lower_case("kind_title")),
    Mutation("title missing", "KIND_TITLE.MISSING", _kind_title_missing, frozenset({"BODY.ALIGN", "BODY.INDENT", "BODY.SIZE", "BODY.BOLD", "BODY.SPACE_AFTER", "BODY.LINE_SPACING"})),
    Mutation("summary missing", "SUMMARY.MISSING", _summary_missing),
    Mutation("summary not bold", "SUMMARY.BOLD", _flip("summary", "b")),
    Mutation("collective prefix of the other family", "SIGNATURE_COLLECTIVE.PREFIX", _signature_prefix),
    Mutation("deputy line against the profile's placement rule", "SIGNATURE_AUTHORITY.PLACEMENT", _authority_placement),
    Mutation("position bold flipped", "SIGNATURE_POSITION.BOLD", _flip("signature_position", "b")),
    Mutation("signer name not bold", "SIGNER_NAME.BOLD", _flip("signer_name", "b")),
    Mutation("recipient line with the wrong ending", "RECIPIENT.LINE_END", _recipient_line_end),
    Mutation("recipient line without its dash", "RECIPIENT.PREFIX", _recipient_no_dash),
    Mutation("archive line missing", "RECIPIENT.ARCHIVE", _archive_missing, frozenset({"RECIPIENT.LINE_END"})),
    Mutation("archive line with colon toggled", "RECIPIENT.ARCHIVE", _archive_wrong),
    Mutation("Nơi nhận label without colon", "RECIPIENTS_LABEL.TEXT", _label_text),
    Mutation("Nơi nhận label missing", "RECIPIENTS_LABEL.MISSING", _label_missing),
    Mutation("Nơi nhận underline flipped", "RECIPIENTS_LABEL.UNDERLINE", _flip("recipients_label", "u")),
    Mutation("recipient size outside its range", "RECIPIENT.SIZE", _size_outside("recipient")),
    Mutation("page number on page 1", "PAGE_NUMBER.FIRST_PAGE", _page_number_first_page),
    Mutation("page number not centred", "PAGE_NUMBER.ALIGN", _page_number_align),
    Mutation("no page number", "PAGE_NUMBER.MISSING", _page_number_missing),
    Mutation("mục number skipped", "HEADING_1.SEQUENCE", _renumber("heading_1", 1, new_symbol="III")),
    Mutation("khoản number repeated", "HEADING_2.SEQUENCE", _renumber("heading_2", 1, new_symbol="1")),
    Mutation("điểm letter skipped", "HEADING_3.SEQUENCE", _item_skip),
    Mutation("mục suffix of another style", "HEADING_1.SUFFIX", _renumber("heading_1", 0, suffix="other")),
    Mutation("mục title in lower case", "HEADING_1.CASE", _lower_case("heading_1")),
    Mutation("khoản title not bold", "HEADING_2.BOLD", _flip("heading_2", "b")),
    Mutation("body not justified", "BODY.ALIGN", _body_align),
    Mutation("body without first-line indent", "BODY.INDENT", _body_indent),
    Mutation("body line spacing too wide", "BODY.LINE_SPACING", _body_line_spacing),
    Mutation("body without spacing after", "BODY.SPACE_AFTER", _body_space_after),
    Mutation("body size below its range", "BODY.SIZE", _body_size_small),
    Mutation("body end mark missing", "BODY.END", _body_end),
    Mutation("double space", "TEXT.DOUBLE_SPACE", _body_text(lambda t: t.replace(" ", "  ", 1))),
    Mutation("trailing space", "TEXT.TRAILING_SPACE", _body_text(lambda t: t + " ")),
    Mutation("decomposed (NFD) text", "TEXT.NFC", _body_text(lambda t: unicodedata.normalize("NFD", t))),
    Mutation("old and new tone marks mixed", "TEXT.TONE_MIXED", _body_text(lambda t: t.replace("nhận thức", "nhận thức của Ủy ban, uỷ viên"))),
]


def mutated(clean: bytes, mutation: Mutation, profile: Profile, *, hand_made: bool = False) -> bytes:
    doc = DocxEdit(clean)
    mutation.apply(doc, profile)
    if hand_made:
        doc.strip_marks()
    return doc.to_bytes()


def hand_made(clean: bytes) -> bytes:
    doc = DocxEdit(clean)
    doc.strip_marks()
    return doc.to_bytes()


# -- the corpus of one test session ----------------------------------------------------------
# Rendered and mutated once per process, whichever test file asks first
# (test_check_mutations, test_interning): building it is most of their cost.


@cache
def clean_file(profile_id: str) -> bytes:
    return clean_docx(load_profile(profile_id))


@cache
def _corpus_entry(profile_id: str, mutation_name: str, strip_marks: bool) -> bytes | str:
    mutation = next(m for m in MUTATIONS if m.name == mutation_name)
    try:
        return mutated(clean_file(profile_id), mutation, load_profile(profile_id), hand_made=strip_marks)
    except NotApplicable as exc:
        return str(exc)


def corpus_file(profile_id: str, mutation: Mutation, *, strip_marks: bool = False) -> bytes:
    """The clean file of ``profile_id`` with ``mutation`` applied (marks stripped when
    ``strip_marks``), made once per session; ``NotApplicable`` as ``mutated`` raises it."""
    entry = _corpus_entry(profile_id, mutation.name, strip_marks)
    if isinstance(entry, str):
        raise NotApplicable(entry)
    return entry


def main(argv: list[str]) -> int:
    from ttdn_docs.check import check_docx

    strip = "--hand-made" in argv
    profiles = [a for a in argv if not a.startswith("--")] or builtin_profile_ids()
    for profile_id in profiles:
        profile = load_profile(profile_id)
        clean = clean_docx(profile)
        shown = hand_made(clean) if strip else clean
        print(f"== {profile.id}: clean file → {[f.rule for f in check_docx(shown, profile)]}")
        for mutation in MUTATIONS:
            try:
                data = mutated(clean, mutation, profile, hand_made=strip)
            except NotApplicable as exc:
                print(f"  -- {mutation.name}: not applicable ({exc})")
                continue
            rules = sorted({f.rule for f in check_docx(data, profile)})
            print(f"  {mutation.name}: {', '.join(rules) or '(none)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
