"""The corpus of hand-typed documents: the ways offices really type a plan in Word.

Each ``Variant`` is one document built with python-docx (no renderer, no style marks):
the header as a borderless table, with tab stops or in two text boxes; headings numbered
by hand or by Word's numbering button; empty paragraphs for spacing; Nơi nhận in a table
or as paragraphs; Times New Roman on the styles or on the runs only; a ``.VnTime`` font
left from the TCVN3 era; number and date lines typed in the right and the common wrong
forms. Each is labelled with what a careful reviewer finds: the error rules, exactly, and
the warnings that must be among the findings. ``scripts/build_corpus.py`` writes them to
``tests/corpus/`` with ``labels.yaml`` and LibreOffice-resaved copies.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph
from handmade import _ALIGN, _NS, EMU_PER_TWIP, HandMade

from ttdn_docs.profiles import Profile, Style, load_profile
from ttdn_docs.docxfacts.metrics import text_width_twips


@dataclass(frozen=True)
class Variant:
    name: str
    profile: str  # party | state
    note: str  # what the document shows (for labels.yaml)
    header: str = "table"  # table | tabs | textboxes
    numbering: str = "typed"  # typed | auto
    spacing: bool = False  # empty paragraphs between the parts
    recipients: str = "table"  # table | paragraphs | tabs
    fonts: str = "styles"  # styles | runs | vntime
    bullets: str = "typed"  # typed | word (Word's bullet button)
    retype: tuple[tuple[str, str], ...] = ()  # (line as the profile writes it, as typed)
    normal_size: float | None = None  # Normal's size when the office changed it
    number: str | None = None  # the number line as typed (default: the profile's form)
    date: str | None = None  # the place-date line as typed
    errors: tuple[str, ...] = ()  # rule codes without the family, exactly these errors
    warnings: tuple[str, ...] = field(default=())  # rule codes that must be among the warnings


VARIANTS: list[Variant] = [
    Variant("party-table", "party", "đầu văn bản bằng bảng không viền, định dạng trên style"),
    Variant("state-table", "state", "đầu văn bản bằng bảng không viền, định dạng trên style"),
    Variant("party-tabs", "party", "đầu văn bản gõ bằng phím Tab và điểm dừng tab giữa", header="tabs"),
    Variant("state-tabs", "state", "đầu văn bản gõ bằng phím Tab và điểm dừng tab giữa", header="tabs"),
    Variant("party-textboxes", "party", "đầu văn bản trong hai khung chữ (text box)", header="textboxes"),
    Variant("state-textboxes", "state", "đầu văn bản trong hai khung chữ (text box)", header="textboxes"),
    Variant("party-auto-numbering", "party", "đề mục đánh số tự động của Word (I., 1., a))", numbering="auto"),
    Variant("state-auto-numbering", "state", "đề mục đánh số tự động của Word (I., 1., a))", numbering="auto"),
    Variant("party-spacing", "party", "dòng trống để giãn cách giữa các phần", spacing=True),
    Variant("state-spacing", "state", "dòng trống để giãn cách giữa các phần", spacing=True),
    Variant("party-recipients-paragraphs", "party", "chữ ký và nơi nhận gõ thành đoạn, không dùng bảng", recipients="paragraphs"),
    Variant("state-recipients-paragraphs", "state", "chữ ký và nơi nhận gõ thành đoạn, không dùng bảng", recipients="paragraphs", spacing=True),
    Variant("party-signature-tabs", "party", "nơi nhận bên trái, chữ ký bên phải gõ bằng phím Tab, không dùng bảng",
            recipients="tabs"),
    Variant("state-signature-tabs", "state", "nơi nhận bên trái, chữ ký bên phải gõ bằng phím Tab, không dùng bảng",
            recipients="tabs", header="tabs"),
    Variant("party-run-fonts", "party", "phông Times New Roman đặt trên từng đoạn chữ, style Normal để mặc định", fonts="runs"),
    Variant("state-run-fonts", "state", "phông Times New Roman đặt trên từng đoạn chữ, style Normal để mặc định", fonts="runs", header="tabs"),
    Variant("party-number-blank", "party", "số để trống chờ điền tay khi ban hành", number="Số    -KH/ĐU"),
    Variant("state-number-blank", "state", "số để trống chờ điền tay khi ban hành", number="Số:      /KH-UBND"),
    # -- mistakes -------------------------------------------------------------------------
    Variant("party-vntime", "party", "đoạn dán từ văn bản cũ còn phông .VnTime (TCVN3)", fonts="vntime",
            errors=("FONT.ASCII", "FONT.HANSI")),
    Variant("state-vntime", "state", "đoạn dán từ văn bản cũ còn phông .VnTime (TCVN3)", fonts="vntime", header="tabs",
            errors=("FONT.ASCII", "FONT.HANSI")),
    Variant("party-number-colon", "party", "«Số:» có dấu hai chấm (mẫu của Nhà nước) trong văn bản Đảng",
            number="Số: 04-KH/ĐU", errors=("NUMBER.FORMAT",)),
    Variant("state-number-no-colon", "state", "«Số» thiếu dấu hai chấm", number="Số 04/KH-UBND", errors=("NUMBER.FORMAT",)),
    Variant("party-month-padded", "party", "tháng 8 viết «08»", date="Thanh Miện, ngày 05 tháng 08 năm 2025",
            errors=("PLACE_DATE.MONTH",), header="tabs"),
    Variant("state-month-padded", "state", "tháng 8 viết «08»", date="Thanh Miện, ngày 05 tháng 08 năm 2025",
            errors=("PLACE_DATE.MONTH",), header="textboxes"),
    Variant("party-day-unpadded", "party", "ngày 5 không thêm số 0", date="Thanh Miện, ngày 5 tháng 8 năm 2025",
            errors=("PLACE_DATE.DAY",), numbering="auto"),
    Variant("state-date-digits", "state", "ngày tháng viết bằng số «05/8/2025»", date="Thanh Miện, 05/8/2025",
            errors=("PLACE_DATE.FORMAT",), recipients="paragraphs"),
    Variant("party-numbering-restarted", "party", "đánh số tự động bị bắt đầu lại: mục thứ hai lại là «I.»",
            numbering="auto-restart", errors=("HEADING_1.SEQUENCE",)),
    Variant("party-word-bullets", "party", "gạch đầu dòng bằng nút bullet của Word (chấm tròn)", bullets="word",
            warnings=("BODY.AUTO_NUMBERING",)),
    Variant("party-label-no-colon", "party", "«Nơi nhận» thiếu dấu hai chấm", retype=(("Nơi nhận:", "Nơi nhận"),),
            errors=("RECIPIENTS_LABEL.TEXT",), recipients="paragraphs"),
    Variant("party-state-prefix", "party", "văn bản Đảng ký «TM.» theo mẫu Nhà nước",
            retype=(("T/M BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ"),), errors=("SIGNATURE_COLLECTIVE.PREFIX",), header="tabs"),
    Variant("state-normal-13", "state", "style Normal cỡ 12 (mặc định cũ của máy)", normal_size=12,
            errors=("BODY.SIZE", "BULLET_1.SIZE")),
    Variant("party-date-no-comma", "party", "thiếu dấu phẩy sau địa danh", date="Thanh Miện ngày 05 tháng 8 năm 2025",
            errors=("PLACE_DATE.FORMAT",), spacing=True),
]


class Typed(HandMade):
    """One corpus document, typed the way its variant says."""

    def __init__(self, variant: Variant) -> None:
        self.variant = variant
        profile = load_profile(variant.profile)
        super().__init__(profile)
        if variant.normal_size is not None:
            self.doc.styles["Normal"].font.size = Pt(variant.normal_size)
        if variant.fonts == "runs":
            # Normal keeps Word's default (theme) fonts; each run is set by hand.
            rpr = self.doc.styles["Normal"].element.rPr
            rpr.remove(rpr.rFonts)
        self._text_width = round(Mm(profile.page.width_mm - profile.page.margins_mm["left"] - profile.page.margins_mm["right"]).twips)
        self._numbering_id: int | None = None

    # -- writing -----------------------------------------------------------------------------
    def add(self, container: object, text: str, style: str | None = None, *, first: bool = False) -> Paragraph:
        """A paragraph with one run of text; ``first`` reuses a new cell's empty paragraph."""
        paragraph: Paragraph
        if first:
            paragraph = container.paragraphs[0]  # type: ignore[attr-defined]
            if style:
                paragraph.style = style
        else:
            paragraph = container.add_paragraph(style=style)  # type: ignore[attr-defined]
        if text:
            self.run(paragraph, text)
        return paragraph

    def run(self, paragraph: Paragraph, text: str, spec: Style | None = None) -> object:
        run = paragraph.add_run(text)
        if spec is not None:  # formatting typed on the run itself
            run.font.size = Pt(spec.size)
            run.font.bold, run.font.italic, run.font.underline = spec.bold, spec.italic, spec.underline
        if self.variant.fonts == "runs":
            fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
            for slot in ("w:ascii", "w:hAnsi", "w:cs"):  # what Word's font box sets
                fonts.set(qn(slot), self.profile.font)
        return run

    def spacer(self) -> None:
        if self.variant.spacing:
            self.doc.add_paragraph()

    # -- the document ------------------------------------------------------------------------
    def build(self) -> bytes:
        headers = {"tabs": self.header_tabs, "textboxes": self.header_textboxes, "table": self.header_table}
        signatures = {"paragraphs": self.signature_paragraphs, "tabs": self.signature_tabs, "table": self.signature}
        for part in (headers[self.variant.header], self.title, self.body_text):
            part()
            self.spacer()
        signatures[self.variant.recipients]()
        self.page_number()
        for typed, wrong in self.variant.retype:
            self._retype(typed, wrong)
        if self.variant.fonts == "runs":
            self._select_all_times()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def _retype(self, typed: str, wrong: str) -> None:
        for paragraph in self.doc.element.body.iter(qn("w:p")):
            runs = list(paragraph.iter(qn("w:t")))
            if "".join(t.text or "" for t in runs) == typed:
                runs[0].text = wrong
                for t in runs[1:]:
                    t.text = ""
                return
        raise AssertionError(f"no line {typed!r} to retype")

    def _select_all_times(self) -> None:
        """Select all, pick the font: Word writes it on every run (ascii, hAnsi, cs)."""
        roots = [self.doc.element.body] + [s.header._element for s in self.doc.sections]
        for root in roots:
            for r in root.iter(qn("w:r")):
                fonts = r.get_or_add_rPr().get_or_add_rFonts()
                for slot in ("w:ascii", "w:hAnsi", "w:cs"):
                    fonts.set(qn(slot), self.profile.font)

    def _number(self) -> str:
        p = self.profile
        default = p.number.template.format(number="04", type=p.type_abbreviations["ke_hoach"], body=self._body_abbreviation(), unit="")
        return self.variant.number or default

    def _body_abbreviation(self) -> str:
        return "ĐU" if self.profile.family == "party" else "UBND"

    def _date(self) -> str:
        return self.variant.date or self.profile.date.template.format(place="Thanh Miện", date="ngày 05 tháng 8 năm 2025")

    def _names(self) -> list[str]:
        if self.profile.family == "party":
            return ["ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "ĐẢNG ỦY XÃ THANH MIỆN"]
        return ["ỦY BAN NHÂN DÂN", "XÃ THANH MIỆN"]

    # -- header: table -----------------------------------------------------------------------
    def header_table(self) -> None:
        widths = [Mm(w) for w in self.profile.layout.header_columns_mm]
        left, right = self.table(widths)
        self.fill_header(left, right, [round(w.twips) for w in widths])

    def fill_header(self, left: object, right: object, widths: list[int], *, borders: bool = False) -> None:
        """The two header columns, each in its container (table cell or text box)."""
        e = self.profile.elements
        names = self._names()
        if self.profile.family == "party":
            self.add(left, names[0], self.style("Cơ quan cấp trên", e.superior), first=True)
            issuer = [self.add(left, names[1], self.style("Cơ quan ban hành", e.issuer))]
        else:
            issuer = [self.add(left, names[0], self.style("Cơ quan ban hành", e.issuer), first=True)]
            issuer.append(self.add(left, names[1], self.style("Cơ quan ban hành", e.issuer)))
        if e.issuer_separator.kind == "text":
            self.add(left, e.issuer_separator.text, self.style("Dấu sao", e.issuer_separator.style))  # type: ignore[arg-type]
        else:
            self.separator(issuer[-1], e.issuer, e.issuer_separator.ratio, widths[0], border=borders)
        self.add(left, self._number(), self.style("Số ký hiệu", e.number))
        last: Paragraph | None = None
        for index, national in enumerate(e.national_lines):
            last = self.add(right, national.text, self.style(f"Quốc hiệu {index + 1}", national.style), first=index == 0)
        assert last is not None
        self.separator(last, e.national_lines[-1].style, e.national_separator.ratio, widths[1], border=borders)
        self.add(right, self._date(), self.style("Ngày tháng", e.place_date))

    def separator(self, paragraph: Paragraph, spec: Style, ratio: float, container: int, *, border: bool) -> None:
        """A line under ``paragraph``: a drawn shape, or (in a text box) the top border
        of an empty paragraph after it, narrowed by indents to the line's length."""
        if not border:
            self.line(paragraph, paragraph.text, spec, ratio, container)
            return
        length = round(text_width_twips(paragraph.text, spec.size, spec.bold) * ratio)
        indent = max((container - length) // 2, 0)
        paragraph._p.addnext(parse_xml(
            f'<w:p {_NS}><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
            f'<w:spacing w:before="0" w:after="0"/><w:ind w:left="{indent}" w:right="{indent}" w:firstLine="0"/>'
            '</w:pPr></w:p>'
        ))

    # -- header: tab stops -------------------------------------------------------------------
    def header_tabs(self) -> None:
        """Each header line holds its left and right parts, a tab before each, centred
        at the middle of each column by centre tab stops."""
        p = self.profile
        e = p.elements
        columns = [round(Mm(w).twips) for w in p.layout.header_columns_mm]
        centres = [columns[0] // 2, columns[0] + columns[1] // 2]
        style = self.style("Đầu văn bản", e.number)
        names = self._names()
        national = [(line.text, line.style) for line in e.national_lines]
        if p.family == "party":
            names_left = [(names[0], e.superior), (names[1], e.issuer)]
        else:
            names_left = [(names[0], e.issuer), (names[1], e.issuer)]
        lefts: list[tuple[str, Style] | None] = list(names_left)
        if e.issuer_separator.kind == "text":
            lefts.append((e.issuer_separator.text, e.issuer_separator.style))  # type: ignore[arg-type]
        height = max(len(lefts), len(national))
        rights: list[tuple[str, Style] | None] = list(national)
        lefts += [None] * (height - len(lefts))
        rights += [None] * (height - len(rights))
        rows = list(zip(lefts, rights)) + [((self._number(), e.number), (self._date(), e.place_date))]
        issuer_row, national_row = len(names_left) - 1, len(national) - 1
        for index, (left, right) in enumerate(rows):
            paragraph = self.doc.add_paragraph(style=style)
            paragraph.alignment = _ALIGN["left"]
            paragraph.paragraph_format.first_line_indent = Cm(0)
            stops = paragraph.paragraph_format.tab_stops
            for centre in centres:
                stops.add_tab_stop(Mm(centre / 56.6929), alignment=1)  # WD_TAB_ALIGNMENT.CENTER
            self.run(paragraph, "\t")
            if left is not None:
                self.run(paragraph, left[0], left[1])
                if index == issuer_row and e.issuer_separator.kind == "line":
                    self.line(paragraph, left[0], left[1], e.issuer_separator.ratio, columns[0], centre_twips=centres[0])
            self.run(paragraph, "\t")
            if right is not None:
                self.run(paragraph, right[0], right[1])
                if index == national_row:
                    line_spec = e.national_lines[-1].style
                    self.line(paragraph, right[0], line_spec, e.national_separator.ratio, columns[1], centre_twips=centres[1])

    # -- header: text boxes -----------------------------------------------------------------
    def header_textboxes(self) -> None:
        """Two text boxes anchored in the first paragraph, left and right."""
        columns = [round(Mm(w).twips) for w in self.profile.layout.header_columns_mm]
        scratch = self.doc.add_table(rows=1, cols=2)
        left, right = scratch.rows[0].cells
        self.fill_header(left, right, columns, borders=True)
        anchor = self.doc.add_paragraph()
        offset = 0
        for index, (cell, width) in enumerate(zip((left, right), columns), start=1):
            paragraphs = "".join(_xml(p._p) for p in cell.paragraphs)
            cx, cy = width * EMU_PER_TWIP, Mm(32).emu
            anchor._p.append(parse_xml(_TEXT_BOX.format(ns=_NS, id=900 + index, x=offset * EMU_PER_TWIP, cx=cx, cy=cy, content=paragraphs)))
            offset += width
        scratch._tbl.getparent().remove(scratch._tbl)

    # -- title and body ------------------------------------------------------------------
    def title(self) -> None:
        e = self.profile.elements
        self.add(self.doc, "KẾ HOẠCH", self.style("Tên loại", e.kind_title))
        summary_text = "công tác thông tin đối ngoại năm 2025"
        if e.summary.case == "sentence":
            summary_text = summary_text[0].upper() + summary_text[1:]
        summary = self.add(self.doc, summary_text, self.style("Trích yếu", e.summary))
        if e.summary_separator.kind == "text":
            self.add(self.doc, e.summary_separator.text, self.style("Dưới trích yếu", e.summary_separator.style))  # type: ignore[arg-type]
        else:
            self.line(summary, summary_text, e.summary, e.summary_separator.ratio, self._text_width)

    def body_text(self) -> None:
        e = self.profile.elements
        levels = e.headings
        styles = [self.style(name, level.style, indent=True) for name, level in zip(("Mục", "Khoản", "Điểm"), levels)]
        marker = e.bullets[0].marker
        lines: list[tuple[int | None, str]] = [
            (None, "Thực hiện chỉ đạo của cấp trên, xã xây dựng kế hoạch như sau:"),
            (0, "MỤC ĐÍCH, YÊU CẦU"),
            (1, "Mục đích"),
            (None, f"{marker} Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về công tác thông tin đối ngoại."),
            (1, "Yêu cầu"),
            (None, "Bám sát chỉ đạo của cấp trên, phù hợp với tình hình thực tế của địa phương."),
            (0, "NHIỆM VỤ"),
            (1, "Tuyên truyền"),
            (2, "Trên hệ thống truyền thanh cơ sở;"),
            (2, "Qua sinh hoạt chi bộ, đoàn thể."),
            (0, "TỔ CHỨC THỰC HIỆN"),
            (None, "Các cơ quan, đơn vị triển khai thực hiện kế hoạch này" + (self.profile.body_end or ".")),
        ]
        counters = [0, 0, 0]
        for level, text in lines:
            if level is None and self.variant.bullets == "word" and text.startswith(marker + " "):
                self.add(self.doc, text.removeprefix(marker + " "), "List Bullet")
                continue
            if level is None:
                paragraph = self.add(self.doc, text)
                if self.variant.fonts == "vntime" and text.startswith("Bám sát"):
                    # Pasted from an old document: the TCVN3 font came along.
                    fonts = paragraph.runs[0]._r.get_or_add_rPr().get_or_add_rFonts()
                    for slot in ("w:ascii", "w:hAnsi"):
                        fonts.set(qn(slot), ".VnTime")
                continue
            counters[level] += 1
            for deeper in range(level + 1, 3):
                counters[deeper] = 0
            if self.variant.numbering.startswith("auto"):
                paragraph = self.add(self.doc, text, styles[level])
                # "Restart numbering" clicked by mistake on the second mục.
                restart = self.variant.numbering == "auto-restart" and level == 0 and counters[0] == 2
                self._auto_number(paragraph, level, restart=restart)
            else:
                from ttdn_docs.vn.numbering import number_symbol

                symbol = number_symbol(levels[level].numbering, counters[level]) + levels[level].suffix
                self.add(self.doc, f"{symbol} {text}", styles[level])
            if level == 0:
                self.spacer()

    def _auto_number(self, paragraph: Paragraph, level: int, *, restart: bool = False) -> None:
        if self._numbering_id is None:
            self._numbering_id = self._define_numbering()
        if restart:
            numbering = self.doc.part.numbering_part.element
            numbering.append(parse_xml(
                f'<w:num {_NS} w:numId="91"><w:abstractNumId w:val="90"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            ))
            self._numbering_id = 91
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{self._numbering_id}"/></w:numPr>'))

    def _define_numbering(self) -> int:
        """A Word list: I. / 1. / a) with a space after the number, first-line indent."""
        numbering = self.doc.part.numbering_part.element
        formats = {"upper-roman": "upperRoman", "arabic": "decimal", "alpha-vi": "lowerLetter"}
        levels = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{formats[level.numbering]}"/>'
            f'<w:lvlText w:val="%{i + 1}{level.suffix}"/><w:lvlJc w:val="left"/><w:suff w:val="space"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="{round(Cm(level.style.first_line_indent_cm).twips)}"/></w:pPr></w:lvl>'
            for i, level in enumerate(self.profile.elements.headings)
        )
        abstract = parse_xml(f'<w:abstractNum {_NS} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num {_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
        return 90

    # -- signature and Nơi nhận typed with tabs -----------------------------------------------
    def signature_tabs(self) -> None:
        """Nơi nhận at the left margin, the signature centred over the right half by a
        centre tab stop, on the same lines: ``Nơi nhận:⇥T/M BAN THƯỜNG VỤ``."""
        p = self.profile
        left_column, right_column = (round(Mm(w).twips) for w in p.layout.signature_columns_mm)
        style = self.style("Dòng chữ ký", p.elements.recipient)
        left, right = _signature_lines(p)
        right += [None, None, None, ("Nguyễn Văn An", p.elements.signer_name)]  # type: ignore[list-item]
        for index in range(max(len(left), len(right))):
            paragraph = self.doc.add_paragraph(style=style)
            paragraph.alignment = _ALIGN["left"]
            paragraph.paragraph_format.first_line_indent = Cm(0)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Mm((left_column + right_column // 2) / 56.6929), alignment=1)
            if index < len(left):
                self.run(paragraph, left[index][0], left[index][1])
            line = right[index] if index < len(right) else None
            if line is not None:
                self.run(paragraph, "\t")
                self.run(paragraph, line[0], line[1])

    # -- signature and Nơi nhận as paragraphs ------------------------------------------------
    def signature_paragraphs(self) -> None:
        """The signature block centred over the right half by a left indent, then the
        Nơi nhận lines at the left margin: no table."""
        p = self.profile
        e = p.elements
        half = Mm(p.layout.signature_columns_mm[0])
        block: list[tuple[str, Style, str]] = [
            (f"{p.signature.collective_prefix} {'BAN THƯỜNG VỤ' if p.family == 'party' else 'ỦY BAN NHÂN DÂN'}",
             e.signature_collective, "Quyền hạn"),
            ("BÍ THƯ" if p.family == "party" else "CHỦ TỊCH", e.signature_position, "Chức vụ"),
        ]
        for text, spec, name in block:
            paragraph = self.add(self.doc, text, self.style(name, spec))
            paragraph.paragraph_format.left_indent = half
        for _ in range(3):
            self.doc.add_paragraph()
        name = self.add(self.doc, "Nguyễn Văn An", self.style("Họ tên", e.signer_name))
        name.paragraph_format.left_indent = half
        self.spacer()
        grammar = p.recipients
        self.add(self.doc, grammar.label, self.style("Nơi nhận", e.recipients_label))
        line = self.style("Dòng nơi nhận", e.recipient)
        self.add(self.doc, f"{grammar.prefix}Ban Tuyên giáo và Dân vận Thành ủy{grammar.line_end}", line)
        archive = grammar.archive.format(items=grammar.archive_join.join([*grammar.archive_fixed, "VP"]))
        self.add(self.doc, f"{grammar.prefix}{archive}{grammar.last_end}", line)


def _signature_lines(profile: Profile) -> tuple[list[tuple[str, Style]], list[tuple[str, Style]]]:
    """Nơi nhận lines and signature lines of the corpus documents."""
    e = profile.elements
    grammar = profile.recipients
    archive = grammar.archive.format(items=grammar.archive_join.join([*grammar.archive_fixed, "VP"]))
    left = [
        (grammar.label, e.recipients_label),
        (f"{grammar.prefix}Ban Tuyên giáo và Dân vận Thành ủy{grammar.line_end}", e.recipient),
        (f"{grammar.prefix}{archive}{grammar.last_end}", e.recipient),
    ]
    party = profile.family == "party"
    right = [
        (f"{profile.signature.collective_prefix} {'BAN THƯỜNG VỤ' if party else 'ỦY BAN NHÂN DÂN'}", e.signature_collective),
        ("BÍ THƯ" if party else "CHỦ TỊCH", e.signature_position),
    ]
    return left, right


def _xml(element: object) -> str:
    from lxml import etree

    return etree.tostring(element, encoding="unicode")  # type: ignore[call-overload,no-any-return]


_TEXT_BOX = (
    '<w:r {ns}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{id}" '
    'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
    '<wp:docPr id="{id}" name="Khung chữ {id}"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
    "<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:noAutofit/></wps:bodyPr>'
    "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
)


def build(variant: Variant) -> bytes:
    return Typed(variant).build()


def labels(profile: Profile, variant: Variant) -> dict[str, object]:
    family = profile.family.upper()
    return {
        "profile": profile.id,
        "note": variant.note,
        "errors": sorted(f"{family}.{code}" for code in variant.errors),
        "warnings": sorted(f"{family}.{code}" for code in variant.warnings),
    }
