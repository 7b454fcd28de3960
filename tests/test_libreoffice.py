"""Rendered documents open in LibreOffice and lay out as an official document."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import requires_libreoffice, soffice


def to_pdf(docx: Path, out_dir: Path) -> Path:
    from ttdn_docs.render.pdf import convert_to_pdf

    return convert_to_pdf(docx, out_dir / (docx.stem + ".pdf"))


def pdf_pages_text(pdf: Path) -> list[str]:
    pdftotext = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60)
    if pdftotext.returncode != 0:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return pdftotext.stdout.split("\f")


@requires_libreoffice
def test_thanh_mien_opens_in_libreoffice_and_paginates(thanh_mien_docx: Path, tmp_path: Path) -> None:
    pdf = to_pdf(thanh_mien_docx, tmp_path)
    pages = [p for p in pdf_pages_text(pdf) if p.strip()]
    assert 2 <= len(pages) <= 6
    first = pages[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "KẾ HOẠCH" in first and "Số 04-KH/ĐU" in first
    # No page number on page 1; "2" alone on the first line of page 2.
    assert pages[1].strip().splitlines()[0].strip() == "2"
    assert not first.strip().splitlines()[0].strip().isdigit()
    last = pages[-1]
    # The signature block is kept together on one page.
    assert "T/M BAN THƯỜNG VỤ" in last and "Vũ Minh Nguyệt" in last and "Nơi nhận:" in last


HOSTILE_SAMPLES = [
    "Sở TT&TT <đối ngoại> \"năm\" 'mới' {{ x }} {% if %}",
    "tab\there\vvertical\x00nul\x1fus và \u200bzero-width",
    "\u0110a\u0309ng u\u0309y NFD – Hoà/Hòa – ủy/uỷ – 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 中文 العربية",
    "x" * 3000,
    "\ufeffBOM \u00ad soft \u2028 line \u2029 para",
]


@requires_libreoffice
@pytest.mark.robustness(kind="Documents rendered from hostile text, opened in LibreOffice", behaviour="every one converts to PDF with its text")
def test_hostile_text_documents_open_in_libreoffice(tmp_path: Path) -> None:
    import yaml

    from conftest import THANH_MIEN
    from ttdn_docs import load_plan, load_profile
    from ttdn_docs.render import write_docx
    from ttdn_docs.vn import clean_text

    base = yaml.safe_load(THANH_MIEN.read_text(encoding="utf-8"))
    docs = []
    for index, text in enumerate(HOSTILE_SAMPLES):
        data = dict(base, purposes=[f"MARK{index} {text}", *base["purposes"][1:]])
        profile = load_profile("state" if index % 2 else "party")
        out = tmp_path / f"hostile-{index}.docx"
        write_docx(load_plan(data).to_document(), profile, out)
        docs.append((out, clean_text(text)))
    command = [soffice() or "soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
               "--convert-to", "pdf", "--outdir", str(tmp_path), *[str(d) for d, _ in docs]]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    for index, (docx_path, cleaned) in enumerate(docs):
        pdf = docx_path.with_suffix(".pdf")
        assert pdf.is_file(), f"LibreOffice could not open {docx_path.name}"
        text = "".join(pdf_pages_text(pdf))
        assert f"MARK{index}" in text
        assert cleaned.split()[0][:10] in text.replace("\n", " ")


@requires_libreoffice
def test_render_with_pdf_writes_both(tmp_path: Path) -> None:
    from conftest import THANH_MIEN
    from ttdn_docs.cli import main

    out = tmp_path / "ke-hoach.docx"
    assert main(["render", str(THANH_MIEN), "-o", str(out), "--pdf", "--no-check"]) == 0
    pdf = tmp_path / "ke-hoach.pdf"
    assert out.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert "KẾ HOẠCH" in "".join(pdf_pages_text(pdf))


def test_pdf_without_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import THANH_MIEN
    from ttdn_docs.cli import main
    from ttdn_docs import office as pdf_module

    monkeypatch.setattr(pdf_module, "soffice_path", lambda: None)
    assert main(["render", str(THANH_MIEN), "-o", str(tmp_path / "a.docx"), "--pdf", "--no-check"]) == 2
    assert "Cần LibreOffice" in capsys.readouterr().err
    assert not (tmp_path / "a.pdf").exists()


@requires_libreoffice
@pytest.mark.parametrize("example", ["state_plan"])
def test_no_line_inside_a_paragraph_starts_with_a_dash(example: str, tmp_path: Path) -> None:
    """``chính trị - xã hội`` broken before the dash reads as a new bullet (issue 21): every
    laid-out line that starts with ``- `` is the start of a bullet paragraph."""
    import re

    from readback import open_docx, paragraphs_in_order
    from ttdn_docs.api import render_input

    def key(text: str) -> str:  # pdftotext spaces out justified letters: compare without spaces
        return re.sub(r"\s", "", text)[:12]

    root = Path(__file__).resolve().parents[1] / "examples" / example / "plan.yaml"
    docx = render_input(root, tmp_path / "ke-hoach.docx")
    starts = {key(p.text) for p in paragraphs_in_order(open_docx(docx)) if p.text.startswith("- ")}
    lines = [line.strip() for page in pdf_pages_text(to_pdf(docx, tmp_path)) for line in page.splitlines()]
    inner = [line for line in lines if line.startswith("- ") and key(line) not in starts]
    assert len(starts) > 5 and inner == []


@requires_libreoffice
def test_a_compound_name_is_never_broken_before_its_dash(tmp_path: Path) -> None:
    """Items whose ``chính trị - xã hội`` falls at every place of a line: none of the
    laid-out lines starts with ``- xã hội``."""
    import yaml

    from ttdn_docs.api import render_input

    root = Path(__file__).resolve().parents[1] / "examples" / "state_plan" / "plan.yaml"
    data = yaml.safe_load(root.read_text(encoding="utf-8"))
    # Lead-ins of every length in steps of one short word, so that some line ends at «trị».
    data["contents"] = [f"{'Tuyên truyền ' * (k // 3)}{'các ' * (k % 3)}tổ chức chính trị - xã hội cùng tham gia." for k in range(1, 60)]
    source = tmp_path / "ke-hoach.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    docx = render_input(source, tmp_path / "ke-hoach.docx")
    lines = [line.strip() for page in pdf_pages_text(to_pdf(docx, tmp_path)) for line in page.splitlines()]
    assert sum("chính" in line for line in lines) >= 50
    assert [line for line in lines if line.startswith("- xã hội")] == []
