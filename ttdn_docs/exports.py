"""Lazy front doors (PEP 562): a package names what it offers without importing it.

``from ttdn_docs import load_plan`` imports the plan model and nothing else; a command
that only checks a file never builds the renderer. Each package ``__init__`` keeps its
``__all__`` and, for type checkers, the same names under ``if TYPE_CHECKING:``; at run time
``lazy_exports`` serves each name from its module the first time it is asked for.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType


def lazy_exports(
    package: str, table: Mapping[str, Sequence[str]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``; ``table`` maps a module (absolute,
    or relative to the package with a leading dot) to the names it provides."""
    where = {name: module for module, names in table.items() for name in names}

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        setattr(sys.modules[package], name, value)  # found directly from now on
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(where))

    front = sys.modules[package]
    if any(f"{package}.{name}" == _absolute(module, package) for name, module in where.items()):
        front.__class__ = _SameNameFront
    return __getattr__, __dir__


def _absolute(module: str, package: str) -> str:
    return package + module if module.startswith(".") else module


class _SameNameFront(ModuleType):
    """A package exporting a name its own submodule also has (``ttdn.aggregate``, the
    function, from ``ttdn.aggregate``, the module): when the import system binds the
    loaded submodule on the package, the exported object is bound instead, as an eager
    ``from .aggregate import aggregate`` in ``__init__`` did."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, ModuleType) and value.__name__ == f"{self.__name__}.{name}" and hasattr(value, name):
            value = getattr(value, name)
        super().__setattr__(name, value)
