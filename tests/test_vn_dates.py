"""``parse_date``: every form an officer types, and a clear refusal otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from ttdn_docs.vn import DateParseError, parse_date

SEED_DATE = dt.date(2025, 8, 5)


@pytest.mark.parametrize(
    "text",
    [
        "2025-08-05",
        "2025-8-5",
        "05/8/2025",
        "5/8/2025",
        "05/08/2025",
        "05-08-2025",
        "5-8-2025",
        "05.08.2025",
        " 05 / 8 / 2025 ",
        "ngày 05 tháng 8 năm 2025",
        "Ngày 5 tháng 8 năm 2025",
        "ngày  05  tháng 08  năm 2025",
        "Thanh Miện, ngày 05 tháng 8 năm 2025",
        "Thanh Mie\u0323\u0302n, nga\u0300y 05 tha\u0301ng 8 na\u0306m 2025",  # NFD, as pasted
        "ngày\u00a005 tháng\u00a08 năm\u00a02025",
    ],
)
def test_every_form_reads_the_same_day(text: str) -> None:
    assert parse_date(text) == SEED_DATE


def test_leap_day() -> None:
    assert parse_date("29/02/2024") == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("31/2/2026", "tháng 2 năm 2026 chỉ có 28 ngày"),
        ("29/02/2025", "tháng 2 năm 2025 chỉ có 28 ngày"),
        ("31/4/2025", "tháng 4 năm 2025 chỉ có 30 ngày"),
        ("0/8/2025", "không có ngày 0"),
        ("13/13/2025", "không có tháng 13"),
        ("ngày 32 tháng 8 năm 2025", "tháng 8 năm 2025 chỉ có 31 ngày"),
        ("2025-02-30", "tháng 2 năm 2025 chỉ có 28 ngày"),
    ],
)
def test_impossible_date_is_refused_with_the_reason(text: str, why: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    message = str(caught.value)
    assert message.startswith(f"'{text}' không phải ngày có thật")
    assert why in message


@pytest.mark.parametrize(
    "text",
    ["2025/8/5", "05/8-2025", "5/8/25", "ngày 5", "tháng 8 năm 2025", "05/8/2025 10:00", "hôm qua", ""],
)
def test_unknown_form_is_refused_with_examples(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    message = str(caught.value)
    assert message.startswith(f"'{text}' không phải ngày")
    assert "05/8/2025" in message and "ngày 05 tháng 8 năm 2025" in message


def test_error_is_a_value_error() -> None:
    # pydantic turns a ValueError raised in a validator into a field problem.
    assert issubclass(DateParseError, ValueError)
