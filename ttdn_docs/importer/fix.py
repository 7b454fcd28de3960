"""``fix``: import a Word file and issue it again in the right form.

The officer's words come through the model unchanged (text clean-up aside); the renderer
writes the form. What changed is listed (``changes``) and the result is checked with the
same profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ttdn_docs.check import CheckResult, run_checks
from ttdn_docs.citations import cite_as_rule_book
from ttdn_docs.errors import FieldProblem
from ttdn_docs.input_problems import place_of
from ttdn_docs.docxread.anatomy import AnatomyReader
from ttdn_docs.docxread.view import open_docx
from ttdn_docs.importer import ImportResult, import_docx
from ttdn_docs.importer.typed_layout import summary_continuation
from ttdn_docs.importer.changes import Change, fixed_findings, text_changes
from ttdn_docs.profiles import Profile
from ttdn_docs.outputs import DOCX_SUFFIXES, check_output
from ttdn_docs.render import render_docx, write_bytes_atomic
from ttdn_docs.ttdn.outline import placeholders
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport
from ttdn_docs.ttdn.todo import HAND_BLANK, blank_todos, todo_problems


@dataclass
class FixResult:
    imported: ImportResult
    output: Path
    changes: list[Change]
    check: CheckResult


def fix_docx(
    source: str | Path, output: Path, *, profile: str | Path | Profile | None = None, overwrite: bool = False
) -> FixResult:
    check_output(Path(output), DOCX_SUFFIXES, "tệp Word", inputs=[source])
    imported = import_docx(source, profile=profile)
    chosen = imported.profile
    document, gaps = _gaps_left_blank(imported.document)
    # Citations read without their comma before the date take the rule book's form.
    document = cite_as_rule_book(document, chosen)
    data = render_docx(document.to_document(), chosen)
    before = run_checks(imported.view, chosen)
    after_view = open_docx(data)
    after = AnatomyReader(chosen).read(after_view)
    result = CheckResult(str(output), chosen.id, run_checks(after_view, chosen))
    absorbed = {p.number for p in summary_continuation(imported.anatomy)}
    changes = gaps + text_changes(imported.anatomy, after, absorbed)
    changes += fixed_findings(before, result.findings, changes)
    out = write_bytes_atomic(Path(output), data, overwrite=overwrite)
    return FixResult(imported, out, changes, result)



def _missing(document: Any) -> list[FieldProblem]:
    """The parts still to be written (``<<CẦN ĐIỀN: …>>``; a report's indicators without
    a value) of any document model."""
    if isinstance(document, (ForeignInfoPlan, ForeignInfoReport)):
        return document.missing_parts()
    data = document.model_dump(mode="python")
    return todo_problems(data, lambda path: place_of(type(document), data, path))


def _gaps_left_blank(document: Any) -> tuple[Any, list[Change]]:
    """A part the rule book requires that the file lacks (a signer's name …) is left as a
    visible blank and named in the changes; nothing is written in its place. Figures the
    outline does not print (an indicator table kept as typed) are no gap. Only what still
    cannot be printed makes the output a draft (DỰ THẢO)."""
    problems = _missing(document)
    if not problems:
        return document, []
    data = blank_todos(document.model_dump(mode="python"))
    unprinted = (
        isinstance(document, ForeignInfoReport) and document.outline is not None
        and "indicators" not in placeholders(list(document.outline)) and document.indicators_placement == "body"
    )
    if unprinted:
        data["indicators"] = [i for i in data["indicators"] if i["value"] is not None]
    try:
        blanked = type(document).model_validate(data)
    except ValidationError:
        blanked = document
    gaps = [
        Change(f"Thiếu {p.place or p.path}: để trống «{HAND_BLANK}» để điền tay")
        for p in problems if not (unprinted and p.path.startswith("indicators."))
    ]
    if _missing(blanked):
        marks = blanked.marks.model_copy(update={"draft": True})
        return blanked.model_copy(update={"marks": marks}), gaps
    return blanked, gaps

