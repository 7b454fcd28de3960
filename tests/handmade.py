"""A document built directly with python-docx, the way an officer sets one up in Word:
formatting on named styles (Normal carries the font and body text), a borderless header
table, lines drawn as shapes, the page number in a header field. Nothing of our renderer
or template is used; the values are read from the profile so that the same builder makes
a correct document for each rule book.

``mistakes`` adds typical errors: ``month`` (month zero-padded against the date rule),
``body_align`` (Normal left-aligned instead of justified), ``title_bold`` (the title
style not bold).
"""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ttdn_docs.profiles import Profile, Style
from ttdn_docs.docxfacts.metrics import text_width_twips

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
EMU_PER_TWIP = 635


class HandMade:
    def __init__(self, profile: Profile, mistakes: frozenset[str] = frozenset()) -> None:
        self.profile = profile
        self.mistakes = mistakes
        self.doc = docx.Document()
        self._shapes = 0
        self._page()
        self._normal()

    # -- setup ---------------------------------------------------------------------------
    def _page(self) -> None:
        page = self.profile.page
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
        section.top_margin = Mm(page.margins_mm["top"])
        section.bottom_margin = Mm(page.margins_mm["bottom"])
        section.left_margin = Mm(page.margins_mm["left"])
        section.right_margin = Mm(page.margins_mm["right"])
        section.header_distance = Mm(page.header_distance_mm)

    def _fonts(self, style: object) -> None:
        rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
        fonts = rpr.get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), self.profile.font)

    def _normal(self) -> None:
        body = self.profile.elements.body
        normal = self.doc.styles["Normal"]
        self._fonts(normal)
        self._apply(normal, body)
        if "body_align" in self.mistakes:
            normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    def _apply(self, style: object, spec: Style, *, indent: bool = True) -> None:
        font = style.font  # type: ignore[attr-defined]
        font.size = Pt(spec.size)
        font.bold, font.italic, font.underline = spec.bold, spec.italic, spec.underline
        fmt = style.paragraph_format  # type: ignore[attr-defined]
        fmt.alignment = _ALIGN[spec.align]
        fmt.space_before, fmt.space_after = Pt(spec.space_before), Pt(spec.space_after)
        fmt.line_spacing = spec.line_spacing
        fmt.first_line_indent = Cm(spec.first_line_indent_cm) if indent else Cm(0)

    def style(self, name: str, spec: Style, *, indent: bool = False) -> str:
        if name not in [s.name for s in self.doc.styles]:
            style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.doc.styles["Normal"]
            self._apply(style, spec, indent=indent)
            if name == "Tên loại" and "title_bold" in self.mistakes:
                style.font.bold = False
        return name

    # -- content ---------------------------------------------------------------------------
    def line(
        self, paragraph: object, text: str, spec: Style, ratio: float, container_twips: int, *, centre_twips: int | None = None
    ) -> None:
        """A line drawn as a shape anchored in ``paragraph``, ``ratio`` × the text wide:
        centred in its column, or (``centre_twips``) centred at that distance from the
        left margin, as under a header typed with tab stops."""
        width = min(round(text_width_twips(text, spec.size, spec.bold) * ratio), container_twips)
        horizontal = "<wp:positionH relativeFrom=\"column\"><wp:align>center</wp:align></wp:positionH>"
        if centre_twips is not None:
            offset = (centre_twips - width // 2) * EMU_PER_TWIP
            horizontal = f"<wp:positionH relativeFrom=\"margin\"><wp:posOffset>{offset}</wp:posOffset></wp:positionH>"
        self._shapes += 1
        cx = width * EMU_PER_TWIP
        xml = (
            f"<w:r {_NS}><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" "
            f"relativeHeight=\"{self._shapes}\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
            f"<wp:simplePos x=\"0\" y=\"0\"/>{horizontal}"
            f"<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>{round(spec.size * 1.2 * 12700)}</wp:posOffset></wp:positionV>"
            f"<wp:extent cx=\"{cx}\" cy=\"0\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapNone/>"
            f"<wp:docPr id=\"{self._shapes}\" name=\"Đường kẻ {self._shapes}\"/><wp:cNvGraphicFramePr/>"
            "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
            f"<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"0\"/></a:xfrm>"
            "<a:prstGeom prst=\"line\"><a:avLst/></a:prstGeom><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"000000\"/>"
            "</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
        )
        paragraph._p.append(parse_xml(xml))  # type: ignore[attr-defined]

    def table(self, widths: list[Mm]) -> tuple[object, object]:
        """A one-row, two-column table with fixed column widths (no borders by default)."""
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        for column, cell, width in zip(table.columns, table.rows[0].cells, widths):
            column.width = width
            cell.width = width
        left, right = table.rows[0].cells
        return left, right

    def build(self) -> bytes:
        p = self.profile
        e = p.elements
        month = "08" if "month" in self.mistakes else "8"
        widths = [Mm(w) for w in p.layout.header_columns_mm]
        left, right = self.table(widths)
        left.paragraphs[0].text = "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG"
        left.paragraphs[0].style = self.style("Cơ quan cấp trên", e.superior)
        issuer = left.add_paragraph("ĐẢNG ỦY XÃ THANH MIỆN", self.style("Cơ quan ban hành", e.issuer))
        if e.issuer_separator.kind == "text":
            left.add_paragraph(e.issuer_separator.text, self.style("Dấu sao", e.issuer_separator.style))  # type: ignore[arg-type]
        else:
            self.line(issuer, issuer.text, e.issuer, e.issuer_separator.ratio, round(widths[0].twips))
        number = p.number.template.format(number="04", type=p.type_abbreviations["ke_hoach"], body="ĐU", unit="")
        left.add_paragraph(number, self.style("Số ký hiệu", e.number))
        last = None
        for index, national in enumerate(e.national_lines):
            name = self.style(f"Quốc hiệu {index + 1}", national.style)
            if index == 0:
                right.paragraphs[0].text, right.paragraphs[0].style = national.text, name
                last = right.paragraphs[0]
            else:
                last = right.add_paragraph(national.text, name)
        assert last is not None
        self.line(last, last.text, e.national_lines[-1].style, e.national_separator.ratio, round(widths[1].twips))
        date = p.date.template.format(place="Thanh Miện", date=f"ngày 05 tháng {month} năm 2025")
        right.add_paragraph(date, self.style("Ngày tháng", e.place_date))

        self.doc.add_paragraph("KẾ HOẠCH", self.style("Tên loại", e.kind_title))
        summary_text = "công tác thông tin đối ngoại năm 2025"
        if e.summary.case == "sentence":
            summary_text = summary_text[0].upper() + summary_text[1:]
        summary = self.doc.add_paragraph(summary_text, self.style("Trích yếu", e.summary))
        if e.summary_separator.kind == "text":
            self.doc.add_paragraph(e.summary_separator.text, self.style("Dưới trích yếu", e.summary_separator.style))  # type: ignore[arg-type]
        else:
            text_width = round(Mm(p.page.width_mm - p.page.margins_mm["left"] - p.page.margins_mm["right"]).twips)
            self.line(summary, summary_text, e.summary, e.summary_separator.ratio, text_width)
        self.body()
        self.signature()
        self.page_number()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def body(self) -> None:
        e = self.profile.elements
        level1, level2 = e.headings[0], e.headings[1]
        mục = self.style("Mục", level1.style, indent=True)
        khoản = self.style("Khoản", level2.style, indent=True)
        add = self.doc.add_paragraph
        add("Thực hiện chỉ đạo của Thành ủy Hải Phòng, Đảng ủy xã xây dựng kế hoạch như sau:")
        add(f"I{level1.suffix} MỤC ĐÍCH, YÊU CẦU", mục)
        add(f"1{level2.suffix} Mục đích", khoản)
        add(f"{e.bullets[0].marker} Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân.")
        add(f"2{level2.suffix} Yêu cầu", khoản)
        add("Bám sát chỉ đạo của cấp trên, phù hợp tình hình thực tế.")
        add(f"II{level1.suffix} TỔ CHỨC THỰC HIỆN", mục)
        add("Các chi bộ trực thuộc triển khai thực hiện kế hoạch này." + self.profile.body_end.removeprefix("."))

    def signature(self) -> None:
        p = self.profile
        e = p.elements
        left, right = self.table([Mm(w) for w in p.layout.signature_columns_mm])
        grammar = p.recipients
        left.paragraphs[0].text = grammar.label
        left.paragraphs[0].style = self.style("Nơi nhận", e.recipients_label)
        line = self.style("Dòng nơi nhận", e.recipient)
        left.add_paragraph(f"{grammar.prefix}Ban Tuyên giáo và Dân vận Thành ủy{grammar.line_end}", line)
        archive = grammar.archive.format(items=grammar.archive_join.join([*grammar.archive_fixed, "VPĐU"]))
        left.add_paragraph(f"{grammar.prefix}{archive}{grammar.last_end}", line)
        right.paragraphs[0].text = f"{p.signature.collective_prefix} BAN THƯỜNG VỤ"
        right.paragraphs[0].style = self.style("Quyền hạn", e.signature_collective)
        right.add_paragraph("BÍ THƯ", self.style("Chức vụ", e.signature_position))
        for _ in range(3):
            right.add_paragraph("")
        right.add_paragraph("Nguyễn Văn An", self.style("Họ tên", e.signer_name))

    def page_number(self) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = not self.profile.elements.page_number.first_page
        paragraph = section.header.paragraphs[0]
        spec = self.profile.elements.page_number.style
        paragraph.alignment = _ALIGN[spec.align]
        paragraph.paragraph_format.first_line_indent = Cm(0)
        for kind, inner in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
            run = paragraph.add_run()
            run.font.size = Pt(spec.size)
            if kind:
                run._r.append(parse_xml(f'<w:fldChar {_NS} w:fldCharType="{kind}"/>'))
            elif inner == " PAGE ":
                run._r.append(parse_xml(f'<w:instrText {_NS} xml:space="preserve"> PAGE </w:instrText>'))
            else:
                run.text = inner or ""


def hand_made_docx(profile: Profile, mistakes: frozenset[str] = frozenset()) -> bytes:
    return HandMade(profile, mistakes).build()
