"""Each layout family rendered under both rule books from one AdminDocument: the text
and formatting facts read back from the .docx, the checker's verdict (no finding) and the
preview's words (the same as the .docx's, in the same order)."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from family_documents import FAMILY_KINDS, family_document
from ttdn_docs.check import check_docx
from ttdn_docs.layout.elements import element
from ttdn_docs.preview import to_html
from ttdn_docs.profiles import load_profile
from ttdn_docs.render import render_docx

BOOKS = {"state": "state-nd30-2020", "party": "party-hd36-2018"}


def _render(family: str, book: str) -> DocxDocument:
    profile = load_profile(BOOKS[book])
    return Document(io.BytesIO(render_docx(family_document(family, book == "state"), profile)))


def _paragraphs(doc: DocxDocument) -> list[Paragraph]:
    """Every paragraph of the main text in reading order, table cells included."""
    out: list[Paragraph] = []
    for block in doc.element.body.iterchildren():
        if block.tag.endswith("}p"):
            out.append(Paragraph(block, doc))
        elif block.tag.endswith("}tbl"):
            for row in Table(block, doc).rows:
                for cell in row.cells:
                    out += cell.paragraphs
    return out


def _of(doc: DocxDocument, key: str) -> list[Paragraph]:
    style = element(key).style
    return [p for p in _paragraphs(doc) if p.style is not None and p.style.name == style]


def _facts(paragraph: Paragraph) -> tuple[float | None, bool, bool]:
    runs = [r for r in paragraph.runs if r.text.strip()]
    size = runs[0].font.size.pt if runs and runs[0].font.size is not None else None
    return size, all(bool(r.font.bold) for r in runs), all(bool(r.font.italic) for r in runs)


@pytest.mark.parametrize("book", BOOKS)
@pytest.mark.parametrize("family", FAMILY_KINDS)
def test_the_checker_finds_nothing_in_the_renderers_own_output(family: str, book: str) -> None:
    profile = load_profile(BOOKS[book])
    data = render_docx(family_document(family, book == "state"), profile)
    assert check_docx(data, profile) == []


@pytest.mark.parametrize("book", BOOKS)
def test_cong_van_has_no_title_and_its_v_v_line_under_the_number(book: str) -> None:
    doc = _render("cong_van", book)
    assert _of(doc, "kind_title") == [] and _of(doc, "summary") == []
    assert not any("CÔNG VĂN" in p.text for p in _paragraphs(doc))
    left = [p.text for p in doc.tables[0].cell(0, 0).paragraphs]
    number = next(i for i, text in enumerate(left) if text.startswith("Số"))
    assert left[number + 1] == "V/v tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025"
    size, bold, italic = _facts(_of(doc, "cong_van_summary")[0])
    assert (size, bold, italic) == ((12, False, False) if book == "state" else (12, False, True))
    # The drafting unit stays in the ký hiệu: State body-unit, Party after the body.
    assert left[number] == ("Số: 12/UBND-VHXH" if book == "state" else "Số 12-CV/ĐU/VHXH")


@pytest.mark.parametrize("book", BOOKS)
def test_cong_van_kinh_gui_and_nhu_tren_first_in_noi_nhan(book: str) -> None:
    doc = _render("cong_van", book)
    addressees = [p.text for p in _of(doc, "addressee")]
    assert addressees[0] == "Kính gửi:" and addressees[1].startswith("- Ban công tác Mặt trận các thôn")
    recipients = [p.text for p in _of(doc, "recipient")]
    assert recipients[0] == ("- Như trên;" if book == "state" else "- Như trên,")
    assert recipients[1].startswith("- Các thôn trên địa bàn xã")


@pytest.mark.parametrize("book", BOOKS)
def test_decision_bases_enacting_line_and_articles(book: str) -> None:
    state = book == "state"
    doc = _render("decision", book)
    titles = [p.text for p in _of(doc, "kind_title")]
    assert titles == ["QUYẾT ĐỊNH"]
    bases = _of(doc, "basis")
    texts = [p.text for p in bases]
    prefix = "" if state else "- "
    assert texts[0] == f"{prefix}Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
    assert texts[-1] == f"{prefix}Theo đề nghị của Văn phòng" + ("." if state else ",")
    # Italic in the State book; the Party's is upright (its rule is open).
    assert all(_facts(p)[2] == state for p in bases)
    enacting = _of(doc, "enacting")
    assert [p.text for p in enacting] == (["QUYẾT ĐỊNH:"] if state else ["BAN THƯỜNG VỤ QUYẾT ĐỊNH"])
    assert _facts(enacting[0])[1] and enacting[0].alignment is not None and enacting[0].alignment == 1  # centred
    articles = _of(doc, "article")
    assert [p.text for p in articles] == [
        "Điều 1. Thành lập Tổ công tác chuyển đổi số của xã",
        "Điều 2. Nhiệm vụ của Tổ công tác",
        "Điều 3. Hiệu lực thi hành",
    ]
    assert all(_facts(p)[1] for p in articles)
    # An Điều without a title: «Điều 4.» in bold, its text not (ND 30 PL I.II.6.đ).
    untitled = _of(doc, "article_text")
    assert [p.text for p in untitled] == [
        "Điều 4. Văn phòng và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này." + ("/." if state else "")
    ]
    runs = [(r.text, bool(r.font.bold)) for r in untitled[0].runs if r.text]
    assert runs[0] == ("Điều 4.", True) and not any(bold for _, bold in runs[1:])
    # Khoản count from 1 again in each Điều.
    items = [p.text for p in _of(doc, "item")]
    assert [t[:2] for t in items] == ["1.", "2.", "1.", "2."]
    body = [p.text for p in _paragraphs(doc)]
    assert body.index(texts[-1]) < body.index(enacting[0].text) < body.index(articles[0].text)
    # ND 30 names who decides above the căn cứ (Mẫu 1.1); the Party's enacting line does.
    authority = [p.text for p in _of(doc, "authority")]
    assert authority == (["ỦY BAN NHÂN DÂN XÃ HÒA PHÚ"] if state else [])
    if state:
        assert body.index(authority[0]) < body.index(texts[0])


def _preview_words(html: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", text)).strip() for text in re.findall(r"<p[^>]*>(.*?)</p>", html, flags=re.S)]


@pytest.mark.parametrize("book", BOOKS)
@pytest.mark.parametrize("family", FAMILY_KINDS)
def test_the_preview_shows_the_same_words_in_the_same_order(family: str, book: str) -> None:
    profile = load_profile(BOOKS[book])
    document = family_document(family, book == "state")
    doc = Document(io.BytesIO(render_docx(document, profile)))
    in_docx = [p.text.strip() for p in _paragraphs(doc) if p.text.strip()]
    in_preview = [w for w in _preview_words(to_html(document, profile)) if w]
    assert in_preview == in_docx


@pytest.mark.parametrize("book", BOOKS)
@pytest.mark.parametrize(
    ("family", "key"),
    [
        ("cong_van", "cong_van_summary"), ("decision", "authority"), ("decision", "basis"),
        ("decision", "enacting"), ("decision", "article"),
    ],
)
def test_the_checker_judges_each_family_element_by_its_own_style(family: str, key: str, book: str) -> None:
    """Flip the italic of the element's runs: the checker names the element's rule."""
    if key == "authority" and book == "party":
        pytest.skip("the Party's decision has no authority line")
    profile = load_profile(BOOKS[book])
    doc = _render(family, book)
    paragraph = _of(doc, key)[0]
    italic = _facts(paragraph)[2]
    for run in paragraph.runs:
        run.font.italic = not italic
    out = io.BytesIO()
    doc.save(out)
    codes = {f.rule for f in check_docx(out.getvalue(), profile)}
    family_code = "STATE" if book == "state" else "PARTY"
    assert f"{family_code}.{element(key).code}.ITALIC" in codes


@pytest.mark.parametrize("book", BOOKS)
def test_a_type_of_the_short_paper_family_renders_checks_and_previews(book: str, tmp_path: Path) -> None:
    """No type of today's enum is a short paper (giấy mời comes with the opened type
    table): a rule book that files Thông báo under ``short_paper`` lays it out so."""
    from ttdn_docs.profiles.loader import DATA_DIR

    data = yaml.safe_load((DATA_DIR / f"{BOOKS[book]}.yaml").read_text(encoding="utf-8"))
    data["id"] = f"{book}-short-paper-test"
    data["types"]["thong_bao"]["family"] = "short_paper"
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    profile = load_profile(path)
    assert profile.family_of("thong_bao") == "short_paper"
    document = family_document("titled", book == "state")
    rendered = render_docx(document, profile)
    assert check_docx(rendered, profile) == []
    doc = Document(io.BytesIO(rendered))
    assert [p.text for p in _of(doc, "kind_title")] == ["THÔNG BÁO"]
    in_docx = [p.text.strip() for p in _paragraphs(doc) if p.text.strip()]
    assert [w for w in _preview_words(to_html(document, profile)) if w] == in_docx


@pytest.mark.parametrize("book", BOOKS)
def test_every_committed_template_fits_its_family(book: str) -> None:
    from ttdn_docs.render.engine import CompiledTemplate
    from ttdn_docs.render.template_check import check_template
    from ttdn_docs.render.templates import committed_template_path

    profile = load_profile(BOOKS[book])
    for family in profile.layouts:
        path = committed_template_path(profile.id, family)
        assert path is not None
        assert check_template(CompiledTemplate.from_path(path, built=True), profile, family) == [], family


@pytest.mark.parametrize("book", BOOKS)
def test_a_users_titled_template_is_refused_for_a_decision(book: str, tmp_path: Path) -> None:
    """A decision into a template without căn cứ, enacting line or Điều would lose them
    without a word: the template is refused, naming each part."""
    from ttdn_docs.errors import TemplateProblemError
    from ttdn_docs.render.templates import committed_template_path

    profile = load_profile(BOOKS[book])
    source = committed_template_path(profile.id)
    assert source is not None
    copy = tmp_path / "mau.docx"
    copy.write_bytes(source.read_bytes())
    with pytest.raises(TemplateProblemError) as caught:
        render_docx(family_document("decision", book == "state"), profile, template=copy)
    message = str(caught.value)
    assert "'bases'" in message and "'enacting'" in message and "'article'" in message
    render_docx(family_document("titled", book == "state"), profile, template=copy)  # its own family fits
