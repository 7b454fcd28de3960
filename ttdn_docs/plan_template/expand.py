"""Placeholders (``{{ commune.full_name }}``) in the string values of a plan template,
expanded in a locked-down Jinja sandbox.

Why it is safe:

* only the string *values* of the already-parsed YAML are expanded, never the YAML text,
  so a commune name with ``:`` or a quote cannot change the document's structure;
* the data a placeholder sees are plain dicts of the documented fields
  (``fields.FIELDS``); the only lookup allowed is a key of such a dict or an index of a
  list — no Python attribute (``__class__``, ``items``), no call, no global function;
* a short list of text filters (``upper``, ``default`` …); output is plain text (no
  autoescape: XML escaping happens when the document is rendered);
* a missing field is an error, never a silent empty string (``StrictUndefined``).

Every string is compiled once, when the template is loaded, then rendered per commune.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

import jinja2
from jinja2 import meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ttdn_docs.plan_template.fields import TOP_LEVEL_NAMES, FieldGroup
from ttdn_docs.errors import FieldProblem
from ttdn_docs.jinja_words import syntax_cause, undefined_cause
from ttdn_docs.render.budget import BudgetError, BudgetMixin, budgeted_render

# What one filled-in value may grow to (a text field holds at most 20,000 characters).
MAX_PLACEHOLDER_CHARS = 100_000

ALLOWED_FILTERS = ("default", "upper", "lower", "capitalize", "title", "trim", "replace", "string", "join", "first", "last", "length")
_MARKERS = ("{{", "{%", "{#")

Path = tuple[str, ...]


class PlaceholderEnvironment(BudgetMixin, ImmutableSandboxedEnvironment):
    """Jinja that can read documented fields and do nothing else, within the budgets of
    ``render.budget`` (loop steps, size of what a filter builds, output)."""

    # ``'x' * 10**9`` would exhaust memory; placeholders need no arithmetic.
    intercepted_binops = frozenset({"*", "**", "//", "/", "%"})

    def __init__(self) -> None:
        super().__init__(autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
        self.globals.clear()
        self.filters = {name: self.filters[name] for name in ALLOWED_FILTERS}
        self._init_budget()

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self._lookup(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        return self._lookup(obj, argument)

    def _lookup(self, obj: Any, key: Any) -> Any:
        if isinstance(obj, Mapping) and isinstance(key, str):
            if key in obj:
                return obj[key]
            label = getattr(obj, "label", "") if isinstance(obj, FieldGroup) else ""
            known = ", ".join(sorted(obj)) or "không có trường nào"
            return self.undefined(hint=f"không có trường '{label}.{key}' (có: {known})", obj=obj, name=key)
        if isinstance(obj, (list, tuple)) and isinstance(key, int) and not isinstance(key, bool):
            if -len(obj) <= key < len(obj):
                return obj[key]
            return self.undefined(hint=f"không có phần tử thứ {key} (danh sách có {len(obj)} phần tử)", obj=obj, name=str(key))
        return self.undefined(hint=f"không đọc được '{key}' ở đây (chỉ dùng các trường đã mô tả)", obj=obj, name=key)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> NoReturn:
        raise SecurityError(f"chỗ điền không được dùng phép tính '{operator}'")

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> NoReturn:  # noqa: N805
        raise SecurityError("chỗ điền không được gọi hàm")


class PlaceholderError(Exception):
    """Raised inside expansion; carries the field path for the caller's ``FieldProblem``."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def problem(self, lines: Mapping[Path, int] | None = None) -> FieldProblem:
        return FieldProblem(".".join(self.path), self.message, (lines or {}).get(self.path))


class Expander:
    """The placeholders of one parsed template, compiled once."""

    def __init__(self, data: Any) -> None:
        self._env = PlaceholderEnvironment()
        self._compiled: dict[str, jinja2.Template] = {}
        problems: list[PlaceholderError] = []
        for path, text in _strings(data, ()):
            if text in self._compiled or not any(m in text for m in _MARKERS):
                continue
            try:
                self._check_names(text)
                self._compiled[text] = self._env.from_string(text)
            except jinja2.TemplateSyntaxError as exc:
                problems.append(PlaceholderError(path, f"chỗ điền sai cú pháp: {syntax_cause(exc)}"))
            except PlaceholderError as exc:
                problems.append(PlaceholderError(path, exc.message))
        self.problems = problems
        self._data = data

    def _check_names(self, text: str) -> None:
        unknown = sorted(meta.find_undeclared_variables(self._env.parse(text)) - TOP_LEVEL_NAMES)
        if unknown:
            known = ", ".join(sorted(TOP_LEVEL_NAMES))
            raise PlaceholderError((), f"chỗ điền dùng tên không có: {', '.join(unknown)} (dùng được: {known})")

    def expand(self, fields: Mapping[str, Any]) -> Any:
        """A copy of the template data with every placeholder filled from ``fields``."""
        return self._walk(self._data, (), fields)

    def _walk(self, node: Any, path: Path, fields: Mapping[str, Any]) -> Any:
        if isinstance(node, str):
            template = self._compiled.get(node)
            return node if template is None else self._render(template, path, fields)
        if isinstance(node, dict):
            return {key: self._walk(value, (*path, str(key)), fields) for key, value in node.items()}
        if isinstance(node, list):
            return [self._walk(item, (*path, str(i)), fields) for i, item in enumerate(node)]
        return node

    @staticmethod
    def _render(template: jinja2.Template, path: Path, fields: Mapping[str, Any]) -> str:
        try:
            return budgeted_render(template, fields, MAX_PLACEHOLDER_CHARS)
        except BudgetError as exc:
            raise PlaceholderError(path, f"chỗ điền vượt giới hạn: {exc.message}") from None
        except jinja2.UndefinedError as exc:
            raise PlaceholderError(path, f"chỗ điền dùng giá trị không có: {undefined_cause(exc)}") from None
        except SecurityError as exc:
            raise PlaceholderError(path, f"chỗ điền bị từ chối: {exc}") from None
        except (jinja2.TemplateError, TypeError, ValueError):
            raise PlaceholderError(path, "không điền được; kiểm tra lại chỗ điền (xem docs/batch.md)") from None


def _strings(node: Any, path: Path) -> list[tuple[Path, str]]:
    if isinstance(node, str):
        return [(path, node)]
    if isinstance(node, dict):
        return [item for key, value in node.items() for item in _strings(value, (*path, str(key)))]
    if isinstance(node, list):
        return [item for i, value in enumerate(node) for item in _strings(value, (*path, str(i)))]
    return []
