"""What the checker reports: one finding per broken rule and place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ttdn_docs.docxread.view import Location

Severity = Literal["error", "warning"]
SEVERITY_WORDS: dict[str, str] = {"error": "LỖI", "warning": "CẢNH BÁO"}


@dataclass(frozen=True)
class Finding:
    """A broken rule: its stable id (``PARTY.PLACE_DATE.MONTH``), severity, where, what
    was expected and found, a Vietnamese message, and the article the rule comes from."""

    rule: str
    severity: Severity
    message: str
    location: Location
    expected: str = ""
    found: str = ""
    ref: str = ""
    path: str = field(default="", compare=False)  # the profile data the rule reads
    title: str = field(default="", compare=False)  # what the rule checks, in Vietnamese
    # A fault through the whole document (a font, a size) is one finding: the
    # paragraphs it stands in, the first being ``location``.
    paragraphs: tuple[int, ...] = field(default=(), compare=False)

    @property
    def count(self) -> int:
        """How many paragraphs the finding stands for."""
        return max(len(self.paragraphs), 1)

    def describe(self) -> str:
        """One line for a terminal."""
        ref = f" [{self.ref}]" if self.ref else ""
        detail = ""
        if self.expected or self.found:
            detail = f" (cần: {self.expected or '—'}; thấy: {self.found or '—'})"
        return (
            f"{SEVERITY_WORDS[self.severity]} {self.rule}{ref} — {self.location.describe()}: "
            f"{self.message}{detail}"
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "title": self.title,
            "paragraph": self.location.paragraph,
            "section": self.location.section,
            "location": self.location.as_dict(),
            "expected": self.expected,
            "found": self.found,
            "ref": self.ref,
            "profile_path": self.path,
            "count": self.count,
            "paragraphs": list(self.paragraphs),
        }


@dataclass(frozen=True)
class CheckResult:
    source: str
    profile: str | None  # the profile id checked against (None: not detected)
    findings: list[Finding]
    converted_from: str | None = None  # ".doc" / ".odt": checked as LibreOffice's .docx of it

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def _repr_html_(self) -> str:
        """A notebook cell shows the findings as a table (``ttdn_docs.preview``)."""
        from ttdn_docs import display

        return display.html("findings", self)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.source,
            "profile": self.profile,
            "converted_from": self.converted_from,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.as_dict() for f in self.findings],
        }
