import calendar
import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdn_docs.vn import clean_text, date_line, date_words, fold_key, fold_tone_placement, format_number, format_percent, numeric_date, upper
from ttdn_docs.vn.numbering import alpha_vi, roman


@pytest.mark.parametrize("month", range(1, 13))
def test_date_rule_every_month_and_day(month: int) -> None:
    for day in range(1, calendar.monthrange(2025, month)[1] + 1):
        words = date_words(dt.date(2025, month, day))
        expected_day = f"0{day}" if day < 10 else str(day)
        expected_month = f"0{month}" if month <= 2 else str(month)
        assert words == f"ngày {expected_day} tháng {expected_month} năm 2025"


def test_date_line_examples_from_the_rule_books() -> None:
    assert date_line("Thanh Miện", dt.date(2025, 8, 5)) == "Thanh Miện, ngày 05 tháng 8 năm 2025"
    assert date_words(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert date_words(dt.date(2018, 2, 20)) == "ngày 20 tháng 02 năm 2018"
    assert date_words(dt.date(2026, 5, 27)) == "ngày 27 tháng 5 năm 2026"
    assert date_words(dt.date(2025, 12, 31)) == "ngày 31 tháng 12 năm 2025"


def test_draft_date_has_blanks_and_keeps_the_year() -> None:
    line = date_line("Hòa Phú", None, year=2026)
    assert line.startswith("Hòa Phú, ngày ")
    assert line.endswith(" năm 2026")
    assert "tháng" in line and line.count("     ") == 2
    assert date_words(None).endswith("năm      ")


def test_numeric_citation_date_is_not_padded() -> None:
    assert numeric_date(dt.date(2025, 7, 28)) == "28/7/2025"
    assert numeric_date(dt.date(2024, 9, 30)) == "30/9/2024"


def test_upper_keeps_tone_placement_and_is_nfc() -> None:
    assert upper("Đảng ủy xã Hòa Phú") == "ĐẢNG ỦY XÃ HÒA PHÚ"
    assert upper("Đảng uỷ xã Thanh Miện") == "ĐẢNG UỶ XÃ THANH MIỆN"
    nfd = unicodedata.normalize("NFD", "Đảng ủy")
    assert upper(nfd) == "ĐẢNG ỦY" and unicodedata.is_normalized("NFC", upper(nfd))


@pytest.mark.parametrize(
    ("old", "new"),
    [("uỷ", "ủy"), ("Thuỷ", "Thủy"), ("hoà", "hòa"), ("HOÀ", "HÒA"), ("hoá", "hóa"), ("khoẻ", "khỏe"), ("Hoà An", "Hòa An")],
)
def test_fold_moves_old_style_marks(old: str, new: str) -> None:
    assert fold_tone_placement(old) == new
    assert fold_key(old) == fold_key(new)


@pytest.mark.parametrize("word", ["quý", "quà", "hoàng", "khuya", "Quỳnh", "thuyền", "huế"])
def test_fold_leaves_words_that_do_not_vary(word: str) -> None:
    assert fold_tone_placement(word) == word


def test_fold_key_unifies_case_space_apostrophe_and_eth() -> None:
    assert fold_key("Xã  Hoà’An") == fold_key("xã hòa'an")
    assert fold_key("\u00d0ảng ủy") == fold_key("Đảng uỷ")
    assert fold_key(unicodedata.normalize("NFD", "Đảng uỷ")) == fold_key("ĐẢNG ỦY")


def test_clean_text_documented_rules() -> None:
    assert clean_text("a\tb\vc\fd\ne") == "a b c d e"
    assert clean_text("x\x00\x01\x1fy") == "xy"
    assert clean_text("zero\u200bwidth\ufeff") == "zerowidth"
    assert clean_text("  many   spaces  ") == "many spaces"
    assert clean_text("& < > \" '") == "& < > \" '"
    assert clean_text(unicodedata.normalize("NFD", "Thanh Miện")) == "Thanh Miện"


_KEPT = "ab ơệ."
_BREAKING = "\t\n\r\v\f\u0085\u2028\u2029\u00a0\u202f"
_DROPPED = "\x00\x01\x1f\ufffe\uffff\u200b\u00ad\x7f\x9f\u202e\u2066\ufeff\ud800"


@given(st.text(alphabet=_KEPT + _BREAKING + _DROPPED, max_size=16))
def test_clean_text_on_mixed_characters_as_documented(text: str) -> None:
    """Breaking whitespace → a space, illegal and invisible characters dropped, spaces
    collapsed and stripped; a clean text (nothing to substitute: the fast path) comes
    back as it is."""
    expected = re.sub(" {2,}", " ", "".join(" " if c in _BREAKING else c for c in text if c not in _DROPPED)).strip()
    assert clean_text(text) == expected
    assert clean_text(expected) == expected


def test_numbers_in_vietnamese_format() -> None:
    assert format_number(1234567) == "1.234.567"
    assert format_number(12.5) == "12,5"
    assert format_percent(99.69) == "99,69%"
    assert format_number(4319, 0) == "4.319"


def test_numbering_symbols() -> None:
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14, 40)] == ["I", "II", "III", "IV", "IX", "XIV", "XL"]
    assert [alpha_vi(n) for n in range(1, 8)] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert alpha_vi(23) == "y" and alpha_vi(24) == "aa"
    with pytest.raises(ValueError):
        roman(0)


def test_tone_style_counts_agree_with_judging_each_word() -> None:
    """The checker counts tone styles over a whole text at once; the count must be what
    judging each word of ``words`` with ``tone_style`` gives, however the text is typed
    (q before u/o, capitals, digits and marks glued to words, decomposed marks)."""
    import random
    from collections import Counter

    from ttdn_docs.vn.variants import tone_style, tone_style_counts, words

    rng = random.Random(10)
    letters = "qQoOuUaAeEyYhnàáãèéạảẹẻẽòóõọỏùúũụủỳýỷỹỵÀÁÒÓÙÚỲÝôơư2_. \n\u0300\u0309"
    texts = ["Đảng uỷ xã Hoà Bình, quý khoẻ; hòa thuỷ2 ỦY QUÝ", "Thanh Hoá — thủy lợi"]
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    for text in texts:
        expected = Counter(style for word in words(text) if (style := tone_style(word)) is not None)
        assert tone_style_counts(text) == dict(expected), text
