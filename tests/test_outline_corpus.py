"""Plans and reports in their authors' own shapes (``outline_corpus``), typed by three
producers: ``import`` gives back the outline a reader sees (headings with their levels
and titles, every paragraph, item and table, in order, word for word); ``fix`` keeps that
outline and every word, adds no heading, sentence or <<CẦN ĐIỀN>>, marks nothing DỰ THẢO,
and its output passes the checker."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from outline_corpus import PRODUCERS, SHAPES, Shaped, docx_bytes, expected_shape, produce

from ttdn_docs.check import check_file
from ttdn_docs.docxread import open_docx
from ttdn_docs.docxread.anatomy import AnatomyReader
from ttdn_docs.importer import import_docx
from ttdn_docs.importer.fix import fix_docx
from ttdn_docs.importer.shape import body_shape
from ttdn_docs.profiles import load_profile
from ttdn_docs.ttdn.outline import SectionNode, TableNode, walk
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport

from conftest import soffice

_NEEDS_LIBREOFFICE = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
_NUMBER_OR_MARKER = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\)|[-+–•])\s+")


def _folded(tokens: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """Headings of mục are written in capitals by the profile: compared without case."""
    def fold(value: object) -> object:
        if isinstance(value, str):
            return value.casefold()
        if isinstance(value, tuple):
            return tuple(fold(v) for v in value)
        return value

    return [tuple(fold(v) for v in token) for token in tokens]


def _shape_of(path: Path) -> list[tuple[object, ...]]:
    document = import_docx(path).document
    return _folded(body_shape(document.model_copy(update={"marks": document.marks.model_copy(update={"draft": True})}).to_document()))


def body_words(path: Path, profile: str) -> Counter[str]:
    """The words of the body as printed: paragraphs and table cells, numbers, bullet
    markers and the end mark ``./.`` aside (form), without case."""
    view = open_docx(path)
    anatomy = AnatomyReader(load_profile(profile)).read(view)
    texts = [p.shown_text for _, p in anatomy.body] + [p.shown_text for t in anatomy.body_tables for p in t.paras]
    words: Counter[str] = Counter()
    for text in texts:
        text = _NUMBER_OR_MARKER.sub("", text.strip()).replace("./.", ".")
        words.update(w.casefold() for w in text.split())
    return words


def producer_cases(shapes: list[Shaped]) -> list[object]:
    """Each shape from each producer; those beyond python-docx need LibreOffice."""
    cases: list[object] = []
    for shaped in shapes:
        for producer in PRODUCERS:
            marks = [] if producer == "python-docx" else [_NEEDS_LIBREOFFICE, pytest.mark.libreoffice]
            cases.append(pytest.param(shaped, producer, marks=marks, id=f"{shaped.name}-{producer}"))
    return cases


@pytest.mark.parametrize(("shaped", "producer"), producer_cases(SHAPES))
def test_import_and_fix_keep_the_authors_outline_and_words(shaped: Shaped, producer: str, tmp_path: Path) -> None:
    source = produce(shaped, producer, tmp_path)
    expected = _folded(expected_shape(shaped))
    assert _shape_of(source) == expected
    fixed = fix_docx(source, tmp_path / "sua.docx")
    assert fixed.check.errors == [], [f.message for f in fixed.check.errors]
    assert not fixed.imported.document.marks.draft
    assert _shape_of(fixed.output) == expected
    profile = fixed.imported.profile.id
    assert body_words(fixed.output, profile) == body_words(source, profile)
    text = "\n".join(p.text for p in open_docx(fixed.output).paragraphs)
    assert "CẦN ĐIỀN" not in text and "DỰ THẢO" not in text
    assert check_file(fixed.output).errors == []


def _imported(name: str, tmp_path: Path) -> ForeignInfoPlan | ForeignInfoReport:
    shaped = next(s for s in SHAPES if s.name == name)
    path = tmp_path / f"{name}.docx"
    path.write_bytes(docx_bytes(shaped))
    return import_docx(path).document


def test_known_headings_name_the_typed_parts_and_others_keep_their_titles(tmp_path: Path) -> None:
    plan = _imported("ubnd-nhiem-vu-kinh-phi", tmp_path)
    assert isinstance(plan, ForeignInfoPlan) and plan.outline is not None
    sections = [n for n in plan.outline if isinstance(n, SectionNode)]
    assert [(s.title, s.part) for s in sections] == [
        ("Mục đích, yêu cầu", "purposes_and_requirements"),
        ("Nhiệm vụ, giải pháp", None),
        ("Kinh phí thực hiện", None),
        ("Tổ chức thực hiện", "tasks"),
    ]
    assert len([n for n in sections[1].body if isinstance(n, SectionNode)]) == 5
    assert [u.unit for u in plan.unit_tasks()] == ["Văn phòng HĐND và UBND xã", "Công chức Văn hóa - Xã hội"]
    closing = plan.closing_part()
    assert closing is not None and closing.text is not None and closing.text.startswith("Trên đây là Kế hoạch")


def test_an_indicator_table_stays_in_its_khoan_and_fills_the_indicators(tmp_path: Path) -> None:
    report = _imported("party-report-dac-diem-bang", tmp_path)
    assert isinstance(report, ForeignInfoReport) and report.outline is not None
    results = next(n for n in report.outline if isinstance(n, SectionNode) and n.part == "results")
    khoan = [n for n in results.body if isinstance(n, SectionNode)][1]
    assert khoan.title == "Kết quả tuyên truyền"
    assert isinstance(khoan.body[1], TableNode) and khoan.body[0] == "Kết quả một số chỉ tiêu chủ yếu như sau:"
    assert [(i.name, str(i.value)) for i in report.indicators] == [
        ("Tin, bài trên trang thông tin điện tử của xã", "86"),
        ("Buổi phát thanh chuyên mục thông tin đối ngoại", "48"),
    ]
    # Columns in another order (Chỉ tiêu, Kết quả, Đơn vị tính, STT) are read by their headers.
    other = _imported("ubnd-report-cot-dao", tmp_path)
    assert isinstance(other, ForeignInfoReport)
    assert [(i.name, i.unit, str(i.value)) for i in other.indicators] == [
        ("Tin, bài trên trang thông tin điện tử", "tin, bài", "86"),
        ("Pa nô, áp phích", "cái", "12"),
    ]
    assert any(isinstance(n, TableNode) for n in walk(list(other.outline or [])))


def test_fix_leaves_a_missing_signer_name_blank_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import outline_corpus

    footer = outline_corpus._footer_lines
    monkeypatch.setattr(outline_corpus, "_footer_lines", lambda shaped: (footer(shaped)[0], footer(shaped)[1][:-1]))
    shaped = next(s for s in SHAPES if s.name == "ubnd-tien-do")
    source = tmp_path / "khong-ten.docx"
    source.write_bytes(docx_bytes(shaped))
    fixed = fix_docx(source, tmp_path / "sua.docx")
    text = [p.text for p in open_docx(fixed.output).paragraphs]
    assert "………………" in text and not any("CẦN ĐIỀN" in t or "DỰ THẢO" in t for t in text)
    assert "Thiếu họ và tên của người ký: để trống «………………» để điền tay" in [c.describe() for c in fixed.changes]
    assert _shape_of(fixed.output) == _folded(expected_shape(shaped))
