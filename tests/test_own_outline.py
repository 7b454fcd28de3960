"""Plans and reports in their authors' outlines as data: they render and pass the checker,
the schema describes the outline, and the features that need typed parts (init report
--from-plan, rollover, aggregate, batch, the notebook) work on two shapes other than the
reference's: the example written in YAML and a plan imported from Word."""

from __future__ import annotations

import io
import re
import json
from pathlib import Path

import docx

import pytest
import yaml
from outline_corpus import SHAPES, docx_bytes
from readback import paragraphs_in_order

from ttdn_docs.api import init_report, load_document
from ttdn_docs.batch import read_table, run_batch
from ttdn_docs.check import check_file
from ttdn_docs.cli import main
from ttdn_docs.errors import InputError
from ttdn_docs.importer import import_docx
from ttdn_docs.profiles import load_profile
from ttdn_docs.render import render_docx
from ttdn_docs.ttdn.aggregate import aggregate
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport
from ttdn_docs.ttdn.rollover import rollover
from ttdn_docs.ttdn.unit_results import UnitFile, UnitResults

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples/own_outline/plan.yaml"
REPORT = ROOT / "examples/own_outline/report.yaml"
SEVEN_UNITS = [
    "Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Trung tâm Dịch vụ tổng hợp", "Công an xã",
    "Ban Chỉ huy Quân sự xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Các thôn",
]


def _text_lines(data: bytes) -> list[str]:
    # The words as typed: the no-break space that binds a dash to its word reads as a space.
    texts = (p.text.replace("\u00a0", " ").strip() for p in paragraphs_in_order(docx.Document(io.BytesIO(data))))
    return [text for text in texts if text]


def _lines(document: ForeignInfoPlan | ForeignInfoReport) -> list[str]:
    data = render_docx(document.to_document(), load_profile(document.profile))
    assert check_file(data, load_profile(document.profile)).errors == []
    return _text_lines(data)


def _imported_plan(tmp_path: Path) -> ForeignInfoPlan:
    shaped = next(s for s in SHAPES if s.name == "ubnd-nhiem-vu-kinh-phi")
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(docx_bytes(shaped))
    plan = import_docx(path).document
    assert isinstance(plan, ForeignInfoPlan) and plan.outline is not None
    return plan


def test_a_plan_with_a_budget_section_and_seven_khoan_renders_and_passes() -> None:
    plan = load_document(PLAN)
    assert isinstance(plan, ForeignInfoPlan)
    lines = _lines(plan)
    headings = [line for line in lines if line.split(" ", 1)[0] in {"I.", "II.", "III.", "IV."}]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ, GIẢI PHÁP", "III. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"]
    after = lines[lines.index("IV. TỔ CHỨC THỰC HIỆN"):]
    assert [f"{n}. {unit}" for n, unit in enumerate(SEVEN_UNITS, start=1)] == [line for line in after if line[:2] in {f"{n}." for n in range(1, 8)}]
    assert "Chuyên mục truyền thanh" in lines and "12.000.000" in lines  # the budget table's cells
    assert [u.unit for u in plan.unit_tasks()] == SEVEN_UNITS


def test_a_report_with_its_situation_and_a_table_inside_a_khoan_renders_and_passes() -> None:
    report = load_document(REPORT)
    assert isinstance(report, ForeignInfoReport)
    lines = _lines(report)
    assert lines.index("I. ĐẶC ĐIỂM TÌNH HÌNH") < lines.index("2. Kết quả tuyên truyền")
    table_at = lines.index("Tin, bài trên trang thông tin điện tử của xã")
    assert lines.index("Kết quả một số chỉ tiêu chủ yếu như sau:") < table_at < lines.index("Các chi bộ tổ chức quán triệt đầy đủ, đúng thời gian.")
    assert not any(line.startswith("Trên đây là") for line in lines)  # no closing invented


def test_the_schema_describes_the_outline_and_requires_only_what_the_rule_books_do(capsys: pytest.CaptureFixture[str]) -> None:
    for what, optional in (("plan", {"purposes", "tasks", "closing", "opening"}), ("report", {"plan", "sections"})):
        assert main(["schema", what]) == 0
        schema = json.loads(capsys.readouterr().out)
        assert "outline" in schema["properties"] and "Dàn ý" in schema["properties"]["outline"]["description"]
        assert not optional & set(schema["required"])
        assert {"SectionNode", "TableNode", "ListNode", "TextNode"} <= set(schema["$defs"])


