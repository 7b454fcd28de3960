"""Check a user's template against the placeholders the model provides, before rendering.

Every problem is collected at once, each with its location (paragraph N of the body, or
table T row R cell C paragraph N; or the header/footer part), so a user who restyled a
template in Word fixes them in one pass:

* a placeholder the model does not provide (``{{ header.numbr }}``, ``{{ ten_xa }}``);
* a required placeholder the template lacks (no ``body`` loop: the content would vanish);
* Jinja syntax errors.

The shape of the data is taken from a real context built from a sample document, so this
check can never drift from ``render.context``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import nodes

from ttdn_docs.admin import (
    AdminDocument,
    Annex,
    Block,
    Authority,
    BulletItem,
    BulletList,
    DocNumber,
    DocumentKind,
    Marks,
    Paragraph,
    PlaceDate,
    Recipient,
    Recipients,
    Section,
    Signature,
    SignatureAuthority,
    Table,
    TableColumn,
)
from ttdn_docs.admin.kinds import Confidentiality, Urgency
from ttdn_docs.errors import TemplateProblemError
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.grammar import body_roles
from ttdn_docs.render.context import build_context
from ttdn_docs.render.engine import CompiledTemplate
from ttdn_docs.render.locations import paragraph_locations, where

# Placeholders without which a document would silently lose content.
REQUIRED = (
    "header.issuer",
    "header.number",
    "header.place_date",
    "body",
    "recipients",
    "signature.lines",
    "signature.name",
)
ANY = object()  # shape of a value whose structure is not known (empty sample list)


@dataclass(frozen=True)
class TemplateIssue:
    location: str
    message: str

    def describe(self) -> str:
        return f"{self.location}: {self.message}"


def sample_document() -> AdminDocument:
    """A document with every optional part filled, so that every placeholder has a value."""
    body: list[Block] = [
        Paragraph(text="x"),
        Section(title="t", children=[BulletList(items=[BulletItem(text="y", items=["z"])])]),
        Table(columns=[TableColumn(header="a"), TableColumn(header="b")], rows=[["1", "2"]], total=["3", "4"]),
    ]
    return AdminDocument(
        issuer=Authority(superior=["Cấp trên"], lines=["Cơ quan"], abbreviation="CQ"),
        kind=DocumentKind.KE_HOACH,
        number=DocNumber(number=1, body="CQ"),
        place_date=PlaceDate(place="Nơi", date=dt.date(2025, 1, 1)),
        summary="trích yếu",
        addressees=["Nơi nhận A", "Nơi nhận B"],
        body=body,
        recipients=Recipients(items=[Recipient(name="A")], archive=["VT"]),
        signature=Signature(collective="Tập thể", authority=SignatureAuthority.DEPUTY, head_title="Trưởng", position="Phó", name="Tên"),
        marks=Marks(draft=True, urgency=Urgency.KHAN, confidentiality=Confidentiality.MAT, drafter_initials="AB", copies=3),
        annexes=[Annex(title="Phụ lục", body=body)],
    )


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        if not value:
            return [ANY]
        # Elements differ (a body line may carry a table): the element shape is the union.
        merged: Any = None
        for item in value:
            merged = _merge(merged, _shape(item))
        return [merged]
    return None  # a leaf (string or number)


def _merge(a: Any, b: Any) -> Any:
    if isinstance(a, dict) and isinstance(b, dict):
        return {key: _merge(a.get(key), b.get(key)) for key in a.keys() | b.keys()}
    if isinstance(a, list) and isinstance(b, list):
        return [_merge(a[0], b[0])]
    return a if a is not None else b


@lru_cache(maxsize=8)
def _context_shape_for(profile_json: str) -> dict[str, Any]:
    profile = Profile.model_validate_json(profile_json)
    shape: dict[str, Any] = _shape(build_context(sample_document(), profile))
    return shape


def context_shape(profile: Profile) -> dict[str, Any]:
    return _context_shape_for(profile.model_dump_json())


# The placeholder that holds each element only some families print: a template that
# renders such a family must use it, or the element would vanish without a word (a
# công văn prints no title: its template needs no ``title.*``).
_FAMILY_PLACEHOLDERS = {
    "kind_title": "title.kind", "summary": "title.summary", "cong_van_summary": "header.summary",
    "authority": "authority", "basis": "bases", "enacting": "enacting",
}


def check_template(template: CompiledTemplate, profile: Profile, family: str = "titled") -> list[TemplateIssue]:
    """All problems of ``template`` against the placeholders of ``profile``'s context,
    for documents of ``family`` (its layout's elements and section levels)."""
    layout = profile.layouts[family]  # type: ignore[index]  # a family of the profile's layouts
    shape = context_shape(profile)
    issues: list[TemplateIssue] = []
    used: set[str] = set()
    constants: set[str] = set()
    for part, source in template.sources.items():
        locations = paragraph_locations(template.raw_part(part), part)
        ast = template.environment.parse(source)  # syntax was checked when compiling
        constants |= {c.value for c in ast.find_all(nodes.Const) if isinstance(c.value, str)}
        for path, lineno, known in _references(ast, shape):
            used.add(path)
            if not known:
                issues.append(TemplateIssue(where(locations, source, lineno, part), f"dữ liệu '{path}' không có trong mô hình"))
    family_required = [path for key, path in _FAMILY_PLACEHOLDERS.items() if layout.has(key)]
    for required in (*REQUIRED, *family_required):
        if not any(u == required or u.startswith(required + ".") for u in used):
            issues.append(TemplateIssue("mẫu", f"thiếu chỗ điền bắt buộc '{required}'"))
    # A body line whose role has no branch would vanish from the document without a word.
    for role in body_roles(profile, layout.levels):
        if role not in constants:
            issues.append(TemplateIssue("mẫu", f"không có nhánh cho loại đoạn '{role}' (nội dung loại này sẽ bị mất)"))
    return issues


def assert_template_fits(template: CompiledTemplate, profile: Profile, family: str = "titled") -> None:
    """Raise one ``TemplateProblemError`` listing every problem, or return."""
    issues = check_template(template, profile, family)
    if issues:
        lines = "\n".join(f"  - {i.describe()}" for i in issues)
        raise TemplateProblemError(f"Mẫu '{template.name}' không khớp với dữ liệu ({len(issues)} lỗi):\n{lines}")


def _references(ast: nodes.Template, shape: dict[str, Any]) -> Iterator[tuple[str, int, bool]]:
    """(dotted path, line, provided?) for every data reference, following loop variables."""
    yield from _visit(ast, dict(shape), shape)


def _visit(node: nodes.Node, scope: dict[str, Any], root: dict[str, Any]) -> Iterator[tuple[str, int, bool]]:
    if isinstance(node, nodes.For):
        yield from _visit(node.iter, scope, root)
        element = _resolve(node.iter, scope)
        inner = dict(scope)
        if isinstance(node.target, nodes.Name):
            inner[node.target.name] = element[0] if isinstance(element, list) else ANY
            inner["loop"] = ANY
        for child in node.body + node.else_:
            yield from _visit(child, inner, root)
        if node.test is not None:
            yield from _visit(node.test, inner, root)
        return
    if isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Name)):
        path, value_known = _path(node, scope)
        if path is not None:
            yield path, node.lineno, value_known
            return
    for child in node.iter_child_nodes():
        yield from _visit(child, scope, root)


def _path(node: nodes.Node, scope: dict[str, Any]) -> tuple[str | None, bool]:
    parts: list[str] = []
    current = node
    while isinstance(current, (nodes.Getattr, nodes.Getitem)):
        if isinstance(current, nodes.Getattr):
            parts.append(current.attr)
        elif isinstance(current.arg, nodes.Const) and isinstance(current.arg.value, str):
            parts.append(current.arg.value)
        else:
            return None, True  # dynamic index: cannot be checked statically
        current = current.node
    if not isinstance(current, nodes.Name) or current.ctx != "load":
        return None, True
    parts.append(current.name)
    parts.reverse()
    value: Any = scope
    for part in parts:
        if value is ANY:
            break
        if isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return ".".join(parts), False
    return ".".join(parts), True


def _resolve(node: nodes.Node, scope: dict[str, Any]) -> Any:
    path, known = _path(node, scope)
    if path is None or not known:
        return ANY
    value: Any = scope
    for part in path.split("."):
        if value is ANY or not isinstance(value, dict):
            return ANY
        value = value.get(part, ANY)
    return value
