"""Every leaf of a profile's data, each changed once, and what the checker sees of it.

``leaves`` walks the profile's model (not a hand list), so a section added to the
profiles (``types:``, ``layouts:`` …) is walked too. ``changed`` is the one value a leaf
takes instead: the other choice of a flag or a ``Literal``, a larger number, a range
that excludes the value written, a text wrapped in ``§`` (visible at either end), a list
without its last item (an empty one gets ``§``).

A change is *seen* when the document rendered with the changed profile, checked with
the original, gives other findings than the original document does, or when the original
document checked with the changed profile does (a value only the checker reads: a
range). To stay fast, changes are tried in batches that touch each element (and each
grammar section) once and a new finding is credited to a leaf through the data path of
its rule (``check.rules``); a leaf not credited in its batch is tried alone, where any
difference counts.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from mutations import corpus_document
from ttdn_docs.admin import (
    AdminDocument,
    Annex,
    Marks,
    Paragraph,
    PlaceDate,
    Section,
    Table,
    TableColumn,
)
from ttdn_docs.admin.kinds import Confidentiality, Urgency
from ttdn_docs.check import check_docx
from ttdn_docs.check.findings import Finding
from ttdn_docs.check.rules import rules
from ttdn_docs.profiles import Profile
from ttdn_docs.render import render_docx

MARK = "§"


@dataclass(frozen=True)
class Leaf:
    path: str  # as the rules write it: elements.headings[0].style.size, page.margins_mm.top
    value: Any
    annotation: Any
    most: float | None = None  # the model's upper bound of a number (``le``)

    @property
    def unit(self) -> str:
        """What one leaf per batch stands for: its style or grammar entry
        (``elements.signer_name``, ``elements.headings[0]``) or its section (``number``)."""
        parts = self.path.split(".")
        if parts[0] == "elements" and len(parts) > 2:
            return ".".join(parts[:-1])
        return parts[0]


def leaves(model: BaseModel, prefix: str = "") -> Iterator[Leaf]:
    """Every leaf of ``model``'s data: into sub-models, mappings and lists of models."""
    for name, field in type(model).model_fields.items():
        most = next((m.le for m in field.metadata if getattr(m, "le", None) is not None), None)
        yield from _leaves_of(getattr(model, name), field.annotation, f"{prefix}{name}", most)


def _leaves_of(value: Any, annotation: Any, path: str, most: float | None = None) -> Iterator[Leaf]:
    if isinstance(value, BaseModel):
        yield from leaves(value, path + ".")
    elif isinstance(value, dict):
        item_type = _dict_value_type(annotation)
        for key, item in value.items():
            yield from _leaves_of(item, item_type, f"{path}.{getattr(key, 'value', key)}")
    elif isinstance(value, list) and value and all(isinstance(item, BaseModel) for item in value):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}[{index}].")
    elif value is not None or _is_range(annotation):
        yield Leaf(path, value, annotation, most)


def _dict_value_type(annotation: Any) -> Any:
    for option in _options(annotation):
        if get_origin(option) is dict:
            return get_args(option)[1]
    return Any


def _options(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) in (Union, types.UnionType):
        return get_args(annotation)
    return (annotation,)


def _is_range(annotation: Any) -> bool:
    return any(get_origin(option) is tuple for option in _options(annotation))


def changed(leaf: Leaf) -> Any:
    """The one other value ``leaf`` takes."""
    value = leaf.value
    literal = next((option for option in _options(leaf.annotation) if get_origin(option) is Literal), None)
    if literal is not None:
        choices = get_args(literal)
        return choices[(choices.index(value) + 1) % len(choices)]
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        larger = value + max(1.0, abs(value) * 0.5)
        return larger if leaf.most is None or larger <= leaf.most else (value + leaf.most) / 2 if value < leaf.most else value / 2
    if isinstance(value, tuple) or value is None:
        high = value[1] if value is not None else 40.0
        return (high + 1.0, high + 2.0)
    if isinstance(value, str):
        return f"{MARK}{value}{MARK}"
    if isinstance(value, list):
        return value[:-1] if value else [MARK]
    raise TypeError(f"{leaf.path}: no change defined for {type(value).__name__}")


