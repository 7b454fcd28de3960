"""import / fix / rollover: round trips on the examples, a hand-typed plan, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ttdn_docs.admin.document import Marks
from ttdn_docs.api import load_document, render_file
from ttdn_docs.check import check_file
from ttdn_docs.cli import main
from ttdn_docs.docxread import open_docx
from ttdn_docs.importer import import_docx
from ttdn_docs.importer.fix import fix_docx
from ttdn_docs.render import render_docx
from ttdn_docs.ttdn.outline import SectionNode, TableNode
from ttdn_docs.profiles import load_profile
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from conftest import requires_libreoffice
from typed_by_hand import typed_by_hand

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples/thanh_mien_2025/plan.yaml"
REPORT = ROOT / "examples/thanh_mien_2025/report.yaml"
EXAMPLES = [
    (PLAN, {}),
    (REPORT, {}),
    (REPORT, {"profile": "state-nd30-2020"}),
    (REPORT, {"indicators_placement": "annex"}),
    (REPORT, {"indicators_placement": "annex", "profile": "state-nd30-2020"}),
    (ROOT / "examples/state_plan/plan.yaml", {}),
    (ROOT / "examples/state_plan/plan.yaml", {"marks": Marks(urgency="khan", confidentiality="mat", drafter_initials="NVA", copies=30)}),
]


def _texts(source: Path | bytes) -> list[str]:
    return [p.text for p in open_docx(source).paragraphs if p.text.strip()]


def _words(source: Path | bytes) -> list[str]:
    """The body's words, numbering symbols and bullet markers aside."""
    return [w for p in open_docx(source).paragraphs for w in p.text.split() if not _is_symbol(w)]


def _is_symbol(word: str) -> bool:
    if word in {"-", "–", "•", "+", "*", "-----"}:
        return True
    head = word[:-1]
    letters = head.isalpha() and (head.isupper() or (len(head) <= 2 and word[-1] == ")"))
    return len(word) <= 5 and word[-1] in ".)" and (head.isdigit() or letters)


@pytest.mark.parametrize(
    ("example", "changes"), EXAMPLES,
    ids=["plan", "report", "report-state", "report-annex", "report-annex-state", "state-plan", "state-plan-marks"],
)
def test_round_trip_is_word_for_word(example: Path, changes: dict[str, str], tmp_path: Path) -> None:
    document = load_document(example).model_copy(update=changes)
    first = render_file(document, tmp_path / "first.docx")
    yaml_out = tmp_path / "imported.yaml"
    assert main(["import", str(first), "-o", str(yaml_out)]) == 0
    imported = load_document(yaml_out)
    second = render_file(imported, tmp_path / "second.docx")
    assert _texts(second) == _texts(first)
    assert check_file(second).errors == []


def test_import_gives_back_the_plan_fields(tmp_path: Path) -> None:
    plan = load_document(PLAN)
    result = import_docx(render_file(plan, tmp_path / "plan.docx"))
    assert result.warnings == []
    got = result.document
    assert isinstance(got, ForeignInfoPlan) and isinstance(plan, ForeignInfoPlan)
    for field in ("number", "date", "year", "place", "summary", "opening", "purposes", "requirements",
                  "contents", "methods", "tasks", "closing", "recipients"):
        assert getattr(got, field) == getattr(plan, field), field
    assert got.issuer.display_name == plan.issuer.display_name
    assert got.signature.name == plan.signature.name


@pytest.mark.parametrize(
    ("footer_table", "auto_numbering"), [(True, False), (False, False), (True, True)],
    ids=["footer-table", "footer-paragraphs", "word-numbering"],
)
@pytest.mark.parametrize(
    ("example", "profile"), [(PLAN, "party"), (ROOT / "examples/state_plan/plan.yaml", "state"), (REPORT, "party")]
)
def test_typed_by_hand_imports_to_the_same_data(
    example: Path, profile: str, footer_table: bool, auto_numbering: bool, tmp_path: Path
) -> None:
    rendered = render_docx(load_document(example).to_document(), load_profile(profile))
    ours = import_docx(rendered).document
    typed_file = typed_by_hand(rendered, footer_table=footer_table, auto_numbering=auto_numbering)
    typed = import_docx(typed_file)
    assert typed.warnings == []
    assert typed.document == ours
    source = tmp_path / "go-tay.docx"
    source.write_bytes(typed_file)
    assert fix_docx(source, tmp_path / "fixed.docx").check.errors == []


