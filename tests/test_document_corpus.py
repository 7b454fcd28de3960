"""A commune's other types typed by hand, by the three producers of ``outline_corpus``
(python-docx, a LibreOffice re-save, a web page opened in LibreOffice Writer): ``import``
tells the type (a công văn by its «V/v …» under the number, a decision by its title and
«QUYẾT ĐỊNH:», a giấy mời by its title), reads the header fields, the căn cứ lines and
the Điều; ``fix`` keeps every word, adds no <<CẦN ĐIỀN>>, and its output passes the
checker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from outline_corpus import DOC_SHAPES, Shaped, produce
from test_outline_corpus import body_words, producer_cases

from ttdn_docs.check import check_file
from ttdn_docs.docxread import open_docx
from ttdn_docs.importer import import_docx
from ttdn_docs.importer.fix import fix_docx


# What each shape must read back as: the type, and fields of the data.
EXPECTED: dict[str, dict[str, Any]] = {
    "ubnd-cong-van": {"type": "cong_van", "number": 152, "unit": "VHXH",
                      "summary": "tăng cường thông tin đối ngoại năm 2025",
                      "addressees": ["Các phòng, đơn vị thuộc UBND xã", "Trưởng các thôn"]},
    "dang-uy-cong-van": {"type": "cong_van", "number": 37,
                         "summary": "tuyên truyền kỷ niệm Ngày thành lập ngành Ngoại giao",
                         "addressees": ["Các chi bộ trực thuộc", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"]},
    "ubnd-quyet-dinh": {"type": "quyet_dinh", "number": 215, "bases": 2, "articles": 3},
    "dang-uy-quyet-dinh": {"type": "quyet_dinh", "number": 125, "bases": 2, "articles": 3},
    "ubnd-thong-bao": {"type": "thong_bao", "number": 87},
    "dang-uy-giay-moi": {"type": "giay_moi", "number": 24},
}


def test_every_shape_is_expected() -> None:
    assert sorted(EXPECTED) == sorted(s.name for s in DOC_SHAPES)


@pytest.mark.parametrize(("shaped", "producer"), producer_cases(DOC_SHAPES))
def test_import_tells_the_type_and_fix_keeps_every_word(shaped: Shaped, producer: str, tmp_path: Path) -> None:
    source = produce(shaped, producer, tmp_path)
    imported = import_docx(source)
    document = imported.document
    expected = EXPECTED[shaped.name]
    assert document.kind == "document" and document.type == expected["type"]
    assert document.number == expected["number"]
    for key in ("unit", "summary", "addressees"):
        if key in expected:
            assert getattr(document, key) == expected[key], key
    if "bases" in expected:
        assert len(document.bases) == expected["bases"]
        top = [n for n in document.outline if not isinstance(n, str)]
        assert len(top) == expected["articles"]  # each «Điều N.» a top-level section
    fixed = fix_docx(source, tmp_path / "sua.docx")
    assert fixed.check.errors == [], [f.message for f in fixed.check.errors]
    assert not fixed.imported.document.marks.draft
    profile = imported.profile.id
    # The words of the body (căn cứ, enacting line, Điều and khoản included), as typed.
    assert body_words(fixed.output, profile) == body_words(source, profile)
    text = "\n".join(p.text for p in open_docx(fixed.output).paragraphs)
    assert "CẦN ĐIỀN" not in text and "DỰ THẢO" not in text
    assert check_file(fixed.output).errors == []
