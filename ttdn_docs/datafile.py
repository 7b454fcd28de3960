"""Load YAML or JSON input into pydantic models with errors that name the field path
and the YAML line.

Every problem found is reported at once (``InputError.problems``), in Vietnamese, with
the dotted path (``tasks.2.unit``) and, for YAML, the 1-based line of the value.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ttdn_docs.errors import FieldProblem, InputError

ModelT = TypeVar("ModelT", bound=BaseModel)

MAX_INPUT_BYTES = 20 * 1024 * 1024
# Aliases let a few lines of YAML expand into billions of nodes ("billion laughs");
# a document larger than this once expanded is refused.
MAX_NODES = 500_000

LineMap = dict[tuple[str, ...], int]


def read_text(path: Path) -> str:
    """Read an input file as UTF-8 with a clear message on every failure."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(str(path), [FieldProblem("", "không tìm thấy tệp")]) from None
    except OSError as exc:
        raise InputError(str(path), [FieldProblem("", f"không đọc được tệp ({exc.strerror})")]) from None
    if size > MAX_INPUT_BYTES:
        raise InputError(str(path), [FieldProblem("", f"tệp quá lớn ({size} byte, tối đa {MAX_INPUT_BYTES})")])
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path), [FieldProblem("", f"tệp không phải văn bản UTF-8 (byte {exc.start})")]
        ) from None
    except OSError as exc:
        raise InputError(str(path), [FieldProblem("", f"không đọc được tệp ({exc.strerror})")]) from None


