"""Supplementary marks both rule books need: độ khẩn, độ mật, DỰ THẢO and the drafter /
copies line — placed where each profile's data says, absent without a trace."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from readback import (
    borders,
    document_text,
    drawn_width_twips,
    find,
    indents_twips,
    open_docx,
    paragraphs_in_order,
    run_facts,
    with_style,
)
from ttdn_docs import load_profile
from ttdn_docs.admin import AdminDocument, Marks
from ttdn_docs.admin.document import Confidentiality, Urgency
from ttdn_docs.errors import ProfileError
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.loader import DATA_DIR
from ttdn_docs.render import write_docx
from ttdn_docs.docxfacts.metrics import text_width_twips

PROFILES = ["party-hd36-2018", "state-nd30-2020"]
MARK_STYLES = ["TTDN Do mat", "TTDN Do khan", "TTDN Du thao", "TTDN Nguoi soan thao va so ban"]


def render(tmp_path: Path, document: AdminDocument, profile: Profile, marks: Marks):  # type: ignore[no-untyped-def]
    out = tmp_path / f"{profile.id}.docx"
    write_docx(document.model_copy(update={"marks": marks}), profile, out)
    return open_docx(out)


def header_left_cell(doc):  # type: ignore[no-untyped-def]
    return doc.tables[0].rows[0].cells[0]


@pytest.fixture(params=PROFILES)
def profile(request: pytest.FixtureRequest) -> Profile:
    return load_profile(request.param)


def test_no_marks_no_paragraphs(tmp_path: Path, thanh_mien_plan, profile: Profile) -> None:  # type: ignore[no-untyped-def]
    doc = render(tmp_path, thanh_mien_plan.to_document(), profile, Marks())
    for style in MARK_STYLES:
        assert with_style(doc, style) == []
    # The number is the last paragraph of the left header cell, the archive line the last
    # of the Nơi nhận cell, and the header table the first thing on the page.
    assert header_left_cell(doc).paragraphs[-1].text.startswith("Số")
    assert doc.tables[-1].rows[0].cells[0].paragraphs[-1].text.startswith("- Lưu")
    assert doc.element.body[0].tag.endswith("}tbl")


def test_confidentiality_then_urgency_under_the_number(tmp_path: Path, thanh_mien_plan, profile: Profile) -> None:  # type: ignore[no-untyped-def]
    doc = render(
        tmp_path, thanh_mien_plan.to_document(), profile,
        Marks(urgency=Urgency.THUONG_KHAN, confidentiality=Confidentiality.TOI_MAT),
    )
    texts = [p.text for p in header_left_cell(doc).paragraphs]
    assert texts[-3].startswith("Số") and texts[-2:] == ["TỐI MẬT", "THƯỢNG KHẨN"]
    e = profile.elements
    for text, style in (("TỐI MẬT", e.confidentiality_mark), ("THƯỢNG KHẨN", e.urgency_mark)):
        facts = run_facts(find(doc, text))
        assert facts.bold == {True} and facts.sizes == {style.size}
        low, high = style.allowed_sizes
        assert low <= style.size <= high


def test_state_urgency_is_boxed_around_its_text(tmp_path: Path, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    state = load_profile("state")
    doc = render(tmp_path, thanh_mien_plan.to_document(), state, Marks(urgency=Urgency.HOA_TOC))
    mark = find(doc, "HỎA TỐC")
    assert borders(mark) == {"top", "left", "bottom", "right"}
    size = next(iter(run_facts(mark).sizes))
    text = text_width_twips("HỎA TỐC", size, bold=True)
    box = drawn_width_twips(doc, mark)
    assert text < box <= text + 20 * 20  # hugs the text: at most 10 pt each side
    left, right = indents_twips(mark)
    assert abs(left - right) <= 1  # centred in the column under the number


@pytest.mark.parametrize(
    ("urgency", "word"), [(Urgency.KHAN, "KHẨN"), (Urgency.THUONG_KHAN, "THƯỢNG KHẨN"), (Urgency.HOA_TOC, "HỎA TỐC")]
)
@pytest.mark.parametrize(
    ("confidentiality", "secret"),
    [(Confidentiality.MAT, "MẬT"), (Confidentiality.TOI_MAT, "TỐI MẬT"), (Confidentiality.TUYET_MAT, "TUYỆT MẬT")],
)
def test_every_mark_word(
    tmp_path: Path, thanh_mien_plan, profile: Profile,  # type: ignore[no-untyped-def]
    urgency: Urgency, word: str, confidentiality: Confidentiality, secret: str,
) -> None:
    doc = render(tmp_path, thanh_mien_plan.to_document(), profile, Marks(urgency=urgency, confidentiality=confidentiality))
    assert [p.text for p in with_style(doc, "TTDN Do khan")] == [word]
    assert [p.text for p in with_style(doc, "TTDN Do mat")] == [secret]


def test_draft_mark_boxed_at_the_top_right(tmp_path: Path, thanh_mien_plan, profile: Profile) -> None:  # type: ignore[no-untyped-def]
    doc = render(tmp_path, thanh_mien_plan.to_document(), profile, Marks(draft=True))
    first = next(iter(paragraphs_in_order(doc)))
    assert first.text == "DỰ THẢO" and first.style.name == "TTDN Du thao"
    assert doc.element.body[0].tag.endswith("}p")  # before the header table
    assert run_facts(first).bold == {True}
    assert borders(first) == {"top", "left", "bottom", "right"}
    left, right = indents_twips(first)
    assert right == 0 and left > 0
    assert "DỰ THẢO" not in document_text(render(tmp_path, thanh_mien_plan.to_document(), profile, Marks()))


def test_drafter_and_copies_after_the_archive_line(tmp_path: Path, thanh_mien_plan, profile: Profile) -> None:  # type: ignore[no-untyped-def]
    doc = render(tmp_path, thanh_mien_plan.to_document(), profile, Marks(drafter_initials="pl", copies=300))
    texts = [p.text for p in doc.tables[-1].rows[0].cells[0].paragraphs]
    assert texts[-2].startswith("- Lưu") and texts[-1] == "PL(300)"
    facts = run_facts(find(doc, "PL(300)"))
    assert facts.sizes == {11} and facts.bold == {False} and facts.italic == {False}


def test_placed_mark_without_its_word_is_a_profile_error(tmp_path: Path) -> None:
    data = yaml.safe_load((DATA_DIR / "state-nd30-2020.yaml").read_text(encoding="utf-8"))
    data["id"] = "state-no-words"
    del data["marks"]["hoa_toc"]
    path = tmp_path / "state-no-words.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ProfileError, match="hoa_toc"):
        load_profile(path)
