"""Documents typed from scratch the way commune offices type them, not derived from our
renders: a header table whose left cell breaks lines with Shift+Enter (``<w:br/>``),
bullets typed by hand in Word's built-in «List Paragraph» style, a trích yếu split over
two lines, điểm typed ``a)``, ``b)``, the signer's name after empty paragraphs, Nơi nhận
lines ending in ``,``; a State plan with «Kính gửi:»; a report whose indicator figures are
typed ``1.234`` and ``97,56%``. Each builder returns the bytes of a .docx, except
``PLAN_HTML``: a plan written as a web page, which the tests turn into .odt and .docx
with LibreOffice (a file really produced by another program: lines broken with
``<br>``, title and trích yếu in one paragraph)."""

from __future__ import annotations

import io
import re

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

CENTER = WD_ALIGN_PARAGRAPH.CENTER


def _line(container: object, text: str = "", *, bold: bool = False, italic: bool = False,
          align: WD_ALIGN_PARAGRAPH | None = None, style: str | None = None, underline: bool = False) -> object:
    paragraph = container.add_paragraph(style=style) if style else container.add_paragraph()  # type: ignore[attr-defined]
    if align is not None:
        paragraph.alignment = align
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size = Pt(14)
        run.font.name = "Times New Roman"
    return paragraph


def _broken(cell: object, lines: list[tuple[str, bool]]) -> None:
    """One paragraph holding several lines separated by Shift+Enter (``<w:br/>``)."""
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = CENTER
    for index, (text, bold) in enumerate(lines):
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(14)
        run.font.name = "Times New Roman"
        if index < len(lines) - 1:
            run.add_break()


def _borderless(table: object) -> None:
    borders = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table._tbl.tblPr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{borders}</w:tblBorders>'))  # type: ignore[attr-defined]


