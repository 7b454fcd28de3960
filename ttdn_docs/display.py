"""Notebook display without an upward import.

A plan, a report, an ``AdminDocument`` and a check result show themselves in a notebook
cell (``_repr_html_``) by asking here; the HTML is made by the module the package's front
door names as provider (``ttdn_docs/__init__``: ``ttdn_docs.preview``), imported the first
time a cell is shown. So ``admin``, the domain and the checker stay below the renderer
they are displayed with, and a process that never displays never imports it.
"""

from __future__ import annotations

import importlib
from html import escape
from typing import Literal

Kind = Literal["document", "domain", "findings"]
_provider: str | None = None


def set_provider(module: str) -> None:
    """Name the module whose ``notebook_cell(kind, value)`` makes the HTML."""
    global _provider
    _provider = module


def html(kind: Kind, value: object) -> str:
    """The notebook HTML of ``value`` (a ``kind`` of thing), from the provider."""
    if _provider is None:
        return f"<pre>{escape(repr(value))}</pre>"
    cell: str = importlib.import_module(_provider).notebook_cell(kind, value)
    return cell
