"""The reader's per-process caches (vetted parts, parsed template parts, style sheets,
resolved formats) change nothing but speed: a file checked cold and warm gives the same
findings, and a part is never trusted for another part's sake."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from mutations import MUTATIONS, clean_docx, mutated

from ttdn_docs.check import check_file
from ttdn_docs.docxread import clear_caches, open_docx
from ttdn_docs.errors import UnsafeDocxError
from ttdn_docs.profiles import load_profile

CORPUS = Path(__file__).parent / "corpus"


def _findings(data: bytes) -> list[tuple[str, str, str, str]]:
    return [(f.rule, f.location.describe(), f.expected, f.found) for f in check_file(data).findings]


@pytest.mark.parametrize("name", ["party-tabs.docx", "state-auto-numbering.docx", "libreoffice/state-textboxes.docx"])
def test_cold_and_warm_checks_agree(name: str) -> None:
    data = (CORPUS / name).read_bytes()
    clear_caches()
    cold = _findings(data)
    assert _findings(data) == cold  # warm: every cache filled by the first run


def test_documents_sharing_a_template_keep_their_own_formatting() -> None:
    """Resolved formats are cached per style sheet, shared by every file of a template:
    a clean file checked after a mutated one (and back) is judged on its own runs."""
    party = load_profile("party")
    clean = clean_docx(party)
    bold = next(m for m in MUTATIONS if m.rule == "KIND_TITLE.BOLD")
    wrong = mutated(clean, bold, party)
    assert [r for r, *_ in _findings(wrong) if r.endswith("KIND_TITLE.BOLD")]
    assert not [r for r, *_ in _findings(clean) if r.endswith("KIND_TITLE.BOLD")]
    assert [r for r, *_ in _findings(wrong) if r.endswith("KIND_TITLE.BOLD")]


def test_a_part_vetted_once_does_not_vouch_for_a_changed_part() -> None:
    """Parts are skipped only when their compressed bytes are identical to a vetted one;
    the same part name with a DTD added is refused even right after the clean file."""
    clean = clean_docx(load_profile("party"))
    open_docx(clean)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(clean)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "word/styles.xml":
                blob = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY e "e">]>' + blob.split(b"?>", 1)[1]
            target.writestr(info.filename, blob)
    with pytest.raises(UnsafeDocxError, match="styles.xml"):
        open_docx(out.getvalue())


def test_tracked_format_changes_do_not_shift_the_format_keys() -> None:
    """A run's ``w:rPrChange`` holds the old properties in a nested ``w:rPr``: the keys
    sliced from the source still belong to the right elements, so each run reads its own
    current formatting."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph()
    changed = paragraph.add_run("đã sửa")
    changed.italic = True
    rpr = changed._r.get_or_add_rPr()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    rpr.append(parse_xml(f'<w:rPrChange {ns} w:id="1" w:author="A"><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:rPrChange>'))
    plain = paragraph.add_run(" còn lại")
    plain.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    view = open_docx(buffer.getvalue())
    runs = next(p for p in view.paragraphs if p.text).runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [("đã sửa", False, True), (" còn lại", True, False)]
    assert runs[0].size == runs[1].size  # the old 20 pt of the change record is not read


def test_part_identities_hold_a_digest_not_the_part() -> None:
    """The process caches are keyed by part identities: a folder of files with large
    images must not leave a copy of each image in them."""
    from ttdn_docs.docxsafe import SafePackage

    data = (CORPUS / "party-tabs.docx").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/media/image1.png", bytes(range(256)) * 4096, compress_type=zipfile.ZIP_STORED)
    package = SafePackage(buffer.getvalue(), "anh.docx")
    identity = package.identity("word/media/image1.png")
    assert len(identity[3]) == 20 and identity == package.identity("word/media/image1.png")
    assert package.identity("word/document.xml") != identity
