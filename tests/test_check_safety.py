"""Hostile input is refused before python-docx or lxml parse it, with a clear Vietnamese
message: not a zip, a zip bomb, a huge XML part, too many entries, DTD and entities."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from mutations import clean_docx

from ttdn_docs.check import check_file
from ttdn_docs.docxsafe import Limits
from ttdn_docs.errors import DocxReadError, NotADocxError, UnsafeDocxError
from ttdn_docs.profiles import load_profile


@pytest.fixture(scope="module")
def clean() -> bytes:
    return clean_docx(load_profile("party"))


def _with_part(clean: bytes, part: str, blob: bytes) -> bytes:
    """The clean package with one part replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(clean)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info.filename, source.read(info.filename))
        target.writestr(part, blob)
    return out.getvalue()


@pytest.mark.robustness(kind="Checker input that is not a zip", behaviour="refused: 'không phải tệp Word .docx', exit 2")
def test_not_a_zip_is_refused() -> None:
    with pytest.raises(NotADocxError, match="không phải tệp Word .docx"):
        check_file(b"GIF89a this is not a Word file")
    # A PDF is read as a PDF now (ttdn_docs.check.pdfcheck); a broken one is refused as such.
    from ttdn_docs.pdfread import PdfReadError

    with pytest.raises(PdfReadError, match="không đọc được như tệp PDF"):
        check_file(b"%PDF-1.7 this is not a Word file")


@pytest.mark.robustness(kind="Truncated .docx archive", behaviour="refused as a damaged zip with a message")
def test_truncated_zip_is_refused(clean: bytes) -> None:
    with pytest.raises(NotADocxError):
        check_file(clean[: len(clean) // 2])


@pytest.mark.robustness(kind="Zip without a Word document", behaviour="refused with a message")
def test_zip_without_a_word_document_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(NotADocxError, match="Content_Types"):
        check_file(out.getvalue())


@pytest.mark.robustness(kind="Zip bomb (compression ratio)", behaviour="refused before inflating it, bounded memory")
def test_zip_bomb_is_refused_by_its_ratio(clean: bytes) -> None:
    bomb = _with_part(clean, "word/media/image1.bin", bytes(40 * 1024 * 1024))
    assert len(bomb) < 200 * 1024  # 40 MB of zeros in a few dozen kilobytes
    with pytest.raises(UnsafeDocxError, match="nghi bom zip"):
        check_file(bomb)


@pytest.mark.robustness(kind="Zip bomb (total uncompressed size)", behaviour="refused from the declared sizes")
def test_total_uncompressed_size_is_bounded(clean: bytes) -> None:
    with pytest.raises(UnsafeDocxError, match="giải nén"):
        check_file(clean, limits=Limits(total_uncompressed=100_000))


@pytest.mark.robustness(kind="Huge XML part", behaviour="refused from its size")
def test_huge_xml_part_is_refused(clean: bytes) -> None:
    huge = b"<w:document xmlns:w='x'>" + b"<w:p/>" * (5 * 1024 * 1024) + b"</w:document>"
    with pytest.raises(UnsafeDocxError, match="word/document.xml.*quá lớn"):
        check_file(_with_part(clean, "word/document.xml", huge))


@pytest.mark.robustness(kind="Package with too many entries", behaviour="refused from its entry count")
def test_entry_count_is_bounded(clean: bytes) -> None:
    with pytest.raises(UnsafeDocxError, match="vượt giới hạn 5"):
        check_file(clean, limits=Limits(entries=5))


@pytest.mark.robustness(kind="XML with external entities (XXE)", behaviour="refused: DTD/ENTITY declarations are never parsed")
def test_external_entity_is_refused(clean: bytes) -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(UnsafeDocxError, match="DTD/ENTITY"):
        check_file(_with_part(clean, "word/document.xml", xxe))


@pytest.mark.robustness(kind="XML bomb (billion laughs), also in parts not named .xml", behaviour="refused before parsing")
def test_billion_laughs_in_a_part_not_named_xml_is_refused(clean: bytes) -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]><l>&b;</l>'
    with pytest.raises(UnsafeDocxError, match="customXml/item9.bin"):
        check_file(_with_part(clean, "customXml/item9.bin", laughs))


@pytest.mark.robustness(kind="DTD hidden in a UTF-16 part", behaviour="refused before parsing")
def test_utf16_part_with_a_dtd_is_refused(clean: bytes) -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>'.encode("utf-16")
    with pytest.raises(UnsafeDocxError):
        check_file(_with_part(clean, "word/settings.xml", xml))


@pytest.mark.robustness(kind="Missing file given to the checker", behaviour="read error with a message, exit 2")
def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(DocxReadError, match="không tìm thấy tệp"):
        check_file(tmp_path / "khong-co.docx")


def test_too_large_file_is_refused_before_reading(tmp_path: Path, clean: bytes) -> None:
    path = tmp_path / "lon.docx"
    path.write_bytes(clean)
    with pytest.raises(UnsafeDocxError, match="tệp quá lớn"):
        check_file(path, limits=Limits(file_bytes=1000))


@pytest.mark.robustness(kind="Zip bomb whose headers lie about sizes", behaviour="inflation stops at the declared size; refused as damaged")
def test_zip_header_lying_about_the_size_is_refused(clean: bytes) -> None:
    """A bomb whose headers declare a small size: inflation stops at the declared size
    and the package is refused as damaged, without inflating the rest."""
    import struct

    bomb = bytearray(_with_part(clean, "word/media/image1.bin", bytes(40 * 1024 * 1024)))
    with zipfile.ZipFile(io.BytesIO(bytes(bomb))) as archive:
        info = archive.getinfo("word/media/image1.bin")
        local, declared = info.header_offset, info.file_size
    struct.pack_into("<I", bomb, local + 22, 1000)  # local header: uncompressed size
    central = bytes(bomb).rfind(b"PK\x01\x02")  # the added part's record is the last one
    assert central > 0 and struct.unpack_from("<I", bomb, central + 24)[0] == declared
    struct.pack_into("<I", bomb, central + 24, 1000)  # central directory: uncompressed size
    with pytest.raises(DocxReadError, match="image1.bin"):
        check_file(bytes(bomb))
