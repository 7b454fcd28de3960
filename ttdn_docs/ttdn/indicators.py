"""Indicators (chỉ tiêu) of a TTĐN report: typed figures, what is derived from them, and
the table that shows them.

An indicator is typed once — its value, and optionally ``target`` (the ``y`` of ``x/y``:
the plan's target or the total, e.g. Party members reached out of all Party members) and
``previous`` (last year's value). The ratio (``99,7%``) and the change from last year
(``+12``) are always computed, never typed, so they cannot disagree with the figures.
Numbers print in Vietnamese form through babel (``1.234``, ``99,69%``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator, model_validator

from ttdn_docs.admin import Table, TableColumn
from ttdn_docs.admin.text import CleanText
from ttdn_docs.admin.values import Figure
from ttdn_docs.generic.parts import Model
from ttdn_docs.vn import fold_key, format_number, parse_figure

_KEY = re.compile(r"[a-z0-9][a-z0-9_.-]{0,79}")


def _key(text: str) -> str:
    key = text.strip().lower()
    if not _KEY.fullmatch(key):
        raise ValueError(f"mã chỉ tiêu '{text}' chỉ gồm chữ không dấu, số, '_', '.', '-' (ví dụ: tin_bai_mang_xa_hoi)")
    return key


IndicatorKey = Annotated[str, StringConstraints(max_length=200), AfterValidator(_key)]
# A percentage is already a ratio: it has no denominator and cannot be summed.
PERCENT_UNITS = frozenset({"%", "phần trăm"})
MAX_FIGURE = Decimal(10) ** 12
_CENT = Decimal("0.01")


def is_percent_unit(unit: str) -> bool:
    return fold_key(unit) in PERCENT_UNITS


class Indicator(Model):
    """One figure of the report: ``key`` identifies it across unit files (ASCII, e.g.
    ``tin_bai_mang_xa_hoi``), ``unit`` is its unit of measure (``tin, bài``, ``buổi``,
    ``lượt người``, ``%``). ``value: null`` is a slot still to be filled."""

    key: IndicatorKey = Field(title="mã chỉ tiêu")
    name: CleanText = Field(max_length=500, title="tên chỉ tiêu")
    unit: CleanText = Field(max_length=60, title="đơn vị tính")
    value: Figure | None = Field(default=None, ge=0, le=MAX_FIGURE, title="kết quả")
    target: Figure | None = Field(default=None, ge=0, le=MAX_FIGURE, title="tổng số")
    previous: Figure | None = Field(default=None, ge=0, le=MAX_FIGURE, title="năm trước")

    place_label: ClassVar[str] = "chỉ tiêu {key}"

    @field_validator("value", "target", "previous", mode="before")
    @classmethod
    def _percent_sign_only_on_a_ratio(cls, value: object, info: ValidationInfo) -> object:
        unit = info.data.get("unit")
        if isinstance(value, str) and value.strip().endswith("%") and not (isinstance(unit, str) and is_percent_unit(unit)):
            # The message of vn.parse_figure for a '%' where a count is expected.
            parse_figure(value)
        return value

    @model_validator(mode="after")
    def _percent_has_no_target(self) -> Indicator:
        if self.is_percent and self.target is not None:
            raise ValueError(
                f"chỉ tiêu '{self.key}' tính bằng % không có 'target'; hãy nhập dạng x/y: "
                "'value' là số đạt, 'target' là tổng số, đơn vị tính là đơn vị đếm"
            )
        return self

    @classmethod
    def place_of(cls, key: str) -> str:
        """How a message names the indicator ``key`` (``chỉ tiêu tin_bai``)."""
        return cls.place_label.format(key=key)

    @property
    def is_percent(self) -> bool:
        return is_percent_unit(self.unit)

    def ratio(self) -> Decimal | None:
        """``value / target`` in percent, to two decimals (``None`` without both)."""
        if self.value is None or not self.target:
            return None
        return (self.value * 100 / self.target).quantize(_CENT, rounding=ROUND_HALF_UP)

    def change(self) -> Decimal | None:
        """``value - previous`` (percentage points for a ``%`` indicator)."""
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


class IndicatorLabels(Model):
    """Wording of the indicator table; ``{year}``, ``{previous_year}`` and
    ``{next_year}`` are replaced by the report's years. Any may be changed."""

    number: CleanText = Field(default="STT", title="cột STT")
    name: CleanText = Field(default="Chỉ tiêu", title="cột Chỉ tiêu")
    unit: CleanText = Field(default="Đơn vị tính", title="cột Đơn vị tính")
    value: CleanText = Field(default="Kết quả năm {year}", title="cột Kết quả")
    ratio: CleanText = Field(default="Tỷ lệ", title="cột Tỷ lệ")
    previous: CleanText = Field(default="Năm {previous_year}", title="cột Năm trước")
    change: CleanText = Field(default="So với năm {previous_year}", title="cột So với năm trước")
    missing: CleanText = Field(default="…", title="dấu cho số liệu chưa có")


def fill_years(text: str, year: int) -> str:
    """Replace ``{year}``, ``{previous_year}``, ``{next_year}`` (and nothing else, so a
    title with other braces stays as typed)."""
    return (
        text.replace("{year}", str(year))
        .replace("{previous_year}", str(year - 1))
        .replace("{next_year}", str(year + 1))
    )


def figure_text(value: Decimal) -> str:
    """``18600`` → ``18.600``; ``93.41`` → ``93,41``; ``100.00`` → ``100``."""
    return format_number(value)


def percent_text(value: Decimal) -> str:
    """``99.70`` → ``99,7%``; ``100.00`` → ``100%`` (Vietnamese form, no space)."""
    return format_number(value) + "%"


def change_text(value: Decimal) -> str:
    """``+12``, ``-3``, ``0``."""
    sign = "+" if value > 0 else "-" if value < 0 else ""
    return sign + figure_text(abs(value))


def indicator_table(indicators: list[Indicator], labels: IndicatorLabels, year: int) -> Table:
    """The table of ``indicators``: number, name, unit, result (``x`` or ``x/y``) and,
    when any indicator has them, the ratio and last year's value with the change."""
    with_ratio = any(i.target is not None for i in indicators)
    with_previous = any(i.previous is not None for i in indicators)
    columns = [
        TableColumn(header=labels.number, width=0.9, align="center"),
        TableColumn(header=labels.name, width=3.6, align="left"),
        TableColumn(header=labels.unit, width=1.4),
        TableColumn(header=fill_years(labels.value, year), width=1.6),
    ]
    if with_ratio:
        columns.append(TableColumn(header=fill_years(labels.ratio, year), width=1.4))
    if with_previous:
        columns.append(TableColumn(header=fill_years(labels.previous, year), width=1.3))
        columns.append(TableColumn(header=fill_years(labels.change, year), width=1.4))
    rows = []
    for number, indicator in enumerate(indicators, start=1):
        row = [str(number), indicator.name, indicator.unit, _value_text(indicator, labels)]
        if with_ratio:
            ratio = indicator.ratio()
            row.append(percent_text(ratio) if ratio is not None else "")
        if with_previous:
            change = indicator.change()
            row.append(figure_text(indicator.previous) if indicator.previous is not None else "")
            row.append(change_text(change) if change is not None else "")
        rows.append(row)
    return Table(columns=columns, rows=rows)


def _value_text(indicator: Indicator, labels: IndicatorLabels) -> str:
    value = figure_text(indicator.value) if indicator.value is not None else labels.missing
    if indicator.target is not None:
        return f"{value}/{figure_text(indicator.target)}"
    return value
