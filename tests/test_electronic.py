"""Electronic documents: properties of the .docx and the PDF taken from the document, the
PDF/A-2b export, the fonts it embeds, and the PDF text reader."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
import yaml

from conftest import EXAMPLES, THANH_MIEN, requires_libreoffice, soffice
from readback import document_text
from ttdn_docs import load_document, load_profile
from ttdn_docs.cli import main
from ttdn_docs.profiles import Profile
from ttdn_docs.render import render_docx, write_docx
from ttdn_docs.render.pdfa import font_warning, write_pdf
from ttdn_docs.render.properties import document_properties
from ttdn_docs.render.templates import committed_template_path

pdfread = pytest.importorskip("ttdn_docs.pdfread")
pytest.importorskip("pypdfium2")

STATE_PLAN = EXAMPLES / "state_plan" / "plan.yaml"


def _poppler(tool: str, *args: str) -> str:
    try:
        done = subprocess.run([tool, *args], capture_output=True, text=True, timeout=60, check=True)
    except FileNotFoundError:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return done.stdout


# --- document properties of the .docx -----------------------------------------------


def test_docx_properties_come_from_the_document(tmp_path: Path, party: Profile) -> None:
    document = load_document(THANH_MIEN).to_document()
    out = write_docx(document, party, tmp_path / "ke-hoach.docx")
    core = docx.Document(str(out)).core_properties
    assert core.title == "Kế hoạch công tác thông tin đối ngoại trên địa bàn xã Thanh Miện năm 2025"
    assert core.subject == "công tác thông tin đối ngoại trên địa bàn xã Thanh Miện năm 2025"
    assert core.author == "Đảng uỷ xã Thanh Miện"
    assert core.keywords == "04-KH/ĐU"
    assert core.language == "vi-VN"
    assert core.created is not None and core.created.date() == dt.date(2025, 8, 5)
    assert core.modified == core.created
    assert "Hướng dẫn 36" not in (core.title or "") and "template" not in (core.comments or "")
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        rels = package.read("_rels/.rels").decode()
    assert not [n for n in names if "thumbnail" in n] and "thumbnail" not in rels
    assert "<Application>ttdn_docs</Application>" in app and "<Company>Đảng uỷ xã Thanh Miện</Company>" in app


def test_state_plan_properties_use_its_own_number_and_issuer(tmp_path: Path) -> None:
    document = load_document(STATE_PLAN).to_document()
    profile = load_profile("state")
    core = docx.Document(str(write_docx(document, profile, tmp_path / "kh.docx"))).core_properties
    assert core.title.startswith("Kế hoạch ") and document.summary in core.title
    assert core.author == " ".join(document.issuer.lines)
    assert core.keywords and "/KH-" in core.keywords and core.language == "vi-VN"
    assert document.place_date.date is not None and core.created.date() == document.place_date.date


def test_a_draft_without_a_date_is_dated_when_rendered(monkeypatch: pytest.MonkeyPatch, party: Profile) -> None:
    document = load_document(THANH_MIEN).to_document()
    undated = document.model_copy(update={"place_date": document.place_date.model_copy(update={"date": None, "year": 2025})})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767200400")  # 2025-12-31T17:00:00Z = 1/1/2026 00:00 in Vietnam
    props = document_properties(undated, party)
    assert props.timestamp == "2026-01-01T05:00:00Z" and "dự thảo" in props.description
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    vietnam = dt.timezone(dt.timedelta(hours=7))
    before = dt.datetime.now(vietnam).date()
    created = document_properties(undated, party).created.date()
    assert before <= created <= dt.datetime.now(vietnam).date()


def test_properties_are_escaped_xml(tmp_path: Path, party: Profile) -> None:
    document = load_document(THANH_MIEN).to_document()
    odd = document.model_copy(update={"summary": "công tác <thông tin> & \"đối ngoại\""})
    data = render_docx(odd, party)
    (tmp_path / "odd.docx").write_bytes(data)
    assert docx.Document(str(tmp_path / "odd.docx")).core_properties.subject == "công tác <thông tin> & \"đối ngoại\""


def test_committed_templates_carry_no_thumbnail() -> None:
    for profile_id in ("party-hd36-2018", "state-nd30-2020"):
        path = committed_template_path(profile_id)
        assert path is not None
        with zipfile.ZipFile(path) as package:
            assert not [n for n in package.namelist() if "thumbnail" in n]
            assert b"thumbnail" not in package.read("_rels/.rels")


def test_a_user_template_without_property_parts_still_gets_them(tmp_path: Path, party: Profile) -> None:
    source = committed_template_path(party.id)
    assert source is not None
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(bare, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename.startswith("docProps/"):
                continue
            blob = src.read(info.filename)
            if info.filename == "_rels/.rels":
                blob = re.sub(rb'<Relationship [^>]*docProps/[^>]*/>', b"", blob)
            dst.writestr(info.filename, blob)
    document = load_document(THANH_MIEN).to_document()
    out = write_docx(document, party, tmp_path / "out.docx", template=bare)
    assert docx.Document(str(out)).core_properties.title.startswith("Kế hoạch ")


# --- the PDF ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def thanh_mien_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str | None]:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    folder = tmp_path_factory.mktemp("pdf")
    party = load_profile("party")
    out = write_docx(load_document(THANH_MIEN).to_document(), party, folder / "ke-hoach.docx")
    pdf, warning = write_pdf(out, party)
    return out, pdf, warning


@pytest.mark.libreoffice
def test_pdf_is_pdfa2b_tagged_with_the_documents_properties(thanh_mien_pdf: tuple[Path, Path, str | None]) -> None:
    _, pdf, _ = thanh_mien_pdf
    info = _poppler("pdfinfo", str(pdf))
    assert re.search(r"^Title:\s+Kế hoạch công tác thông tin đối ngoại", info, re.M)
    assert re.search(r"^Author:\s+Đảng uỷ xã Thanh Miện$", info, re.M)
    assert re.search(r"^Keywords:\s+04-KH/ĐU$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    xmp = _poppler("pdfinfo", "-meta", str(pdf))
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert b"/Lang(vi-VN)" in pdf.read_bytes()


@pytest.mark.libreoffice
def test_pdf_text_is_the_docx_text(thanh_mien_pdf: tuple[Path, Path, str | None]) -> None:
    out, pdf, _ = thanh_mien_pdf
    # -layout: the default mode joins a word hyphenated at a line end ("57-" / "KL/TW").
    pages = _poppler("pdftotext", "-layout", str(pdf), "-").split("\f")
    # Page numbers (2, 3, …) are a field of the page header, not text of the .docx.
    pdf_text = "".join(re.sub(r"^\s*\d+\s*\n", "", page, count=1) if i else page for i, page in enumerate(pages))
    docx_text = document_text(docx.Document(str(out)))
    squeeze = lambda text: Counter(c for c in text if not c.isspace())  # noqa: E731
    assert squeeze(pdf_text) == squeeze(docx_text)
    # … and in the same order within each line the reader rebuilds.
    lines = " ".join(line.text for line in pdfread.read_pdf(pdf).lines())
    assert "".join(lines.split()).count("".join("công tác thông tin đối ngoại".split())) >= 5


@pytest.mark.libreoffice
def test_pdf_embeds_every_font(thanh_mien_pdf: tuple[Path, Path, str | None]) -> None:
    _, pdf, _ = thanh_mien_pdf
    rows = _poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)
    assert all(pdfread.read_pdf(pdf).fonts.values())


@requires_libreoffice
def test_a_profile_font_that_is_not_installed_is_warned_with_the_font_used(tmp_path: Path, party: Profile) -> None:
    absent = party.model_copy(update={"font": "Ttdn Vắng Mặt Serif", "id": "party-absent-font"})
    document = load_document(THANH_MIEN).to_document()
    out = write_docx(document, absent, tmp_path / "ke-hoach.docx")
    pdf, warning = write_pdf(out, absent)
    assert warning is not None
    assert "không in bằng phông Ttdn Vắng Mặt Serif mà bằng" in warning and "fc-cache" in warning
    used = {span.family for line in pdfread.read_pdf(pdf).lines() for span in line.spans}
    assert used and all(family in warning for family in used if family)
    # The warning names what was used, not what was asked for.
    assert font_warning(pdf, party.model_copy(update={"font": sorted(used)[0]})) is None or len(used) > 1


@requires_libreoffice
def test_render_pdf_prints_the_font_warning_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load(THANH_MIEN.read_text(encoding="utf-8"))
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    profile = yaml.safe_load((Path(load_profile.__code__.co_filename).parent / "data" / "party-hd36-2018.yaml").read_text(encoding="utf-8"))
    profile["id"] = "party-absent-font"
    profile["font"] = "Ttdn Vắng Mặt Serif"
    profile_path = tmp_path / "profile.yaml"
    profile_path.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    code = main(["render", str(plan), "-o", str(tmp_path / "kh.docx"), "--pdf", "--profile", str(profile_path)])
    captured = capsys.readouterr()
    assert code in (0, 1)
    assert (tmp_path / "kh.pdf").is_file() and "PDF/A-2b" in captured.out
    assert "CẢNH BÁO — Bản PDF 'kh.pdf' không in bằng phông Ttdn Vắng Mặt Serif" in captured.err


# --- the reader -----------------------------------------------------------------------


@pytest.mark.libreoffice
def test_reader_gives_lines_with_font_size_style_and_place(thanh_mien_pdf: tuple[Path, Path, str | None]) -> None:
    _, pdf, _ = thanh_mien_pdf
    text = pdfread.read_pdf(pdf)
    assert text.has_text and len(text.pages) >= 2
    first = text.pages[0]
    assert abs(first.width - 595.3) < 1 and abs(first.height - 841.9) < 1
    (title,) = [line for line in first.lines if line.text == "KẾ HOẠCH"]
    assert title.size == 16 and title.bold and not title.italic
    assert abs(title.centre - (85.04 + (first.width - 42.52)) / 2) < 3  # centred in the text width
    (motto,) = text.find("ĐẢNG CỘNG SẢN VIỆT NAM")
    (superior,) = text.find("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG")
    assert motto.size == 15 and motto.bold and superior.size == 14 and not superior.bold
    assert superior.x1 < motto.x0 and abs(superior.top - motto.top) < 3  # two columns, one row
    (date,) = text.find("Thanh Miện, ngày 05 tháng 8 năm 2025")
    assert date.italic and not date.bold
    # The line under the motto, as long as the motto.
    rules = [r for r in first.rules if motto.bottom < r.y < motto.bottom + 10]
    assert rules and abs(rules[0].length - (motto.x1 - motto.x0)) < 10
    (signer,) = text.find("T/M BAN THƯỜNG VỤ")
    (received,) = text.find("Nơi nhận:")
    assert signer.page == received.page == len(text.pages) and signer.x0 > received.x1
    assert received.size in (12, 14)


def test_reader_refuses_what_is_not_a_pdf(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(pdfread.PdfReadError, match="không đọc được như tệp PDF"):
        pdfread.read_pdf(bad)


def test_font_family_names() -> None:
    assert pdfread.font_family("BAAAAA+LiberationSerif-BoldItalic") == "Liberation Serif"
    assert pdfread.font_family("TimesNewRomanPS-BoldMT") == "Times New Roman"
    assert pdfread.font_family("Times New Roman,Bold") == "Times New Roman"
    assert pdfread.font_family("CAAAAA+DejaVuSerif-Italic") == "DejaVu Serif"
