"""The compliance checker: read any .docx and report what breaks the profile's rules.

    from ttdn_docs.check import check_docx
    findings = check_docx("ke-hoach.docx")            # profile detected from the header
    findings = check_docx(data, profile="state")      # bytes, profile given

Each finding has a stable rule id tied to the article it comes from (``rules``), a
severity, a location with the paragraph's text, what was expected and found, and a
Vietnamese message. The checker reads the same profile data the renderer uses; a file
that cannot be read safely raises ``DocxReadError`` (never findings).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ttdn_docs.docxread.anatomy import AnatomyReader, loose_key
from ttdn_docs.check.findings import Finding
from ttdn_docs.check.format_checks import (
    check_fonts,
    check_page,
    check_page_numbers,
    check_separator_lines,
    check_styles,
)
from ttdn_docs.docxread.view import DocxView, Location, open_docx
from ttdn_docs.check.reporter import Reporter
from ttdn_docs.check.text_checks import (
    check_body,
    check_header,
    check_hygiene,
    check_recipients,
    check_signature,
    check_title,
)
from ttdn_docs.docxsafe import DEFAULT_LIMITS, Limits
from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile
from ttdn_docs.profiles.loader import ALIASES

__all__ = ["CheckResult", "Finding", "check_docx", "check_file", "count_errors", "detect_profile"]

UNDETECTED_RULE = "CHECK.PROFILE"
_HEADER_PARAGRAPHS = 30
# A national line is short: a longer paragraph is not folded to be compared with one.
_LINE_MAX = 200


@dataclass(frozen=True)
class CheckResult:
    source: str
    profile: str | None  # the profile id checked against (None: not detected)
    findings: list[Finding]

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
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.as_dict() for f in self.findings],
        }


def check_docx(source: str | Path | bytes, profile: str | Path | Profile | None = None) -> list[Finding]:
    """Findings for a .docx (path or bytes); ``profile`` is detected when not given."""
    return check_file(source, profile).findings


def check_file(
    source: str | Path | bytes,
    profile: str | Path | Profile | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckResult:
    if is_pdf(source):
        # A PDF that carries text: its page rebuilt and judged by the same rules.
        from ttdn_docs.check.pdfcheck import check_pdf

        return check_pdf(source, profile)
    view = open_docx(source, limits)
    chosen = _resolve(profile) if profile is not None else detect_profile(view)
    if chosen is None:
        known = ", ".join(builtin_profile_ids())
        finding = Finding(
            rule=UNDETECTED_RULE,
            severity="error",
            message=(
                "Không nhận ra hồ sơ thể thức từ phần đầu văn bản (không thấy quốc hiệu hoặc "
                f"«ĐẢNG CỘNG SẢN VIỆT NAM»). Chọn hồ sơ bằng --profile ({known})."
            ),
            location=Location("body"),
        )
        return CheckResult(view.name, None, [finding])
    return CheckResult(view.name, chosen.id, run_checks(view, chosen))


def is_pdf(source: str | Path | bytes) -> bool:
    """A PDF by its first bytes (a path is opened and its start read)."""
    if isinstance(source, bytes):
        return source[:5] == b"%PDF-"
    path = Path(source)
    if path.suffix.lower() != ".pdf" or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(5) == b"%PDF-"


def run_checks(view: DocxView, profile: Profile) -> list[Finding]:
    reporter = Reporter(profile)
    anatomy = AnatomyReader(profile).read(view)
    reporter.sections = anatomy.sections
    check_page(view, reporter)
    check_fonts(view, reporter)
    check_header(anatomy, reporter)
    check_title(anatomy, reporter)
    check_body(anatomy, reporter)
    check_recipients(anatomy, reporter)
    check_signature(anatomy, reporter)
    check_styles(anatomy, reporter)
    check_separator_lines(anatomy, reporter)
    check_page_numbers(view, reporter)
    check_hygiene(view, anatomy, reporter)
    return reporter.findings


def _resolve(profile: str | Path | Profile) -> Profile:
    return profile if isinstance(profile, Profile) else load_profile(profile)


def detect_profile(view: DocxView) -> Profile | None:
    """The built-in profile whose national lines stand in the header; among equals, the
    one our own renderer named in the file, then the one an alias points to."""
    texts = [para.text for _, para in zip(range(_HEADER_PARAGRAPHS), view.paragraphs)]
    return profile_of_header(texts, view.marker_profile)


def profile_of_header(texts: list[str], marker_profile: str | None = None) -> Profile | None:
    """The built-in profile whose national lines are among ``texts`` (the first lines or
    paragraphs of a document); ``marker_profile`` breaks a tie."""
    keys: set[str] = set()
    for text in texts:
        # Each tab-separated part too: a header typed with tabs holds two lines in one.
        keys.update(loose_key(part) for part in text.split("\t") if len(part) <= _LINE_MAX)
    scored: list[tuple[int, int, str]] = []
    preferred = list(ALIASES.values())
    for profile_id in builtin_profile_ids():
        profile = load_profile(profile_id)
        score = sum(loose_key(line.text) in keys for line in profile.elements.national_lines)
        if score:
            marker = 0 if marker_profile == profile_id else 1
            alias = preferred.index(profile_id) if profile_id in preferred else len(preferred)
            scored.append((-score, marker * 100 + alias, profile_id))
    if not scored:
        return None
    return load_profile(min(scored)[2])


def count_errors(data: bytes, profile: Profile) -> int:
    """Number of error findings of a rendered document: the batch's per-document check
    hook (module level, so it can be sent to worker processes)."""
    return len(check_file(data, profile).errors)