def parse_yaml(text: str, source: str) -> tuple[Any, LineMap]:
    """Parse YAML safely; return the data and a map from field path to line."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(source, [FieldProblem("", f"lỗi cú pháp YAML: {problem}", line)]) from None
    if node is None:
        raise InputError(source, [FieldProblem("", "tệp rỗng")])
    lines: LineMap = {}
    _walk(node, (), lines, [0], source)
    try:
        data = yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - SafeLoader
    except yaml.YAMLError as exc:  # pragma: no cover - compose already parsed it
        raise InputError(source, [FieldProblem("", f"lỗi cú pháp YAML: {exc}")]) from None
    return data, lines


def _walk(
    node: yaml.Node, path: tuple[str, ...], lines: LineMap, count: list[int], source: str
) -> None:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise InputError(source, [FieldProblem("", "tài liệu YAML quá lớn hoặc có bí danh (alias) lồng nhau")])
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _walk(value_node, (*path, key), lines, count, source)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, str(index)), lines, count, source)


def parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, [FieldProblem("", f"lỗi cú pháp JSON: {exc.msg}", exc.lineno)]) from None


def load_data(path: Path) -> tuple[Any, LineMap]:
    """Read a ``.yaml``/``.yml``/``.json`` file into plain data plus its line map."""
    text = read_text(path)
    if path.suffix.lower() == ".json":
        return parse_json(text, str(path)), {}
    return parse_yaml(text, str(path))


def validate(model: type[ModelT], data: Any, source: str, lines: LineMap | None = None) -> ModelT:
    """Validate ``data`` against ``model``; every problem becomes a Vietnamese
    ``FieldProblem`` with path and line."""
    if not isinstance(data, Mapping):
        raise InputError(source, [FieldProblem("", "nội dung phải là một bảng khóa: giá trị (mapping)")])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(source, problems_from(exc, lines or {})) from None


def problems_from(exc: ValidationError, lines: LineMap) -> list[FieldProblem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(str(part) for part in error["loc"])
        # Discriminated unions add the tag name to the path; drop it for the user.
        loc = tuple(part for part in loc if part not in {"paragraph", "bullets", "section", "table"})
        # A missing field has no line of its own: point at its parent mapping, unless
        # that is the whole document (its first line would mislead).
        if error["type"] == "missing":
            line = _line_for(loc[:-1], lines) if len(loc) > 1 else None
        else:
            line = _line_for(loc, lines)
        problems.append(FieldProblem(".".join(loc), _message(error), line))
    return problems


def line_of(path: str, lines: LineMap) -> int | None:
    """The YAML line of a dotted field path (or of its nearest ancestor)."""
    return _line_for(tuple(path.split(".")) if path else (), lines)


def _line_for(loc: tuple[str, ...], lines: LineMap) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


_MESSAGES = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không được hỗ trợ (có thể gõ sai tên trường)",
    "string_type": "phải là một chuỗi văn bản",
    "int_type": "phải là một số nguyên",
    "int_parsing": "phải là một số nguyên",
    "int_from_float": "phải là một số nguyên",
    "float_parsing": "phải là một số",
    "float_type": "phải là một số",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "date_type": "phải là một ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là một ngày dạng YYYY-MM-DD",
    "date_from_datetime_parsing": "phải là một ngày dạng YYYY-MM-DD",
    "date_from_datetime_inexact": "phải là một ngày (không kèm giờ)",
    "list_type": "phải là một danh sách",
    "dict_type": "phải là một bảng khóa: giá trị",
    "model_type": "phải là một bảng khóa: giá trị",
    "model_attributes_type": "phải là một bảng khóa: giá trị",
    "union_tag_invalid": "loại khối nội dung không hợp lệ",
    "union_tag_not_found": "thiếu loại khối nội dung",
}


def _message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind in {"enum", "literal_error"}:
        return f"giá trị không hợp lệ; chấp nhận: {ctx.get('expected', '')}"
    if kind == "string_too_long":
        return f"quá dài (tối đa {ctx.get('max_length')} ký tự)"
    if kind == "string_too_short":
        return "không được để trống"
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length')} phần tử"
    if kind == "too_long":
        return f"quá nhiều phần tử (tối đa {ctx.get('max_length')})"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"phải lớn hơn hoặc bằng {ctx.get('ge', ctx.get('gt'))}"
    if kind in {"less_than_equal", "less_than"}:
        return f"phải nhỏ hơn hoặc bằng {ctx.get('le', ctx.get('lt'))}"
    if kind == "string_pattern_mismatch":
        return "không đúng định dạng"
    if kind == "value_error":
        # Our validators raise Vietnamese messages; pydantic prefixes "Value error, ".
        return str(error.get("msg", "")).removeprefix("Value error, ")
    return str(error.get("msg", kind))


def load_model(model: type[ModelT], path: Path) -> ModelT:
    """Load and validate a YAML/JSON file in one step."""
    data, lines = load_data(path)
    return validate(model, data, str(path), lines)


def plain_data(value: Any) -> Any:
    """Model dumps as data YAML can write: enums by value, ``Decimal`` as an int when
    whole (``312``) and a float otherwise (``93.41``); dates stay dates."""
    if isinstance(value, Mapping):
        return {str(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_data(v) for v in value]
    if isinstance(value, Enum):
        return plain_data(value.value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def dump_yaml(data: Any, header: str = "") -> str:
    """YAML text of plain data (UTF-8 letters kept, keys in model order), after an
    optional header of ``#`` comment lines."""
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) if header else ""
    body = yaml.safe_dump(plain_data(data), allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return comments + body


def dump_commented_yaml(data: dict[str, Any], comments: Mapping[str, list[str]], header: list[str]) -> str:
    """YAML of a document's top-level keys, each after its ``#`` comment lines (as
    ``init plan`` writes them), after ``header`` comment lines."""
    parts = [f"# {line}".rstrip() for line in header] + ([""] if header else [])
    for key, value in data.items():
        parts += [f"# {line}" for line in comments.get(key, [])]
        parts.append(
            yaml.safe_dump({key: plain_data(value)}, allow_unicode=True, sort_keys=False, width=88).rstrip("\n")
        )
        parts.append("")
    return "\n".join(parts)


@contextmanager
def first_worksheet(path: Path) -> Iterator[Any]:
    """The first sheet of an .xlsx file, closed afterwards. The package is vetted like any
    Office file first (zip bombs, DTDs, sizes); openpyxl is the optional ``xlsx`` extra."""
    from ttdn_docs.docxsafe import read_source, safe_entries
    from ttdn_docs.errors import DocxReadError

    try:
        import openpyxl
    except ImportError:
        raise InputError(
            str(path), [FieldProblem("", 'cần gói openpyxl để đọc tệp .xlsx: pip install "ttdn-docs[xlsx]"')]
        ) from None
    try:
        data, name = read_source(path)
        safe_entries(data, name)
    except DocxReadError as exc:
        raise InputError(str(path), [FieldProblem("", f"tệp Excel không dùng được ({exc})")]) from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError(str(path), [FieldProblem("", f"không đọc được tệp Excel ({type(exc).__name__})")]) from None
    try:
        yield workbook.worksheets[0]
    finally:
        workbook.close()
