"""HTML form fields generated from the pydantic models, and form data back to model data.

Nothing here names a plan's or a report's fields: the form follows the model's
annotations and Vietnamese titles (``Field(title=…)``), so a model that changes (a new
field, an outline tree) changes the form with it. Each shape gets one widget:

* a text, number or date → a one-line input (a long text: a text area);
* a choice (``Literal``, ``Enum``) → a select; ``bool`` → a checkbox;
* a list of texts → a text area, one line per item; a list of bullets that may carry
  sub-bullets (a text or a mapping of ``text`` + a list of texts) → the same, with a
  sub-bullet on an indented line;
* a nested model → a fieldset; a list of models → one fieldset per item, with buttons to
  add, move and remove items (no script: each button submits the form);
* a list of a discriminated union (the author's outline: texts, paragraphs, bullet lists,
  tables, sections holding their own list) → one fieldset per item by its kind, a hidden
  ``_kind`` naming it, and one «thêm …» button per kind;
* anything else → a text area holding that part as YAML, so no part of a model is ever
  out of reach.

Every leaf also sends a hidden ``<name>~w`` naming its widget, so that ``form_data``
decodes what the officer typed without knowing the model; pydantic validates the result.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Discriminator
from pydantic.fields import FieldInfo

from ttdn_docs.admin.values import LIST, MAPPING, TEXT, form_of
from ttdn_docs.errors import FieldProblem
from ttdn_docs.input_problems import _field_annotation, _forms, _is_list, _is_model, _strip
from ttdn_docs.vn import format_number, numeric_date

Widget = Literal["text", "textarea", "lines", "outline", "choice", "bool", "yaml", "hidden", "kind", "group", "list"]
MARK = "~w"  # suffix of the hidden input naming a leaf's widget
OP = "_op"  # the submit button's name: add:path, up:path.i, down:path.i, del:path.i
LONG_TEXT = 300  # a text field allowing more characters than this gets a text area
_SUB_ITEM = ("  ", "\t", "+ ")  # a line starting so is a sub-bullet of the line above
KIND = "_kind"  # an item of a tagged list: its kind ("text:<tag>" or "model:<tag>:<key>")
_TEXT_ITEM = "_text"  # an item of a tagged list that is a text: its text area
# The officer's words for the kinds of an outline item (tags of a tagged list); a kind
# named in _ADDS gets its «thêm …» button.
_KIND_TITLES = {"text": "đoạn văn", "paragraph": "đoạn văn", "bullets": "danh sách gạch đầu dòng", "table": "bảng"}
_SECTION_TITLES = ("mục", "khoản", "điểm")  # a section's name by its depth
_ADDS = {"section": "mục", "text": "đoạn", "bullets": "danh sách", "table": "bảng"}


@dataclass
class Node:
    """One field of the form: a leaf (``value`` is the text shown) or a group."""

    name: str
    title: str
    widget: Widget
    value: str = ""
    required: bool = False
    options: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    hint: str = ""
    errors: list[str] = field(default_factory=list)
    index: int | None = None  # position in its list (groups of a list of models)
    last: bool = False
    adds: list[tuple[str, str]] = field(default_factory=list)  # (op, label): a tagged list's add buttons

    def walk(self) -> Iterable[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


def model_form(model: type[BaseModel], data: Mapping[str, Any], problems: Iterable[FieldProblem] = ()) -> tuple[list[Node], list[str]]:
    """The form of ``model`` filled with ``data`` (model data or what the officer sent),
    with each problem shown at its field; problems with no field of their own come back
    as the second value, to show above the form."""
    nodes = _model_children(model, data, "")
    return nodes, attach(nodes, problems)


def attach(nodes: list[Node], problems: Iterable[FieldProblem]) -> list[str]:
    """Put each problem's message on the nearest field whose path leads to it."""
    by_name = {n.name: n for top in nodes for n in top.walk()}
    loose: list[str] = []
    for problem in problems:
        parts = problem.path.split(".") if problem.path else []
        for end in range(len(parts), 0, -1):
            node = by_name.get(".".join(parts[:end]))
            if node is not None:
                node.errors.append(problem.describe())
                break
        else:
            loose.append(problem.describe())
    return loose


def _model_children(model: type[BaseModel], data: Any, prefix: str) -> list[Node]:
    values = data if isinstance(data, Mapping) else {}
    return [
        _node(_field_annotation(info), values.get(key), f"{prefix}{key}", info)
        for key, info in model.model_fields.items()
    ]


