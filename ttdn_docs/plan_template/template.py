"""A plan template: one plan YAML for many communes.

The file is an ordinary plan (``ttdn-docs schema plan``), or a document of any type
(``kind: document``, ``ttdn-docs schema document``), whose string values may hold
placeholders (``fields.FIELDS``). ``issuer`` and ``place`` may be left out: each commune
then gets its own, from the official list of units (``ttdn.commune``). Per-commune values
come from a table row (``row_values``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ttdn_docs.plan_template.expand import Expander, PlaceholderError
from ttdn_docs.plan_template.fields import commune_fields
from ttdn_docs.plan_template.row_values import FieldColumn, apply_row
from ttdn_docs.plan_template.table import TableRow
from ttdn_docs.datafile import LineMap, parse_json, parse_yaml, read_text, validate
from ttdn_docs.document_kinds import document_model
from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.ttdn.commune import commune_issuer
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.units import Commune, place_name

DEFAULT_PROFILE = str(ForeignInfoPlan.model_fields["profile"].default)
# The kinds a template may be: each commune's file is one of these.
BATCH_KINDS = ("plan", "document")
# Fields the template must give as plain values: they choose the rule book and the year
# before any commune is known.
_PLAIN_FIELDS = ("profile", "kind", "year")
# Fields that name one commune: a template must leave them out or vary them per commune.
_PER_COMMUNE_FIELDS = {"issuer": "cơ quan ban hành", "place": "địa danh"}


def _has_placeholder(value: Any) -> bool:
    if isinstance(value, str):
        return any(marker in value for marker in ("{{", "{%"))
    if isinstance(value, dict):
        return any(_has_placeholder(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_placeholder(v) for v in value)
    return False


@dataclass
class PlanTemplate:
    source: str
    text: str
    data: dict[str, Any]
    lines: LineMap
    expander: Expander

    @classmethod
    def load(cls, path: Path) -> PlanTemplate:
        path = Path(path)
        return cls.parse(read_text(path), str(path))

    @classmethod
    def parse(cls, text: str, source: str, overrides: dict[str, Any] | None = None) -> PlanTemplate:
        """Parse a template; ``overrides`` set plain top-level values (``year``) first."""
        if source.lower().endswith(".json"):
            data, lines = parse_json(text, source), LineMap()
        else:
            data, lines = parse_yaml(text, source)
        if not isinstance(data, dict):
            raise InputError(source, [FieldProblem("", "mẫu kế hoạch phải là một bảng khóa: giá trị (mapping)")])
        data.update(overrides or {})
        problems = [
            FieldProblem(name, "phải là giá trị cố định, không dùng chỗ điền", lines.get((name,)))
            for name in _PLAIN_FIELDS
            if isinstance(data.get(name), str) and "{" in data[name]
        ]
        if data.get("kind", "plan") not in BATCH_KINDS:
            message = "mẫu hàng loạt nhận kế hoạch (kind: plan) hoặc văn bản (kind: document)"
            problems.append(FieldProblem("kind", message, lines.get(("kind",))))
        expander = Expander(data)
        problems += [p.problem(lines) for p in expander.problems]
        if problems:
            raise InputError(source, problems)
        return cls(source=source, text=text, data=data, lines=lines, expander=expander)

    def fixed_header(self, columns: list[FieldColumn]) -> list[FieldProblem]:
        """The header fields the template gives one value for every commune (``issuer``,
        ``place`` written out with no placeholder, and no table column setting them):
        every file would carry the same commune's header under another commune's name."""
        problems = []
        for name, what in _PER_COMMUNE_FIELDS.items():
            value = self.data.get(name)
            if value is None or any(c.path[0] == name for c in columns) or _has_placeholder(value):
                continue
            problems.append(
                FieldProblem(
                    name,
                    f"{what} ghi sẵn, không có chỗ điền: mọi xã sẽ nhận cùng một giá trị này. Hãy xóa "
                    f"trường '{name}' khỏi mẫu (mỗi xã tự nhận theo danh mục đơn vị hành chính), hoặc dùng "
                    "chỗ điền {{ commune.… }} (docs/batch.md), hoặc ghi theo từng xã trong bảng --communes",
                    self.lines.get((name,)),
                )
            )
        return problems

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def model(self) -> Any:
        """The model each commune's data validates to (by the template's ``kind``)."""
        return document_model(str(self.data.get("kind", "plan")))

    @property
    def profile_name(self) -> str:
        value = str(self.data.get("profile", self.model.model_fields["profile"].default))
        relative = Path(self.source).parent / value
        looks_like_file = value.endswith((".yaml", ".yml", ".json"))
        return str(relative) if looks_like_file and not Path(value).is_absolute() else value

    @property
    def year(self) -> Any:
        return self.data.get("year")

    def plan_for(
        self,
        commune: Commune,
        family: str,
        row: TableRow | None = None,
        columns: list[FieldColumn] | None = None,
        table_source: str = "",
    ) -> Any:
        """The plan (or document) of one commune: placeholders filled, its own header, its
        row's values."""
        data, from_row, source = self._data_for(commune, family, row, columns, table_source)
        try:
            return validate(self.model, data, source, self.lines)
        except InputError as exc:
            raise InputError(source, [_blame_row(p, from_row) for p in exc.problems]) from None

    def data_for(self, commune: Commune, family: str) -> tuple[dict[str, Any], ForeignInfoPlan]:
        """The filled-in plan data of one commune (no table), and the plan it validates to."""
        data, _, source = self._data_for(commune, family, None, None, "")
        return data, validate(ForeignInfoPlan, data, source, self.lines)

    def _data_for(
        self,
        commune: Commune,
        family: str,
        row: TableRow | None,
        columns: list[FieldColumn] | None,
        table_source: str,
    ) -> tuple[dict[str, Any], list[str], str]:
        what = "kế hoạch" if self.model is ForeignInfoPlan else "văn bản"
        source = f"{what} của {commune.full_name} (mã {commune.code}" + (
            f"; dòng {row.line} của {table_source})" if row else ")"
        )
        fields = commune_fields(commune, family, row.values if row else None, self.year)
        try:
            data: dict[str, Any] = self.expander.expand(fields)
        except PlaceholderError as exc:
            raise InputError(source, [exc.problem(self.lines)]) from None
        if "issuer" not in data:
            data["issuer"] = commune_issuer(commune, family).model_dump(exclude_none=True)
        data.setdefault("place", place_name(commune))
        from_row: list[str] = []
        if row is not None and columns:
            try:
                data, from_row = apply_row(data, row, columns, table_source)
            except ValueError as exc:
                raise InputError(source, [FieldProblem("", str(exc))]) from None
        return data, from_row, source


def _blame_row(problem: FieldProblem, from_row: list[str]) -> FieldProblem:
    """A problem in a value the table set points at the table, not at a template line."""
    if any(problem.path == p or problem.path.startswith(p + ".") for p in from_row):
        return replace(problem, message=f"{problem.message} (giá trị lấy từ bảng)", line=None)
    return problem
