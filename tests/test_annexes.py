"""Annexes (phụ lục): numbered by the profile (Roman for the State, Arabic for the Party),
each on a new page, with its own page numbering where the rule book asks for it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import requires_libreoffice, soffice

from readback import borders, document_text, find, open_docx, paragraphs_in_order, run_facts, with_style
from ttdn_docs import load_plan, load_profile
from ttdn_docs.admin import AdminDocument, Annex, BulletItem, BulletList, Paragraph, Section
from ttdn_docs.ooxml_ns import W
from ttdn_docs.render import write_docx

ROOT = Path(__file__).resolve().parents[1]


def with_annexes(document: AdminDocument) -> AdminDocument:
    return document.model_copy(
        update={
            "annexes": [
                Annex(
                    title="Danh mục tin, bài thông tin đối ngoại",
                    body=[Paragraph(text="Các tin, bài đăng trên Trang thông tin điện tử của xã."),
                          BulletList(items=[BulletItem(text="Tin về lễ hội truyền thống")])],
                ),
                Annex(
                    title="Số liệu tuyên truyền",
                    body=[Section(title="Hội nghị", children=[Paragraph(text="Số hội nghị đã tổ chức.")])],
                ),
            ]
        }
    )


@pytest.fixture(scope="module")
def state_doc(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    plan = load_plan(ROOT / "examples" / "state_plan" / "plan.yaml")
    out = tmp_path_factory.mktemp("annex") / "state.docx"
    write_docx(with_annexes(plan.to_document()), load_profile("state"), out)
    return open_docx(out)


@pytest.fixture(scope="module")
def party_doc(tmp_path_factory: pytest.TempPathFactory, thanh_mien_plan):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("annex") / "party.docx"
    write_docx(with_annexes(thanh_mien_plan.to_document()), load_profile("party"), out)
    return open_docx(out)


def test_state_annexes_numbered_in_roman(state_doc) -> None:  # type: ignore[no-untyped-def]
    labels = with_style(state_doc, "TTDN Phu luc")
    assert [p.text for p in labels] == ["Phụ lục I", "Phụ lục II"]
    for label in labels:  # ND 30 PL I.III.1.b: 14 pt bold, centred
        assert run_facts(label).sizes == {14} and run_facts(label).bold == {True}
    titles = with_style(state_doc, "TTDN Ten phu luc")
    assert [p.text for p in titles] == ["DANH MỤC TIN, BÀI THÔNG TIN ĐỐI NGOẠI", "SỐ LIỆU TUYÊN TRUYỀN"]
    assert all(run_facts(p).bold == {True} for p in titles)


def test_state_annex_reference_line_italic_with_number_date_issuer(state_doc) -> None:  # type: ignore[no-untyped-def]
    references = with_style(state_doc, "TTDN Kem theo van ban")
    expected = (
        "(Kèm theo Kế hoạch số 45/KH-UBND ngày 08 tháng 9 năm 2025 "
        "của Ủy ban nhân dân xã Thanh Miện)"
    )
    assert [p.text for p in references] == [expected, expected]
    assert all(run_facts(p).italic == {True} for p in references)
    separators = with_style(state_doc, "TTDN Duoi phu luc")
    assert len(separators) == 2 and all(borders(p) == {"top"} for p in separators)


def test_state_annex_body_ends_with_slash_mark(state_doc) -> None:  # type: ignore[no-untyped-def]
    assert find(state_doc, "- Tin về lễ hội truyền thống./.")
    assert find(state_doc, "Số hội nghị đã tổ chức./.")
    assert find(state_doc, "I. HỘI NGHỊ")  # annex bodies are ordinary block lists
    # The main text still ends with its own mark, once.
    assert with_style(state_doc, "TTDN Noi dung")[0].text.startswith("Căn cứ")
    assert document_text(state_doc).count("./.") == 3


def test_state_annexes_are_sections_numbered_from_one(state_doc) -> None:  # type: ignore[no-untyped-def]
    sections = state_doc.sections
    assert len(sections) == 3  # main text + one per annex (ND 30 PL I.III.1.đ)
    for section in sections:
        restart = section._sectPr.find(f"{W}pgNumType")
        assert restart is not None and restart.get(f"{W}start") == "1"
        assert section.different_first_page_header_footer
        assert section.page_width == sections[0].page_width
        assert section.left_margin == sections[0].left_margin
    # The main text's section ends after the signature, before the first annex label.
    texts = [p.text for p in paragraphs_in_order(state_doc)]
    assert texts.index("Nguyễn Văn A") < texts.index("Phụ lục I")


def test_party_annexes_arabic_page_break_continuous_numbers(party_doc) -> None:  # type: ignore[no-untyped-def]
    labels = with_style(party_doc, "TTDN Phu luc")
    assert [p.text for p in labels] == ["Phụ lục 1", "Phụ lục 2"]
    assert all(p.paragraph_format.page_break_before for p in labels)
    assert len(party_doc.sections) == 1
    assert party_doc.sections[0]._sectPr.find(f"{W}pgNumType") is None
    reference = with_style(party_doc, "TTDN Kem theo van ban")[0].text
    assert reference == "(Kèm theo Kế hoạch số 04-KH/ĐU, ngày 05 tháng 8 năm 2025 của Đảng uỷ xã Thanh Miện)"
    assert "./." not in document_text(party_doc)


@pytest.mark.parametrize("profile_id", ["party-hd36-2018", "state-nd30-2020"])
def test_no_annexes_leave_no_trace(profile_id: str, thanh_mien_plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = open_docx(write_docx(thanh_mien_plan.to_document(), load_profile(profile_id), tmp_path / "p.docx"))
    assert len(doc.sections) == 1
    assert with_style(doc, "TTDN Phu luc") == [] and "Phụ lục" not in document_text(doc)


def pdf_pages(docx: Path, tmp_path: Path) -> list[str]:
    """Text of each page as LibreOffice lays it out (first line first)."""
    subprocess.run(
        [soffice(), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / (docx.stem + ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


@requires_libreoffice
@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_annex_pages_numbered_from_one_in_libreoffice(tmp_path: Path) -> None:
    plan = load_plan(ROOT / "examples" / "state_plan" / "plan.yaml")
    long_annex = Annex(
        title="Danh mục tin, bài",
        body=[Paragraph(text=f"Tin, bài số {n} về quảng bá hình ảnh địa phương.") for n in range(1, 60)],
    )
    document = plan.to_document().model_copy(update={"annexes": [long_annex, Annex(title="Số liệu", body=[])]})
    out = write_docx(document, load_profile("state"), tmp_path / "annex.docx")
    pages = [page.strip().splitlines() for page in pdf_pages(out, tmp_path)]
    starts = [i for i, lines in enumerate(pages) if any(line.strip().startswith("Phụ lục") for line in lines[:2])]
    assert len(starts) == 2
    first_annex, second_annex = starts
    assert second_annex - first_annex >= 2  # the long annex runs over two pages at least
    # No number on page 1 of the document or of an annex; the annex's page 2 shows "2".
    assert not pages[0][0].strip().isdigit()
    assert pages[1][0].strip() == "2"
    assert pages[first_annex][0].strip() == "Phụ lục I"
    assert pages[first_annex + 1][0].strip() == "2"
    assert pages[second_annex][0].strip() == "Phụ lục II"