def _node(annotation: Any, value: Any, name: str, info: FieldInfo | None) -> Node:
    title = (info.title if info is not None else None) or name.rsplit(".", 1)[-1]
    required = info.is_required() if info is not None else False
    shape = _strip(annotation)
    forms = _forms(shape)
    if forms is not None:
        tag = form_of(value) or (TEXT if TEXT in forms else next(iter(forms)))
        chosen = forms.get(tag)
        if tag == MAPPING and _is_model(chosen):
            return Node(name, title, "group", required=required, children=_model_children(chosen, value, f"{name}."))
        if tag == LIST and _text_items(chosen):
            return Node(name, title, "lines", _lines(value), required, hint="mỗi dòng một dòng chữ")
        if tag == TEXT:
            return Node(name, title, "text", _text(value), required)
        return _yaml_node(name, title, value, required)
    if _is_model(shape):
        return Node(name, title, "group", required=required, children=_model_children(shape, value, f"{name}."))
    if _is_list(shape):
        return _list_node(shape, value, name, title, required)
    choices = _choices(shape)
    if choices is not None:
        if len(choices) == 1:
            return Node(name, title, "hidden", choices[0])
        shown = _text(value) if value is not None else (_text(info.default) if info is not None and not required else "")
        return Node(name, title, "choice", shown, required, options=choices)
    if shape is bool:
        default = info.default if info is not None and isinstance(info.default, bool) else False
        return Node(name, title, "bool", "on" if (default if value is None else bool(value)) else "", required)
    if _scalar(shape):
        long = shape is str and _max_length(info) > LONG_TEXT
        return Node(name, title, "textarea" if long else "text", _text(value), required)
    return _yaml_node(name, title, value, required)


def _list_node(shape: Any, value: Any, name: str, title: str, required: bool) -> Node:
    args = typing.get_args(shape)
    item = _strip(args[0]) if args else None
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    if _text_items(shape):
        choices = _choices(item)
        hint = f"mỗi dòng một mục; chọn trong: {', '.join(choices)}" if choices else "mỗi dòng một mục"
        return Node(name, title, "lines", _lines(items), required, hint=hint)
    forms = _forms(item)
    kind_of = _discriminator(item)
    if forms is not None and kind_of is not None and not set(forms) <= {TEXT, MAPPING}:
        return _tagged(forms, kind_of, items, name, title, required)
    if forms is not None and set(forms) <= {TEXT, MAPPING}:
        bullet = forms.get(MAPPING)
        if bullet is None or _bullet_model(bullet) is not None:
            if all(_bullet_value(v, bullet) for v in items):
                hint = "mỗi dòng một ý"
                if bullet is not None:
                    hint += "; dòng bắt đầu bằng hai dấu cách là ý nhỏ của ý ở dòng trên"
                return Node(name, title, "outline", _outline(items, bullet), required, hint=hint)
        if all(isinstance(v, str) for v in items) and _record_text(bullet) is None:
            return Node(name, title, "lines", _lines(items), required, hint="mỗi dòng một mục")
        text_key = _record_text(bullet)
        if text_key is not None and _is_model(bullet):
            # A text item is the record with only its one required text: one fieldset each.
            records = [{text_key: v} if isinstance(v, str) else v for v in items]
            return _records(bullet, records, name, title, required)
    if _is_model(item):
        return _records(item, items, name, title, required)
    return _yaml_node(name, title, value, required)


def _records(model: type[BaseModel], items: list[Any], name: str, title: str, required: bool) -> Node:
    """One fieldset per item of a list of models, with its list buttons."""
    children = []
    for index, entry in enumerate(items):
        group = Node(f"{name}.{index}", f"{title} thứ {index + 1}", "group", index=index, last=index == len(items) - 1)
        group.children = _model_children(model, entry, f"{name}.{index}.")
        children.append(group)
    return Node(name, title, "list", required=required, children=children)


