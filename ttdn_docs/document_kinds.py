"""The input kinds (``kind:`` of a data file) and the model each loads into.

Built in: ``plan``, ``report`` and ``document`` (any type of a profile's type table).
Another tool adds its own typed model with ``register_document_kind(name, model)``, or
declares it in its package metadata under the entry point group
``ttdn_docs.document_kinds`` (``name = "package.module:Model"``), read the first time a
kind is looked up that is not built in. Names are known without importing any model, so
the CLI's choices cost nothing at start-up.

A model is a pydantic model with a ``kind`` field, ``profile``, the header fields the
register numbers by (``issuer.display_name``, ``number``, ``date``, ``year``,
``summary``), ``marks`` and ``to_document()`` returning an ``AdminDocument``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

ENTRY_POINT_GROUP = "ttdn_docs.document_kinds"
# A kind as written in a data file and on the command line.
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

# name → "module:Class" (imported on first use) or the model itself.
_BUILT_IN: dict[str, str] = {
    "plan": "ttdn_docs.ttdn.plan:ForeignInfoPlan",
    "report": "ttdn_docs.ttdn.report:ForeignInfoReport",
    "document": "ttdn_docs.generic.document:GenericDocument",
}
_registered: dict[str, Any] = {}
_from_entry_points: dict[str, Any] | None = None


def register_document_kind(name: str, model: Any) -> None:
    """Make ``kind: name`` load into ``model`` (a class, or ``"module:Class"``) for
    render, preview, check, batch, schema and the register. A built-in kind can be
    replaced by a subclass of its model."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"document kind name {name!r}: lower-case ASCII letters, digits and '_'")
    if not isinstance(model, (type, str)):
        raise TypeError(f"document kind {name!r}: the model must be a class or 'module:Class'")
    _registered[name] = model


def unregister_document_kind(name: str) -> None:
    """Forget a kind registered with ``register_document_kind`` (built-ins stay)."""
    _registered.pop(name, None)


def kind_names() -> list[str]:
    """Every known kind: built in, registered, declared by entry points."""
    return sorted({*_BUILT_IN, *_entry_points(), *_registered})


def document_model(name: str) -> Any | None:
    """The model of ``kind: name``, imported now; ``None`` for an unknown kind."""
    found = _registered.get(name) or _BUILT_IN.get(name)
    if found is None:
        found = _entry_points().get(name)
    if found is None:
        return None
    if isinstance(found, str):
        module, _, attribute = found.partition(":")
        found = getattr(importlib.import_module(module), attribute)
    return found


def _entry_points() -> dict[str, Any]:
    """Kinds other packages declare, read once (their models imported only when used)."""
    global _from_entry_points
    if _from_entry_points is None:
        from importlib.metadata import entry_points

        _from_entry_points = {
            point.name: point.value for point in entry_points(group=ENTRY_POINT_GROUP) if _NAME.match(point.name)
        }
    return _from_entry_points


class KindModels(MutableMapping[str, Any]):
    """The kinds as a mapping name → model (``api.DOCUMENT_MODELS``): reading imports
    the model; assigning registers it (code that set ``DOCUMENT_MODELS[name]`` keeps working)."""

    def __getitem__(self, name: str) -> Any:
        model = document_model(name)
        if model is None:
            raise KeyError(name)
        return model

    def __setitem__(self, name: str, model: Any) -> None:
        register_document_kind(name, model)

    def __delitem__(self, name: str) -> None:
        if name not in _registered:
            raise KeyError(name)
        unregister_document_kind(name)

    def __iter__(self) -> Iterator[str]:
        return iter(kind_names())

    def __len__(self) -> int:
        return len(kind_names())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in kind_names()


class KindChoices(Mapping[str, str]):
    """Argparse ``choices`` read when a value is checked, not when the parser is built:
    ``extra`` names (``profile``, ``unit_results``) plus every document kind."""

    def __init__(self, *extra: str) -> None:
        self._extra = extra

    def _names(self) -> list[str]:
        return [*kind_names(), *self._extra]

    def __getitem__(self, name: str) -> str:
        if name not in self._names():
            raise KeyError(name)
        return name

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._names()