# A written value and the range the checker accepts for it: a value changed out of its
# range takes the range along (the profile stays one the model accepts).
_RANGE_OF = {
    "size": "size_range",
    "space_after": "space_after_range",
    "line_spacing": "line_spacing_range",
    "first_line_indent_cm": "first_line_indent_range_cm",
}


def with_changed(profile: Any, leaf: Leaf) -> Any:
    """``profile`` with ``leaf`` changed; a written value's range (or a margin's) moved
    with it so that the renderer's own validation still holds."""
    value = changed(leaf)
    out = with_value(profile, leaf.path, value)
    owner, _, name = leaf.path.rpartition(".")
    sibling = _RANGE_OF.get(name)
    if sibling is not None and _value_at(out, f"{owner}.{sibling}") is not None:
        out = with_value(out, f"{owner}.{sibling}", (value, value))
    if owner == "page.margins_mm":
        out = with_value(out, f"page.margin_ranges_mm.{name}", (value, value))
    return out


def _value_at(model: Any, path: str) -> Any:
    for part in path.split("."):
        name, index = _split(part)
        model = model[next(k for k in model if str(getattr(k, "value", k)) == name)] if isinstance(model, dict) else getattr(model, name)
        if index is not None:
            model = model[index]
    return model


def with_value(model: Any, path: str, value: Any) -> Any:
    """``model`` with the leaf at ``path`` replaced (no validation: a changed size may
    leave its own range, which is what the checker must notice)."""
    head, _, rest = path.partition(".")
    name, index = _split(head)
    if isinstance(model, dict):
        key = next(k for k in model if str(getattr(k, "value", k)) == name)
        inner = model[key]
        return {**model, key: _replace(inner, index, rest, value)}
    inner = getattr(model, name)
    return model.model_copy(update={name: _replace(inner, index, rest, value)})


def _replace(inner: Any, index: int | None, rest: str, value: Any) -> Any:
    if index is not None:
        items = list(inner)
        items[index] = with_value(items[index], rest, value) if rest else value
        return items
    return with_value(inner, rest, value) if rest else value


def _split(part: str) -> tuple[str, int | None]:
    if part.endswith("]"):
        name, _, index = part[:-1].partition("[")
        return name, int(index)
    return part, None


def full_document() -> AdminDocument:
    """The mutation corpus's plan with every element a profile styles: Kính gửi, the
    marks (DỰ THẢO too) and the drafter's line, a table, an annex; dated in February, a padded month."""
    base = corpus_document()
    table = Table(columns=[TableColumn(header="Nội dung"), TableColumn(header="Số lượng", align="right")],
                  rows=[["Tin bài", "12"], ["Phóng sự", "3"]], total=["Tổng cộng", "15"])
    # A level-3 section with a title (the corpus's level-3 sections are untitled items).
    third = Section(title="Trên hệ thống truyền thanh", children=[Paragraph(text="Phát tin hằng tuần.")])
    contents = base.body[2]
    assert isinstance(contents, Section)
    first = contents.children[0]
    assert isinstance(first, Section)
    contents = contents.model_copy(update={"children": [first.model_copy(update={"children": [*first.children, third]}), *contents.children[1:]]})
    body = [base.body[0], base.body[1], contents, *base.body[3:-1], table, base.body[-1]]
    return base.model_copy(update={
        "place_date": PlaceDate(place="Thanh Miện", date=dt.date(2026, 2, 5)),
        "addressees": ["Ban Thường vụ Thành ủy", "Ban Tuyên giáo và Dân vận Thành ủy"],
        "marks": Marks(urgency=Urgency.KHAN, confidentiality=Confidentiality.MAT, draft=True, drafter_initials="PL", copies=30),
        "annexes": [Annex(title="Danh mục tin bài", body=[Paragraph(text="Các tin bài của năm.")])],
        "body": body,
    })


Key = tuple[str, str, str, str, str]


def _keys(findings: list[Finding]) -> list[Key]:
    return sorted((f.rule, f.severity, f.location.describe(), f.expected or "", f.found or "") for f in findings)


@dataclass
class Outcome:
    seen: dict[str, str]  # leaf path → the finding that shows it
    refused: dict[str, str]  # leaf path → the renderer's error (the value cannot be written)
    unseen: list[str]


