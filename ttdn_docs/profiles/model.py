"""The profile: one rule book as typed data.

A profile file (YAML) holds every number and wording rule; both the renderer and the
checker read it. Each style may carry ``ref`` (the article it comes from) and
``confidence`` (the tag of ``shared/spec/format-rules.md``: reg, excerpt, seen, code,
inferred, open) so that findings can cite their source.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ttdn_docs.admin.kinds import Confidentiality, DocumentKind, SignatureAuthority, Urgency
from ttdn_docs.layout.elements import MarkName as MarkName  # the registry's list of marks

Align = Literal["left", "center", "right", "justify"]
# "lower": chữ thường — typed as the author wrote it, only never all in capitals.
Case = Literal["as_typed", "upper", "sentence", "lower"]
Confidence = Literal["reg", "excerpt", "seen", "code", "inferred", "open", "tested"]


class _Data(BaseModel):
    # Built when first validated: a profile read from the disk cache (``loader``) is
    # never validated again, and ``check`` then never builds these models at all.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Sourced(_Data):
    """Where a rule comes from: an article reference and a confidence tag."""

    ref: str = ""
    confidence: Confidence = "inferred"


class Style(Sourced):
    """Formatting of one element: the value the renderer writes (``size``) and the range
    the checker accepts (``size_range``, defaulting to exactly ``size``)."""

    size: float = Field(gt=0, le=72)
    size_range: tuple[float, float] | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: Align = "left"
    case: Case = "as_typed"
    space_before: float = Field(default=0, ge=0)
    space_after: float = Field(default=0, ge=0)
    space_after_range: tuple[float, float] | None = None
    line_spacing: float = Field(default=1.0, ge=0.5, le=3)
    line_spacing_range: tuple[float, float] | None = None
    first_line_indent_cm: float = Field(default=0, ge=0, le=5)
    first_line_indent_range_cm: tuple[float, float] | None = None
    keep_with_next: bool = False

    @property
    def allowed_sizes(self) -> tuple[float, float]:
        return self.size_range or (self.size, self.size)

    @model_validator(mode="after")
    def _value_in_range(self) -> Style:
        for value, rng, name in (
            (self.size, self.size_range, "size"),
            (self.space_after, self.space_after_range, "space_after"),
            (self.line_spacing, self.line_spacing_range, "line_spacing"),
            (self.first_line_indent_cm, self.first_line_indent_range_cm, "first_line_indent_cm"),
        ):
            if rng is not None and not rng[0] <= value <= rng[1]:
                raise ValueError(f"{name} {value} is outside its own range {rng}")
        return self


class Separator(Sourced):
    """What stands under an element: a text (``*``, ``-----``) or a drawn line whose
    length is ``ratio`` × the width of the text above (accepted: ``ratio_range``)."""

    kind: Literal["text", "line"]
    text: str = ""
    ratio: float = Field(default=1.0, gt=0, le=1.5)
    ratio_range: tuple[float, float] = (0.9, 1.1)
    style: Style | None = None

    @model_validator(mode="after")
    def _text_has_style(self) -> Separator:
        if self.kind == "text" and (not self.text or self.style is None):
            raise ValueError("a text separator needs 'text' and 'style'")
        return self


class FixedLine(_Data):
    """A fixed header line (``ĐẢNG CỘNG SẢN VIỆT NAM``; Quốc hiệu; Tiêu ngữ)."""

    text: str
    style: Style


class HeadingLevel(_Data):
    """One numbered level: ``I.`` (upper-roman), ``1.`` (arabic), ``a)`` (alpha-vi);
    ``prefix`` before the number (``Điều 1.``)."""

    numbering: Literal["upper-roman", "arabic", "alpha-vi"]
    prefix: str = ""
    suffix: str
    style: Style


class BulletLevel(_Data):
    marker: str
    style: Style


class PageSetup(Sourced):
    width_mm: float
    height_mm: float
    orientation: Literal["portrait", "landscape"]
    margins_mm: dict[Literal["top", "bottom", "left", "right"], float]
    margin_ranges_mm: dict[Literal["top", "bottom", "left", "right"], tuple[float, float]]
    header_distance_mm: float

    @model_validator(mode="after")
    def _margins_complete(self) -> PageSetup:
        sides = {"top", "bottom", "left", "right"}
        if set(self.margins_mm) != sides or set(self.margin_ranges_mm) != sides:
            raise ValueError("margins_mm and margin_ranges_mm need top, bottom, left, right")
        for side, value in self.margins_mm.items():
            low, high = self.margin_ranges_mm[side]
            if not low <= value <= high:
                raise ValueError(f"margin {side} {value} mm is outside {low}-{high} mm")
        return self


class PageNumber(Sourced):
    """The page number: its style (size, alignment …), whether it stands in the page's
    header or footer, and whether page 1 shows it."""

    style: Style
    position: Literal["header", "footer"]
    first_page: bool


# Where a mark may stand. The template has a place for each slot: ``top`` before the
# header table, ``under_number`` in the left header cell after Số, ``under_place_date``
# in the right header cell after the date, ``after_recipients`` in the Nơi nhận cell.
MarkSlot = Literal["top", "under_number", "under_place_date", "after_recipients"]


class MarkPlacement(Sourced):
    """Where a supplementary mark (ô 10a độ mật, 10b độ khẩn, 12 người soạn thảo và số bản
    of ND 30; ``DỰ THẢO``) is printed and whether it stands in a single-line box (the
    decree's urgency stamp is a rectangle). Its style is ``elements.<name>_mark`` (or
    ``drafter_line``); the box is ``box_padding_pt`` wider than the text on each side."""

    slot: MarkSlot
    boxed: bool = False
    box_padding_pt: float = Field(default=3, ge=0, le=20)


class Layout(_Data):
    """Column widths (mm) of the borderless header and signature tables; not regulated."""

    header_columns_mm: tuple[float, float]
    signature_columns_mm: tuple[float, float]
    signature_blank_lines: int = Field(ge=0, le=10)


class NumberGrammar(Sourced):
    """``Số 04-KH/ĐU`` (Party) or ``Số: 04/KH-UBND`` (State).

    ``template`` uses ``{number}``, ``{type}``, ``{body}``; ``cong_van_template`` the same
    with ``{unit}``. ``blank`` stands in for a number the văn thư fills in by hand."""

    template: str
    cong_van_template: str
    digits: int = Field(ge=1, le=5)
    blank: str
    # Numbers run from 1 again in each period: ``calendar_year`` (1 January to 31
    # December, ND 30 art. 15) or ``term`` (the committee's term of office; its start
    # date is kept in the register of numbers). ``period_ref``: the article.
    period: Literal["calendar_year", "term"]
    period_ref: str = ""


class DateGrammar(Sourced):
    template: str
    padded_months: list[int]
    blank: str
    # A cited document's date in running text: ``số 08-HD/BTGDVTU, ngày 28/7/2025``
    # (comma) or ``số 72/2015/NĐ-CP ngày 7/9/2015`` (none), when the data does not say.
    citation_comma: bool


class RecipientGrammar(Sourced):
    """Nơi nhận lines: ``- TT Đảng ủy (để báo cáo),`` … ``- Lưu VPĐU.``"""

    label: str
    prefix: str
    line_end: str
    last_end: str
    purpose: str
    archive: str
    archive_join: str
    archive_fixed: list[str]
    # A report sent upward names the upper body under ``Kính gửi:`` (ND 30 PL I.II.9.b)
    # and then opens Nơi nhận with ``as_above``; Party reports do neither (seen S6a).
    upward_addressee: bool
    as_above: str


class AddresseeGrammar(Sourced):
    """Kính gửi lines, a grammar of their own (not Nơi nhận's): one addressee on the label
    line (``Kính gửi: Bộ Nội vụ``, ending ``single_end``), several as ``- Ban A;`` …
    ``- Ban B.`` under ``Kính gửi:``."""

    label: str
    prefix: str
    line_end: str
    last_end: str
    single_end: str


SignatureMeaning = Literal["collective", "deputy", "by_order", "by_authorization", "acting"]


class SignatureGrammar(Sourced):
    """Prefixes by meaning, and whether K/T etc. is written under a collective line.

    Party: a Phó Bí thư signs ``T/M BAN THƯỜNG VỤ`` / ``PHÓ BÍ THƯ`` (no K/T under a
    collective). State: ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``."""

    collective_prefix: str
    prefixes: dict[SignatureAuthority, str]
    authority_line_under_collective: bool
    # How a typist writes each prefix (``T/M``, ``T / M``, ``TM.``, ``TM``): the reader and
    # the importer recognise a signature line by these; the checker then asks for the
    # written form above. Each written prefix must be among its own meaning's forms.
    typed_prefixes: dict[SignatureMeaning, list[str]]
    # The word that starts a deputy's title (``Phó Bí thư``, ``Phó Chủ tịch``).
    deputy_word: str
    # Issuers that are collectives signing only on behalf of the collective (a cấp ủy):
    # the start of the issuer name; their deputy signs under the collective line, never
    # «K/T» alone.
    collective_issuers: list[str]

    def typed_prefixes_key(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``typed_prefixes`` as a hashable key (the reader's pattern is cached by it)."""
        return tuple((meaning, tuple(forms)) for meaning, forms in self.typed_prefixes.items())

    @model_validator(mode="after")
    def _written_prefixes_are_read(self) -> SignatureGrammar:
        written: dict[str, str] = {"collective": self.collective_prefix, **{k.value: v for k, v in self.prefixes.items()}}
        unread = [f"{meaning}: {prefix}" for meaning, prefix in written.items()
                  if prefix not in self.typed_prefixes.get(meaning, [])]  # type: ignore[call-overload]
        if unread:
            raise ValueError("'typed_prefixes' thiếu cách viết đang dùng: " + ", ".join(unread))
        return self


# Tables (e.g. an indicator table) are regulated by neither rule book; these defaults
# follow practice so that a profile file without table styles still loads.
# Constructed, not validated: validating at import would build every profile model in
# every process (tests/test_startup.py proves them equal to validated ones).
_TABLE_REF = "Không quy định; thực tiễn bảng số liệu"
_TABLE_STYLE: dict[str, Any] = {"size": 13.0, "align": "center", "space_before": 2.0, "space_after": 2.0, "ref": _TABLE_REF}
DEFAULT_TABLE_HEADER = Style.model_construct(**_TABLE_STYLE, bold=True)
DEFAULT_TABLE_CELL = Style.model_construct(**_TABLE_STYLE)
DEFAULT_TABLE_TOTAL = Style.model_construct(**_TABLE_STYLE, bold=True)


class TableFrame(Sourced):
    """A table's single lines (outside and between cells, ``border_pt`` wide) and the
    space between a cell's lines and its text on the left and right."""

    border_pt: float = Field(default=0.5, gt=0, le=6)
    cell_margin_mm: float = Field(default=1.5, ge=0, le=10)


Family = Literal["titled", "cong_van", "decision", "short_paper"]
FAMILIES: tuple[Family, ...] = ("titled", "cong_van", "decision", "short_paper")
# The slots of a page, top to bottom; a family's layout names the elements of each.
LayoutSlot = Literal["top", "header_left", "header_right", "title", "addressees", "body", "recipients", "signature", "annex"]
# Where each mark slot of ``mark_placement`` stands in the page's slots.
MARK_SLOT_IN: dict[MarkSlot, LayoutSlot] = {
    "top": "top", "under_number": "header_left", "under_place_date": "header_right", "after_recipients": "recipients",
}


class Enacting(Sourced):
    """The enacting line of a decision (``QUYẾT ĐỊNH:``; Party ``BAN THƯỜNG VỤ QUYẾT
    ĐỊNH``): ``template`` with ``{collective}`` (the collective the signer signs for, else
    the issuer), by type where a type has its own word (``nghi_quyet: QUYẾT NGHỊ:``)."""

    template: str = Field(min_length=1)
    by_type: dict[str, str] = Field(default_factory=dict)

    def for_type(self, key: str) -> str:
        return self.by_type.get(key, self.template)


class AuthorityLine(Sourced):
    """The line naming who decides (ND 30 PL III Mẫu 1.1 «THẨM QUYỀN BAN HÀNH»):
    ``collective`` when the signer signs for a collective, else ``person``; ``{issuer}``
    is the issuing body, ``{title}`` the head's title (or the signer's position)."""

    collective: str = Field(min_length=1)
    person: str = Field(min_length=1)


class BasisGrammar(Sourced):
    """Căn cứ lines: each ``prefix`` + text + ``line_end``, the last ``last_end``."""

    prefix: str
    line_end: str
    last_end: str


class FamilyLayout(Sourced):
    """The page of one document family: the ordered elements of each slot (element keys
    of ``ttdn_docs.layout.elements`` or ``LAYOUT_PARTS``), the body's section levels by
    depth (``heading_1``… or ``article``), whether Nơi nhận opens with ``as_above`` when
    the document has addressees, and a decision's căn cứ and enacting wording."""

    top: list[str]
    header_left: list[str] = Field(min_length=1)
    header_right: list[str] = Field(min_length=1)
    title: list[str]
    addressees: list[str]
    body: list[str] = Field(min_length=1)
    recipients: list[str]
    signature: list[str] = Field(min_length=1)
    annex: list[str]
    levels: list[str] = Field(min_length=1, max_length=3)
    as_above_first: bool
    # Before the trích yếu where the layout prints it under the number (``V/v ``).
    summary_prefix: str = ""
    bases: BasisGrammar | None = None
    enacting: Enacting | None = None
    authority_line: AuthorityLine | None = None

    def slot(self, name: LayoutSlot) -> list[str]:
        items: list[str] = getattr(self, name)
        return items

    def has(self, element: str) -> bool:
        """Whether the element stands anywhere on this family's page."""
        return any(element in self.slot(name) for name in SLOTS)


SLOTS: tuple[LayoutSlot, ...] = ("top", "header_left", "header_right", "title", "addressees", "body", "recipients", "signature", "annex")


class DocumentType(Sourced):
    """One document type (tên loại) of a rule book: the name printed in the title line
    (before casing), the abbreviation in the ký hiệu (``None``: the type has none, as a
    công văn under ND 30) and the layout family it is laid out by."""

    name: str = Field(min_length=1)
    abbreviation: str | None = Field(default=None, min_length=1)
    family: Family


class IssuingBody(Sourced):
    """A body of a commune that issues under this rule book (Đảng ủy, Ban Thường vụ, a chi
    bộ; UBND, HĐND, Ủy ban MTTQ): its header lines (``{commune}``, ``{province}`` and
    ``{unit}``, a chi bộ's own name, filled in), its abbreviation in the ký hiệu, who signs
    (the collective after T/M, the signer's post), the archive entry of Nơi nhận, whether
    it has a seal, and whether a deputy may sign for the head (K/T): never for a cấp ủy,
    a collective whose deputy signs T/M with his own post."""

    name: str = Field(min_length=1)
    superior: list[str] = Field(default_factory=list, max_length=3)
    lines: list[str] = Field(min_length=1, max_length=4)
    abbreviation: str = Field(min_length=1)
    collective: str | None = None
    position: str = Field(min_length=1)
    archive: list[str] = Field(min_length=1)
    seal: bool = True
    deputy_for_head: bool = True


class Elements(_Data):
    national_lines: list[FixedLine] = Field(min_length=1)
    national_separator: Separator
    superior: Style
    issuer: Style
    issuer_separator: Separator
    number: Style
    place_date: Style
    kind_title: Style
    summary: Style
    summary_separator: Separator
    addressee: Style
    body: Style
    headings: list[HeadingLevel] = Field(min_length=1, max_length=3)
    item: Style
    bullets: list[BulletLevel] = Field(min_length=1, max_length=2)
    recipients_label: Style
    recipient: Style
    signature_collective: Style
    signature_authority: Style
    signature_position: Style
    signer_name: Style
    page_number: PageNumber
    draft_mark: Style
    urgency_mark: Style
    confidentiality_mark: Style
    annex_title: Style
    drafter_line: Style
    # Annex heading beyond the title: the label line (``Phụ lục I``), the reference line
    # (``(Kèm theo Kế hoạch số …)``) and the line under it. Absent: the label takes the
    # title's style and there is no reference line or separator.
    annex_label: Style | None = None
    annex_reference: Style | None = None
    annex_separator: Separator | None = None
    # Elements of the families beyond the titled documents; a profile whose layouts name
    # one gives its style. ``cong_van_summary``: the «V/v …» line under the number;
    # ``basis``: a căn cứ line; ``enacting``: «QUYẾT ĐỊNH:»; ``article``: «Điều 1.».
    cong_van_summary: Style | None = None
    # ``authority``: the line naming who decides, above the căn cứ (``ỦY BAN NHÂN DÂN XÃ …``).
    authority: Style | None = None
    basis: Style | None = None
    enacting: Style | None = None
    article: HeadingLevel | None = None

    def mark_style(self, name: MarkName) -> Style:
        """The style of a supplementary mark, by the mark's name in ``mark_placement``
        (its field: the element registry's path)."""
        from ttdn_docs.layout.elements import mark_element

        path = mark_element(name).path
        assert path.startswith("elements.")
        style: Style = getattr(self, path.removeprefix("elements."))
        return style
    # Table cells: the header row, ordinary rows and a total row; a column's own
    # alignment (if any) overrides ``align`` of the cell and total styles.
    table_header: Style = DEFAULT_TABLE_HEADER
    table_cell: Style = DEFAULT_TABLE_CELL
    table_total: Style = DEFAULT_TABLE_TOTAL
    table_frame: TableFrame = Field(default_factory=lambda: TableFrame(ref=_TABLE_REF))


# Elements optional in ``Elements`` that a layout naming them needs.
_OWN_STYLES = frozenset({"cong_van_summary", "authority", "basis", "enacting"})


class Profile(_Data):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,63}$")
    title: str
    family: str
    sources: dict[str, str] = Field(default_factory=dict)
    page: PageSetup
    font: str
    layout: Layout
    elements: Elements
    number: NumberGrammar
    date: DateGrammar
    recipients: RecipientGrammar
    addressees: AddresseeGrammar
    signature: SignatureGrammar
    # Document types by key (``ke_hoach``, ``cong_van`` …); see ``DocumentType``.
    types: dict[str, DocumentType] = Field(min_length=1)
    # The page of each family the types use (``FamilyLayout``).
    layouts: dict[Family, FamilyLayout]
    body_end: str
    annex_numbering: Literal["upper-roman", "arabic"]
    annex_label: str
    # ``{kind}``, ``{symbol}`` (number and ký hiệu without ``Số``), ``{date}`` (``ngày 05
    # tháng 8 năm 2025``), ``{issuer}`` (the issuing body in running text); empty: no line.
    annex_reference: str
    # ``per_annex``: each annex is its own section whose pages count from 1 (ND 30 PL I
    # III.1.đ); ``continuous``: the annex pages go on counting from the main text.
    annex_page_numbering: Literal["continuous", "per_annex"]
    marks: dict[str, str] = Field(default_factory=dict)
    # The number of copies after the drafter's initials (ô 12 of ND 30: ``PL(300)``).
    drafter_copies: str = Field(pattern=r"\{copies\}")
    mark_placement: dict[MarkName, MarkPlacement] = Field(default_factory=dict)
    # The articles of rules that read no styled data: ``font`` (the typeface and the
    # Unicode code of TCVN 6909), ``text`` (text hygiene), so every finding names one.
    rule_refs: dict[str, Sourced] = Field(default_factory=dict)
    # The start of issuer names of the other rule book (a UBND under the Party header): a
    # document of such an issuer is checked against the wrong profile.
    other_family_issuers: list[str] = Field(default_factory=list)
    # The bodies of a commune that issue under this rule book, by key (``IssuingBody``):
    # ``init document --body`` writes the header and the signer from them, and a deputy's
    # K/T under a body that has none is refused.
    bodies: dict[str, IssuingBody] = Field(default_factory=dict)
    # `` - `` inside a body paragraph (``chính trị - xã hội``): ``no_break_space`` binds
    # the dash to the word before it, so no line of a paragraph starts with ``- `` and
    # reads as a bullet; ``as_typed`` leaves the space breakable.
    body_dash: Literal["no_break_space", "as_typed"]

    @model_validator(mode="after")
    def _placed_marks_have_words(self) -> Profile:
        # A placed mark must be printable in every value the model allows.
        needed = {
            "draft": ["draft"],
            "urgency": [u.value for u in Urgency],
            "confidentiality": [c.value for c in Confidentiality],
            "drafter": [],
        }
        missing = [w for name in self.mark_placement for w in needed[name] if w not in self.marks]
        if missing:
            raise ValueError("'marks' thiếu chữ cho: " + ", ".join(missing))
        return self

    @model_validator(mode="after")
    def _layouts_complete(self) -> Profile:
        from ttdn_docs.layout.elements import known_layout_names

        missing = sorted({t.family for t in self.types.values()} - set(self.layouts))
        if missing:
            raise ValueError("'layouts' thiếu bố cục cho nhóm: " + ", ".join(missing))
        known = known_layout_names()
        for family, layout in self.layouts.items():
            for slot in SLOTS:
                for name in layout.slot(slot):
                    if name not in known:
                        raise ValueError(f"layouts.{family}.{slot}: không có thành phần '{name}'")
                    if name in _OWN_STYLES and getattr(self.elements, name) is None:
                        raise ValueError(f"layouts.{family}.{slot} dùng '{name}' nhưng 'elements.{name}' chưa có")
            for level in layout.levels:
                if level == "article" and self.elements.article is None:
                    raise ValueError(f"layouts.{family}.levels dùng 'article' nhưng 'elements.article' chưa có")
            if "basis" in layout.body and layout.bases is None:
                raise ValueError(f"layouts.{family}: có 'basis' nhưng thiếu 'bases'")
            if "authority" in layout.body and layout.authority_line is None:
                raise ValueError(f"layouts.{family}: có 'authority' nhưng thiếu 'authority_line'")
            if "enacting" in layout.body and layout.enacting is None:
                raise ValueError(f"layouts.{family}: có 'enacting' nhưng thiếu 'enacting' (lời ban hành)")
        return self

    def layout_of(self, key: str | DocumentKind) -> FamilyLayout:
        """The layout of the type's family."""
        return self.layouts[self.family_of(key)]

    def document_type(self, key: str | DocumentKind) -> DocumentType:
        """The type entry of ``key`` (a key of ``types``); a Vietnamese error naming the
        key and the known types when the profile has no such type."""
        name = key.value if isinstance(key, DocumentKind) else key
        found = self.types.get(name)
        if found is None:
            from ttdn_docs.errors import ProfileError

            known = ", ".join(f"{k} ({t.name})" for k, t in self.types.items())
            raise ProfileError(
                f"Hồ sơ thể thức '{self.id}' không có loại văn bản '{name}' (types.{name}). "
                f"Các loại có: {known}"
            )
        return found

    def type_name(self, key: str | DocumentKind) -> str:
        """The type's name as the title line prints it before casing (``Kế hoạch``)."""
        return self.document_type(key).name

    def family_of(self, key: str | DocumentKind) -> Family:
        return self.document_type(key).family

    def abbreviation(self, kind: str | DocumentKind) -> str:
        entry = self.document_type(kind)
        if entry.abbreviation is None:
            from ttdn_docs.errors import ProfileError

            key = kind.value if isinstance(kind, DocumentKind) else kind
            raise ProfileError(
                f"Hồ sơ thể thức '{self.id}' không có chữ viết tắt cho loại văn bản "
                f"'{entry.name}' (types.{key}.abbreviation)"
            )
        return entry.abbreviation

    @property
    def type_abbreviations(self) -> dict[str, str]:
        """Every type key with an abbreviation → that abbreviation."""
        return {key: entry.abbreviation for key, entry in self.types.items() if entry.abbreviation is not None}
