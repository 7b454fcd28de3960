"""Plans and reports in their authors' own shapes, as communes, districts and provinces
publish them: «Nhiệm vụ, giải pháp» with numbered khoản, «Kinh phí thực hiện», «Tiến độ
thực hiện» with a timetable, «Đặc điểm tình hình», results by field and by unit, an
indicator table after a lead-in sentence inside a khoản (its columns in another order),
«Đề xuất, kiến nghị», «Kính gửi», no «Trên đây là» closing, điểm a) and ``+`` items.

Each ``Shaped`` document is a body written as lines (``I. …`` mục, ``1. …`` khoản,
``a) …`` điểm, ``- …`` and ``+ …`` items, plain paragraphs, tables as rows of cells)
between a Party or State header and footer. Three producers type it: python-docx
(``docx_bytes``), LibreOffice re-saving that file, and LibreOffice Writer opening it as a
web page (``html_text``). ``expected_shape`` is the outline a careful reader sees, in the
terms of ``ttdn_docs.importer.shape``: the sections with their depth and title, every
paragraph, item and table, in order.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

Line = str | list[list[str]]  # a typed line, or a table as rows of cells (first: header)

_MUC = re.compile(r"^(?P<n>[IVX]+)\.\s+(?P<t>.+)$")
_KHOAN = re.compile(r"^(?P<n>\d+)\.\s+(?P<t>.+)$")
_DIEM = re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<t>.+)$")
_DIEU = re.compile(r"^Điều (?P<n>\d+)\.\s+(?P<t>.+)$")


@dataclass(frozen=True)
class Shaped:
    name: str
    profile: str  # party | state
    kind: str  # KẾ HOẠCH | BÁO CÁO | THÔNG BÁO … ; "" for a công văn (no title line)
    summary: str
    body: list[Line]
    addressees: list[str] = field(default_factory=list)
    titled_points: bool = False  # ``a) Title`` lines are headings (bold), not items
    number: str | None = None  # the number line, when not the plan's or report's
    under_number: list[str] = field(default_factory=list)  # a công văn's «V/v …» lines


def _line(container: object, text: str = "", *, bold: bool = False, italic: bool = False,
          align: WD_ALIGN_PARAGRAPH | None = None, underline: bool = False, indent: bool = False) -> None:
    paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(36)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size = Pt(14)
        run.font.name = "Times New Roman"


def _borderless(table: object) -> None:
    borders = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table._tbl.tblPr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{borders}</w:tblBorders>'))  # type: ignore[attr-defined]


def _is_heading(text: str, shaped: Shaped) -> bool:
    if shaped.kind == "QUYẾT ĐỊNH":  # a decision: «Điều N. …» and «QUYẾT ĐỊNH:» bold, khoản as typed
        return bool(_DIEU.match(text)) or text == "QUYẾT ĐỊNH:"
    return bool(_MUC.match(text) or _KHOAN.match(text) or (shaped.titled_points and _DIEM.match(text)))


def docx_bytes(shaped: Shaped) -> bytes:
    """The document typed in Word (python-docx): header and footer in borderless tables,
    headings bold and numbered by hand, items typed ``-`` and ``+``."""
    doc = docx.Document()
    head = doc.add_table(rows=1, cols=2)
    _borderless(head)
    left, right = head.rows[0].cells
    top_left, top_right = _header_lines(shaped)
    for cell, lines in ((left, top_left), (right, top_right)):
        first = True
        for text, bold, italic in lines:
            if first:
                cell.paragraphs[0].alignment = CENTER
                run = cell.paragraphs[0].add_run(text)
                run.bold, run.italic = bold, italic
                run.font.size, run.font.name = Pt(13 if shaped.profile == "state" else 14), "Times New Roman"
                first = False
            else:
                _line(cell, text, bold=bold, italic=italic, align=CENTER)
    _line(doc)
    if shaped.kind:
        _line(doc, shaped.kind, bold=True, align=CENTER)
        _line(doc, shaped.summary, bold=True, align=CENTER)
        _line(doc, "-----" if shaped.profile == "party" else "", align=CENTER)
    for text in _addressee_lines(shaped):
        _line(doc, text, align=CENTER if len(shaped.addressees) == 1 else None, indent=len(shaped.addressees) > 1)
    for item in shaped.body:
        if isinstance(item, list):
            table = doc.add_table(rows=len(item), cols=len(item[0]))
            table.style = "Table Grid"
            for row, texts in zip(table.rows, item, strict=True):
                for cell, text in zip(row.cells, texts, strict=True):
                    cell.paragraphs[0].add_run(text)
            continue
        _line(doc, item, bold=_is_heading(item, shaped), align=JUSTIFY, indent=True)
    footer = doc.add_table(rows=1, cols=2)
    _borderless(footer)
    left, right = footer.rows[0].cells
    recipients, signature = _footer_lines(shaped)
    _line(left, "Nơi nhận:", bold=shaped.profile == "state", italic=shaped.profile == "state",
          underline=shaped.profile == "party")
    for text in recipients:
        _line(left, text)
    for text, bold in signature:
        _line(right, text, bold=bold, align=CENTER)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


PRODUCERS = ["python-docx", "libreoffice-resave", "html-in-writer"]


def produce(shaped: Shaped, producer: str, folder: Path) -> Path:
    """The document as ``producer`` types it: python-docx, LibreOffice re-saving that
    file, or LibreOffice Writer opening it as a web page and saving it as .docx."""
    path = folder / f"{shaped.name}.docx"
    path.write_bytes(docx_bytes(shaped))
    if producer == "python-docx":
        return path
    from ttdn_docs.office import soffice_convert

    if producer == "libreoffice-resave":
        saved = folder / "resaved" / path.name
        saved.parent.mkdir(exist_ok=True)
        saved.write_bytes(soffice_convert(path, "docx"))
        return saved
    page = folder / f"{shaped.name}.html"
    page.write_text(html_text(shaped), encoding="utf-8")
    out = folder / "from-html" / path.name
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(soffice_convert(page, "docx"))
    return out


def html_text(shaped: Shaped) -> str:
    """The same document as a web page (opened and saved by LibreOffice Writer)."""
    esc = html.escape
    top_left, top_right = _header_lines(shaped)

    def cell(lines: list[tuple[str, bool, bool]]) -> str:
        parts = []
        for text, bold, italic in lines:
            text = esc(text)
            parts.append(f"<b>{text}</b>" if bold else f"<i>{text}</i>" if italic else text)
        return "<br>".join(parts)

    out = ['<html><head><meta charset="utf-8"></head><body style="font-family:\'Times New Roman\';font-size:14pt">']
    out.append(f'<table style="border:none;width:100%"><tr><td style="text-align:center">{cell(top_left)}</td>'
               f'<td style="text-align:center">{cell(top_right)}</td></tr></table>')
    if shaped.kind:
        out.append(f'<p style="text-align:center"><b>{esc(shaped.kind)}</b></p>')
        out.append(f'<p style="text-align:center"><b>{esc(shaped.summary)}</b></p>')
        if shaped.profile == "party":
            out.append('<p style="text-align:center">-----</p>')
    for text in _addressee_lines(shaped):
        align = "center" if len(shaped.addressees) == 1 else "left;text-indent:1cm"
        out.append(f'<p style="text-align:{align}">{esc(text)}</p>')
    for item in shaped.body:
        if isinstance(item, list):
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in item)
            out.append(f'<table border="1" style="border-collapse:collapse;width:100%">{rows}</table>')
        elif _is_heading(item, shaped):
            out.append(f'<p style="text-align:justify"><b>{esc(item)}</b></p>')
        else:
            out.append(f'<p style="text-align:justify;text-indent:1cm">{esc(item)}</p>')
    recipients, signature = _footer_lines(shaped)
    label = "<u>Nơi nhận:</u>" if shaped.profile == "party" else "<b><i>Nơi nhận:</i></b>"
    sign = "<br>".join(f"<b>{esc(t)}</b>" if b else esc(t) for t, b in signature)
    out.append(f'<table style="border:none;width:100%"><tr><td>{label}<br>{"<br>".join(esc(r) for r in recipients)}</td>'
               f'<td style="text-align:center">{sign}</td></tr></table>')
    out.append("</body></html>")
    return "\n".join(out)


def _addressee_lines(shaped: Shaped) -> list[str]:
    """«Kính gửi: A» for one addressee; «Kính gửi:» then «- A;» … «- B.» for several."""
    if len(shaped.addressees) <= 1:
        return [f"Kính gửi: {a}" for a in shaped.addressees]
    end = "," if shaped.profile == "party" else ";"
    items = [f"- {a}{end}" for a in shaped.addressees[:-1]] + [f"- {shaped.addressees[-1]}."]
    return ["Kính gửi:", *items]


def _header_lines(shaped: Shaped) -> tuple[list[tuple[str, bool, bool]], list[tuple[str, bool, bool]]]:
    symbol = "KH" if shaped.kind == "KẾ HOẠCH" else "BC"
    date = "Ngũ Hùng, ngày 12 tháng 3 năm 2025" if symbol == "KH" else "Ngũ Hùng, ngày 15 tháng 12 năm 2025"
    if shaped.profile == "party":
        number = shaped.number or f"Số 12-{symbol}/ĐU"
        left = [("ĐẢNG BỘ TỈNH HẢI DƯƠNG", False, False), ("ĐẢNG ỦY XÃ NGŨ HÙNG", True, False), ("*", False, False),
                (number, False, False)]
        right = [("ĐẢNG CỘNG SẢN VIỆT NAM", True, False), (date, False, True)]
    else:
        number = shaped.number or f"Số: 45/{symbol}-UBND"
        left = [("ỦY BAN NHÂN DÂN", True, False), ("XÃ NGŨ HÙNG", True, False), (number, False, False)]
        right = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False),
                 (date, False, True)]
    left += [(text, False, shaped.profile == "party") for text in shaped.under_number]
    return left, right


def _footer_lines(shaped: Shaped) -> tuple[list[str], list[tuple[str, bool]]]:
    if shaped.profile == "party":
        recipients = ["- Ban Tuyên giáo và Dân vận Tỉnh ủy,", "- Các chi bộ trực thuộc,", "- Lưu VPĐU."]
        signature = [("T/M ĐẢNG ỦY", True), ("BÍ THƯ", False), ("", False), ("", False), ("Trần Văn Bình", True)]
    else:
        recipients = ["- Như trên;", "- TT Đảng ủy xã;", "- Lưu: VT."]
        signature = [("TM. ỦY BAN NHÂN DÂN", True), ("CHỦ TỊCH", True), ("", False), ("", False), ("Lê Thị Hoa", True)]
    return recipients, signature


# -- what a careful reader sees ---------------------------------------------------------

Token = tuple[object, ...]


def expected_shape(shaped: Shaped) -> list[Token]:
    """The outline as ``importer.shape.body_shape`` writes it: sections by level (mục 0,
    khoản 1, điểm 2) with their titles, paragraphs, items and tables in order; the
    number, the bullet marker and the State body's end mark ``./.`` are form."""
    tokens: list[Token] = []
    for item in shaped.body:
        if isinstance(item, list):
            header, *rows = item
            tokens.append(("table", tuple(header), tuple(tuple(r) for r in rows)))
            continue
        # The State rule book's end mark is written by the renderer; a Party file keeps it as typed.
        end = shaped.profile == "state" and item.endswith("./.")
        text = item.removesuffix("./.") + "." if end else item
        level = 0 if _MUC.match(text) else 1 if _KHOAN.match(text) else 2 if _DIEM.match(text) else None
        if level is not None:
            title = re.sub(r"^\S+\s+", "", text)
            # A heading is at the level typed (mục 0, khoản 1, điểm 2), with or without
            # the levels above it.
            if level == 2 and not shaped.titled_points:
                tokens.append(("section", level, "", title))  # a điểm carrying its text
            else:
                tokens.append(("section", level, title, ""))
        elif text.startswith("- "):
            tokens.append(("bullet", text[2:]))
        elif text.startswith("+ "):
            tokens.append(("sub-bullet", text[2:]))
        else:
            tokens.append(("paragraph", text))
    return tokens