def test_init_plan_skeleton_shows_how_to_add_a_section(tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.yaml"
    assert main(["init", "plan", "--commune", "11239", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    start = lines.index("# outline:")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("#   "))
    block = lines[start:end]
    assert "#   - title: Kinh phí thực hiện" in block
    # The commented outline, uncommented as the comment says, renders with the section.
    uncommented = [*lines[:start], *(line[2:] for line in block), *lines[end:]]
    edited = tmp_path / "ke-hoach-sua.yaml"
    edited.write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    plan = load_document(edited)
    assert isinstance(plan, ForeignInfoPlan) and plan.outline is not None
    assert "III. KINH PHÍ THỰC HIỆN" in _lines(plan.model_copy(update={"marks": plan.marks.model_copy(update={"draft": True})}))


@pytest.mark.parametrize("source", ["yaml", "imported"])
def test_init_report_from_a_plan_of_its_own_shape_has_one_entry_per_unit_task(source: str, tmp_path: Path) -> None:
    plan = load_document(PLAN) if source == "yaml" else _imported_plan(tmp_path)
    assert isinstance(plan, ForeignInfoPlan)
    report = init_report(plan)
    assert report.sections is not None
    assert [u.unit for u in report.sections.results.by_unit] == [u.unit for u in plan.unit_tasks()]
    assert all(len(u.results) == len(t.tasks) for u, t in zip(report.sections.results.by_unit, plan.unit_tasks(), strict=True))


@pytest.mark.parametrize("source", ["yaml", "imported"])
def test_rollover_of_a_plan_of_its_own_shape_moves_the_years_in_the_outline(source: str, tmp_path: Path) -> None:
    plan = load_document(PLAN) if source == "yaml" else _imported_plan(tmp_path)
    assert isinstance(plan, ForeignInfoPlan)
    moved = rollover(plan, 2026)
    assert isinstance(moved, ForeignInfoPlan) and moved.year == 2026
    # The year moves in the author's own sections too (the budget paragraph).
    outline = str(moved.model_dump(mode="json")["outline"])
    assert "ngân sách xã năm 2026" in outline and "ngân sách xã năm 2025" not in outline
    assert [u.unit for u in moved.unit_tasks()] == [u.unit for u in plan.unit_tasks()]


def test_aggregate_merges_figures_into_a_report_of_its_own_shape() -> None:
    report = load_document(REPORT)
    assert isinstance(report, ForeignInfoReport)
    unit = UnitResults.model_validate({"unit": "Chi bộ thôn 1", "year": 2025, "indicators": [
        {"key": "tin_bai", "name": "Tin, bài trên trang thông tin điện tử của xã", "unit": "tin, bài", "value": 4},
    ]})
    merged = aggregate(report, [UnitFile("chi-bo-1.yaml", unit)]).report
    assert {i.key: str(i.value) for i in merged.indicators}["tin_bai"] == "4"  # the units’ sum
    assert merged.outline == report.outline
    written = UnitResults.model_validate({"unit": "Chi bộ thôn 2", "year": 2025, "results": ["Tổ chức 2 buổi tuyên truyền."]})
    with pytest.raises(InputError) as caught:
        aggregate(report, [UnitFile("chi-bo-2.yaml", written)])
    assert "dàn ý riêng" in str(caught.value.problems[0].message)


def test_batch_renders_a_template_of_its_own_shape_for_each_commune(tmp_path: Path) -> None:
    template = yaml.safe_load((ROOT / "examples/batch/plan-template.yaml").read_text(encoding="utf-8"))
    template["outline"] = [
        {"part": "opening"}, {"part": "purposes_and_requirements"}, {"part": "contents_and_methods"},
        {"title": "Kinh phí thực hiện", "body": ["Kinh phí do ngân sách {{ commune.full_name }} bảo đảm."]},
        {"part": "tasks"}, {"part": "closing"},
    ]
    path = tmp_path / "mau.yaml"
    path.write_text(yaml.safe_dump(template, allow_unicode=True), encoding="utf-8")
    table = tmp_path / "xa.csv"
    table.write_text("code\n11239\n10510\n", encoding="utf-8")
    result = run_batch(path, tmp_path / "out", table=read_table(table))
    assert result.count("ok") == 2
    for entry in result.entries:
        text = " ".join(_text_lines((tmp_path / "out" / entry.file).read_bytes()))
        assert "KINH PHÍ THỰC HIỆN" in text and re.search(r"Kinh phí do ngân sách (xã|phường) \w", text), text[-600:]


def test_the_notebook_shows_a_plan_of_its_own_shape(tmp_path: Path) -> None:
    for document in (load_document(PLAN), _imported_plan(tmp_path)):
        page = document._repr_html_()
        assert "KINH PHÍ THỰC HIỆN" in page.upper()
