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

from pathlib import Path

from ttdn_docs.check.findings import CheckResult, Finding
from ttdn_docs.docxread.detect import folder_of
from ttdn_docs.check.run import UNDETECTED_RULE, detect_profile, profile_of_header, resolve_profile, run_checks
from ttdn_docs.docxread.view import Location, open_docx
from ttdn_docs.docxsafe import DEFAULT_LIMITS, Limits
from ttdn_docs.profiles import Profile, builtin_profile_ids

__all__ = [
    "UNDETECTED_RULE",
    "CheckResult",
    "Finding",
    "check_docx",
    "check_file",
    "count_errors",
    "detect_profile",
    "profile_of_header",
    "run_checks",
]


def check_docx(source: str | Path | bytes, profile: str | Path | Profile | None = None) -> list[Finding]:
    """Findings for a .docx (path or bytes); ``profile`` is detected when not given."""
    return check_file(source, profile).findings


def check_file(
    source: str | Path | bytes,
    profile: str | Path | Profile | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    final: bool = False,
) -> CheckResult:
    """``final``: the file is checked as the text to be signed (a DỰ THẢO mark, a
    placeholder even in a draft, an issuer of the other rule book are then errors)."""
    if is_pdf(source):
        # A PDF that carries text: its page rebuilt and judged by the same rules.
        from ttdn_docs.check.pdfcheck import check_pdf

        return check_pdf(source, profile)
    view = open_docx(source, limits)
    chosen = resolve_profile(profile) if profile is not None else detect_profile(view, folder_of(source))
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
    return CheckResult(view.name, chosen.id, run_checks(view, chosen, final=final))


def is_pdf(source: str | Path | bytes) -> bool:
    """A PDF by its first bytes (a path is opened and its start read)."""
    if isinstance(source, bytes):
        return source[:5] == b"%PDF-"
    path = Path(source)
    if path.suffix.lower() != ".pdf" or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(5) == b"%PDF-"


def count_errors(data: bytes, profile: Profile) -> int:
    """Number of error findings of a rendered document: the batch's per-document check
    hook (module level, so it can be sent to worker processes)."""
    return len(check_file(data, profile).errors)