def _tagged(
    forms: dict[str, Any], kind_of: typing.Callable[[Any], str | None], items: list[Any], name: str, title: str, required: bool
) -> Node:
    """A list whose items are each of one kind among ``forms`` (an outline): one fieldset
    per item, its kind kept in a hidden field, an add button per kind."""
    depth = name.count(".") // 2  # outline → 0, outline.2.body → 1 …
    children = []
    for index, entry in enumerate(items):
        tag = kind_of(entry) or next(iter(forms))
        base = forms.get(tag)
        here = f"{name}.{index}"
        group = Node(here, _kind_title(tag, entry, depth), "group", index=index, last=index == len(items) - 1)
        if _is_model(base):
            key = _kind_key(base, tag, kind_of)
            group.children = [Node(f"{here}.{KIND}", "", "kind", f"model:{tag}:{key}")]
            if tag == "table":
                table = entry.get("table") if isinstance(entry, Mapping) else None
                if isinstance(table, Mapping):  # the parts left at their default not shown
                    table = {k: v for k, v in table.items() if v not in (None, [])}
                group.children.append(_yaml_node(f"{here}.table", "bảng", table, True))
                group.children[-1].hint = "cột: columns: [Cột 1, Cột 2]; dòng: rows: [[ô, ô], …] (cú pháp YAML)"
            else:
                group.children += _model_children(base, entry, f"{here}.")
        else:
            group.children = [
                Node(f"{here}.{KIND}", "", "kind", f"text:{tag}"),
                Node(f"{here}.{_TEXT_ITEM}", _KIND_TITLES.get(tag, tag), "textarea", _text(entry), True),
            ]
        children.append(group)
    adds = []
    for tag, label in _ADDS.items():
        base = forms.get(tag)
        if base is None:
            continue
        key = "~" if not _is_model(base) else _kind_key(base, tag, kind_of)
        adds.append((f"new:{key}:{name}", f"+ Thêm {label}"))
    return Node(name, title, "list", required=required, children=children, adds=adds)


def _kind_title(tag: str, entry: Any, depth: int) -> str:
    # No number: the printed one depends on what comes before (a typed part may be none).
    if tag == "section":
        head = _SECTION_TITLES[min(depth, len(_SECTION_TITLES) - 1)]
        if isinstance(entry, Mapping):
            words = entry.get("title") or entry.get("text")
            if words:
                return f"{head}: {_text(words)[:80]}"
            if entry.get("part"):
                return f"phần có sẵn «{entry['part']}» (viết theo mẫu)"
        return f"{head} mới"
    return _KIND_TITLES.get(tag, tag)


def _discriminator(item: Any) -> typing.Callable[[Any], str | None] | None:
    """The function telling a tagged union's kind from a value."""
    if typing.get_origin(item) is not typing.Annotated:
        return None
    for meta in typing.get_args(item)[1:]:
        if isinstance(meta, Discriminator) and callable(meta.discriminator):
            return typing.cast("typing.Callable[[Any], str | None]", meta.discriminator)
    return None


def _kind_key(model: type[BaseModel], tag: str, kind_of: typing.Callable[[Any], str | None]) -> str:
    """The one key a new item of this kind needs for its kind to be told ('' when an
    empty mapping already is)."""
    if kind_of({}) == tag:
        return ""
    return next((key for key in model.model_fields if kind_of({key: None}) == tag), "")


def _yaml_node(name: str, title: str, value: Any, required: bool) -> Node:
    text = "" if value is None else yaml.safe_dump(_plain(value), allow_unicode=True, sort_keys=False)
    return Node(name, title, "yaml", text, required, hint="viết theo cú pháp YAML, như trong tệp dữ liệu")


# -- shapes -------------------------------------------------------------------------------


def _choices(shape: Any) -> list[str] | None:
    if typing.get_origin(shape) is Literal:
        return [str(v) for v in typing.get_args(shape)]
    if isinstance(shape, type) and issubclass(shape, enum.Enum):
        return [str(m.value) for m in shape]
    return None


def _scalar(shape: Any) -> bool:
    """A value typed on one line: text, number, date, or a union of those."""
    if shape in (str, int, float, Decimal, dt.date):
        return True
    options = typing.get_args(shape) if typing.get_origin(shape) is typing.Union else ()
    return bool(options) and all(o is type(None) or _scalar(_strip(o)) or _choices(_strip(o)) for o in options)


def _text_items(shape: Any) -> bool:
    """A list whose items are each one line of text (or one choice)."""
    if not _is_list(shape):
        return False
    args = typing.get_args(shape)
    item = _strip(args[0]) if args else str
    return item is str or _choices(item) is not None


def _bullet_model(model: Any) -> tuple[str, str] | None:
    """The (text, sub-items) field names of a bullet model: one required text field and
    one list of texts, nothing else required."""
    if not _is_model(model):
        return None
    text = [k for k, i in model.model_fields.items() if _strip(i.annotation) is str and i.is_required()]
    subs = [k for k, i in model.model_fields.items() if _text_items(_strip(i.annotation))]
    others = [k for k, i in model.model_fields.items() if i.is_required() and k not in text]
    if len(text) == 1 and len(subs) == 1 and not others and len(model.model_fields) == 2:
        return text[0], subs[0]
    return None


