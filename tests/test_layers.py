"""The layer contract: the import graph of ``ttdn_docs`` has no circle and no arrow that
points up (ARCHITECTURE.md §2). Read from the source with ``ast``: every import counts,
at module level or inside a function (a lazy import is still a dependency); only the
names imported for type checkers (``if TYPE_CHECKING:``) do not.

A failure names the arrow or the circle; the fix is to move the code to the room it
belongs to, not to add an exception here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ttdn_docs"

# Lower layers first; a module may import its own layer or any below it. A package is
# one room (its modules import one another freely but without a circle).
LAYERS: list[set[str]] = [
    {"ttdn_docs", "document_kinds", "errors", "exports", "display", "boundedcache", "diskcache", "workers", "regular_files", "docxsafe", "office", "oserrors", "outputs", "jinja_words", "ooxml_ns"},
    {"vn", "pdfread"},
    {"admin", "units", "limits"},
    {"input_problems", "datafile", "filenames", "layout", "generic"},
    {"profiles", "docxfacts"},
    {"docxread", "render", "ttdn", "register"},
    {"check", "preview", "plans", "citations", "header_checks", "plan_template", "document_types", "issuing_bodies"},
    {"skeletons", "importer", "batch"},
    {"api", "exchange"},
    {"cli", "sign", "web", "serve"},
]


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _layer(module: str) -> int:
    room = _room(module)
    for index, rooms in enumerate(LAYERS):
        if room in rooms:
            return index
    raise AssertionError(f"{module}: room '{room}' has no layer in tests/test_layers.py; give it one")


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(tree: ast.AST) -> Iterator[str]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in _imports(ast.Module([child], [])))
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                yield sub if sub in MODULES else node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        yield from _imports(node)


@cache
def _graph() -> dict[str, set[str]]:
    return {
        module: {target for target in _imports(ast.parse(path.read_text(encoding="utf-8"))) if target in MODULES} - {module}
        for module, path in MODULES.items()
    }


def test_no_arrow_points_up() -> None:
    upward = sorted(
        f"{module} → {target}"
        for module, targets in _graph().items()
        for target in targets
        if _layer(target) > _layer(module)
    )
    assert upward == []


def test_no_circle() -> None:
    graph = _graph()
    circles = [c for c in _strongly_connected(graph) if len(c) > 1]
    assert circles == [], [" → ".join(sorted(c)) for c in circles]


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                found.append(component)
    return found


def test_the_contract_sees_imports_at_every_depth() -> None:
    """The reader of imports itself: a lazy import inside a function counts, a
    TYPE_CHECKING one does not."""
    source = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ttdn_docs.cli import main\n"
        "def f():\n    from ttdn_docs.preview import to_html\n    import ttdn_docs.render.engine\n"
    )
    assert set(_imports(ast.parse(source))) >= {"ttdn_docs.preview", "ttdn_docs.render.engine"}
    assert "ttdn_docs.cli" not in set(_imports(ast.parse(source)))