# -- the corpus ------------------------------------------------------------------------

_BASES_PLAN = ("Căn cứ Kế hoạch số 15-KH/HU ngày 10/01/2025 của Huyện ủy Thanh Miện về công tác thông tin "
               "đối ngoại năm 2025, {who} xây dựng Kế hoạch thực hiện như sau:")
_BASES_REPORT = ("Thực hiện Kế hoạch số 12-KH/ĐU ngày 12/3/2025 của Đảng ủy xã về công tác thông tin đối ngoại "
                 "năm 2025, {who} báo cáo kết quả thực hiện như sau:")
_INDICATORS = [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"],
    ["1", "Tin, bài trên trang thông tin điện tử của xã", "tin, bài", "86"],
    ["2", "Buổi phát thanh chuyên mục thông tin đối ngoại", "buổi", "48"],
]

_SEVEN_UNITS = ("Văn phòng Đảng ủy", "Ủy ban nhân dân xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Đoàn Thanh niên xã",
                "Hội Liên hiệp Phụ nữ xã", "Hội Nông dân xã", "Hội Cựu chiến binh xã")

SHAPES: list[Shaped] = [
    Shaped("ubnd-nhiem-vu-kinh-phi", "state", "KẾ HOẠCH", "Thực hiện công tác thông tin đối ngoại năm 2025", [
        _BASES_PLAN.format(who="Ủy ban nhân dân xã"),
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Cụ thể hóa kế hoạch của Đảng ủy xã về công tác thông tin đối ngoại.",
        "2. Yêu cầu",
        "- Triển khai đồng bộ, thiết thực, hiệu quả.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Tăng cường sự lãnh đạo, chỉ đạo",
        "- Quán triệt kế hoạch đến cán bộ, công chức.",
        "2. Đổi mới nội dung thông tin",
        "- Thông tin về tình hình kinh tế - xã hội của xã.",
        "3. Đa dạng hóa hình thức tuyên truyền",
        "- Trên hệ thống truyền thanh và trang thông tin điện tử của xã.",
        "- Qua hội nghị, sinh hoạt của thôn, khu dân cư.",
        "4. Quảng bá hình ảnh địa phương",
        "- Giới thiệu sản phẩm OCOP, làng nghề, di tích.",
        "5. Đấu tranh với thông tin sai lệch",
        "- Nắm bắt dư luận, kịp thời cung cấp thông tin chính thức.",
        "III. KINH PHÍ THỰC HIỆN",
        "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách xã năm 2025.",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng HĐND và UBND xã",
        "- Theo dõi, đôn đốc, tổng hợp kết quả thực hiện.",
        "2. Công chức Văn hóa - Xã hội",
        "- Tham mưu nội dung tuyên truyền; quản lý trang thông tin điện tử.",
        "Trên đây là Kế hoạch thực hiện công tác thông tin đối ngoại năm 2025 của Ủy ban nhân dân xã./.",
    ]),
    Shaped("party-report-dac-diem-bang", "party", "BÁO CÁO", "kết quả công tác thông tin đối ngoại năm 2025", [
        _BASES_REPORT.format(who="Ban Thường vụ Đảng ủy xã"),
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "Xã Ngũ Hùng có 12 thôn, 2.345 hộ; sau sắp xếp đơn vị hành chính, tình hình chính trị ổn định.",
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Công tác lãnh đạo, chỉ đạo",
        "Ban Thường vụ Đảng ủy ban hành kế hoạch và phân công nhiệm vụ cho các chi bộ.",
        "2. Kết quả tuyên truyền",
        "Kết quả một số chỉ tiêu chủ yếu như sau:",
        _INDICATORS,
        "Các chi bộ tổ chức quán triệt đầy đủ, đúng thời gian.",
        "III. HẠN CHẾ, NGUYÊN NHÂN",
        "Một số chi bộ chưa quan tâm đúng mức; cán bộ làm công tác thông tin đối ngoại còn kiêm nhiệm.",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
        "- Tiếp tục quán triệt các văn bản của cấp trên về công tác thông tin đối ngoại.",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy mở lớp bồi dưỡng nghiệp vụ cho cán bộ cơ sở./.",
    ]),
    Shaped("party-plan-no-closing", "party", "KẾ HOẠCH", "công tác thông tin đối ngoại năm 2025", [
        _BASES_PLAN.format(who="Ban Thường vụ Đảng ủy xã"),
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Nâng cao nhận thức của cán bộ, đảng viên về công tác thông tin đối ngoại.",
        "2. Yêu cầu",
        "- Bám sát chỉ đạo của cấp trên.",
        "II. NỘI DUNG TRIỂN KHAI",
        "1. Nội dung tuyên truyền",
        "- Chủ trương, đường lối đối ngoại của Đảng.",
        "2. Phương thức triển khai",
        "- Lồng ghép trong sinh hoạt chi bộ.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Đảng ủy",
        "- Tham mưu triển khai kế hoạch; theo dõi, tổng hợp kết quả./.",
    ]),
    Shaped("party-plan-short", "party", "KẾ HOẠCH", "tuyên truyền đối ngoại dịp Tết Nguyên đán 2025", [
        _BASES_PLAN.format(who="Ban Thường vụ Đảng ủy xã"),
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Thông tin kịp thời các hoạt động đón Tết của địa phương.",
        "- Bảo đảm chính xác, đúng quy định.",
        "II. NỘI DUNG, HÌNH THỨC",
        "- Tuyên truyền trên hệ thống truyền thanh của xã.",
        "- Đăng tin trên trang thông tin điện tử.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Giao Văn phòng Đảng ủy theo dõi, đôn đốc và báo cáo kết quả trước ngày 15/02/2025./.",
    ]),
    Shaped("party-plan-diem", "party", "KẾ HOẠCH", "công tác thông tin đối ngoại năm 2025", [
        _BASES_PLAN.format(who="Ban Thường vụ Đảng ủy xã"),
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Quảng bá hình ảnh quê hương đến bạn bè trong và ngoài nước.",
        "2. Yêu cầu",
        "- Triển khai thiết thực, hiệu quả.",
        "II. NHIỆM VỤ TRỌNG TÂM",
        "1. Thông tin về địa phương",
        "a) Kết quả phát triển kinh tế - xã hội;",
        "b) Tiềm năng du lịch, làng nghề;",
        "2. Thông tin thế giới",
        "a) Tình hình khu vực có liên quan;",
        "b) Thành tựu đối ngoại của đất nước.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Đảng ủy",
        "- Tham mưu triển khai kế hoạch.",
        "2. Các chi bộ",
        "- Quán triệt trong sinh hoạt chi bộ.",
        "Trên đây là Kế hoạch công tác thông tin đối ngoại năm 2025 của Đảng ủy xã./.",
    ]),
    Shaped("ubnd-tien-do", "state", "KẾ HOẠCH", "Tuyên truyền đối ngoại năm 2025", [
        _BASES_PLAN.format(who="Ủy ban nhân dân xã"),
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Thông tin chính thức, kịp thời về hoạt động của chính quyền xã.",
        "II. NỘI DUNG",
        "- Kết quả thực hiện chính quyền địa phương hai cấp.",
        "III. TIẾN ĐỘ THỰC HIỆN",
        [["Thời gian", "Nội dung", "Đơn vị thực hiện"],
         ["Tháng 3", "Ban hành kế hoạch", "Văn phòng"],
         ["Tháng 6", "Sơ kết 6 tháng", "Công chức Văn hóa - Xã hội"],
         ["Tháng 12", "Tổng kết, báo cáo", "Văn phòng"]],
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Công chức Văn hóa - Xã hội",
        "- Chủ trì, tham mưu triển khai kế hoạch.",
        "2. Các thôn",
        "- Phối hợp tuyên truyền tại khu dân cư./.",
    ]),
    Shaped("ubnd-report-kinh-gui", "state", "BÁO CÁO", "Kết quả công tác thông tin đối ngoại năm 2025", [
        _BASES_REPORT.format(who="Ủy ban nhân dân xã"),
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Theo lĩnh vực",
        "a) Thông tin về kinh tế - xã hội: đăng 86 tin, bài;",
        "b) Quảng bá hình ảnh: giới thiệu 5 sản phẩm OCOP.",
        "2. Theo đơn vị",
        "- Văn phòng: tổng hợp, báo cáo đúng hạn.",
        "- Công chức Văn hóa - Xã hội: duy trì chuyên mục phát thanh.",
        "II. HẠN CHẾ",
        "- Nội dung tuyên truyền chưa phong phú.",
        "III. PHƯƠNG HƯỚNG NĂM 2026",
        "- Đổi mới hình thức tuyên truyền trên mạng xã hội./.",
    ], addressees=["Ủy ban nhân dân huyện Thanh Miện"]),
    Shaped("party-plan-bay-khoan", "party", "KẾ HOẠCH", "công tác thông tin đối ngoại năm 2025", [
        _BASES_PLAN.format(who="Ban Thường vụ Đảng ủy xã"),
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Nâng cao hiệu quả công tác thông tin đối ngoại.",
        "2. Yêu cầu",
        "- Phân công rõ người, rõ việc.",
        "II. NỘI DUNG TRIỂN KHAI",
        "1. Nội dung tuyên truyền",
        "- Đường lối đối ngoại của Đảng.",
        "2. Phương thức triển khai",
        "- Trên hệ thống truyền thanh.",
        "III. TỔ CHỨC THỰC HIỆN",
        *[line for number, unit in enumerate(_SEVEN_UNITS, start=1)
          for line in (f"{number}. {unit}", f"- Triển khai kế hoạch trong phạm vi của {unit}.")],
        "Trên đây là Kế hoạch công tác thông tin đối ngoại năm 2025 của Đảng ủy xã./.",
    ]),
    Shaped("party-report-cong", "party", "BÁO CÁO", "kết quả công tác thông tin đối ngoại năm 2025", [
        _BASES_REPORT.format(who="Ban Thường vụ Đảng ủy xã"),
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "- Ban hành kế hoạch năm 2025:",
        "+ Kế hoạch số 12-KH/ĐU về công tác thông tin đối ngoại;",
        "+ Văn bản hướng dẫn các chi bộ.",
        "II. KẾT QUẢ THỰC HIỆN",
        "- Tổ chức 4 hội nghị quán triệt với 320 lượt người tham dự.",
        "III. HẠN CHẾ, NGUYÊN NHÂN",
        "1. Hạn chế",
        "- Hình thức tuyên truyền chưa đa dạng.",
        "2. Nguyên nhân",
        "- Kinh phí còn hạn hẹp.",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
        "- Tiếp tục đổi mới nội dung, hình thức tuyên truyền.",
        "Trên đây là Báo cáo kết quả công tác thông tin đối ngoại năm 2025 của Đảng ủy xã./.",
    ]),
    Shaped("party-plan-tron-lan", "party", "KẾ HOẠCH", "công tác thông tin đối ngoại năm 2025", [
        _BASES_PLAN.format(who="Ban Thường vụ Đảng ủy xã"),
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Kế hoạch nhằm nâng cao nhận thức về công tác thông tin đối ngoại, cụ thể:",
        "- Cán bộ, đảng viên nắm được chủ trương của Đảng.",
        "- Nhân dân hiểu rõ chính sách đối ngoại của Nhà nước.",
        "2. Yêu cầu",
        "Bám sát chỉ đạo của cấp trên, phù hợp với thực tế địa phương.",
        "II. NỘI DUNG TRIỂN KHAI",
        "1. Nội dung tuyên truyền",
        "- Đường lối đối ngoại của Đảng.",
        "2. Phương thức triển khai",
        "- Lồng ghép trong sinh hoạt chi bộ.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Đảng ủy",
        "Tham mưu triển khai kế hoạch.",
        "2. Các chi bộ",
        "Quán triệt trong sinh hoạt chi bộ.",
        "Trên đây là Kế hoạch công tác thông tin đối ngoại năm 2025 của Đảng ủy xã./.",
    ]),
    Shaped("ubnd-report-cot-dao", "state", "BÁO CÁO", "Kết quả công tác thông tin đối ngoại năm 2025", [
        _BASES_REPORT.format(who="Ủy ban nhân dân xã"),
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "Năm 2025, xã triển khai công tác thông tin đối ngoại trong bối cảnh sắp xếp đơn vị hành chính.",
        "II. KẾT QUẢ ĐẠT ĐƯỢC",
        [["Chỉ tiêu", "Kết quả", "Đơn vị tính", "STT"],
         ["Tin, bài trên trang thông tin điện tử", "86", "tin, bài", "1"],
         ["Pa nô, áp phích", "12", "cái", "2"]],
        "III. KIẾN NGHỊ",
        "- Đề nghị huyện hỗ trợ kinh phí nâng cấp hệ thống truyền thanh./.",
    ]),
    Shaped("party-plan-khoan-khong-muc", "party", "KẾ HOẠCH", "tuyên truyền kỷ niệm 80 năm Quốc khánh", [
        _BASES_PLAN.format(who="Ban Thường vụ Đảng ủy xã"),
        "1. Mục đích, yêu cầu",
        "- Khơi dậy niềm tự hào dân tộc trong cán bộ, đảng viên và Nhân dân.",
        "2. Nội dung tuyên truyền",
        "a) Thành tựu 80 năm xây dựng và bảo vệ Tổ quốc;",
        "b) Hình ảnh quê hương Ngũ Hùng đổi mới.",
        "3. Tổ chức thực hiện",
        "- Văn phòng Đảng ủy theo dõi, đôn đốc, tổng hợp kết quả./.",
    ]),
    Shaped("party-plan-ba-cap", "party", "KẾ HOẠCH", "công tác thông tin đối ngoại năm 2025", [
        _BASES_PLAN.format(who="Ban Thường vụ Đảng ủy xã"),
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Nâng cao nhận thức về công tác thông tin đối ngoại.",
        "2. Yêu cầu",
        "- Triển khai thiết thực.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Công tác tuyên truyền",
        "a) Tuyên truyền trên hệ thống truyền thanh",
        "- Xây dựng chuyên mục định kỳ hằng tháng:",
        "+ Chuyên mục thông tin đối ngoại;",
        "+ Chuyên mục quảng bá địa phương.",
        "b) Tuyên truyền trên mạng xã hội",
        "- Duy trì trang của xã trên mạng xã hội.",
        "2. Công tác quản lý",
        "- Thực hiện đúng quy chế phát ngôn.",
        "III. KINH PHÍ",
        "Từ nguồn ngân sách xã và các nguồn hợp pháp khác.",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Đảng ủy",
        "- Theo dõi, đôn đốc, tổng hợp.",
        "Trên đây là Kế hoạch công tác thông tin đối ngoại năm 2025 của Đảng ủy xã./.",
    ], titled_points=True),
]