def _record_text(model: Any) -> str | None:
    """The one required field of a record model when it is a text (a recipient's name):
    a plain-text item of a text-or-record list means the record with only that field."""
    if not _is_model(model):
        return None
    required = [k for k, i in model.model_fields.items() if i.is_required()]
    if len(required) == 1 and _strip(model.model_fields[required[0]].annotation) is str:
        return required[0]
    return None


def _bullet_value(value: Any, bullet: Any) -> bool:
    if isinstance(value, str):
        return True
    keys = _bullet_model(bullet)
    return keys is not None and isinstance(value, Mapping) and set(value) <= set(keys)


def _max_length(info: FieldInfo | None) -> int:
    if info is None:
        return 0
    lengths = [getattr(m, "max_length", None) for m in info.metadata]
    known = [n for n in lengths if isinstance(n, int)]
    return min(known) if known else 20_000  # CleanText's own cap


# -- values as typed ----------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return numeric_date(value)
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _lines(value: Any) -> str:
    if isinstance(value, str):
        return value
    return "\n".join(_text(v) for v in value) if isinstance(value, list) else ""


def _outline(items: list[Any], bullet: Any) -> str:
    keys = _bullet_model(bullet)
    lines: list[str] = []
    for item in items:
        if isinstance(item, str) or keys is None:
            lines.append(_text(item))
            continue
        lines.append(_text(item.get(keys[0])))
        lines += [f"  {_text(sub)}" for sub in item.get(keys[1]) or []]
    return "\n".join(lines)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, Decimal, enum.Enum)):
        return _text(value)
    return value


# -- form data back to model data ---------------------------------------------------------


def form_data(form: Mapping[str, str], model: type[BaseModel]) -> tuple[dict[str, Any], list[FieldProblem]]:
    """The model data the form holds (widgets decoded by their ``~w`` marks) and the
    problems found while decoding (YAML that does not parse)."""
    tree: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for key, widget in form.items():
        if not key.endswith(MARK):
            continue
        name = key[: -len(MARK)]
        raw = form.get(name, "")
        try:
            value = _decoded(widget, raw, name, model)
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            line = f" (dòng {where.line + 1} của ô này)" if where is not None else ""
            problems.append(FieldProblem(name, f"không đọc được YAML{line}: hãy kiểm tra dấu ':' và thụt lề"))
            continue
        if value is not _ABSENT:
            _put(tree, name.split("."), value)
    return _unwrapped(_pruned(_as_lists(tree))) or {}, problems


_ABSENT = object()
_DROP = object()  # a text item of a tagged list left empty: left out


@dataclass(frozen=True)
class _Verbatim:
    """A YAML box's value: kept as typed (not pruned nor turned into lists)."""

    value: Any


def _decoded(widget: str, raw: str, name: str, model: type[BaseModel]) -> Any:
    text = raw.replace("\r\n", "\n")
    if widget == "bool":
        return bool(raw)
    if widget in ("list", "lines", "outline"):
        if widget == "list":
            items: list[Any] = []
        elif widget == "lines":
            items = [line.strip() for line in text.split("\n") if line.strip()]
        else:
            items = _outline_items(text, _bullet_model_at(model, name))
        # An empty list where the field may be left out (``list[…] | None``): left out.
        return _ABSENT if not items and _accepts_none(_annotation_at(model, name)) else items
    if widget == "yaml":
        return _Verbatim(yaml.safe_load(text)) if text.strip() else _ABSENT
    if widget == "kind":
        return raw
    value = text.strip()
    if widget == "choice" and value:
        # A choice among numbers (``Literal[1, 2, 3]``) comes back as the number.
        options = typing.get_args(_strip(_annotation_at(model, name)))
        return next((o for o in options if not isinstance(o, str) and str(o) == value), value)
    return value if value else _ABSENT


def _outline_items(text: str, keys: tuple[str, str] | None) -> list[Any]:
    items: list[Any] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if keys is not None and items and line.startswith(_SUB_ITEM):
            last = items[-1]
            if isinstance(last, str):
                last = items[-1] = {keys[0]: last, keys[1]: []}
            last[keys[1]].append(line.strip().removeprefix("+ ").strip())
        else:
            items.append(line.strip())
    return items


def _accepts_none(annotation: Any) -> bool:
    options = typing.get_args(annotation) if typing.get_origin(annotation) in (typing.Union, types.UnionType) else ()
    return type(None) in options


