"""``fix``: import a Word file and issue it again in the right form.

The officer's words come through the model unchanged (text clean-up aside); the renderer
writes the form. What changed is listed (``changes``) and the result is checked with the
same profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ttdn_docs.check import CheckResult, run_checks
from ttdn_docs.docxread.anatomy import AnatomyReader
from ttdn_docs.docxread.view import open_docx
from ttdn_docs.importer import ImportResult, import_docx
from ttdn_docs.importer.source import check_output_suffix
from ttdn_docs.importer.typed_layout import summary_continuation
from ttdn_docs.importer.changes import Change, fixed_findings, text_changes
from ttdn_docs.profiles import Profile
from ttdn_docs.render import render_docx, write_bytes_atomic


@dataclass
class FixResult:
    imported: ImportResult
    output: Path
    changes: list[Change]
    check: CheckResult


def fix_docx(
    source: str | Path, output: Path, *, profile: str | Path | Profile | None = None, overwrite: bool = False
) -> FixResult:
    check_output_suffix(Path(output), (".docx",), "tệp Word")
    imported = import_docx(source, profile=profile)
    chosen = imported.profile
    # A plan with parts the importer could not find renders as a draft, marked DỰ THẢO.
    document = imported.document
    if document.missing_parts():
        document = document.model_copy(update={"marks": document.marks.model_copy(update={"draft": True})})
    data = render_docx(document.to_document(), chosen)
    before = run_checks(imported.view, chosen)
    after_view = open_docx(data)
    after = AnatomyReader(chosen).read(after_view)
    result = CheckResult(str(output), chosen.id, run_checks(after_view, chosen))
    absorbed = {p.number for p in summary_continuation(imported.anatomy)}
    changes = text_changes(imported.anatomy, after, absorbed)
    changes += fixed_findings(before, result.findings, changes)
    out = write_bytes_atomic(Path(output), data, overwrite=overwrite)
    return FixResult(imported, out, changes, result)

