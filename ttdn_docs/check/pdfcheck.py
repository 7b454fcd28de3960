"""``check`` for a PDF that carries text: its page rebuilt (``check.pdf_rebuild``) and
judged by the same element reader, profile and rule ids as a .docx.

A rule that a printed page cannot show is not reported from a PDF: line spacing and space
after a paragraph (the page shows where lines stand, not how they were spaced), a font of
the East Asian or complex-script slots, automatic numbering, double and trailing spaces.
Where it stands is said by page: «trang 2, mục II.1 «…»».

A PDF with no text layer (a scan) gets one finding, ``PDF.SCANNED``; a PDF printed with a
stand-in for the profile's font (Liberation Serif for Times New Roman) one warning,
``PDF.FONT_STAND_IN``, and its letters are judged as the profile's font.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ttdn_docs.check.findings import CheckResult, Finding
from ttdn_docs.check.run import UNDETECTED_RULE, profile_of_header, run_checks
from ttdn_docs.docxread.view import Location, open_docx
from ttdn_docs.check.pdf_rebuild import Rebuilt, rebuild_docx
from ttdn_docs.pdfread.text import PdfText, read_pdf
from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile

SCANNED_RULE = "PDF.SCANNED"
_HEADER_LINES = 30
STAND_IN_RULE = "PDF.FONT_STAND_IN"
SCANNED_MESSAGE = "tệp là ảnh quét, không kiểm tra được thể thức"
# Rules whose subject a printed page does not show.
_HIDDEN = re.compile(
    r"(\.LINE_SPACING|\.SPACE_AFTER|\.SPACE_BEFORE|^FONT\.(EASTASIA|CS)|\.AUTO_NUMBERING"
    r"|^TEXT\.(DOUBLE_SPACE|TRAILING_SPACE|NFC))$"
)


def check_pdf(source: str | Path | bytes, profile: str | Path | Profile | None = None, *, name: str | None = None) -> CheckResult:
    text = read_pdf(source, name)
    label = text.name
    if not text.has_text:
        finding = Finding(
            rule=SCANNED_RULE, severity="error",
            message=(
                f"{SCANNED_MESSAGE[0].upper()}{SCANNED_MESSAGE[1:]}: trang không có lớp chữ (bản chụp hoặc quét). "
                "Hãy xin bản PDF xuất từ tệp Word (hoặc tệp .docx) để kiểm tra."
            ),
            location=Location("body"),
        )
        return CheckResult(label, None, [finding])
    chosen = _resolve(profile) if profile is not None else _detect(text)
    if chosen is None:
        return CheckResult(label, None, [Finding(
            rule=UNDETECTED_RULE, severity="error",
            message=(
                "Không nhận ra hồ sơ thể thức từ phần đầu văn bản (không thấy quốc hiệu hoặc «ĐẢNG CỘNG SẢN VIỆT NAM»). "
                f"Chọn hồ sơ bằng --profile ({', '.join(builtin_profile_ids())})."
            ),
            location=Location("body"),
        )])
    rebuilt = rebuild_docx(text, chosen)
    view = open_docx(rebuilt.docx)
    view.name = label
    findings = [_on_page(f, rebuilt) for f in run_checks(view, chosen) if not _HIDDEN.search(_bare(f.rule, chosen))]
    if rebuilt.stand_ins:
        findings.append(_stand_in(rebuilt, chosen))
    return CheckResult(label, chosen.id, findings)


def _resolve(profile: str | Path | Profile) -> Profile:
    return profile if isinstance(profile, Profile) else load_profile(profile)


def _detect(text: PdfText) -> Profile | None:
    # The header's national lines decide, as for a .docx.
    return profile_of_header([line.text for line in text.pages[0].lines[:_HEADER_LINES]])


def _bare(rule: str, profile: Profile) -> str:
    prefix = profile.family.upper() + "."
    return rule[len(prefix):] if rule.startswith(prefix) else rule


def _on_page(finding: Finding, rebuilt: Rebuilt) -> Finding:
    where = finding.location
    page = rebuilt.page_of.get(where.text.strip()) if where.text else None
    if page is None:
        page = next((p for text, p in rebuilt.page_of.items() if where.text and where.text.strip() in text), None)
    story = f"trang {page}" if page is not None else ("đầu trang" if where.story == "header" else where.story)
    return replace(finding, location=Location(story, None, None, None, None, where.text, where.section))


def _stand_in(rebuilt: Rebuilt, profile: Profile) -> Finding:
    names = ", ".join(sorted(rebuilt.stand_ins))
    return Finding(
        rule=STAND_IN_RULE, severity="warning",
        message=(
            f"Bản PDF in bằng phông {names} thay cho {profile.font} (máy tạo PDF không có phông {profile.font}); "
            f"chữ được kiểm tra như {profile.font}. Bản ký ban hành nên in bằng đúng phông {profile.font}."
        ),
        location=Location("body"), expected=profile.font, found=names,
    )
