"""Indicators: typed figures, derived ratio and change, Vietnamese number text, the table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from ttdn_docs.ttdn.indicators import (
    Indicator,
    IndicatorLabels,
    change_text,
    figure_text,
    indicator_table,
    percent_text,
)


def _ind(**kw: object) -> Indicator:
    return Indicator.model_validate({"key": "k", "name": "Chỉ tiêu", "unit": "tin, bài", **kw})


def test_ratio_is_computed_from_value_and_target() -> None:
    # Vĩnh Cửu 2023 (domain.md §5): 4,319 of 4,332 Party members reached.
    ratio = _ind(value=4319, target=4332).ratio()
    assert ratio == Decimal("99.70")
    assert percent_text(ratio) == "99,7%"
    assert _ind(value=57, target=57).ratio() == Decimal("100.00")
    assert percent_text(Decimal("99.69")) == "99,69%"


def test_no_ratio_without_both_figures_or_with_a_zero_total() -> None:
    assert _ind(value=5).ratio() is None
    assert _ind(target=5).ratio() is None
    assert _ind(value=0, target=0).ratio() is None


def test_change_from_last_year() -> None:
    assert _ind(value=312, previous=240).change() == Decimal(72)
    assert change_text(Decimal(72)) == "+72"
    assert change_text(Decimal(-3)) == "-3"
    assert change_text(Decimal(0)) == "0"
    assert change_text(Decimal(6200)) == "+6.200"
    assert _ind(value=5).change() is None


def test_vietnamese_number_text() -> None:
    assert figure_text(Decimal(18600)) == "18.600"
    assert figure_text(Decimal("93.41")) == "93,41"
    assert figure_text(Decimal("1234567")) == "1.234.567"


def test_keys_are_normalised_and_checked() -> None:
    assert _ind(key=" Tin_Bai ").key == "tin_bai"
    with pytest.raises(ValidationError):
        _ind(key="tin bài")


def test_a_percentage_has_no_target_and_figures_are_not_negative() -> None:
    with pytest.raises(ValidationError, match="tính bằng % không có 'target'"):
        _ind(unit="%", value=93.41, target=100)
    assert _ind(unit="%", value=93.41).is_percent
    with pytest.raises(ValidationError):
        _ind(value=-1)


def test_table_shows_ratio_and_previous_columns_only_when_needed() -> None:
    plain = indicator_table([_ind(value=5)], IndicatorLabels(), 2025)
    assert [c.header for c in plain.columns] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả năm 2025"]
    full = indicator_table(
        [_ind(key="a", value=160, target=164), _ind(key="b", value=18600, previous=12400), _ind(key="c")],
        IndicatorLabels(),
        2025,
    )
    assert [c.header for c in full.columns] == [
        "STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả năm 2025", "Tỷ lệ", "Năm 2024", "So với năm 2024",
    ]
    assert full.rows[0] == ["1", "Chỉ tiêu", "tin, bài", "160/164", "97,56%", "", ""]
    assert full.rows[1] == ["2", "Chỉ tiêu", "tin, bài", "18.600", "", "12.400", "+6.200"]
    # A slot not yet filled shows the "missing" label (only a draft gets this far).
    assert full.rows[2][3] == "…"


def test_table_labels_can_be_changed() -> None:
    labels = IndicatorLabels(value="Thực hiện {year}", previous="Cùng kỳ {previous_year}", change="Tăng, giảm")
    table = indicator_table([_ind(value=1, previous=2)], labels, 2026)
    assert [c.header for c in table.columns][3:] == ["Thực hiện 2026", "Cùng kỳ 2025", "Tăng, giảm"]
