"""Reading a .docx as Word does: effective formatting along the style chain, theme
fonts, lines drawn as shapes or borders."""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from handmade import hand_made_docx

from ttdn_docs.check import check_file
from ttdn_docs.docxread.view import open_docx
from ttdn_docs.ooxml_ns import W_NS as _W_URI
from ttdn_docs.profiles import load_profile

W_NS = f'xmlns:w="{_W_URI}"'


def _saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_formatting_is_resolved_along_the_style_chain() -> None:
    document = docx.Document()
    base = document.styles.add_style("Gốc", WD_STYLE_TYPE.PARAGRAPH)
    base.font.bold = True
    base.font.name = "Times New Roman"  # ascii and hAnsi only
    child = document.styles.add_style("Con", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    child.font.size = Pt(15)
    child.font.all_caps = True
    emphasis = document.styles.add_style("Nhấn", WD_STYLE_TYPE.CHARACTER)
    emphasis.font.italic = True
    paragraph = document.add_paragraph("", "Con")
    paragraph.add_run("kế hoạch ")
    paragraph.add_run("năm", "Nhấn").bold = False
    plain = document.add_paragraph("thường")
    view = open_docx(_saved(document))
    first, second = [p for p in view.paragraphs if p.text][:2]
    styled, emphasised = first.runs
    assert (styled.size, styled.bold, styled.italic, styled.caps) == (15, True, False, True)
    assert (emphasised.bold, emphasised.italic, emphasised.size) == (False, True, 15)
    # ascii/hAnsi from the style; eastAsia/cs from the docDefaults' theme fonts, which
    # are empty in python-docx's theme: "not set".
    assert styled.fonts == {"ascii": "Times New Roman", "hAnsi": "Times New Roman", "eastAsia": None, "cs": None}
    # Normal sets nothing: the theme's minor Latin font (Cambria in python-docx's theme).
    assert second.text == plain.text and second.runs[0].fonts["ascii"] == "Cambria"


def test_theme_font_on_every_slot_is_reported_with_its_real_name() -> None:
    profile = load_profile("party")
    data = hand_made_docx(profile)
    document = docx.Document(io.BytesIO(data))
    fonts = document.styles["Normal"].element.rPr.rFonts
    for slot in ("w:ascii", "w:hAnsi"):
        del fonts.attrib[qn(slot)]
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    findings = check_file(_saved(document), profile).findings
    ascii_findings = [f for f in findings if f.rule == "PARTY.FONT.ASCII"]
    assert ascii_findings and all(f.found == "Cambria" and f.expected == "Times New Roman" for f in ascii_findings)
    assert {f.rule for f in findings} == {"PARTY.FONT.ASCII", "PARTY.FONT.HANSI"}


def test_line_drawn_in_vml_is_measured() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("CỘNG HÒA")
    paragraph._p.append(parse_xml(
        f'<w:r {W_NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        '<v:line from="10pt,2pt" to="110pt,2pt" strokeweight=".5pt"/></w:pict></w:r>'
    ))
    document.add_paragraph("").runs  # noqa: B018 - an empty paragraph has no line
    view = open_docx(_saved(document))
    with_line, empty = list(view.paragraphs)
    assert [(m.kind, m.length) for m in with_line.lines] == [("vml", 2000)]  # 100 pt
    assert empty.lines == ()


def test_unmeasurable_line_is_a_warning_not_an_error() -> None:
    """The line under ĐẢNG CỘNG SẢN VIỆT NAM drawn as a VML connector without a size."""
    profile = load_profile("party")
    document = docx.Document(io.BytesIO(hand_made_docx(profile)))
    national = next(document.element.body.iter(qn("w:drawing")))  # the only shape
    run = national.getparent()
    run.remove(national)
    run.append(parse_xml(
        f'<w:pict {W_NS} xmlns:v="urn:schemas-microsoft-com:vml">'
        '<v:shape type="#_x0000_t32" style="position:absolute;width:120pt;height:0"/></w:pict>'
    ))
    findings = check_file(_saved(document), profile).findings
    assert [(f.rule, f.severity, f.found) for f in findings] == [
        ("PARTY.NATIONAL_SEPARATOR.LENGTH", "warning", "không đo được")
    ]


def test_bottom_border_on_the_title_line_counts_as_its_line() -> None:
    profile = load_profile("party")
    document = docx.Document(io.BytesIO(hand_made_docx(profile)))
    drawing = next(d for d in document.element.body.iter(qn("w:drawing")))
    paragraph = drawing.getparent().getparent()
    drawing.getparent().remove(drawing)
    ppr = paragraph.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:pBdr {W_NS}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'))
    # A border spans the cell: 77 mm under a 15 pt title about 73 mm wide, within 0.8–1.2.
    assert check_file(_saved(document), profile).findings == []


def test_word_bullets_warn_once_and_their_indent_is_left_alone() -> None:
    profile = load_profile("party")
    document = docx.Document(io.BytesIO(hand_made_docx(profile)))
    closing = [p for p in document.paragraphs if p.text.startswith("Các chi bộ")][0]
    for text in ("Tuyên truyền trên hệ thống truyền thanh.", "Tuyên truyền qua sinh hoạt chi bộ."):
        closing.insert_paragraph_before(text, "List Bullet")
    findings = check_file(_saved(document), profile).findings
    assert [(f.rule, f.severity, f.location.text) for f in findings] == [
        ("PARTY.BODY.AUTO_NUMBERING", "warning", "Tuyên truyền trên hệ thống truyền thanh.")
    ]
