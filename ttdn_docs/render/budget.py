"""A Jinja sandbox that counts: user templates and batch placeholders under budgets.

Jinja's sandbox refuses Python internals but not work: ``{{ 'a' * 10**9 }}``,
``{{ 7 ** 99999999 }}``, ``|center(999999999)``, chained ``|replace``, nested loops over
constants or a large body, a recursive ``loop()`` or macro. Here every loop step and
every call counts against ``MAX_STEPS``; arithmetic and filters whose result could be
large are measured before they run; the output is measured as it is produced; and
``{% include %}``, ``{% import %}`` and ``{% extends %}`` (there is no other template to
reach) are refused when the template is compiled. A budget hit is a ``BudgetError``
with the template line where it happened.
"""

from __future__ import annotations

import contextvars
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

# Loop steps and calls of one rendering: a commune document's template takes about
# 2,000 (one per body line and table cell, a few per paragraph).
MAX_STEPS = 200_000
# Characters any one value (a string built by an operator or a filter) may hold.
MAX_VALUE_CHARS = 1_000_000
# Digits of a number arithmetic may build.
MAX_NUMBER_BITS = 4_000
_COUNTED = "_ttdn_counted"
_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
}
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "batch", "slice", "round", "filesizeformat"})
_FORMAT_WIDTH = re.compile(r"%[-#0 +]*(\d+)|\{[^{}]*:[^{}]*?(\d+)[^{}]*\}")


class BudgetError(Exception):
    """A budget of a rendering was exhausted; ``line`` is the template line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _Counter:
    def __init__(self) -> None:
        self.steps = 0


_CURRENT: contextvars.ContextVar[_Counter | None] = contextvars.ContextVar("ttdn_budget", default=None)


def _tick() -> None:
    counter = _CURRENT.get()
    if counter is None:  # outside budgeted_render (a static check, a test): no count
        return
    counter.steps += 1
    if counter.steps > MAX_STEPS:
        raise BudgetError(f"mẫu lặp hoặc gọi quá nhiều lần (hơn {MAX_STEPS:_} bước)".replace("_", "."))


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    for item in iterable:
        _tick()
        yield item


class BudgetMixin:
    """Budgets for a ``SandboxedEnvironment`` subclass (mixed in before it)."""

    intercepted_binops = frozenset(_BINOPS)

    def _init_budget(self) -> None:
        env: SandboxedEnvironment = self  # type: ignore[assignment]
        env.filters = {name: _bounded_filter(name, f) for name, f in env.filters.items()}
        env.filters[_COUNTED] = _counted

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree: nodes.Template = super()._parse(source, name, filename)  # type: ignore[misc]
        for kind in (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends):
            found = tree.find(kind)
            if found is not None:
                raise jinja2.TemplateSyntaxError(
                    "không dùng được {% include %}, {% import %} hay {% extends %} trong mẫu", found.lineno, name, filename
                )
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _COUNTED, [], [], None, None, lineno=loop.lineno)
        return tree

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        _check_binop(operator_name, left, right)
        return _BINOPS[operator_name](left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _tick()
        return super().call(__context, __obj, *args, **kwargs)  # type: ignore[misc]


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _check_binop(name: str, left: Any, right: Any) -> None:
    if name == "*":
        for sequence, times in ((left, right), (right, left)):
            size = _size(sequence)
            if size is not None and isinstance(times, int) and size * times > MAX_VALUE_CHARS:
                raise BudgetError("phép nhân tạo ra chuỗi quá dài")
    if name == "+":
        sizes = (_size(left), _size(right))
        if None not in sizes and sum(s or 0 for s in sizes) > MAX_VALUE_CHARS:
            raise BudgetError("phép cộng tạo ra chuỗi quá dài")
    if all(isinstance(v, int) for v in (left, right)):
        bits = abs(left).bit_length() + abs(right).bit_length()
        if name == "**" and abs(left) > 1 and abs(right) * max(abs(left).bit_length(), 1) > MAX_NUMBER_BITS:
            raise BudgetError("phép lũy thừa tạo ra số quá lớn")
        if name == "*" and bits > MAX_NUMBER_BITS:
            raise BudgetError("phép nhân tạo ra số quá lớn")
    if name == "%" and isinstance(left, str):
        _check_format(left)


def _check_format(text: str) -> None:
    for match in _FORMAT_WIDTH.finditer(text):
        width = match.group(1) or match.group(2)
        if width and (len(width) > 7 or int(width) > MAX_VALUE_CHARS):
            raise BudgetError("độ rộng định dạng quá lớn")


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` with its numeric arguments bounded (a width of 999999999) and its
    result measured; ``replace`` measured before it runs."""

    def bounded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        values = [*args, *kwargs.values()]
        if name in _WIDTH_FILTERS and any(isinstance(v, int) and abs(v) > MAX_VALUE_CHARS for v in values):
            raise BudgetError(f"bộ lọc '{name}' nhận số quá lớn")
        if name == "format" and values and isinstance(values[0], str):
            _check_format(values[0])
        if name == "replace":
            _check_replace(values)
        result = function(*args, **kwargs)
        size = _size(result)
        if size is not None and size > MAX_VALUE_CHARS:
            raise BudgetError(f"bộ lọc '{name}' tạo ra chuỗi quá dài")
        return result

    # Jinja passes the context, eval context or environment by these marks.
    for mark in ("jinja_pass_arg",):
        if hasattr(function, mark):
            setattr(bounded, mark, getattr(function, mark))
    return bounded


def _check_replace(values: list[Any]) -> None:
    strings = [v for v in values if isinstance(v, str)]
    if len(strings) < 3:
        return
    text, old, new = strings[-3], strings[-2], strings[-1]
    # With an environment or context passed first, the last three strings are s, old, new.
    count = len(text) + 1 if not old else text.count(old)
    if len(text) + count * max(len(new) - len(old), 0) > MAX_VALUE_CHARS:
        raise BudgetError("bộ lọc 'replace' tạo ra chuỗi quá dài")


def budgeted_render(template: jinja2.Template, context: Mapping[str, Any], max_chars: int) -> str:
    """``template`` rendered under the step budget and ``max_chars`` of output; a budget
    hit (or a recursion too deep) is a ``BudgetError`` with the template line."""
    token = _CURRENT.set(_Counter())
    out: list[str] = []
    total = 0
    try:
        for chunk in template.generate(context):
            total += len(chunk)
            if total > max_chars:
                raise BudgetError(f"mẫu tạo ra nội dung quá dài (hơn {max_chars:_} ký tự)".replace("_", "."))
            out.append(chunk)
    except BudgetError as exc:
        raise BudgetError(exc.message, template_line(exc)) from None
    except RecursionError as exc:
        raise BudgetError("mẫu gọi lại chính nó quá sâu (đệ quy)", template_line(exc)) from None
    finally:
        _CURRENT.reset(token)
    return "".join(out)


def template_line(exc: BaseException) -> int | None:
    """The template line of the innermost template frame of ``exc``'s traceback (Jinja
    rewrites a template's frames to carry its own lines)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
