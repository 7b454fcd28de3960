"""Vietnamese language services: pure functions, no I/O.

NFC normalisation and clean-up of pasted text, upper-casing, tone-placement folding for
comparisons, the administrative date line and number formatting.
"""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.vn.case import upper
    from ttdn_docs.vn.dates import DateParseError, date_line, date_words, numeric_date, parse_date, parse_numeric_date
    from ttdn_docs.vn.numbers import FigureParseError, WrittenNumber, format_number, format_percent, parse_figure
    from ttdn_docs.vn.text import clean_text, has_illegal_chars, nfc
    from ttdn_docs.vn.variants import fold_key, fold_tone_placement

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".case": ("upper",),
        ".dates": ("DateParseError", "date_line", "date_words", "numeric_date", "parse_date", "parse_numeric_date"),
        ".numbers": ("FigureParseError", "WrittenNumber", "format_number", "format_percent", "parse_figure"),
        ".text": ("clean_text", "has_illegal_chars", "nfc"),
        ".variants": ("fold_key", "fold_tone_placement"),
    },
)

__all__ = [
    "DateParseError",
    "FigureParseError",
    "clean_text",
    "date_line",
    "date_words",
    "fold_key",
    "fold_tone_placement",
    "format_number",
    "format_percent",
    "has_illegal_chars",
    "nfc",
    "numeric_date",
    "parse_date",
    "parse_figure",
    "parse_numeric_date",
    "upper",
    "WrittenNumber",
]
