"""A report pre-filled from its plan (``ttdn-docs init report --from-plan``).

What the plan already says is copied: issuer, header, year, the plan's reference, the
upper body the report goes to, the signer, recipients (the upper body first). What only
the commune knows is marked ``<<CẦN ĐIỀN: …>>``: one result entry per assigned unit and
task of the plan, one per content area of the outline, the leadership, shortcomings,
directions and proposals; and every indicator of the outline is an empty slot.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ttdn_docs.admin.text import CleanText
from ttdn_docs.datafile import load_model
from ttdn_docs.generic.parts import Model, RecipientEntry, RecipientList
from ttdn_docs.ttdn.indicators import Indicator
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.generic.items import Item
from ttdn_docs.ttdn.report import (
    ContentArea,
    ForeignInfoReport,
    PlanReference,
    ReportClosing,
    ReportSections,
    Results,
    Shortcomings,
    TaskResult,
    UnitReport,
)
from ttdn_docs.generic.todo import todo

DEFAULT_OUTLINE = Path(__file__).resolve().parent / "data" / "report-outline.yaml"


class OutlineArea(Model):
    title: CleanText = Field(max_length=500, title="tên lĩnh vực")
    hint: CleanText = Field(max_length=1000, title="gợi ý")


class ReportOutline(Model):
    """The content areas a report's results are written under and the indicator slots
    it starts with (``data/report-outline.yaml``, or a commune's own file)."""

    content_areas: list[OutlineArea] = Field(default_factory=list, max_length=100, title="lĩnh vực")
    indicators: list[Indicator] = Field(default_factory=list, max_length=500, title="chỉ tiêu")


def load_outline(path: Path | None = None) -> ReportOutline:
    return load_model(ReportOutline, Path(path) if path is not None else DEFAULT_OUTLINE)


def report_from_plan(
    plan: ForeignInfoPlan,
    *,
    plan_number: str,
    outline: ReportOutline | None = None,
    upward_addressee: bool = False,
    as_above: str = "Như trên",
) -> ForeignInfoReport:
    """The report scaffold for ``plan``.

    ``plan_number`` is the plan's number and ký hiệu as cited (``04-KH/ĐU``), which the
    rule book words; ``upward_addressee`` (a rule-book fact too) puts the upper body
    under ``Kính gửi:`` and opens Nơi nhận with ``as_above``."""
    outline = outline if outline is not None else load_outline()
    year = plan.year
    closing = plan.closing_part()
    report_to = (closing.report_to if closing is not None else None) or todo("cơ quan cấp trên nhận báo cáo")
    upper = RecipientEntry(name=as_above) if upward_addressee else RecipientEntry(name=report_to, purpose="để báo cáo")
    by_unit = [
        UnitReport(
            unit=unit.unit,
            results=[
                TaskResult(task=_task_text(task), result=todo(f"kết quả thực hiện nhiệm vụ của {unit.unit}"))
                for task in unit.tasks
            ],
        )
        for unit in plan.unit_tasks()
    ]
    sections = ReportSections(
        leadership=[todo("văn bản đã ban hành để triển khai; việc quán triệt, phân công, kiểm tra, đôn đốc")],
        results=Results(
            by_content=[ContentArea(title=area.title, items=[todo(area.hint)]) for area in outline.content_areas],
            by_unit=by_unit,
        ),
        shortcomings=Shortcomings(
            limitations=[todo("hạn chế, khó khăn, vướng mắc")],
            causes=[todo("nguyên nhân của hạn chế")],
        ),
        directions=[todo(f"phương hướng, nhiệm vụ trọng tâm năm {year + 1}")],
        proposals=[todo("đề xuất, kiến nghị với cấp trên (xóa mục này nếu không có)")],
    )
    return ForeignInfoReport(
        profile=plan.profile,
        issuer=plan.issuer,
        year=year,
        place=plan.place,
        summary=f"kết quả {plan.summary} và phương hướng, nhiệm vụ năm {year + 1}",
        plan=PlanReference(
            number=plan_number, date=plan.date, issuer=plan.issuer.display_name, subject=plan.summary
        ),
        addressees=[report_to] if upward_addressee else [],
        sections=sections,
        indicators=list(outline.indicators),
        closing=ReportClosing(report_to=report_to),
        recipients=RecipientList(items=[upper, *plan.recipients.items], archive=plan.recipients.archive),
        signature=plan.signature,
    )


def _task_text(task: Item | str) -> str:
    return task if isinstance(task, str) else task.text
