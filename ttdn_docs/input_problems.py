"""Validation errors in the officer's words.

pydantic reports where a value is wrong as a location of field names, list indexes and
the validators it went through (``purposes.0.function-after[…]``). This module walks
that location along the model's annotations and the data together and names the place
as the officer knows it, from the schema's Vietnamese field titles (``Field(title=…)``),
counting from 1: ``mục đích thứ 1``, ``nhiệm vụ thứ 3 của Phòng Văn hóa - Xã hội`` (a
model's ``place_label`` names its items by their own fields). Fields without a title
are named by their YAML key. The message says what is wrong in plain words, never with
a validator's name or a Python type.

A field that accepts a text or a mapping (``admin.values.FORM``) validates only the form
the officer chose; when that form's shape is wrong (a key missing or unknown), or the
value has neither form, one message says which forms the field accepts.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Discriminator, ValidationError
from pydantic.fields import FieldInfo

from ttdn_docs.admin.values import ITEM_WORD, LIST, MAPPING, TEXT, form_of
from ttdn_docs.errors import FieldProblem
from ttdn_docs.vn import WrittenNumber, format_number

LineMap = dict[tuple[str, ...], int]
# An item's own text in a place is cut here (a unit's name, an indicator's key).
LABEL_CHARS = 60
# Problems listed in full; beyond them, a count.
MAX_PROBLEMS = 30
_SHAPE_ERRORS = frozenset({"missing", "extra_forbidden"})
_FORM_ERRORS = frozenset({"union_tag_not_found", "union_tag_invalid"})


@dataclass
class _Union:
    """A text-or-mapping field met on the way: where it is and its forms by tag."""

    depth: int  # number of location parts before the tag
    forms: dict[str, Any]
    words: list[str]
    keys: list[str]
    named_from: int


@dataclass
class _Place:
    """Where a location leads: the officer's words (outermost first), the data keys
    (tags dropped), the annotation there, and the last text-or-mapping field passed."""

    words: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    annotation: Any = None
    union: _Union | None = None
    titled: bool = False
    item_word: str | None = None  # what the items of the list just entered are called
    # Words before an item named by its own fields (a unit's name) add nothing.
    named_from: int = 0

    def text(self) -> str:
        """``nhiệm vụ thứ 3 của Phòng …``; with no title on the way (a profile), the YAML
        keys with lists counted from 1: ``trường 'elements.body'``."""
        if not self.titled:
            shown = [str(int(k) + 1) if k.isdigit() and len(k) < 10 else _cut(k) for k in self.keys]
            return f"trường '{'.'.join(shown)}'" if shown else ""
        return " của ".join(reversed(self.words[min(self.named_from, max(len(self.words) - 1, 0)) :]))


def problems_from(
    exc: ValidationError, lines: LineMap, model: type[BaseModel] | None = None, data: Any = None
) -> list[FieldProblem]:
    """Every error of ``exc`` as a ``FieldProblem`` in the officer's words, with the YAML
    line from ``lines``. ``model`` and ``data`` are what was validated; without ``model``
    places are named by their keys."""
    problems: list[FieldProblem] = []
    grouped: dict[tuple[str, ...], tuple[_Union, list[str], list[Any]]] = {}
    errors = exc.errors(include_url=False)
    for error in errors[:MAX_PROBLEMS]:
        loc = tuple(error["loc"])
        place = _locate(model, data, loc)
        kind = error["type"]
        union = place.union
        if union is not None and kind in _SHAPE_ERRORS and len(loc) == union.depth + 2:
            # The chosen mapping lacks a key or has a wrong one: one message for the item.
            key = str(loc[-1])
            detail = f"thiếu '{key}'" if kind == "missing" else f"có trường lạ '{key}'"
            group = grouped.setdefault(tuple(union.keys), (union, [], []))
            group[1].append(detail)
            if kind == "missing":
                group[2].append(error.get("input"))
            continue
        known = _field_names(_locate(model, data, loc[:-1]).annotation) if kind == "extra_forbidden" else []
        problems.append(_problem(error, place, lines, known))
    for keys, (union, details, typed) in grouped.items():
        message = f"{_forms_text(union.forms)}; ở đây: {', '.join(details)}" + _colon_hint(typed)
        place = _Place(words=union.words, keys=list(keys), titled=True, named_from=union.named_from)
        problems.append(FieldProblem(".".join(keys), message, line_for(keys, lines), place.text() or None))
    if len(errors) > MAX_PROBLEMS:
        # Thousands of messages help no one (125,000 unknown keys): the first ones and a count.
        problems.append(FieldProblem("", f"… và {len(errors) - MAX_PROBLEMS} lỗi khác cùng loại; hãy sửa các lỗi trên trước"))
    return problems


def _colon_hint(typed: list[Any]) -> str:
    """``- Mục đích: tuyên truyền`` is a line with a colon that YAML read as a mapping."""
    mapping = typed[0] if typed else None
    if isinstance(mapping, Mapping) and len(mapping) == 1:
        ((key, value),) = mapping.items()
        if isinstance(key, str) and (value is None or isinstance(value, str)):
            line = f"{key}: {value}" if value else f"{key}:"
            return f'; nếu đây là một dòng chữ có dấu \':\', hãy đặt cả dòng trong ngoặc kép: "{line}"'
    return ""


def place_of(model: type[BaseModel], data: Any, path: str) -> str:
    """The officer's words for a dotted field path of ``data`` (a ``model`` dumped):
    ``sections.leadership.0`` → ``phần lãnh đạo, chỉ đạo thứ 1 của nội dung báo cáo``."""
    loc = [int(part) if part.isdigit() else part for part in path.split(".")] if path else []
    return _locate(model, data, loc).text()


def _field_names(annotation: Any) -> list[str]:
    """The keys a mapping of this model takes (for a misspelled key's suggestion)."""
    annotation = _strip(annotation)
    if not _is_model(annotation):
        return []
    return [info.alias or name for name, info in annotation.model_fields.items()]


def _unknown_key(key: str, known: Sequence[str]) -> str:
    """``sumary`` → «không có trường 'sumary'; có phải 'summary'?»"""
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"không có trường '{key}'; có phải '{close[0]}'? (có thể gõ sai tên trường)"
    return f"không có trường '{key}' (có thể gõ sai tên trường)"


def _problem(error: Mapping[str, Any], place: _Place, lines: LineMap, known: Sequence[str] = ()) -> FieldProblem:
    kind = error["type"]
    keys = tuple(place.keys)
    if kind in _SHAPE_ERRORS and keys:
        # Named from the mapping it belongs in: the key is what the officer types.
        parent = _Place(words=place.words[:-1], keys=place.keys[:-1], titled=place.titled, named_from=place.named_from)
        key = _cut(keys[-1])  # a 2 MB key is not echoed
        if kind == "missing":
            title = place.words[-1] if place.words else key
            named = f" ({title})" if title != f"'{key}'" else ""
            message = f"thiếu trường bắt buộc '{key}'{named}"
            line = line_for(keys[:-1], lines) if len(keys) > 1 else None
            return FieldProblem(".".join(keys), message, line, parent.text())
        if key[:1].isdigit():
            # ``{value: 97,56}``: in YAML's {…} form the decimal comma splits the entry.
            message = (
                f"không có trường '{key}' — nếu đó là phần thập phân của một số viết trong {{…}}, "
                'hãy đặt số trong ngoặc kép, ví dụ "97,56"'
            )
        else:
            message = _unknown_key(key, known)
        return FieldProblem(".".join(keys), message, line_for(keys, lines), parent.text())
    if kind in _FORM_ERRORS:
        forms = _forms(place.annotation) or {}
        message = f"{_forms_text(forms)}; ở đây là {_kind_of(error.get('input'))}"
    else:
        message = _message(error, place.annotation)
    return FieldProblem(".".join(keys), message, line_for(keys, lines), place.text() or None)


# -- walking a location ------------------------------------------------------------------


def _locate(model: type[BaseModel] | None, data: Any, loc: Sequence[int | str]) -> _Place:
    place = _Place(annotation=model)
    annotation: Any = model
    value = data
    index = 0
    while index < len(loc):
        part = loc[index]
        annotation = _strip(annotation)
        forms = _forms(annotation)
        if forms is not None and isinstance(part, str) and part in forms:
            # A tag of a text-or-mapping field: the form the officer chose.
            place.union = _Union(index, forms, list(place.words), list(place.keys), place.named_from)
            annotation = forms[part]
            index += 1
            continue
        if forms is not None:
            # A path from the data itself (no tag): the form is the value's.
            annotation = forms.get(form_of(value) or "")
            continue
        if _is_model(annotation) and isinstance(part, str):
            info = annotation.model_fields.get(part)
            place.words.append(_title(info, part))
            place.titled = place.titled or bool(info is not None and info.title)
            extra = info.json_schema_extra if info is not None else None
            word = extra.get(ITEM_WORD) if isinstance(extra, dict) else None
            place.item_word = word if isinstance(word, str) else None
            annotation = _field_annotation(info) if info is not None else None
            value = value.get(part) if isinstance(value, Mapping) else None
        elif _is_list(annotation) and isinstance(part, int):
            item = value[part] if isinstance(value, list) and 0 <= part < len(value) else None
            item_annotation = typing.get_args(annotation)[0] if typing.get_args(annotation) else None
            label = _label(item_annotation, item)
            if label:
                place.words = [*place.words[:-1], label]
                place.named_from = len(place.words) - 1
            elif place.item_word:
                place.words.append(f"{place.item_word} thứ {part + 1}")
            elif place.words:
                place.words[-1] = f"{place.words[-1]} thứ {part + 1}"
            else:
                place.words.append(f"mục thứ {part + 1}")
            place.item_word = None
            annotation = item_annotation
            value = item
        else:
            place.words.append(f"thứ {part + 1}" if isinstance(part, int) else f"'{part}'")
            annotation = None
            value = None
        place.keys.append(str(part))
        index += 1
    place.annotation = _strip(annotation)
    return place


def _strip(annotation: Any) -> Any:
    """Drop ``None`` from an optional type; keep ``Annotated`` (it may carry ``FORM``)."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            return _strip(options[0])
    if typing.get_origin(annotation) is typing.Annotated and _forms(annotation) is None:
        return _strip(typing.get_args(annotation)[0])
    return annotation


def _forms(annotation: Any) -> dict[str, Any] | None:
    """The forms by tag of a text-or-mapping field (``Annotated[Union[…], FORM]``)."""
    if typing.get_origin(annotation) is not typing.Annotated:
        return None
    inner, *metadata = typing.get_args(annotation)
    if not any(isinstance(m, Discriminator) for m in metadata):
        return None
    forms: dict[str, Any] = {}
    for option in typing.get_args(inner):
        if typing.get_origin(option) is typing.Annotated:
            base, *tags = typing.get_args(option)
            for tag in tags:
                if hasattr(tag, "tag"):
                    forms[str(tag.tag)] = base
    return forms


def _field_annotation(info: FieldInfo) -> Any:
    if info.metadata and any(isinstance(m, Discriminator) for m in info.metadata):
        return typing.Annotated[(info.annotation, *info.metadata)]
    return info.annotation


def _is_model(annotation: Any) -> typing.TypeGuard[type[BaseModel]]:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (list, tuple) or annotation in (list, tuple)


def _title(info: FieldInfo | None, key: str) -> str:
    if info is not None and info.title:
        return info.title
    return f"'{key}'"


def _label(annotation: Any, item: Any) -> str | None:
    """An item named by its own fields (``Phòng Văn hóa - Xã hội``), when its model has
    a ``place_label`` and the item carries those fields as text."""
    annotation = _strip(annotation)
    forms = _forms(annotation)
    if forms is not None:
        annotation = forms.get(MAPPING)
    template = getattr(annotation, "place_label", None) if _is_model(annotation) else None
    if not isinstance(template, str) or not isinstance(item, Mapping):
        return None
    texts = {str(k): _cut(v) for k, v in item.items() if isinstance(v, str) and v.strip()}
    try:
        return template.format_map(texts)
    except (KeyError, ValueError):
        return None


def _cut(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def line_for(keys: Sequence[str], lines: LineMap) -> int | None:
    """The line of the value at ``keys``, or of its nearest ancestor in the data."""
    path = tuple(keys)
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


# -- messages -----------------------------------------------------------------------------


def _forms_text(forms: Mapping[str, Any]) -> str:
    """``phải là một dòng chữ, hoặc một bảng khóa có 'text' (bắt buộc), 'items'``."""
    ordered = sorted(forms.items(), key=lambda form: form[0] != TEXT)  # the common form first
    described = [_form_text(tag, annotation) for tag, annotation in ordered]
    return "phải là " + ", hoặc ".join(described)


def _form_text(tag: str, annotation: Any) -> str:
    if tag == TEXT:
        return "một dòng chữ"
    if tag == LIST:
        return "một danh sách các dòng chữ"
    if tag == MAPPING and _is_model(annotation):
        return f"một bảng khóa có {_fields_text(annotation)}"
    return "một bảng khóa: giá trị"


def _fields_text(model: type[BaseModel]) -> str:
    """``'text' (nội dung, bắt buộc), 'items' (ý nhỏ)``."""
    parts = []
    for name, info in model.model_fields.items():
        notes = [info.title] if info.title else []
        if info.is_required():
            notes.append("bắt buộc")
        parts.append(f"'{name}'" + (f" ({', '.join(notes)})" if notes else ""))
    return ", ".join(parts)


def _number(value: Any) -> str:
    """A bound or a typed number in Vietnamese form (``1.000.000.000.000``, ``1,5``); a
    year stays ``2000``."""
    if isinstance(value, str) and value.startswith("Decimal('"):
        value = Decimal(value.removeprefix("Decimal('").removesuffix("')"))  # pydantic's ctx
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, int) and 1000 <= value <= 2200:
        return str(value)
    return format_number(value)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, WrittenNumber):
        return f"số {value.text}"
    if isinstance(value, (int, float)):
        return f"số {_number(value)}"
    if isinstance(value, (list, tuple)):
        return "một danh sách"
    if isinstance(value, Mapping):
        return "một bảng khóa"
    if value is None:
        return "giá trị trống"
    return "một dòng chữ"


_MESSAGES = {
    "string_type": "phải là một dòng chữ",
    "int_type": "phải là một số nguyên",
    "int_parsing": "phải là một số nguyên",
    "int_from_float": "phải là một số nguyên",
    "int_parsing_size": "số quá lớn",
    "float_parsing": "phải là một số",
    "float_type": "phải là một số",
    "decimal_parsing": "phải là một số (ví dụ 1.234 hoặc 97,56)",
    "decimal_type": "phải là một số (ví dụ 1.234 hoặc 97,56)",
    "finite_number": "phải là một số",
    "bool_type": "phải là true (có) hoặc false (không)",
    "bool_parsing": "phải là true (có) hoặc false (không)",
    "date_type": "phải là một ngày, ví dụ 05/8/2025",
    "date_parsing": "phải là một ngày, ví dụ 05/8/2025",
    "date_from_datetime_parsing": "phải là một ngày, ví dụ 05/8/2025",
    "date_from_datetime_inexact": "phải là một ngày (không kèm giờ), ví dụ 05/8/2025",
    "list_type": "phải là một danh sách (mỗi dòng bắt đầu bằng '- ')",
    "tuple_type": "phải là một danh sách (mỗi dòng bắt đầu bằng '- ')",
    "dict_type": "phải là một bảng khóa: giá trị",
    "model_attributes_type": "phải là một bảng khóa: giá trị",
}


# Error kinds with a bound: the words around it and the bound's key in the context.
_BOUNDS = {
    "string_too_long": ("quá dài (tối đa {} ký tự)", "max_length"),
    "string_too_short": ("không được để trống", "min_length"),
    "too_short": ("cần ít nhất {} mục", "min_length"),
    "too_long": ("quá nhiều mục (tối đa {})", "max_length"),
    "greater_than_equal": ("phải lớn hơn hoặc bằng {}", "ge"),
    "greater_than": ("phải lớn hơn {}", "gt"),
    "less_than_equal": ("phải nhỏ hơn hoặc bằng {}", "le"),
    "less_than": ("phải nhỏ hơn {}", "lt"),
}


def _message(error: Mapping[str, Any], annotation: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "too_long" and isinstance(error.get("input"), str):
        kind = "string_too_long"  # a text's bound checked after its clean-up validators
    if kind in {"model_type", "dict_type", "model_attributes_type"} and _is_model(annotation):
        return f"phải là một bảng khóa có {_fields_text(annotation)}"
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind in {"enum", "literal_error"}:
        return f"giá trị không hợp lệ; chấp nhận: {str(ctx.get('expected', '')).replace(' or ', ' hoặc ')}"
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        return words.format(_number(ctx.get(key)))
    if kind == "string_pattern_mismatch":
        return "không đúng định dạng"
    if kind in {"value_error", "assertion_error"}:
        # Our validators raise Vietnamese messages; pydantic prefixes "Value error, ".
        message = str(error.get("msg", ""))
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    # Never pydantic's own English text: it names validators and Python types.
    return "giá trị không hợp lệ"
