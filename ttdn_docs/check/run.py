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
from ttdn_docs.check.mark_checks import check_marks
from ttdn_docs.check.reporter import Reporter, merge_document_wide
from ttdn_docs.check.text_checks import (
    check_addressees,
    check_body,
    check_header,
    check_issuer,
    check_hygiene,
    check_readiness,
    check_recipients,
    check_signature,
    check_title,
)
from ttdn_docs.docxread.anatomy import AnatomyReader
from ttdn_docs.docxread.view import DocxView
from ttdn_docs.profiles import Profile, load_profile
from ttdn_docs.docxread.detect import detect_profile as detect_profile  # found by the reader, importable here
from ttdn_docs.docxread.detect import profile_of_header as profile_of_header

UNDETECTED_RULE = "CHECK.PROFILE"


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
    check_addressees(anatomy, reporter)
    check_recipients(anatomy, reporter)
    check_signature(anatomy, reporter)
    check_styles(anatomy, reporter)
    check_marks(anatomy, reporter)
    check_separator_lines(anatomy, reporter)
    check_page_numbers(view, reporter)
    check_hygiene(view, anatomy, reporter)
    check_readiness(view, reporter, final=final)
    return merge_document_wide(reporter.findings)


def resolve_profile(profile: str | Path | Profile) -> Profile:
    return profile if isinstance(profile, Profile) else load_profile(profile)
