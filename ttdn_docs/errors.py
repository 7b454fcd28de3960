"""The project's own exception hierarchy.

Every error a caller can act on is a ``TtdnError``; the CLI turns one into a single
Vietnamese message and exit code 2 (no traceback unless ``--debug``).
"""

from __future__ import annotations

from dataclasses import dataclass


class TtdnError(Exception):
    """Base class of every error raised on purpose by ttdn_docs."""


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one input field.

    ``path`` is the dotted field path (``signature.name``, ``tasks.2.unit``); ``line`` is the
    1-based line of the YAML source when known; ``place`` names the field in the officer's
    words (``họ và tên của người ký``, ``mục đích thứ 1``) and is shown instead of
    ``path`` when known.
    """

    path: str
    message: str
    line: int | None = None
    place: str | None = None

    def describe(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"dòng {self.line}")
        if self.place is not None:
            if self.place:  # empty: the document as a whole
                parts.append(self.place)
        elif self.path:
            # A path made of a 2 MB key is not echoed whole.
            path = self.path if len(self.path) <= 120 else self.path[:119] + "…"
            parts.append(f"trường '{path}'")
        where = ", ".join(parts)
        return f"{where}: {self.message}" if where else self.message


class InputError(TtdnError):
    """Input data that cannot be used: syntax errors, missing or wrong fields.

    Carries every problem found, so the user can fix them all at once.
    """

    def __init__(self, source: str, problems: list[FieldProblem]) -> None:
        self.source = source
        self.problems = problems
        lines = [f"Dữ liệu không hợp lệ trong {source}:"]
        lines += [f"  - {p.describe()}" for p in problems]
        super().__init__("\n".join(lines))


class IncompleteDocumentError(InputError):
    """A document that still has parts to be written (``<<CẦN ĐIỀN: …>>``, figures left
    empty): it is printed only as a draft. ``problems`` lists each part by field path."""

    def __init__(self, source: str, problems: list[FieldProblem]) -> None:
        super().__init__(source, problems)
        lines = [
            f"Tài liệu {source} còn {len(problems)} phần chưa điền; hãy điền rồi dựng lại, "
            "hoặc dùng --draft để in bản dự thảo (DỰ THẢO):"
        ]
        lines += [f"  - {p.describe()}" for p in problems]
        self.args = ("\n".join(lines),)


class ProfileError(TtdnError):
    """A profile (rule book data file) that is missing or malformed."""


class TemplateProblemError(TtdnError):
    """A .docx template that is missing, unreadable or does not fit the data model."""


class RenderError(TtdnError):
    """Rendering failed for a reason the user can act on (e.g. output path)."""


class DocxReadError(TtdnError):
    """A .docx that cannot be read: missing, not a Word file, or refused as unsafe.

    The checker reports it as "cannot read" (exit code 2), never as findings."""


class NotADocxError(DocxReadError):
    """The file is not a zip package, or not a WordprocessingML document."""


class UnsafeDocxError(DocxReadError):
    """The package was refused before parsing: a zip bomb, a part or an entry count above
    the limits, or XML with a DTD / entity declarations."""


class NotAPlanDocumentError(DocxReadError):
    """A readable Word file that is not a plan or report (no ``KẾ HOẠCH``/``BÁO CÁO``
    title, no header of a known rule book), or one that cannot be opened without a
    password."""
