"""``parse_figure``: figures written the Vietnamese way, and refusals that show the way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from ttdn_docs.datafile import dump_yaml, load_data, plain_data
from ttdn_docs.vn import FigureParseError, format_number, parse_date, parse_figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("312", Decimal(312)),
        ("1.234", Decimal(1234)),
        ("18.600", Decimal(18600)),
        ("1.234.567", Decimal(1234567)),
        ("1.234,5", Decimal("1234.5")),
        ("97,56", Decimal("97.56")),
        ("0,5", Decimal("0.5")),
        ("93.41", Decimal("93.41")),
        ("1.5", Decimal("1.5")),
        ("0.125", Decimal("0.125")),  # a group of thousands never starts with 0
        ("2.1250", Decimal("2.125")),
        (" 1 234 ", Decimal(1234)),
        ("18\u00a0600", Decimal(18600)),
    ],
)
def test_vietnamese_figures(text: str, expected: Decimal) -> None:
    assert parse_figure(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("97,56%", Decimal("97.56")), ("100%", Decimal(100)), ("99 %", Decimal(99))])
def test_percent_sign_on_a_ratio(text: str, expected: Decimal) -> None:
    assert parse_figure(text, percent=True) == expected


@pytest.mark.parametrize("value", [Decimal(1234567), Decimal("97.56"), Decimal(18600), Decimal("0.5")])
def test_reads_back_what_format_number_writes(value: Decimal) -> None:
    assert parse_figure(format_number(value)) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12,500", "'12,500' dễ nhầm: trong tiếng Việt dấu ',' ngăn phần thập phân; viết 12.500 nếu là số nghìn, hoặc 12,5 nếu là số thập phân"),
        ("1,234.5", "'1,234.5' viết theo kiểu tiếng Anh; viết 1.234,5"),
        ("1,234,567", "'1,234,567' viết theo kiểu tiếng Anh; viết 1.234.567"),
        ("97,56%", "'97,56%': chỉ chỉ tiêu có đơn vị tính % mới viết dấu %"),
        ("mười", "'mười' không phải là số (viết ví dụ 1.234 hoặc 97,56)"),
        ("1.23.456", "'1.23.456' không phải là số"),
        ("-3", "'-3' không phải là số"),
        ("", "'' không phải là số"),
    ],
)
def test_refused_with_an_example(text: str, message: str) -> None:
    with pytest.raises(FigureParseError) as caught:
        parse_figure(text)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("value", [Decimal("2.125"), Decimal("0.125"), Decimal("97.56"), Decimal("18600"), Decimal("1234.5")])
def test_written_yaml_reads_back_the_same_figure(tmp_path: Path, value: Decimal) -> None:
    """What our YAML writers write (import, aggregate, rollover) is read back unchanged by
    the Vietnamese figure rule: ``2.125`` would be 2125, so it is written ``2.1250``."""
    path = tmp_path / "figures.yaml"
    path.write_text(dump_yaml({"value": plain_data(value)}), encoding="utf-8")
    data, _ = load_data(path)
    written = data["value"]
    assert parse_figure(getattr(written, "text", str(written))) == value


def test_written_yaml_dates_are_in_the_officer_form(tmp_path: Path) -> None:
    path = tmp_path / "date.yaml"
    text = dump_yaml({"date": dt.date(2025, 8, 5)})
    assert text.strip() == "date: 5/8/2025"
    path.write_text(text, encoding="utf-8")
    data, _ = load_data(path)
    assert parse_date(data["date"]) == dt.date(2025, 8, 5)