# -- the other types of a commune: công văn, quyết định, thông báo, giấy mời ------------

DOC_SHAPES: list[Shaped] = [
    Shaped("ubnd-cong-van", "state", "", "tăng cường thông tin đối ngoại năm 2025", [
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 08/9/2025 của Ủy ban nhân dân xã, Ủy ban nhân dân xã đề nghị:",
        "1. Các phòng, đơn vị cung cấp thông tin về hoạt động của đơn vị trước ngày 25 hằng tháng.",
        "2. Trưởng các thôn tuyên truyền tại các cuộc họp thôn, khu dân cư.",
        "Đề nghị các cơ quan, đơn vị quan tâm thực hiện./.",
    ], addressees=["Các phòng, đơn vị thuộc UBND xã", "Trưởng các thôn"], number="Số: 152/UBND-VHXH",
        under_number=["V/v tăng cường thông tin đối ngoại", "năm 2025"]),
    Shaped("dang-uy-cong-van", "party", "", "tuyên truyền kỷ niệm Ngày thành lập ngành Ngoại giao", [
        "Ban Thường vụ Đảng ủy xã đề nghị các chi bộ trực thuộc thực hiện một số nội dung sau:",
        "1. Tổ chức tuyên truyền trong cán bộ, đảng viên và Nhân dân.",
        "2. Lồng ghép nội dung tuyên truyền trong sinh hoạt chi bộ thường kỳ.",
    ], addressees=["Các chi bộ trực thuộc", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"], number="Số 37-CV/ĐU",
        under_number=["V/v tuyên truyền kỷ niệm Ngày thành lập ngành Ngoại giao"]),
    Shaped("ubnd-quyet-dinh", "state", "QUYẾT ĐỊNH", "Về việc thành lập Tổ Thông tin đối ngoại xã", [
        "ỦY BAN NHÂN DÂN XÃ NGŨ HÙNG",  # who decides (NĐ 30 Mẫu 1.1); the Ủy ban signs TM.
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Nghị định số 72/2015/NĐ-CP ngày 7/9/2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Thành lập Tổ Thông tin đối ngoại xã",
        "Thành lập Tổ Thông tin đối ngoại xã gồm các ông, bà có tên sau:",
        "- Ông Nguyễn Văn C, Phó Chủ tịch Ủy ban nhân dân xã, Tổ trưởng;",
        "- Bà Lê Thị D, công chức Văn hóa - Xã hội, Tổ phó.",
        "Điều 2. Nhiệm vụ của Tổ",
        "1. Giúp Chủ tịch Ủy ban nhân dân xã chỉ đạo công tác thông tin đối ngoại.",
        "2. Tổng hợp, báo cáo kết quả theo quý, năm.",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    ], number="Số: 215/QĐ-UBND"),
    Shaped("dang-uy-quyet-dinh", "party", "QUYẾT ĐỊNH", "về việc thành lập Ban Chỉ đạo công tác thông tin đối ngoại", [
        "- Căn cứ Điều lệ Đảng;",
        "- Căn cứ Kết luận số 57-KL/TW, ngày 15/6/2023 của Bộ Chính trị về tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại trong tình hình mới,",
        "BAN THƯỜNG VỤ QUYẾT ĐỊNH",
        "Điều 1. Thành lập Ban Chỉ đạo công tác thông tin đối ngoại của Đảng ủy xã",
        "Ban Chỉ đạo gồm các đồng chí trong Ban Thường vụ Đảng ủy xã.",
        "Điều 2. Ban Chỉ đạo giúp Ban Thường vụ lãnh đạo công tác thông tin đối ngoại trên địa bàn xã.",
        "Điều 3. Văn phòng Đảng ủy, các chi bộ và các đồng chí có tên tại Điều 1 thi hành Quyết định này.",
    ], number="Số 125-QĐ/ĐU"),
    Shaped("ubnd-thong-bao", "state", "THÔNG BÁO", "Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban", [
        "Ngày 03/10/2025, Chủ tịch Ủy ban nhân dân xã chủ trì cuộc họp giao ban công tác thông tin đối ngoại quý III.",
        "I. ĐÁNH GIÁ CHUNG",
        "Các phòng, đơn vị đã chủ động cung cấp thông tin.",
        "II. NHIỆM VỤ TRONG THỜI GIAN TỚI",
        "1. Phòng Văn hóa - Xã hội xây dựng chuyên mục quảng bá sản phẩm OCOP.",
        "2. Công an xã xử lý thông tin sai sự thật trên không gian mạng.",
        "Ủy ban nhân dân xã thông báo để các phòng, đơn vị biết, thực hiện./.",
    ], number="Số: 87/TB-UBND"),
    Shaped("dang-uy-giay-moi", "party", "GIẤY MỜI", "dự Hội nghị tập huấn nghiệp vụ thông tin đối ngoại", [
        "Ban Thường vụ Đảng ủy xã trân trọng kính mời:",
        "- Bí thư các chi bộ trực thuộc;",
        "- Báo cáo viên cơ sở của Đảng bộ xã.",
        "Thời gian: 07 giờ 30 phút, ngày 20/11/2025.",
        "Địa điểm: Hội trường Đảng ủy xã.",
    ], number="Số 24-GM/ĐU"),
]
