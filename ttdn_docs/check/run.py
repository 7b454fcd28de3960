"""Every check run on a .docx view (or a page rebuilt from a PDF), and the profile its
header names."""

from __future__ import annotations

from pathlib import Path

from ttdn_docs.check.findings import Finding
from ttdn_docs.check.format_checks import (
    check_fonts,
    check_page,
    check_page_numbers,
    check_separator_lines,
    check_styles,
)
from ttdn_docs.check.reporter import Reporter, merge_document_wide
from ttdn_docs.check.text_checks import (
    check_body,
    check_header,
    check_issuer,
    check_hygiene,
    check_readiness,
    check_recipients,
    check_signature,
    check_title,
)
from ttdn_docs.docxread.anatomy import AnatomyReader, loose_key
from ttdn_docs.docxread.view import DocxView
from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile
from ttdn_docs.profiles.loader import ALIASES

UNDETECTED_RULE = "CHECK.PROFILE"
_HEADER_PARAGRAPHS = 30
# A national line is short: a longer paragraph is not folded to be compared with one.
_LINE_MAX = 200


def run_checks(view: DocxView, profile: Profile, *, final: bool = False) -> list[Finding]:
    reporter = Reporter(profile)
    anatomy = AnatomyReader(profile).read(view)
    reporter.sections = anatomy.sections
    check_page(view, reporter)
    check_fonts(view, reporter)
    check_header(anatomy, reporter)
    check_issuer(anatomy, reporter, final=final)
    check_title(anatomy, reporter)
    check_body(anatomy, reporter)
    check_recipients(anatomy, reporter)
    check_signature(anatomy, reporter)
    check_styles(anatomy, reporter)
    check_separator_lines(anatomy, reporter)
    check_page_numbers(view, reporter)
    check_hygiene(view, anatomy, reporter)
    check_readiness(view, reporter, final=final)
    return merge_document_wide(reporter.findings)


def resolve_profile(profile: str | Path | Profile) -> Profile:
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