def _saved(doc: object) -> bytes:
    out = io.BytesIO()
    doc.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def party_plan_typed() -> bytes:
    """A Đảng ủy plan: header table with line breaks, points a) b), List Paragraph bullets."""
    doc = docx.Document()
    header = doc.add_table(rows=1, cols=2)
    _borderless(header)
    left, right = header.rows[0].cells
    _broken(left, [("ĐẢNG BỘ HUYỆN THANH MIỆN", False), ("ĐẢNG ỦY XÃ NGŨ HÙNG", True), ("*", False), ("Số 07-KH/ĐU", False)])
    right.paragraphs[0].alignment = CENTER
    run = right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM")
    run.bold, run.underline = True, True
    _line(right, "Ngũ Hùng, ngày 3 tháng 3 năm 2025", italic=True, align=CENTER)
    _line(doc)
    _line(doc, "KẾ HOẠCH", bold=True, align=CENTER)
    # The trích yếu typed on two lines (Enter in the middle).
    _line(doc, "thực hiện công tác thông tin đối ngoại", bold=True, align=CENTER)
    _line(doc, "năm 2025", bold=True, align=CENTER)
    _line(doc, "-----", align=CENTER)
    _line(doc)
    _line(doc, "Căn cứ Kế hoạch số 15-KH/HU ngày 10/01/2025 của Huyện ủy Thanh Miện về công tác thông "
          "tin đối ngoại năm 2025, Ban Thường vụ Đảng ủy xã xây dựng kế hoạch thực hiện như sau:")
    _line(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _line(doc, "1. Mục đích", bold=True)
    _line(doc, "- Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về công tác thông tin đối ngoại.", style="List Paragraph")
    _line(doc, "- Quảng bá hình ảnh quê hương Ngũ Hùng đến bạn bè trong và ngoài nước.", style="List Paragraph")
    _line(doc, "2. Yêu cầu", bold=True)
    _line(doc, "- Bám sát chỉ đạo của cấp trên, phù hợp với tình hình thực tế của địa phương.", style="List Paragraph")
    _line(doc, "II. NỘI DUNG TRIỂN KHAI", bold=True)
    _line(doc, "1. Nội dung tuyên truyền", bold=True)
    _line(doc, "- Chủ trương, đường lối đối ngoại của Đảng, chính sách của Nhà nước.", style="List Paragraph")
    _line(doc, "- Thành tựu phát triển kinh tế - xã hội của xã năm 2024.", style="List Paragraph")
    _line(doc, "2. Phương thức triển khai", bold=True)
    _line(doc, "a) Trên hệ thống truyền thanh cơ sở;")
    _line(doc, "b) Qua sinh hoạt chi bộ, đoàn thể;")
    _line(doc, "c) Trên trang thông tin điện tử của xã.")
    _line(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    _line(doc, "1. Văn phòng Đảng ủy", bold=True)
    _line(doc, "Tham mưu triển khai kế hoạch; theo dõi, đôn đốc, tổng hợp kết quả.")
    _line(doc, "2. Ủy ban nhân dân xã", bold=True)
    _line(doc, "- Chỉ đạo đài truyền thanh xây dựng chuyên mục thông tin đối ngoại.", style="List Paragraph")
    _line(doc, "- Bố trí kinh phí thực hiện kế hoạch.", style="List Paragraph")
    _line(doc, "Trên đây là Kế hoạch thực hiện công tác thông tin đối ngoại năm 2025, Ban Thường vụ Đảng ủy "
          "xã đề nghị các chi bộ, đoàn thể triển khai, thực hiện và báo cáo kết quả về Văn phòng Đảng ủy "
          "trước ngày 15/12/2025./.")
    _line(doc)
    footer = doc.add_table(rows=1, cols=2)
    _borderless(footer)
    left, right = footer.rows[0].cells
    _line(left, "Nơi nhận:", underline=True)
    for text in ("- Ban Tuyên giáo Huyện ủy,", "- Các chi bộ trực thuộc,", "- Lưu VPĐU."):
        _line(left, text)
    _line(right, "T/M ĐẢNG ỦY", bold=True, align=CENTER)
    _line(right, "BÍ THƯ", align=CENTER)
    for _ in range(4):
        _line(right)
    # The name in a paragraph of its own, after blank lines for the signature and seal.
    _line(right, "Trần Văn Bình", bold=True, align=CENTER)
    return _saved(doc)


def _state_header(doc: object, number: str, date: str) -> None:
    """UBND header: a borderless two-column table, each line a paragraph."""
    header = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _borderless(header)
    left, right = header.rows[0].cells
    left.paragraphs[0].alignment = CENTER
    run = left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN")
    run.bold, run.font.size, run.font.name = True, Pt(13), "Times New Roman"
    _line(left, "XÃ NGŨ HÙNG", bold=True, align=CENTER)
    _line(left, number, align=CENTER)
    right.paragraphs[0].alignment = CENTER
    run = right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    run.bold, run.font.size, run.font.name = True, Pt(13), "Times New Roman"
    _line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, align=CENTER)
    _line(right, date, italic=True, align=CENTER)


def _typed_body(doc: object, lines: list[str]) -> None:
    """Body lines typed one after another; ``I.`` and ``1.`` headings in bold."""
    for text in lines:
        _line(doc, text, bold=re.match(r"(?:[IVX]+|\d+)\. ", text) is not None)


def _state_top(number: str, date: str, kind: str, summary: str) -> object:
    """A new UBND document down to its trích yếu, a blank line above the title."""
    doc = docx.Document()
    _state_header(doc, number, date)
    _line(doc)
    _line(doc, kind, bold=True, align=CENTER)
    _line(doc, summary, bold=True, align=CENTER)
    return doc


def _state_footer(doc: object, recipients: list[str]) -> None:
    footer = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _borderless(footer)
    left, right = footer.rows[0].cells
    _line(left, "Nơi nhận:", bold=True, italic=True)
    for text in recipients:
        _line(left, text)
    _line(right, "TM. ỦY BAN NHÂN DÂN", bold=True, align=CENTER)
    _line(right, "CHỦ TỊCH", bold=True, align=CENTER)
    for _ in range(3):
        _line(right)
    _line(right, "Lê Thị Hoa", bold=True, align=CENTER)


def state_report_typed() -> bytes:
    """A UBND report sent with «Kính gửi:», its indicators typed ``1.234`` and ``97,56%``."""
    doc = _state_top("Số: 112/BC-UBND", "Ngũ Hùng, ngày 12 tháng 12 năm 2025", "BÁO CÁO",
                     "Kết quả công tác thông tin đối ngoại năm 2025")
    _line(doc, "Kính gửi: Ủy ban nhân dân huyện Thanh Miện.", align=CENTER)
    _line(doc, "Thực hiện Kế hoạch số 45/KH-UBND ngày 08/9/2025 của Ủy ban nhân dân xã về công tác thông tin "
          "đối ngoại năm 2025, Ủy ban nhân dân xã báo cáo kết quả thực hiện như sau:")
    _typed_body(doc, [
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "- Ban hành kế hoạch và phân công nhiệm vụ cho các bộ phận chuyên môn.",
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Công tác tuyên truyền",
        "- Duy trì chuyên mục thông tin đối ngoại trên hệ thống truyền thanh của xã.",
        "2. Một số chỉ tiêu chủ yếu",
    ])
    rows = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả năm 2025", "Tỷ lệ"],
        ["1", "Đảng viên được quán triệt, tuyên truyền", "đảng viên", "160/164", "97,56%"],
        ["2", "Lượt tiếp cận, tương tác trên mạng xã hội", "lượt", "1.234", ""],
        ["3", "Tin, bài trên trang thông tin điện tử", "tin, bài", "86", ""],
    ]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for cells, texts in zip(table.rows, rows):
        for cell, text in zip(cells.cells, texts):
            cell.paragraphs[0].add_run(text)
    _line(doc, "III. HẠN CHẾ, NGUYÊN NHÂN", bold=True)
    _line(doc, "- Cán bộ làm công tác thông tin đối ngoại còn kiêm nhiệm.")
    _line(doc, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", bold=True)
    _line(doc, "- Tiếp tục duy trì chuyên mục thông tin đối ngoại.")
    _line(doc, "Trên đây là báo cáo kết quả công tác thông tin đối ngoại năm 2025 của Ủy ban nhân dân xã./.")
    _state_footer(doc, ["- Như trên,", "- TT Đảng ủy xã,", "- Lưu: VT."])
    return _saved(doc)


PLAN_HTML = """<html><head><meta charset="utf-8"></head><body style="font-family:'Times New Roman';font-size:14pt">
<table style="border:none;width:100%"><tr>
<td style="text-align:center">ĐẢNG BỘ HUYỆN THANH MIỆN<br><b>ĐẢNG ỦY XÃ TỨ CƯỜNG</b><br>*<br>Số 09-KH/ĐU</td>
<td style="text-align:center"><b>ĐẢNG CỘNG SẢN VIỆT NAM</b><br><br><i>Tứ Cường, ngày 7 tháng 4 năm 2025</i></td>
</tr></table>
<p style="text-align:center"><b>KẾ HOẠCH</b><br><b>công tác thông tin đối ngoại năm 2025</b></p>
<p style="text-align:center">-----</p>
<p style="text-align:justify">Thực hiện Kế hoạch số 15-KH/HU của Huyện ủy, Ban Thường vụ Đảng ủy xã xây dựng kế hoạch như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p><b>1. Mục đích</b></p>
<p>- Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về công tác thông tin đối ngoại.</p>
<p><b>2. Yêu cầu</b></p>
<p>- Bám sát chỉ đạo của cấp trên.</p>
<p><b>II. NỘI DUNG TRIỂN KHAI</b></p>
<p><b>1. Nội dung tuyên truyền</b></p>
<p>- Chủ trương, đường lối đối ngoại của Đảng.</p>
<p><b>2. Phương thức triển khai</b></p>
<p>a) Trên hệ thống truyền thanh cơ sở;</p>
<p>b) Qua sinh hoạt chi bộ, đoàn thể.</p>
<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p><b>1. Văn phòng Đảng ủy</b></p>
<p>Tham mưu triển khai, theo dõi, tổng hợp kết quả.</p>
<p>Trên đây là Kế hoạch công tác thông tin đối ngoại năm 2025, Ban Thường vụ Đảng ủy xã đề nghị các chi bộ triển khai, thực hiện./.</p>
<table style="border:none;width:100%"><tr>
<td><u>Nơi nhận:</u><br>- Ban Tuyên giáo Huyện ủy,<br>- Lưu VPĐU.</td>
<td style="text-align:center"><b>T/M ĐẢNG ỦY</b><br>BÍ THƯ<br><br><br><br><b>Phạm Văn Cường</b></td>
</tr></table>
</body></html>
"""


def state_plan_typed() -> bytes:
    """A UBND plan sent to the bodies that carry it out («Kính gửi:» with a list), the
    number typed without the colon's space and the trích yếu in sentence case."""
    doc = _state_top("Số:  58/KH-UBND", "Ngũ Hùng, ngày 02 tháng 10 năm 2025", "KẾ HOẠCH",
                     "Thực hiện công tác thông tin đối ngoại năm 2025")
    _line(doc, "Kính gửi:", align=CENTER)
    _line(doc, "- Các ban, ngành, đoàn thể xã;", align=CENTER)
    _line(doc, "- Ban quản lý các thôn.", align=CENTER)
    _line(doc, "Căn cứ Kế hoạch số 07-KH/ĐU ngày 03/3/2025 của Đảng ủy xã, Ủy ban nhân dân xã ban hành "
          "Kế hoạch thực hiện công tác thông tin đối ngoại năm 2025 như sau:")
    _typed_body(doc, [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Cụ thể hóa kế hoạch của Đảng ủy xã về công tác thông tin đối ngoại.",
        "2. Yêu cầu",
        "- Triển khai đồng bộ, thiết thực, hiệu quả.",
        "II. NỘI DUNG TRIỂN KHAI",
        "1. Nội dung tuyên truyền",
        "- Thông tin về tình hình kinh tế - xã hội của xã.",
        "2. Phương thức triển khai",
        "- Trên hệ thống truyền thanh và trang thông tin điện tử của xã.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng HĐND và UBND xã",
        "Theo dõi, đôn đốc, tổng hợp kết quả thực hiện.",
    ])
    _line(doc, "Trên đây là Kế hoạch thực hiện công tác thông tin đối ngoại năm 2025 của Ủy ban nhân dân xã./.")
    _state_footer(doc, ["- Như trên,", "- Lưu: VT."])
    return _saved(doc)
