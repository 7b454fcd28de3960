"""``check`` on PDFs: the PDFs of every example give the findings of their .docx, the
mutations of the corpus that survive into the PDF are caught under the same rule id, and
a scanned PDF gets one message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import example_documents, soffice
from ttdn_docs import load_document, load_profile
from ttdn_docs.check import check_file
from ttdn_docs.check.pdfcheck import SCANNED_RULE, STAND_IN_RULE
from ttdn_docs.cli import main
from ttdn_docs.profiles import builtin_profile_ids
from ttdn_docs.render import render_docx

pdfium = pytest.importorskip("pypdfium2")
sys.path.insert(0, str(Path(__file__).parent))
from mutations import MUTATIONS, NotApplicable, clean_docx, mutated  # noqa: E402

# Mutations a printed page does not show (docs/electronic.md says why), by profile family.
NOT_ON_THE_PAGE = {
    "font eastAsia SimSun", "font cs Arial",  # only the letters' own font is printed
    "top margin below its range",  # LibreOffice sets page 1's text below its header: the page shows no change
    "body line spacing too wide", "body without spacing after",  # spacing rules are not read from a PDF
    "double space", "trailing space", "decomposed (NFD) text",  # a PDF holds glyphs, not typed spaces
}
NOT_ON_THE_PAGE_BY_FAMILY = {"state": {"summary missing"}}  # the next line is taken for the trích yếu


def _convert(docx_files: list[Path], folder: Path) -> None:
    """All files in one LibreOffice run (a run per file costs a start each)."""
    from ttdn_docs.render.pdfa import PDFA_EXPORT_FILTER

    command = [
        str(soffice()), "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--convert-to", PDFA_EXPORT_FILTER, "--outdir", str(folder), *map(str, docx_files),
    ]
    subprocess.run(command, capture_output=True, timeout=1800, check=False)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    folder = tmp_path_factory.mktemp("pdfcheck")
    files = []
    for example in example_documents():
        for profile_id in builtin_profile_ids():
            target = folder / f"example-{example.parent.name}-{example.stem}-{profile_id}.docx"
            target.write_bytes(render_docx(load_document(example).to_document(), load_profile(profile_id)))
            files.append(target)
    for profile_id in builtin_profile_ids():
        profile = load_profile(profile_id)
        clean = clean_docx(profile)
        (folder / f"mutation-{profile_id}-clean.docx").write_bytes(clean)
        files.append(folder / f"mutation-{profile_id}-clean.docx")
        for index, mutation in enumerate(MUTATIONS):
            try:
                data = mutated(clean, mutation, profile)
            except NotApplicable:
                continue
            target = folder / f"mutation-{profile_id}-{index:02d}.docx"
            target.write_bytes(data)
            files.append(target)
    _convert(files, folder)
    return folder


def _rules(result: object) -> set[str]:
    return {f.rule for f in result.findings}  # type: ignore[attr-defined]


@pytest.mark.libreoffice
@pytest.mark.parametrize("profile_id", builtin_profile_ids())
@pytest.mark.parametrize("example", example_documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pdf_of_every_example_gives_the_findings_of_its_docx(converted: Path, example: Path, profile_id: str) -> None:
    stem = f"example-{example.parent.name}-{example.stem}-{profile_id}"
    from_docx = check_file(converted / f"{stem}.docx", profile_id)
    from_pdf = check_file(converted / f"{stem}.pdf", profile_id)
    assert from_pdf.errors == [], [f.describe() for f in from_pdf.errors]
    assert _rules(from_pdf) - {STAND_IN_RULE} == _rules(from_docx)
    # Detected from the header, as for a .docx.
    assert check_file(converted / f"{stem}.pdf").profile == from_docx.profile


@pytest.mark.libreoffice
@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_mutations_that_survive_into_the_pdf_are_caught_under_the_same_rule(converted: Path, profile_id: str) -> None:
    profile = load_profile(profile_id)
    family = profile.family.upper() + "."
    clean = check_file(converted / f"mutation-{profile_id}-clean.pdf", profile)
    assert clean.errors == [], [f.describe() for f in clean.errors]
    invisible = NOT_ON_THE_PAGE | NOT_ON_THE_PAGE_BY_FAMILY.get(profile.family, set())
    missed, caught = [], []
    for index, mutation in enumerate(MUTATIONS):
        pdf = converted / f"mutation-{profile_id}-{index:02d}.pdf"
        if not pdf.exists():
            continue  # not applicable to this profile
        want = family + mutation.expected(profile)
        if want in _rules(check_file(pdf, profile)):
            caught.append(mutation.name)
        elif mutation.name not in invisible:
            missed.append(f"{mutation.name} ({want})")
    assert not missed, missed
    assert len(caught) >= 45


def _scanned_pdf(path: Path, source: Path) -> Path:
    """A PDF whose page is a picture of another PDF's page: no text layer."""
    src = pdfium.PdfDocument(str(source))
    bitmap = src[0].render(scale=1)
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
    page.insert_obj(image)
    page.gen_content()
    pdf.save(str(path))
    return path


@pytest.mark.libreoffice
def test_a_scanned_pdf_gets_one_clear_message(converted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scan = _scanned_pdf(tmp_path / "quet.pdf", next(converted.glob("example-*.pdf")))
    result = check_file(scan)
    assert [f.rule for f in result.findings] == [SCANNED_RULE]
    assert "tệp là ảnh quét, không kiểm tra được thể thức" in result.findings[0].message.lower()
    assert main(["check", str(scan)]) == 1
    out = capsys.readouterr().out
    assert out.count("LỖI") == 1 and "ảnh quét" in out


@pytest.mark.libreoffice
def test_a_folder_checks_its_pdfs_with_its_docx(converted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nhan-ve"
    folder.mkdir()
    stem = "example-thanh_mien_2025-plan-party-hd36-2018"
    for suffix in (".docx", ".pdf"):
        (folder / f"{stem}{suffix}").write_bytes((converted / f"{stem}{suffix}").read_bytes())
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Tổng hợp: 2 tệp — 2 không có lỗi" in out and f"{stem}.pdf" in out and "trang 1" in out


def test_a_broken_pdf_is_listed_as_not_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really")
    assert main(["check", str(bad)]) == 2
    captured = capsys.readouterr()
    assert "không đọc được như tệp PDF" in captured.out + captured.err and "Traceback" not in captured.out + captured.err