def _bullet_model_at(model: type[BaseModel], name: str) -> tuple[str, str] | None:
    """The bullet model of the list at ``name``."""
    shape = _strip(_annotation_at(model, name))
    args = typing.get_args(shape) if _is_list(shape) else ()
    forms = _forms(_strip(args[0])) if args else None
    return _bullet_model(forms.get(MAPPING)) if forms else None


def _annotation_at(model: type[BaseModel], name: str) -> Any:
    """The annotation of the field at the dotted ``name`` (walking models and lists)."""
    annotation: Any = model
    for part in name.split("."):
        shape = _strip(annotation)
        forms = _forms(shape)
        if forms is not None:
            # A tagged item: the model of its kinds that has this field.
            shape = forms.get(MAPPING) or next((m for m in forms.values() if _is_model(m) and part in m.model_fields), None)
        if _is_model(shape) and part in shape.model_fields:
            annotation = _field_annotation(shape.model_fields[part])
        elif _is_list(shape) and part.isdigit():
            args = typing.get_args(shape)
            annotation = args[0] if args else None
        else:
            return None
    return annotation


def _put(tree: dict[str, Any], parts: list[str], value: Any) -> None:
    node = tree
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    if value == [] and isinstance(node.get(parts[-1]), dict):
        return  # a list mark after its items
    node[parts[-1]] = value


def _as_lists(value: Any) -> Any:
    """Dicts keyed ``0``, ``1`` … (a list of models' fieldsets) become lists, in order."""
    if isinstance(value, dict):
        converted = {k: _as_lists(v) for k, v in value.items()}
        if converted and all(k.isdigit() for k in converted):
            return [converted[k] for k in sorted(converted, key=int)]
        return converted
    return value


def _unwrapped(value: Any) -> Any:
    """YAML boxes' values unwrapped; tagged items back to their own form (a text item
    as its text, a model item with its kind's key)."""
    if isinstance(value, _Verbatim):
        return value.value
    if isinstance(value, list):
        return [u for u in (_unwrapped(v) for v in value) if u is not _DROP]
    if not isinstance(value, dict):
        return value
    kind = value.get(KIND)
    plain = {k: _unwrapped(v) for k, v in value.items() if k not in (KIND, _TEXT_ITEM)}
    if isinstance(kind, str) and kind.startswith("text:"):
        text = value.get(_TEXT_ITEM)
        return text if isinstance(text, str) and text else _DROP
    if isinstance(kind, str) and kind.startswith("model:"):
        key = kind.split(":", 2)[2]
        if key and key not in plain:
            plain[key] = None  # its kind still told: the missing part named in the message
    return plain


def _pruned(value: Any) -> Any:
    """Fieldsets left empty are left out: an optional part then takes its default."""
    if isinstance(value, _Verbatim):
        return value
    if isinstance(value, dict):
        kept = {k: p for k, v in value.items() if (p := _pruned(v)) is not None}
        # Only empty lists left (an optional part's list fields): the part was not filled.
        return kept if any(v != [] for v in kept.values()) else None
    if isinstance(value, list):
        return [p if p is not None else {} for p in (_pruned(v) for v in value)]
    return value


# -- add, move, remove list items ---------------------------------------------------------


def apply_op(data: dict[str, Any], op: str) -> bool:
    """Carry out one ``_op`` of a list button on ``data`` in place; ``False`` when the
    op names nothing (a stale button)."""
    verb, _, path = op.partition(":")
    if verb == "new":  # new:<key>:<path> — a tagged item: a text ("~"), {} or {key: None}
        key, _, path = path.partition(":")
        target = _at(data, path.split(".") if path else [], create=True)
        if not isinstance(target, list):
            return False
        target.append("" if key == "~" else {key: None} if key else {})
        return True
    parts = path.split(".") if path else []
    if verb == "add":
        target = _at(data, parts, create=True)
        if isinstance(target, list):
            target.append({})
            return True
        return False
    if not parts or not parts[-1].isdigit():
        return False
    owner = _at(data, parts[:-1])
    index = int(parts[-1])
    if not isinstance(owner, list) or not 0 <= index < len(owner):
        return False
    if verb == "del":
        del owner[index]
    elif verb in ("up", "down"):
        other = index - 1 if verb == "up" else index + 1
        if not 0 <= other < len(owner):
            return False
        owner[index], owner[other] = owner[other], owner[index]
    else:
        return False
    return True


def _at(data: Any, parts: list[str], create: bool = False) -> Any:
    node = data
    for i, part in enumerate(parts):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict):
            if part not in node and create:
                node[part] = [] if i == len(parts) - 1 else {}
            node = node.get(part)
        else:
            return None
    return node
