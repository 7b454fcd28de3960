"""The TTĐN year-end report: the Thanh Miện example rendered and read back, the scaffold
from the plan, the refusal of unfilled parts, drafts, and the options of the schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES
from readback import document_text, find, normalise_words, open_docx, run_facts
from ttdn_docs.admin import Block, Section
from ttdn_docs.api import as_draft, init_report, load_document, load_report, render_file, render_input
from ttdn_docs.errors import IncompleteDocumentError
from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile
from ttdn_docs.render import build_context
from ttdn_docs.ttdn import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport
from ttdn_docs.ttdn.todo import todo

REPORT = EXAMPLES / "thanh_mien_2025" / "report.yaml"
SECTIONS = [
    "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
    "II. KẾT QUẢ THỰC HIỆN",
    "III. HẠN CHẾ, NGUYÊN NHÂN",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
    "V. ĐỀ XUẤT, KIẾN NGHỊ",
]
PROFILES = ["party-hd36-2018", "state-nd30-2020"]


@pytest.fixture(scope="module")
def report() -> ForeignInfoReport:
    return load_report(REPORT)


@pytest.fixture(scope="module")
def scaffold(thanh_mien_plan: ForeignInfoPlan) -> ForeignInfoReport:
    return init_report(thanh_mien_plan)


def _available(profile_id: str) -> None:
    assert profile_id in builtin_profile_ids(), f"built-in profile {profile_id} is missing"


# -- the example -----------------------------------------------------------------------


def test_example_is_loaded_by_kind(report: ForeignInfoReport) -> None:
    assert isinstance(load_document(REPORT), ForeignInfoReport)
    assert report.missing_parts() == []


@pytest.mark.parametrize("profile_id", PROFILES)
def test_example_renders_and_reads_back(tmp_path: Path, report: ForeignInfoReport, profile_id: str) -> None:
    _available(profile_id)
    profile = load_profile(profile_id)
    out = render_file(report, tmp_path / "bao-cao.docx", profile=profile)
    doc = open_docx(out)
    text = normalise_words(document_text(doc))
    assert find(doc, "BÁO CÁO") is not None
    # The number line comes from the profile's grammar: Số 05-BC/ĐU (Party), Số: 05/BC-ĐU (State).
    assert find(doc, profile.number.template.format(number="05", type="BC", body="ĐU")) is not None
    for heading in SECTIONS:
        assert find(doc, heading) is not None, heading
    positions = [text.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)
    # The indicator table: figures and derived figures in Vietnamese form.
    for cell in ("160/164", "97,56%", "38/38", "100%", "18.600", "12.400", "+6.200", "1.170"):
        assert cell in text, cell
    # The plan is cited as the rule book cites: a comma before «ngày» under the Party book only.
    comma = "," if profile.date.citation_comma else ""
    assert f"Thực hiện Kế hoạch số 04-KH/ĐU{comma} ngày 5/8/2025 của Đảng uỷ xã Thanh Miện" in text
    assert "trân trọng báo cáo Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng." in text


def test_example_party_specifics(tmp_path: Path, report: ForeignInfoReport, party: Profile) -> None:
    doc = open_docx(render_file(report, tmp_path / "bao-cao.docx", profile=party))
    assert find(doc, "Số 05-BC/ĐU") is not None
    assert find(doc, "Thanh Miện, ngày 15 tháng 12 năm 2025") is not None
    # Party reports carry no "Kính gửi"; the upper body opens Nơi nhận.
    assert "Kính gửi" not in document_text(doc)
    label = find(doc, party.recipients.label)
    first_recipient = find(doc, "- Ban Tuyên giáo và Dân vận Thành ủy (để báo cáo),")
    assert run_facts(label).underline == {True}
    assert run_facts(first_recipient).sizes == {party.elements.recipient.size}
    assert find(doc, "T/M BAN THƯỜNG VỤ") is not None
    assert run_facts(find(doc, "BÁO CÁO")).bold == {True}


# -- scaffold ----------------------------------------------------------------------------


def test_scaffold_has_one_entry_per_unit_task(thanh_mien_plan: ForeignInfoPlan, scaffold: ForeignInfoReport) -> None:
    by_unit = scaffold.sections.results.by_unit
    assert [u.unit for u in by_unit] == [t.unit for t in thanh_mien_plan.tasks]
    for unit, planned in zip(by_unit, thanh_mien_plan.tasks):
        assert len(unit.results) == len(planned.tasks)
        assert [r.task for r in unit.results] == list(planned.tasks)  # type: ignore[union-attr]
    assert sum(len(u.results) for u in by_unit) == 11


def test_scaffold_copies_what_the_plan_says(scaffold: ForeignInfoReport) -> None:
    assert scaffold.issuer.name == "Đảng uỷ xã Thanh Miện" and scaffold.year == 2025
    assert scaffold.plan.number == "04-KH/ĐU"
    assert scaffold.plan.date is not None and scaffold.plan.date.isoformat() == "2025-08-05"
    assert scaffold.summary.startswith("kết quả công tác thông tin đối ngoại")
    recipients = scaffold.recipients.items
    first = recipients[0]
    assert not isinstance(first, str)
    assert (first.name, first.purpose) == ("Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng", "để báo cáo")
    assert scaffold.addressees == []
    assert scaffold.closing.report_to == "Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng"
    assert scaffold.indicators and all(i.value is None for i in scaffold.indicators)


def test_scaffold_for_a_rule_book_with_upward_addressee(thanh_mien_plan: ForeignInfoPlan, party: Profile) -> None:
    """A rule book whose upward reports say 'Kính gửi:' (ND 30) — profile data, not code."""
    state_like = party.model_copy(
        update={"recipients": party.recipients.model_copy(update={"upward_addressee": True, "as_above": "Như trên"})}
    )
    scaffold = init_report(thanh_mien_plan, profile=state_like)
    assert scaffold.addressees == ["Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng"]
    first = scaffold.recipients.items[0]
    assert not isinstance(first, str) and first.name == "Như trên"


def test_scaffold_yaml_loads_back_unchanged(tmp_path: Path, scaffold: ForeignInfoReport) -> None:
    from ttdn_docs.api import write_report_yaml

    assert load_report(write_report_yaml(scaffold, tmp_path / "bao-cao.yaml")) == scaffold
    example = load_report(REPORT)
    assert load_report(write_report_yaml(example, tmp_path / "vi-du.yaml")) == example


def test_an_upward_report_with_kinh_gui_renders_it(tmp_path: Path, report: ForeignInfoReport, party: Profile) -> None:
    upward = report.model_copy(update={"addressees": ["Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng"]})
    doc = open_docx(render_file(upward, tmp_path / "b.docx", profile=party))
    label = party.addressees.label
    assert find(doc, f"{label} Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng.") is not None


def test_plan_number_is_worded_by_the_profile(thanh_mien_plan: ForeignInfoPlan, party: Profile) -> None:
    state_numbers = party.number.model_copy(update={"template": "Số: {number}/{type}-{body}"})
    assert init_report(thanh_mien_plan, profile=party.model_copy(update={"number": state_numbers})).plan.number == "04/KH-ĐU"
    unnumbered = thanh_mien_plan.model_copy(update={"number": None})
    assert "CẦN ĐIỀN" in init_report(unnumbered).plan.number


# -- refusal and drafts ------------------------------------------------------------------


def test_scaffold_is_refused_with_the_list_of_missing_parts(scaffold: ForeignInfoReport) -> None:
    with pytest.raises(IncompleteDocumentError) as info:
        scaffold.to_document()
    paths = [p.path for p in info.value.problems]
    assert "sections.leadership.0" in paths
    assert "sections.results.by_unit.4.results.2.result" in paths
    assert "indicators.0.value" in paths
    assert len(paths) == len(scaffold.missing_parts()) == 1 + 6 + 11 + 2 + 1 + 1 + 12
    message = str(info.value)
    assert "còn 34 phần chưa điền" in message and "--draft" in message
    assert "kết quả thực hiện nhiệm vụ của Ban Xây dựng Đảng" in message


def test_refusal_from_a_file_names_the_yaml_lines(tmp_path: Path, scaffold: ForeignInfoReport) -> None:
    from ttdn_docs.api import write_report_yaml

    source = write_report_yaml(scaffold, tmp_path / "bao-cao.yaml")
    with pytest.raises(IncompleteDocumentError) as info:
        render_input(source, tmp_path / "bao-cao.docx")
    lines = source.read_text(encoding="utf-8").splitlines()
    first = info.value.problems[0]
    assert first.path == "sections.leadership.0" and first.line is not None
    assert "CẦN ĐIỀN" in lines[first.line - 1]
    assert not (tmp_path / "bao-cao.docx").exists()


def test_draft_renders_and_carries_the_draft_mark(tmp_path: Path, scaffold: ForeignInfoReport, party: Profile) -> None:
    out = render_file(scaffold, tmp_path / "du-thao.docx", draft=True)
    doc = open_docx(out)
    text = document_text(doc)
    assert "<<CẦN ĐIỀN: kết quả thực hiện nhiệm vụ của Ban Xây dựng Đảng>>" in text
    mark = find(doc, "DỰ THẢO")  # printed on the document, bold, as the profile places it
    assert run_facts(mark).bold == {True}
    assert "DỰ THẢO" not in document_text(open_docx(render_file(_filled(scaffold), tmp_path / "final.docx")))
    assert build_context(as_draft(scaffold).to_document(), party)["marks"]["draft"] == party.marks["draft"] == "DỰ THẢO"
    assert as_draft(scaffold).marks.draft and not scaffold.marks.draft


def test_a_marker_typed_by_hand_is_found(report: ForeignInfoReport) -> None:
    leadership = [*report.sections.leadership, "<<cần điền>>"]
    edited = report.model_copy(update={"sections": report.sections.model_copy(update={"leadership": leadership})})
    problems = edited.missing_parts()
    assert [p.path for p in problems] == ["sections.leadership.2"]
    assert todo("x") == "<<CẦN ĐIỀN: x>>"


# -- options -----------------------------------------------------------------------------


def test_section_titles_and_order_can_be_changed(tmp_path: Path, report: ForeignInfoReport) -> None:
    edited = ForeignInfoReport.model_validate(
        {
            **report.model_dump(),
            "section_order": ["results", "leadership", "shortcomings", "directions"],
            "section_titles": {"results": "Kết quả đạt được năm {year}"},
        }
    )
    doc = open_docx(render_file(edited, tmp_path / "b.docx"))
    assert find(doc, "I. KẾT QUẢ ĐẠT ĐƯỢC NĂM 2025") is not None
    assert find(doc, "II. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO") is not None
    assert "ĐỀ XUẤT, KIẾN NGHỊ" not in document_text(doc)
    with pytest.raises(ValueError, match="mục lặp lại"):
        ForeignInfoReport.model_validate({**report.model_dump(), "section_order": ["results", "results"]})


def test_indicators_in_an_annex(report: ForeignInfoReport) -> None:
    """``annex`` moves the table to AdminDocument.annexes (rendered once annex support is
    merged) and leaves a pointer in section II."""
    moved = report.model_copy(update={"indicators_placement": "annex"})
    document = moved.to_document()
    (annex,) = document.annexes
    assert annex.title == "Kết quả một số chỉ tiêu công tác thông tin đối ngoại năm 2025"
    assert annex.body[0].kind == "table"
    assert not any(block.kind == "table" for block in _blocks(document.body))
    in_body = report.to_document()
    assert in_body.annexes == []
    assert [block.kind for block in _blocks(in_body.body)].count("table") == 1


def _blocks(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, Section):
            yield from _blocks(block.children)


def test_report_date_must_fit_the_year(report: ForeignInfoReport) -> None:
    import datetime as dt

    ForeignInfoReport.model_validate({**report.model_dump(), "date": dt.date(2026, 1, 10)})
    with pytest.raises(ValueError, match="không thuộc năm báo cáo"):
        ForeignInfoReport.model_validate({**report.model_dump(), "date": dt.date(2024, 12, 1)})


def _filled(scaffold: ForeignInfoReport) -> ForeignInfoReport:
    """The scaffold with every unfilled part replaced, so that it renders as final."""
    from ttdn_docs.datafile import validate

    def fill(value: object) -> object:
        if isinstance(value, str) and "<<" in value:
            return "Đã thực hiện."
        if isinstance(value, dict):
            return {k: (1 if k == "value" and v is None else fill(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v) for v in value]
        return value

    return validate(ForeignInfoReport, fill(scaffold.model_dump(mode="json")), "báo cáo")