class ProfileWalk:
    """The walk of one profile: its baseline and the outcome of each change."""

    def __init__(self, profile: Profile, document: AdminDocument, skip: Callable[[str], bool]) -> None:
        self.profile = profile
        self.document = document
        self.rendered = render_docx(document, profile)
        self.baseline = _keys(check_docx(self.rendered, profile))
        self.leaves = [leaf for leaf in leaves(profile) if not skip(leaf.path)]
        self._paths = {rule.code: rule.path for rule in rules(profile).values()}
        self._count = 0

    def run(self) -> Outcome:
        outcome = Outcome({}, {}, [])
        left = list(self.leaves)
        while left:
            batch, left = _batch(left)
            self._try(batch, outcome, alone=len(batch) == 1)
            for leaf in batch:
                if len(batch) > 1 and _open(leaf, outcome):
                    self._try([leaf], outcome, alone=True)  # not credited in its batch
                if _open(leaf, outcome):
                    outcome.unseen.append(leaf.path)
        return outcome

    def _try(self, batch: list[Leaf], outcome: Outcome, *, alone: bool) -> None:
        changed_profile: Any = self.profile
        for leaf in batch:
            changed_profile = with_changed(changed_profile, leaf)
        self._count += 1
        # Another id: the committed template of the built-in profile is not used.
        changed_profile = changed_profile.model_copy(update={"id": f"mutated-{self._count}"})
        new: list[Finding] = []
        refused = ""
        try:
            new += _new(check_docx(render_docx(self.document, changed_profile), self.profile), self.baseline)
        except Exception as exc:  # noqa: BLE001 — a value the renderer refuses is visible too
            refused = f"{type(exc).__name__}: {exc}"[:300]
        # The original document judged by the changed profile: a value only the checker
        # reads (a range) shows here.
        new += _new(check_docx(self.rendered, changed_profile), self.baseline)
        for leaf in batch:
            shown = next((f for f in new if alone or self._credits(f, leaf)), None)
            if shown is not None:
                outcome.seen[leaf.path] = shown.rule
            elif alone and refused:
                outcome.refused[leaf.path] = refused

    def _credits(self, finding: Finding, leaf: Leaf) -> bool:
        code = finding.rule.split(".", 1)[1]
        path = self._paths.get(code, "")
        return bool(path) and (path == leaf.unit or path.startswith(leaf.unit + ".") or path.startswith(leaf.unit + "["))


def _open(leaf: Leaf, outcome: Outcome) -> bool:
    return leaf.path not in outcome.seen and leaf.path not in outcome.refused


def _new(findings: list[Finding], baseline: list[Key]) -> list[Finding]:
    keys = set(baseline)
    return [f for f in findings if _keys([f])[0] not in keys]


def _batch(leaves_left: list[Leaf]) -> tuple[list[Leaf], list[Leaf]]:
    """The first leaf of each unit whose unit nests in no other unit of the batch."""
    batch: list[Leaf] = []
    rest: list[Leaf] = []
    for leaf in leaves_left:
        clash = any(_nested(leaf.unit, other.unit) for other in batch)
        (rest if clash else batch).append(leaf)
    return batch, rest


def _nested(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".") or a.startswith(b + "[") or b.startswith(a + "[")


def main(argv: list[str]) -> int:
    """Walk every leaf, the allow-listed ones too, and print those the list explains
    but the checker now sees (the list can lose them) and those still unseen."""
    from test_profile_mutations import allowed, entry

    from ttdn_docs.profiles import builtin_profile_ids, load_profile

    for profile_id in argv or builtin_profile_ids():
        walk = ProfileWalk(load_profile(profile_id), full_document(), skip=lambda path: path.endswith(".ref"))
        outcome = walk.run()
        print(f"== {profile_id}: {len(walk.leaves)} leaves, {len(outcome.seen)} seen, {walk._count} renders")
        for path, rule in sorted(outcome.seen.items()):
            if allowed(walk.profile, path):
                print(f"  seen although listed ({entry(walk.profile, path)}): {path} → {rule}")
        for path in sorted([*outcome.unseen, *outcome.refused]):
            print(f"  unseen: {path} — {entry(walk.profile, path) if allowed(walk.profile, path) else 'NOT EXPLAINED'}")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
