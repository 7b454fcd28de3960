"""Merge the units' result files into the commune's report.

Each unit named in the plan sends its results (``ttdn.unit_results``). The merge:

* matches each file to a unit of the report by name (tone placement, case, diacritics and
  punctuation do not matter), or by ``plan_unit`` for a member of a group unit;
* puts each unit's written results under that unit (several members of one group unit:
  each result prefixed with the member's name);
* sums figures with the same key across files (value, target, previous); a unit of measure
  that disagrees, a percentage from more than one file, a target or last-year value given
  by some files and not others, or one unit giving a key twice is an error naming the files;
* replaces the report's figures by the sums (so merging again gives the same report) and
  keeps slots nobody reported as they were;
* lists the units that sent nothing (``not_reported``) and the files of units that the
  plan does not name (their results are added at the end).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.ttdn.indicators import Indicator
from ttdn_docs.ttdn.report import ForeignInfoReport, TaskResult, UnitReport
from ttdn_docs.ttdn.unit_results import UnitFile
from ttdn_docs.vn import fold_key

AGGREGATION_SOURCE = "các tệp báo cáo của đơn vị"


def unit_match_key(name: str) -> str:
    """A key under which two spellings of one unit name agree: tone placement, case,
    diacritics (đ → d), spaces and punctuation are ignored, so that a file named
    ``trung-tam-van-hoa-the-thao-va-truyen-thong.csv`` matches its unit."""
    folded = fold_key(name).replace("đ", "d")
    bare = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return "".join(c for c in bare if c.isalnum())


@dataclass
class Aggregation:
    """The merged report and what the merge found."""

    report: ForeignInfoReport
    files: list[str]
    reported: list[str]
    not_reported: list[str]
    extra_units: list[str] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        """What happened, for the officer (Vietnamese)."""
        filled = sum(1 for i in self.report.indicators if i.value is not None)
        lines = [
            f"Đã tổng hợp {len(self.files)} tệp của {len(self.reported) + len(self.extra_units)} đơn vị; "
            f"{filled}/{len(self.report.indicators)} chỉ tiêu có số liệu."
        ]
        if self.not_reported:
            lines.append("Đơn vị chưa gửi báo cáo: " + "; ".join(self.not_reported) + ".")
        else:
            lines.append("Tất cả đơn vị trong kế hoạch đã gửi báo cáo.")
        if self.extra_units:
            lines.append("Đơn vị không có trong kế hoạch (đã thêm vào cuối phần kết quả): " + "; ".join(self.extra_units) + ".")
        empty = [i.key for i in self.report.indicators if i.value is None]
        if empty:
            lines.append("Chỉ tiêu chưa có số liệu: " + ", ".join(empty) + ".")
        return lines


@dataclass(frozen=True)
class _Contribution:
    source: str
    reporter: str
    indicator: Indicator


def aggregate(base: ForeignInfoReport, files: Sequence[UnitFile], *, base_source: str = "báo cáo gốc") -> Aggregation:
    """Merge ``files`` into ``base`` (a scaffold from ``init report`` or a report being
    completed); see the module doc for the rules."""
    problems = [
        FieldProblem("year", f"{f.source}: năm {f.data.year} khác năm của báo cáo ({base.year})")
        for f in files
        if f.data.year is not None and f.data.year != base.year
    ]
    # A report in its author's outline has no typed results by unit: only figures merge.
    planned_units = base.sections.results.by_unit if base.sections is not None else []
    planned = [unit.unit for unit in planned_units]
    index_by_key = {unit_match_key(name): index for index, name in enumerate(planned)}
    members: dict[int, list[UnitFile]] = {}
    extra: dict[str, list[UnitFile]] = {}
    for unit_file in files:
        index = index_by_key.get(unit_match_key(unit_file.data.reports_under))
        if index is None:
            extra.setdefault(unit_file.data.reports_under, []).append(unit_file)
        else:
            members.setdefault(index, []).append(unit_file)
    indicators = _merge_indicators(base, base_source, files, problems)
    by_unit = [_unit_report(unit, members.get(index, [])) for index, unit in enumerate(planned_units)]
    by_unit += [added for name, group in extra.items() if (added := _new_unit_report(name, group)) is not None]
    if base.sections is None and by_unit:
        problems.append(FieldProblem(
            "sections", f"{base_source} viết theo dàn ý riêng ('outline'), không có phần kết quả theo đơn vị để gộp "
            "lời văn của các đơn vị; hãy chép kết quả vào dàn ý, hoặc gộp vào báo cáo tạo bằng init report --from-plan",
        ))
    if problems:
        raise InputError(AGGREGATION_SOURCE, problems)
    not_reported = [name for index, name in enumerate(planned) if index not in members]
    sections = base.sections
    if sections is not None:
        sections = sections.model_copy(update={"results": sections.results.model_copy(update={"by_unit": by_unit})})
    merged = base.model_copy(
        update={
            "sections": sections,
            "indicators": indicators,
            "not_reported": not_reported,
        }
    )
    # Validate the whole again: the merge must produce a report the schema accepts.
    report = ForeignInfoReport.model_validate(merged.model_dump())
    return Aggregation(
        report=report,
        files=[f.source for f in files],
        reported=[name for index, name in enumerate(planned) if index in members],
        not_reported=not_reported,
        extra_units=list(extra),
    )


def _results_of(group: list[UnitFile]) -> list[TaskResult | str]:
    """The written results of the files of one unit; several members of a group unit
    each get their name before their results."""
    with_results = [f for f in group if f.data.results]
    reporters = {unit_match_key(f.data.unit) for f in with_results}
    results: list[TaskResult | str] = []
    for unit_file in with_results:
        for result in unit_file.data.results:
            if len(reporters) > 1:
                text = result if isinstance(result, str) else result.result
                prefixed = f"{unit_file.data.unit}: {text}"
                result = prefixed if isinstance(result, str) else result.model_copy(update={"result": prefixed})
            results.append(result)
    return results


def _unit_report(planned: UnitReport, group: list[UnitFile]) -> UnitReport:
    results = _results_of(group)
    return planned.model_copy(update={"results": results}) if results else planned


def _new_unit_report(name: str, group: list[UnitFile]) -> UnitReport | None:
    results = _results_of(group)
    return UnitReport(unit=name, results=results) if results else None


def _merge_indicators(
    base: ForeignInfoReport, base_source: str, files: Sequence[UnitFile], problems: list[FieldProblem]
) -> list[Indicator]:
    contributions: dict[str, list[_Contribution]] = {}
    for unit_file in files:
        for indicator in unit_file.data.indicators:
            contributions.setdefault(indicator.key, []).append(
                _Contribution(unit_file.source, unit_file.data.unit, indicator)
            )
    slots = {indicator.key: indicator for indicator in base.indicators}
    merged: list[Indicator] = []
    for key in [*slots, *(k for k in contributions if k not in slots)]:
        given = contributions.get(key, [])
        slot = slots.get(key)
        if not given:
            if slot is not None:
                merged.append(slot)
            continue
        key_problems = _contribution_problems(key, slot, base_source, given)
        problems += key_problems
        if key_problems:
            continue
        first = given[0].indicator
        merged.append(
            Indicator(
                key=key,
                name=slot.name if slot is not None else first.name,
                unit=slot.unit if slot is not None else first.unit,
                value=_sum([c.indicator.value for c in given]),
                target=_sum([c.indicator.target for c in given]),
                previous=_sum([c.indicator.previous for c in given]),
            )
        )
    return merged


def _contribution_problems(
    key: str, slot: Indicator | None, base_source: str, given: list[_Contribution]
) -> list[FieldProblem]:
    path = f"indicators.{key}"
    place = Indicator.place_of(key)
    problems = []
    reference = (base_source, slot.unit) if slot is not None else (given[0].source, given[0].indicator.unit)
    for contribution in given:
        if fold_key(contribution.indicator.unit) != fold_key(reference[1]):
            problems.append(
                FieldProblem(
                    path,
                    f"đơn vị tính khác nhau: '{contribution.indicator.unit}' trong {contribution.source}, "
                    f"'{reference[1]}' trong {reference[0]}",
                    place=place,
                )
            )
    seen: dict[str, str] = {}
    for contribution in given:
        reporter = unit_match_key(contribution.reporter)
        if reporter in seen:
            problems.append(
                FieldProblem(
                    path,
                    f"đơn vị '{contribution.reporter}' báo cáo chỉ tiêu này hai lần: {seen[reporter]} và {contribution.source}",
                    place=place,
                )
            )
        seen.setdefault(reporter, contribution.source)
    if len(given) > 1 and given[0].indicator.is_percent:
        sources = ", ".join(c.source for c in given)
        problems.append(
            FieldProblem(
                path,
                f"tỷ lệ % không cộng được giữa các tệp ({sources}); hãy báo cáo dạng x/y "
                "(value = số đạt, target = tổng số) với đơn vị tính là đơn vị đếm",
                place=place,
            )
        )
    for figure, label in (("target", "tổng số/chỉ tiêu (target)"), ("previous", "số năm trước (previous)")):
        having = [c.source for c in given if getattr(c.indicator, figure) is not None]
        lacking = [c.source for c in given if getattr(c.indicator, figure) is None]
        if having and lacking:
            problems.append(
                FieldProblem(path, f"{label} có trong {', '.join(having)} nhưng thiếu trong {', '.join(lacking)}", place=place)
            )
    return problems


def _sum(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None