@pytest.fixture(scope="module")
def hand_typed() -> bytes:
    profile = load_profile("party")
    return typed_by_hand(render_docx(load_document(PLAN).to_document(), profile))


def test_fix_keeps_the_words_and_passes_the_checker(hand_typed: bytes, tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach-go-tay.docx"
    source.write_bytes(hand_typed)
    assert check_file(source).errors  # the typed mistakes are found …
    result = fix_docx(source, tmp_path / "fixed.docx")
    assert result.check.errors == []  # … and gone after fix
    assert _words(result.output) == _words(source) or _differs_only_by_form(source, result.output)
    described = "\n".join(c.describe() for c in result.changes)
    assert "«Thanh Miện, ngày 5 tháng 8 năm 2025» → «Thanh Miện, ngày 05 tháng 8 năm 2025»" in described
    assert "«1) Mục đích» → «1. Mục đích»" in described
    assert "«- UB MTTQ Việt Nam xã;» → «- UB MTTQ Việt Nam xã,»" in described


def _differs_only_by_form(before: Path, after: Path) -> bool:
    """Words equal once the day's zero and line-end punctuation are set aside."""
    def norm(words: list[str]) -> list[str]:
        return [w.rstrip(",;.").lstrip("0") for w in words]
    return norm(_words(before)) == norm(_words(after))


def test_fix_cli_prints_the_changes(hand_typed: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "go-tay.docx"
    source.write_bytes(hand_typed)
    assert main(["fix", str(source), "-o", str(tmp_path / "out.docx")]) == 0
    out = capsys.readouterr().out
    assert "ngày 5 tháng 8" in out and "ngày 05 tháng 8" in out
    assert "0 lỗi" in out


def test_rollover_gives_a_draft_for_next_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "2026.yaml"
    assert main(["rollover", str(PLAN), "--year", "2026", "-o", str(out)]) == 0
    plan = load_document(out)
    assert isinstance(plan, ForeignInfoPlan)
    assert plan.year == 2026 and plan.number is None and plan.date is None
    assert plan.summary.endswith("năm 2026")
    assert plan.closing.deadline is not None and plan.closing.deadline.year == 2026
    citation = plan.opening.bases[0].documents[0]
    assert citation.number == "08-HD/BTGDVTU" and "<<CẦN ĐIỀN" in (citation.subject or "")
    assert "năm 2025" in (citation.subject or "")  # a basis's own words are kept
    assert (plan.opening.action or "").endswith("trên địa bàn xã năm 2026")  # the plan's own words move
    assert "30/9/2024" in str(plan.contents[0])  # dates in the text are not years to move
    assert main(["render", str(out), "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "xem lại căn cứ cho năm 2026" in err and "dòng " in err  # each marked part, with its YAML line
    assert main(["render", str(out), "-o", str(tmp_path / "d.docx"), "--draft"]) == 0
    # Once the officer has checked the bases and removed the marks, it renders for real.
    reviewed = re.sub(r"\s*<<CẦN ĐIỀN:[^>]*>>", "", out.read_text(encoding="utf-8"))
    out.write_text(reviewed, encoding="utf-8")
    assert main(["render", str(out), "-o", str(tmp_path / "final.docx")]) == 0


def test_rollover_of_a_report_cites_the_new_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    assert main(["rollover", str(PLAN), "--year", "2026", "-o", str(plan)]) == 0
    report = tmp_path / "report.yaml"
    source = ROOT / "examples/thanh_mien_2025/report.yaml"
    assert main(["rollover", str(source), "--year", "2026", "--plan", str(plan), "-o", str(report)]) == 0
    rolled = load_document(report)
    assert rolled.plan.subject.endswith("năm 2026")  # type: ignore[attr-defined]
    assert rolled.year == 2026  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("mat-khau.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "mật khẩu"),
        ("cu.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, ".doc"),
        ("rac.docx", b"not a zip", "không phải tệp Word"),
    ],
)
def test_unreadable_files_get_one_message(name: str, data: bytes, words: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not out.exists()


def test_a_docx_that_is_no_plan_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Thư mời họp tổ dân phố")
    source = tmp_path / "thu-moi.docx"
    document.save(str(source))
    assert main(["import", str(source), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "--profile" in capsys.readouterr().err


def test_a_paragraph_section_and_table_out_of_the_standard_shape_are_kept_in_place(hand_typed: bytes, tmp_path: Path) -> None:
    import io

    import docx

    document = docx.Document(io.BytesIO(hand_typed))
    heading = next(p for p in document.paragraphs if p.text.startswith("III. "))
    stray = heading.insert_paragraph_before("IV. KINH PHÍ THỰC HIỆN")
    stray.insert_paragraph_before("Ghi chú: kế hoạch này thay thế kế hoạch cũ.")
    schedule = document.add_table(rows=2, cols=2)
    for row, texts in zip(schedule.rows, [("Tháng 9", "Quán triệt kế hoạch"), ("Tháng 12", "Sơ kết")], strict=True):
        row.cells[0].text, row.cells[1].text = texts
    stray._p.addprevious(schedule._tbl)  # a timetable typed in the body, before IV.
    buffer = io.BytesIO()
    document.save(buffer)
    result = import_docx(buffer.getvalue())
    # The author's outline is kept: the paragraph where it stood, the table as a table,
    # the extra section with its title, between II. and «Tổ chức thực hiện».
    outline = result.document.outline
    assert outline is not None and result.warnings == []
    titles = [n.title for n in outline if isinstance(n, SectionNode)]
    assert titles[-2:] == ["Kinh phí thực hiện", "Tổ chức thực hiện"]
    contents = next(n for n in outline if isinstance(n, SectionNode) and n.title == "Nội dung triển khai")
    methods = contents.body[-1]
    assert isinstance(methods, SectionNode) and methods.part == "methods"
    assert methods.body[-2] == "Ghi chú: kế hoạch này thay thế kế hoạch cũ."
    table = methods.body[-1]
    assert isinstance(table, TableNode)
    assert [table.table.columns, *table.table.rows] == [["Tháng 9", "Quán triệt kế hoạch"], ["Tháng 12", "Sơ kết"]]


@requires_libreoffice
@pytest.mark.parametrize("suffix", ["docx", "odt", "doc"])
def test_after_a_libreoffice_save(hand_typed: bytes, suffix: str, tmp_path: Path) -> None:
    from ttdn_docs.render.pdf import soffice_convert

    if suffix == "doc":
        # LibreOffice's .doc export glues the two cells of python-docx's width-less footer
        # table into one line («- Lưu VPĐU.T/M BAN THƯỜNG VỤ»); a .doc typed in Word keeps
        # its table, so the .doc case is built with Nơi nhận and signature as paragraphs.
        rendered = render_docx(load_document(PLAN).to_document(), load_profile("party"))
        hand_typed = typed_by_hand(rendered, footer_table=False)
    source = tmp_path / "go-tay.docx"
    source.write_bytes(hand_typed)
    saved = tmp_path / "resaved" / f"go-tay.{suffix}"
    saved.parent.mkdir()
    saved.write_bytes(soffice_convert(source, suffix))
    ours = import_docx(hand_typed).document
    result = import_docx(saved)
    assert result.converted_from == (None if suffix == "docx" else f".{suffix}")
    assert result.document == ours
    fixed = fix_docx(saved, tmp_path / "fixed.docx")
    assert fixed.check.errors == []


def test_a_draft_reads_back_as_a_draft_with_its_marks(tmp_path: Path) -> None:
    rolled = tmp_path / "2026.yaml"
    assert main(["rollover", str(PLAN), "--year", "2026", "-o", str(rolled)]) == 0
    draft = tmp_path / "du-thao.docx"
    assert main(["render", str(rolled), "-o", str(draft), "--draft"]) == 0
    result = import_docx(draft)
    assert result.warnings == []
    assert result.document.marks.draft and result.document.number is None and result.document.date is None
    assert result.document.missing_parts()  # the review marks come back too


def test_a_line_typed_after_the_signature_is_kept(hand_typed: bytes) -> None:
    import io

    import docx

    document = docx.Document(io.BytesIO(hand_typed))
    document.add_paragraph("Ghi chú: gửi kèm bản điện tử qua hệ thống điều hành.")
    buffer = io.BytesIO()
    document.save(buffer)
    result = import_docx(buffer.getvalue())
    assert [w.paragraph for w in result.warnings] != [] and None not in [w.paragraph for w in result.warnings]
    assert "gửi kèm bản điện tử" in str(result.document.model_dump())


CORPUS = sorted((ROOT / "tests/corpus").rglob("*.docx"))


# Forms fix writes again by the profile's rule: a signature prefix (TM. → T/M) and a date
# typed in digits (05/8/2025 → ngày 05 tháng 8 năm 2025).
_REWRITTEN = re.compile(r"^(?:[A-ZĐ]{1,3}(?:/[A-ZĐ]{1,2}|\.)|\d{1,2}/\d{1,2}/\d{4})$")


def _word_set(source: Path | bytes) -> set[str]:
    words = set()
    for para in open_docx(source).paragraphs:
        for raw in para.shown_text.replace("\t", " ").split():
            if _REWRITTEN.match(raw.rstrip(",;")) or _is_symbol(raw):
                continue
            word = raw.strip(",;.:()«»\"'").lstrip("0").lower()
            if word and not _is_symbol(word + ".") and any(c.isalpha() or c.isdigit() for c in word):
                words.add(word)
    return words


@pytest.mark.skipif(not CORPUS, reason="the hand-typed corpus (tests/corpus, from issue 10) is not present")
@pytest.mark.parametrize("path", CORPUS, ids=[str(p.relative_to(ROOT / "tests/corpus")) for p in CORPUS])
def test_hand_typed_corpus_loses_no_word(path: Path, tmp_path: Path) -> None:
    """Every file of the labelled corpus imports, each warning names a place, and fix
    writes every word the officer typed (a draft where parts were missing)."""
    result = fix_docx(path, tmp_path / "fixed.docx")
    assert result.imported.document.kind == "plan"
    lost = _word_set(path) - _word_set(result.output)
    assert not lost


def test_a_doc_without_libreoffice_gets_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from ttdn_docs.importer import source as source_module

    monkeypatch.setattr(source_module, "soffice_path", lambda: None)
    old = tmp_path / "ke-hoach-2024.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    out = tmp_path / "x.yaml"
    assert main(["import", str(old), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "LibreOffice" in err and ".docx" in err and "Traceback" not in err
    assert not out.exists()


def test_numbered_paragraphs_stay_khoan_and_kinh_gui_after_a_tab_loses_its_dash() -> None:
    """A «1. …» paragraph ending in a full stop is a khoản (level 2), not a điểm; an
    addressee typed «Kính gửi:⇥- Các ban …;» is read without the dash (the reviewer's
    LibreOffice công văn, read here as a plan)."""
    source = ROOT / "tests/world/reviewer/m06_lo_state_congvan/m6-cong-van-ubnd.docx"
    plan = import_docx(source, kind="plan").document
    assert plan.addressees == ["Các ban, ngành, đoàn thể xã", "Trưởng các thôn"]
    assert plan.outline is not None
    levels = [(node.text[:12], node.level) for node in plan.outline if isinstance(node, SectionNode) and node.text]
    assert levels == [("Tăng cường t", 2), ("Kịp thời cun", 2)]
