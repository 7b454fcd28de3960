"""Table columns that set a field of the plan directly, with their types.

A column named like a field of the plan (``number``, ``date``, ``year``,
``signature.name``, ``closing.deadline`` …), or one of the short names in ``ALIASES``
(``signer``), sets that field for its commune, overriding the template. Dates are typed
as officers type them (``05/8/2025``); a value that is not what the field needs fails
that commune alone, with the row and column named. Other columns are only read by
placeholders (``{{ row.<column> }}``).
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ttdn_docs.plan_template.table import CODE_COLUMN, TableRow
from ttdn_docs.errors import FieldProblem
from ttdn_docs.vn import parse_date

ALIASES: dict[str, str] = {
    "signer": "signature.name",
    "position": "signature.position",
    "deadline": "closing.deadline",
}

Converter = Callable[[str], Any]


def _to_int(text: str) -> int:
    try:
        return int(text.strip().replace(".", "").replace(" ", ""))
    except ValueError:
        raise ValueError(f"'{text}' không phải số nguyên") from None


def _to_date(text: str) -> str:
    return parse_date(text).isoformat()


_TRUE = {"có", "x", "1", "true", "yes"}
_FALSE = {"không", "0", "false", "no"}


def _to_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE | _FALSE:
        return word in _TRUE
    raise ValueError(f"'{text}' không phải có/không")


def _to_text(text: str) -> str:
    return text


@dataclass(frozen=True)
class FieldColumn:
    column: str
    path: tuple[str, ...]
    convert: Converter


def field_columns(model: type[BaseModel], columns: list[str]) -> tuple[list[FieldColumn], list[FieldProblem]]:
    """The columns that set plan fields, and problems with columns that look like a field
    path (contain ``.``) but name none."""
    found: list[FieldColumn] = []
    problems: list[FieldProblem] = []
    for column in columns:
        if column.lower() == CODE_COLUMN:
            continue
        dotted = ALIASES.get(column, column)
        path = tuple(dotted.split("."))
        annotation = _annotation(model, path)
        if annotation is None:
            if "." in column:
                problems.append(FieldProblem("", f"cột '{column}' không phải trường của kế hoạch"))
            continue
        convert = _converter(annotation)
        if convert is None:
            problems.append(FieldProblem("", f"cột '{column}': trường '{dotted}' không điền được từ một ô của bảng"))
            continue
        found.append(FieldColumn(column, path, convert))
    return found, problems


def apply_row(data: dict[str, Any], row: TableRow, columns: list[FieldColumn], source: str) -> tuple[dict[str, Any], list[str]]:
    """Set the row's non-empty field cells into ``data``. Raises ``ValueError`` naming the
    column of a bad value (the caller names the row); returns the field paths that were set."""
    problems = []
    set_paths = []
    for column in columns:
        text = row.values.get(column.column, "")
        if not text:
            continue
        try:
            value = column.convert(text)
        except ValueError as exc:
            problems.append(f"cột '{column.column}': {exc}")
            continue
        target = data
        for key in column.path[:-1]:
            child = target.get(key)
            if not isinstance(child, dict):
                child = target[key] = {}
            target = child
        target[column.path[-1]] = value
        set_paths.append(".".join(column.path))
    if problems:
        raise ValueError("; ".join(problems))  # the caller names the row (``PlanTemplate``)
    return data, set_paths


def _annotation(model: type[BaseModel], path: tuple[str, ...]) -> Any:
    current: Any = model
    for key in path:
        submodel = _model_in(current)
        if submodel is None or key not in submodel.model_fields:
            return None
        current = submodel.model_fields[key].annotation
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for option in _options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def _options(annotation: Any) -> list[Any]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [o for a in typing.get_args(annotation) for o in _options(a)]
    if typing.get_origin(annotation) is typing.Annotated:
        return _options(typing.get_args(annotation)[0])
    return [annotation]


def _to_int_or_word(words: frozenset[str], text: str) -> int | str:
    """A number, or one of the words the field accepts besides (``auto``). A module-level
    function, not a lambda: the columns travel to the batch's workers, pickled when the
    pool starts them with ``spawn`` (macOS, Windows, a process with threads)."""
    return text.strip() if text.strip() in words else _to_int(text)


def _converter(annotation: Any) -> Converter | None:
    options = [o for o in _options(annotation) if o is not type(None)]
    if any(o is bool for o in options):
        return _to_bool
    if any(o is dt.date for o in options):
        return _to_date
    if any(o is int for o in options):
        # ``number: auto``: a cell may hold a word the field accepts besides a number.
        words = {str(w) for o in options if typing.get_origin(o) is typing.Literal for w in typing.get_args(o)}
        return _to_int if not words else functools.partial(_to_int_or_word, frozenset(words))
    if any(o is str for o in options) and not any(typing.get_origin(o) in (list, dict) for o in options):
        return _to_text
    return None
