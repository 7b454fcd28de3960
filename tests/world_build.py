"""Word files typed the way other producers type them, for ``tests/world/generated/``
(``python scripts/build_world.py`` writes them with their labels).

Each file is built with python-docx as generators and offices do it, without anything of
our renderer: direct formatting on every paragraph and run (no style names), LibreOffice's
habits (space *before* paragraphs, an East Asian and a complex-script font left in the
document defaults), a header in a borderless table or typed with tab stops, separator
lines as paragraph borders, drawn shapes, underscores (also in a tab column) or the
underline of the title itself, Nơi nhận and the signature in a table, side by side with
tabs (the signer's name pushed right with default tab stops) or each typed as one
paragraph with line breaks, a recipient typed over two lines, Word list numbering. The
kinds: plans and reports of both rule books, a công văn with two addressees, a State
quyết định (căn cứ in italics, the position line, «QUYẾT ĐỊNH:», «Điều 1.» with only its
prefix bold, khoản numbered again in each Điều). ``mistakes`` adds true violations, each
labelled with the rule a reviewer expects.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt
from handmade import HandMade

from ttdn_docs.docxfacts.metrics import text_width_twips
from ttdn_docs.profiles import Style, load_profile

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_UNDERSCORE_EM = 0.5  # an underscore is half an em wide in Times New Roman


@dataclass(frozen=True)
class Habits:
    """How a producer types a document."""

    header: str = "table"  # table | tabs
    lines: str = "shape"  # shape | border | underscores | underline (the title's own)
    spacing: str = "after"  # after | before (LibreOffice's habit)
    signature: str = "table"  # table | tabs | breaks (one paragraph with line breaks, in a table cell)
    east_asian_defaults: bool = False  # SimSun / Mangal left in the document defaults
    two_line_recipient: bool = False
    auto_numbering: bool = False


@dataclass(frozen=True)
class WorldFile:
    name: str
    family: str  # party | state
    kind: str  # plan | report | cong_van | quyet_dinh
    made_by: str
    habits: Habits = Habits()
    mistakes: frozenset[str] = frozenset()
    # rule code (without the family) → why, for each true violation
    expected: dict[str, str] = field(default_factory=dict)


# Each mistake: the rule a reviewer expects and why.
MISTAKES: dict[str, tuple[tuple[str, ...], str]] = {
    "arial": (("FONT.ASCII", "FONT.HANSI"), "the whole text in Arial (one finding each, counting the paragraphs)"),
    "summary_caps": (("SUMMARY.CASE",), "trích yếu typed in capitals (chữ in thường)"),
    "no_spacing": (
        ("BODY.SPACE_AFTER", "HEADING_1.SPACE_AFTER", "HEADING_2.SPACE_AFTER", "BULLET_1.SPACE_AFTER"),
        "no space before or after the body paragraphs (NĐ 30 PL I.II.6.e: at least 6 pt)",
    ),
    "month": (("PLACE_DATE.MONTH",), "month 9 typed «09»"),
    "kt_on_cap_uy": (("SIGNATURE_COLLECTIVE.MISSING",), "«K/T BÍ THƯ» on a cấp ủy document: a cấp ủy signs T/M"),
    "placeholder": (("TEXT.PLACEHOLDER",), "«<<CẦN ĐIỀN: …>>» left in a file not marked DỰ THẢO"),
    "issuer_ascii": (("ISSUER.NAME",), "«XÃ THANH MIEN» for xã Thanh Miện of the unit list"),
}


class WorldBuilder(HandMade):
    """A document of one kind, typed with one producer's habits."""

    def __init__(self, spec: WorldFile) -> None:
        super().__init__(load_profile(spec.family))
        self.spec = spec
        self.h = spec.habits
        self.m = spec.mistakes
        self.font = "Arial" if "arial" in self.m else self.profile.font
        if self.h.east_asian_defaults:
            self._east_asian_defaults()

    # -- typing ------------------------------------------------------------------------------
    def _east_asian_defaults(self) -> None:
        rpr = self.doc.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is None:
            defaults = self.doc.styles.element.find(qn("w:docDefaults"))
            rpr = parse_xml(f"<w:rPrDefault {nsdecls('w')}><w:rPr/></w:rPrDefault>")
            defaults.insert(0, rpr)
            rpr = rpr[0]
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
            rpr.insert(0, fonts)
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        fonts.set(qn("w:eastAsia"), "SimSun")
        fonts.set(qn("w:cs"), "Mangal")
        # Normal names the Latin fonts only, as LibreOffice writes it.
        normal = self.doc.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:eastAsia", "w:cs"):
            if normal.get(qn(slot)) is not None:
                del normal.attrib[qn(slot)]

    def run(self, paragraph: object, text: str, spec: Style, *, bold: bool | None = None, underline: bool | None = None) -> None:
        run = paragraph.add_run(text)  # type: ignore[attr-defined]
        run.font.size = Pt(spec.size)
        run.font.bold = spec.bold if bold is None else bold
        run.font.italic = spec.italic
        run.font.underline = spec.underline if underline is None else underline
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:ascii"), self.font)
        fonts.set(qn("w:hAnsi"), self.font)

    def para(self, container: object, text: str, spec: Style, *, first: bool = False, indent: bool = False,
             bold: bool | None = None, underline: bool | None = None, spacing: bool = False) -> object:
        paragraph = container.paragraphs[0] if first else container.add_paragraph()  # type: ignore[attr-defined]
        fmt = paragraph.paragraph_format
        fmt.alignment = _ALIGN[spec.align]
        fmt.first_line_indent = Cm(spec.first_line_indent_cm if indent else 0)
        fmt.line_spacing = spec.line_spacing
        gap = 0.0 if "no_spacing" in self.m else spec.space_after
        before, after = (gap, 0.0) if self.h.spacing == "before" else (spec.space_before, gap)
        fmt.space_before, fmt.space_after = Pt(before if spacing else spec.space_before), Pt(after if spacing else 0)
        if text:
            self.run(paragraph, text, spec, bold=bold, underline=underline)
        return paragraph

    def border_line(self, container: object, text: str, spec: Style, ratio: float, width: int) -> None:
        """An empty paragraph with a bottom border ``ratio`` × the text wide."""
        length = min(round(text_width_twips(text, spec.size, spec.bold) * ratio), width)
        side = max((width - length) // 2, 0)
        paragraph = container.add_paragraph()  # type: ignore[attr-defined]
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        ))
        ppr.append(parse_xml(f'<w:ind {nsdecls("w")} w:left="{side}" w:right="{side}"/>'))
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(2)

    def underscores(self, text: str, spec: Style, ratio: float, size: float) -> str:
        length = text_width_twips(text, spec.size, spec.bold) * ratio
        return "_" * max(round(length / (size * 20 * _UNDERSCORE_EM)), 3)

    def line_under(self, container: object, above: object, text: str, spec: Style, ratio: float, width: int) -> None:
        if self.h.lines == "border":
            self.border_line(container, text, spec, ratio, width)
        elif self.h.lines == "underscores":
            self.para(container, self.underscores(text, spec, ratio, spec.size), Style(size=spec.size, align="center"))
        else:
            self.line(above, text, spec, ratio, width)

    # -- the document ------------------------------------------------------------------------
    def build(self) -> bytes:
        p = self.profile
        if self.h.header == "tabs":
            self.header_tabs()
        else:
            self.header_table()
        self.title()
        getattr(self, f"body_{self.spec.kind}")()
        if self.h.signature == "tabs":
            self.signature_tabs()
        else:
            self.signature_table()
        self.page_number()
        del p
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def _texts(self) -> dict[str, str]:
        p = self.profile
        state = p.family == "state"
        kind = {"plan": "ke_hoach", "report": "bao_cao", "cong_van": "cong_van", "quyet_dinh": "quyet_dinh"}[self.spec.kind]
        if kind == "cong_van":
            number = p.number.cong_van_template.format(number="15", body="UBND", unit="VHXH")  # type: ignore[union-attr]
        else:
            number = p.number.template.format(number="07", type=p.type_abbreviations[kind], body="UBND" if state else "ĐU", unit="")
        month = "09" if "month" in self.m else "9"
        commune = "THANH MIEN" if "issuer_ascii" in self.m else "THANH MIỆN"
        return {
            "superior": "" if state else "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
            "issuer_1": "ỦY BAN NHÂN DÂN" if state else f"ĐẢNG ỦY XÃ {commune}",
            "issuer_2": f"XÃ {commune}" if state else "",
            "number": number,
            "date": p.date.template.format(place="Thanh Miện", date=f"ngày 12 tháng {month} năm 2025"),
        }

    def header_table(self) -> None:
        p = self.profile
        e = p.elements
        t = self._texts()
        widths = [Mm(w) for w in p.layout.header_columns_mm]
        left, right = self.table(widths)
        first = True
        if t["superior"]:
            self.para(left, t["superior"], e.superior, first=True)
            first = False
        issuer = self.para(left, t["issuer_1"], e.issuer, first=first)
        names = [t["issuer_1"]]
        if t["issuer_2"]:
            issuer = self.para(left, t["issuer_2"], e.issuer)
            names.append(t["issuer_2"])
        if e.issuer_separator.kind == "text":
            self.para(left, e.issuer_separator.text, e.issuer_separator.style)  # type: ignore[arg-type]
        else:
            self.line_under(left, issuer, names[-1], e.issuer, e.issuer_separator.ratio, round(widths[0].twips))
        self.para(left, t["number"], e.number)
        last = None
        for index, national in enumerate(e.national_lines):
            is_last = index == len(e.national_lines) - 1
            underline = self.h.lines == "underline" and is_last
            last = self.para(right, national.text, national.style, first=index == 0, underline=underline or None)
        assert last is not None
        if self.h.lines != "underline":
            line = e.national_lines[-1]
            self.line_under(right, last, line.text, line.style, e.national_separator.ratio, round(widths[1].twips))
        self.para(right, t["date"], e.place_date)
        if self.spec.kind == "cong_van":
            self.para(left, "V/v tổ chức các hoạt động kỷ niệm ngày thành lập xã", Style(size=12, align="center"))

    def header_tabs(self) -> None:
        """Header lines typed as ``⇥left⇥right`` with a centre tab stop for each column;
        the lines under the names typed as underscores in the columns."""
        p = self.profile
        e = p.elements
        t = self._texts()
        left_w, right_w = (round(Mm(w).twips) for w in p.layout.header_columns_mm)
        stops = (left_w // 2, left_w + right_w // 2)
        lefts = [(t["issuer_1"], e.issuer), (t["issuer_2"], e.issuer)] if t["issuer_2"] else [(t["superior"], e.superior), (t["issuer_1"], e.issuer)]
        rights = [(line.text, line.style) for line in e.national_lines]
        issuer_text = lefts[-1][0]
        if e.issuer_separator.kind == "text":
            star = (e.issuer_separator.text, e.issuer_separator.style)
        else:
            star = (self.underscores(issuer_text, e.issuer, e.issuer_separator.ratio, 12), Style(size=12, align="center"))
        national = e.national_lines[-1]
        rows = [
            (lefts[0], rights[0]),
            (lefts[1], rights[1] if len(rights) > 1 else ("", e.number)),
            (star, (self.underscores(national.text, national.style, 1.0, 12), Style(size=12, align="center"))),
            ((t["number"], e.number), (t["date"], e.place_date)),
        ]
        for (ltext, lspec), (rtext, rspec) in rows:
            paragraph = self.doc.add_paragraph()
            fmt = paragraph.paragraph_format
            fmt.space_after, fmt.first_line_indent, fmt.alignment = Pt(0), Cm(0), WD_ALIGN_PARAGRAPH.LEFT
            for stop in stops:
                fmt.tab_stops.add_tab_stop(stop, alignment=1)  # centre
            paragraph.add_run("\t")
            self.run(paragraph, ltext, lspec)
            paragraph.add_run("\t")
            if rtext:
                self.run(paragraph, rtext, rspec)

    def title(self) -> None:
        e = self.profile.elements
        kind = {"plan": "KẾ HOẠCH", "report": "BÁO CÁO", "quyet_dinh": "QUYẾT ĐỊNH"}.get(self.spec.kind)
        if kind is None:  # a công văn: the V/v line stands in the header
            return
        self.para(self.doc, kind, e.kind_title)
        summary = {
            "plan": "tổ chức các hoạt động thông tin đối ngoại năm 2026",
            "report": "kết quả công tác thông tin đối ngoại 9 tháng đầu năm 2025",
            "quyet_dinh": "về việc thành lập Ban Tổ chức lễ kỷ niệm ngày thành lập xã",
        }[self.spec.kind]
        if e.summary.case == "sentence":
            summary = summary[0].upper() + summary[1:]
        if "summary_caps" in self.m:
            summary = summary.upper()
        para = self.para(self.doc, summary, e.summary)
        if e.summary_separator.kind == "text":
            self.para(self.doc, e.summary_separator.text, e.summary_separator.style)  # type: ignore[arg-type]
        else:
            page = self.profile.page
            width = round(Mm(page.width_mm - page.margins_mm["left"] - page.margins_mm["right"]).twips)
            lines = self.h.lines if self.h.lines != "underline" else "border"
            if lines == "border":
                self.border_line(self.doc, summary, e.summary, e.summary_separator.ratio, width)
            elif lines == "underscores":
                self.para(self.doc, self.underscores(summary, e.summary, e.summary_separator.ratio, 14), Style(size=14, align="center"))
            else:
                self.line(para, summary, e.summary, e.summary_separator.ratio, width)

    # -- bodies ------------------------------------------------------------------------------
    def body_lines(self, lines: list[tuple[str, str]]) -> None:
        """(role, text): body, heading_1, heading_2, bullet."""
        e = self.profile.elements
        for role, text in lines:
            if role == "heading_1":
                self.para(self.doc, text, e.headings[0].style, indent=True, spacing=True)
            elif role == "heading_2":
                self.para(self.doc, text, e.headings[1].style, indent=True, spacing=True)
            elif role == "bullet":
                self.para(self.doc, f"{e.bullets[0].marker} {text}", e.bullets[0].style, indent=True, spacing=True)
            else:
                self.para(self.doc, text, e.body, indent=True, spacing=True)

    def _end(self, text: str) -> str:
        return text + self.profile.body_end.removeprefix(".")

    def body_plan(self) -> None:
        s1, s2 = self.profile.elements.headings[0].suffix, self.profile.elements.headings[1].suffix
        lines = [
            ("body", "Thực hiện chương trình công tác năm 2026, xã xây dựng kế hoạch tổ chức các hoạt động thông tin đối ngoại như sau:"),
            ("heading_1", f"I{s1} MỤC ĐÍCH, YÊU CẦU"),
            ("heading_2", f"1{s2} Mục đích"),
            ("bullet", "Giới thiệu truyền thống, thành tựu của xã đến bạn bè trong và ngoài nước."),
            ("heading_2", f"2{s2} Yêu cầu"),
            ("body", "Các hoạt động được tổ chức trang trọng, thiết thực, tiết kiệm."),
            ("heading_1", f"II{s1} TỔ CHỨC THỰC HIỆN"),
            ("body", "Các ban, ngành, đoàn thể xã căn cứ kế hoạch triển khai thực hiện."),
        ]
        if "placeholder" in self.m:
            lines.append(("body", "Báo cáo kết quả về Ủy ban nhân dân xã trước ngày <<CẦN ĐIỀN: hạn báo cáo>>."))
        lines[-1] = (lines[-1][0], self._end(lines[-1][1]))
        self.body_lines(lines)

    def body_report(self) -> None:
        s1, s2 = self.profile.elements.headings[0].suffix, self.profile.elements.headings[1].suffix
        self.body_lines([
            ("body", "Thực hiện Kế hoạch số 08/KH-UBND ngày 09/02/2025 của Ủy ban nhân dân xã, Ủy ban nhân dân xã báo cáo kết quả công tác thông tin đối ngoại 9 tháng đầu năm như sau:"),
            ("heading_1", f"I{s1} KẾT QUẢ THỰC HIỆN"),
            ("heading_2", f"1{s2} Công tác tuyên truyền"),
            ("body", "Đài truyền thanh xã phát 36 tin, bài về thông tin đối ngoại."),
            ("heading_1", f"II{s1} PHƯƠNG HƯỚNG, NHIỆM VỤ"),
            ("body", self._end("Tiếp tục đổi mới nội dung, hình thức tuyên truyền.")),
        ])

    def body_cong_van(self) -> None:
        e = self.profile.elements
        label = self.profile.addressees.label
        first = self.para(self.doc, "", e.addressee)
        first.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        first.paragraph_format.left_indent = Cm(2)
        first.paragraph_format.tab_stops.add_tab_stop(Cm(4.5))
        self.run(first, f"{label}\t- Các ban, ngành, đoàn thể xã;", e.addressee)
        second = self.para(self.doc, "", e.addressee)
        second.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        second.paragraph_format.left_indent = Cm(4.5)
        self.run(second, "- Trưởng các thôn.", e.addressee)
        self.body_lines([
            ("body", "Để chuẩn bị kỷ niệm ngày thành lập xã, Ủy ban nhân dân xã đề nghị các đơn vị đăng ký hoạt động trước ngày 20/9/2025."),
            ("body", self._end("Đề nghị các đơn vị quan tâm, phối hợp thực hiện.")),
        ])

    def body_quyet_dinh(self) -> None:
        e = self.profile.elements
        body = e.body
        position = Style(size=body.size, bold=True, align="center")
        self.para(self.doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THANH MIỆN", position, spacing=True)
        italic = Style(size=body.size, italic=True, align="justify", first_line_indent_cm=1.0, space_after=6, line_spacing=body.line_spacing)
        for text in (
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.",
        ):
            self.para(self.doc, text, italic, indent=True, spacing=True)
        self.para(self.doc, "QUYẾT ĐỊNH:", position, spacing=True)
        s2 = e.headings[1].suffix
        for number, lead, items in (
            (1, "Thành lập Ban Tổ chức lễ kỷ niệm ngày thành lập xã, gồm các ông, bà có tên sau:", ["Ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã, Trưởng ban;", "Bà Trần Thị Bình, Phó Chủ tịch Ủy ban nhân dân xã, Phó Trưởng ban."]),
            (2, "Ban Tổ chức có nhiệm vụ:", ["Xây dựng kế hoạch tổ chức lễ kỷ niệm;", "Báo cáo kết quả về Ủy ban nhân dân xã."]),
            (3, "Quyết định này có hiệu lực kể từ ngày ký.", []),
        ):
            para = self.para(self.doc, "", body, indent=True, spacing=True)
            self.run(para, f"Điều {number}. ", body, bold=True)
            self.run(para, lead if items or number != 3 else self._end(lead), body)
            for index, item in enumerate(items, start=1):
                self.para(self.doc, f"{index}{s2} {item}", body, indent=True, spacing=True)

    # -- Nơi nhận and the signature ----------------------------------------------------------
    def _signature_lines(self) -> list[tuple[str, Style]]:
        e = self.profile.elements
        g = self.profile.signature
        if self.profile.family == "party":
            if "kt_on_cap_uy" in self.m:
                head = [(f"{g.prefixes['deputy']} BÍ THƯ", e.signature_authority), ("PHÓ BÍ THƯ", e.signature_position)]  # type: ignore[index]
            else:
                head = [(f"{g.collective_prefix} BAN THƯỜNG VỤ", e.signature_collective), ("PHÓ BÍ THƯ", e.signature_position)]
        elif self.spec.kind == "quyet_dinh":
            head = [("CHỦ TỊCH", e.signature_position)]
        else:
            head = [
                (f"{g.collective_prefix} ỦY BAN NHÂN DÂN", e.signature_collective),
                (f"{g.prefixes['deputy']} CHỦ TỊCH", e.signature_authority),  # type: ignore[index]
                ("PHÓ CHỦ TỊCH", e.signature_position),
            ]
        return head

    def _recipient_lines(self) -> list[str]:
        r = self.profile.recipients
        lines = [f"{r.prefix}Ủy ban nhân dân thành phố{r.line_end}"]
        if self.spec.kind == "cong_van":
            lines.insert(0, f"{r.prefix}{r.as_above}{r.line_end}")
        if self.h.two_line_recipient:
            lines += [f"{r.prefix}Các cơ quan, đơn vị thuộc và trực thuộc", f"Ủy ban nhân dân xã{r.line_end}"]
        archive = r.archive.format(items=r.archive_join.join([*r.archive_fixed, "VHXH" if self.profile.family == "state" else "VPĐU"]))
        return lines + [f"{r.prefix}{archive}{r.last_end}"]

    def signature_table(self) -> None:
        p = self.profile
        e = p.elements
        left, right = self.table([Mm(w) for w in p.layout.signature_columns_mm])
        label = p.recipients.label
        head = self._signature_lines()
        if self.h.signature == "breaks":
            # Each cell one paragraph, its lines broken with Shift+Enter.
            cell = self.para(left, "", e.recipients_label, first=True)
            self.run(cell, label, e.recipients_label)
            for line in self._recipient_lines():
                cell.add_run().add_break(WD_BREAK.LINE)
                self.run(cell, line, e.recipient)
            sig = self.para(right, "", e.signature_position, first=True)
            for index, (text, spec) in enumerate(head):
                if index:
                    sig.add_run().add_break(WD_BREAK.LINE)
                self.run(sig, text, spec)
            for _ in range(4):
                sig.add_run().add_break(WD_BREAK.LINE)
            self.run(sig, "Nguyễn Văn An", e.signer_name)
            return
        self.para(left, label, e.recipients_label, first=True)
        for line in self._recipient_lines():
            self.para(left, line, e.recipient)
        for index, (text, spec) in enumerate(head):
            self.para(right, text, spec, first=index == 0)
        for _ in range(3):
            self.para(right, "", e.signer_name)
        self.para(right, "Nguyễn Văn An", e.signer_name)

    def signature_tabs(self) -> None:
        """``Nơi nhận:⇥TM. ỦY BAN NHÂN DÂN`` with one centre tab stop; the signer's name
        pushed right with tabs only (default stops), as an officer types it."""
        p = self.profile
        e = p.elements
        left_w, right_w = (round(Mm(w).twips) for w in p.layout.signature_columns_mm)
        stop = left_w + right_w // 2
        recipients = [(p.recipients.label, e.recipients_label)] + [(line, e.recipient) for line in self._recipient_lines()]
        head = self._signature_lines()
        for index in range(max(len(recipients), len(head))):
            paragraph = self._plain()
            paragraph.paragraph_format.tab_stops.add_tab_stop(stop, alignment=1)
            if index < len(recipients):
                self.run(paragraph, recipients[index][0], recipients[index][1])
            if index < len(head):
                paragraph.add_run("\t")
                self.run(paragraph, head[index][0], head[index][1])
        for _ in range(3):
            self._plain()
        name = self._plain()
        name.add_run("\t" * 9)
        self.run(name, "Nguyễn Văn An", e.signer_name)

    def _plain(self) -> object:
        """A left-aligned paragraph without indent or spacing (a line typed with tabs)."""
        paragraph = self.doc.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.space_after, fmt.first_line_indent, fmt.alignment = Pt(0), Cm(0), WD_ALIGN_PARAGRAPH.LEFT
        return paragraph


def build_world(spec: WorldFile) -> bytes:
    return WorldBuilder(spec).build()


def labels(spec: WorldFile) -> dict[str, object]:
    profile = load_profile(spec.family)
    family = profile.family.upper()
    findings = []
    for mistake in sorted(spec.mistakes):
        rules, why = MISTAKES[mistake]
        findings += [{"rule": f"{family}.{rule}", "verdict": "TRUE", "why": why} for rule in rules]
    return {
        "made_by": spec.made_by,
        "family": spec.family,
        "kind": spec.kind,
        "id": spec.name,
        "habits": {k: v for k, v in spec.habits.__dict__.items() if v != getattr(Habits(), k)},
        "findings": findings,
        "missed": [],
    }


_LO = Habits(spacing="before", east_asian_defaults=True, lines="border")
_GEN = Habits(signature="breaks")
_TABS = Habits(header="tabs", signature="tabs", spacing="before", lines="underscores")

WORLD: list[WorldFile] = [
    WorldFile("lo-state-plan", "state", "plan", "python-docx, typed as LibreOffice Writer does (space before, East Asian defaults, borders)", _LO),
    WorldFile("lo-party-plan", "party", "plan", "python-docx, typed as LibreOffice Writer does", Habits(spacing="before", east_asian_defaults=True, lines="underline")),
    WorldFile("gen-state-report", "state", "report", "python-docx as other generators write it (signature one paragraph with line breaks)", _GEN),
    WorldFile("gen-party-report", "party", "report", "python-docx as other generators write it (underlined title, breaks)", Habits(signature="breaks", lines="underline")),
    WorldFile("tabs-state-plan", "state", "plan", "header and signature typed with tab stops, underscores for lines", _TABS),
    WorldFile("tabs-party-plan", "party", "plan", "header and signature typed with tab stops", _TABS),
    WorldFile("lo-state-congvan", "state", "cong_van", "công văn to two addressees, Kính gửi list under the colon", _LO),
    WorldFile("gen-state-quyetdinh", "state", "quyet_dinh", "quyết định: căn cứ italic, QUYẾT ĐỊNH:, Điều with bold prefix", Habits(spacing="before")),
    WorldFile("two-line-recipient", "state", "plan", "a recipient typed over two lines", Habits(two_line_recipient=True)),
    # True violations, each labelled.
    WorldFile("arial-state-report", "state", "report", "the whole document typed in Arial", _LO, frozenset({"arial"})),
    WorldFile("caps-summary-state-plan", "state", "plan", "trích yếu typed in capitals", _TABS, frozenset({"summary_caps"})),
    WorldFile("caps-summary-party-plan", "party", "plan", "trích yếu typed in capitals", _GEN, frozenset({"summary_caps"})),
    WorldFile("no-spacing-state-plan", "state", "plan", "no space between paragraphs", _LO, frozenset({"no_spacing"})),
    WorldFile("kt-party-report", "party", "report", "«K/T BÍ THƯ» on a Đảng ủy report", _GEN, frozenset({"kt_on_cap_uy", "month"})),
    WorldFile("placeholder-state-plan", "state", "plan", "a placeholder left in a file not marked DỰ THẢO", _GEN, frozenset({"placeholder"})),
    WorldFile("ascii-issuer-state-plan", "state", "plan", "the commune typed without diacritics", _LO, frozenset({"issuer_ascii"})),
]
