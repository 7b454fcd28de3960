"""What makes the PDF fit to upload: PDF/A-2b, tagged, and printed in the profile's font.

LibreOffice's ``writer_pdf_Export`` takes its options as JSON (LibreOffice 7.4 and later):
``SelectPdfVersion`` 2 is PDF/A-2b, ``UseTaggedPDF`` writes the structure tree (headings,
paragraphs, tables; the language from the document). It embeds every font it prints with,
but on a machine without the profile's font (Times New Roman) it silently prints with
another (Liberation Serif; DejaVu Serif for the Vietnamese letters an old Liberation lacks):
``font_warning`` reads the fonts back from the PDF and says so.
"""

from __future__ import annotations

from pathlib import Path

from ttdn_docs.pdfread.fonts import FontUse, font_uses
from ttdn_docs.profiles import Profile
from ttdn_docs.render.pdf import PDFA_EXPORT_FILTER as PDFA_EXPORT_FILTER  # defined with the conversion
from ttdn_docs.render.pdf import PDFA_VERSION as PDFA_VERSION
from ttdn_docs.render.pdf import convert_to_pdf

# A font that prints fewer letters than this share is a symbol font or a stray glyph.
_MINOR_SHARE = 0.001


def _key(family: str) -> str:
    return "".join(family.lower().split())


def foreign_fonts(uses: list[FontUse], profile: Profile) -> list[FontUse]:
    """The fonts other than the profile's that print letters of the document."""
    total = sum(u.letters for u in uses) or 1
    wanted = _key(profile.font)
    return [u for u in uses if _key(u.family) != wanted and u.letters / total >= _MINOR_SHARE]


def font_warning(pdf: Path, profile: Profile) -> str | None:
    """A Vietnamese warning when ``pdf`` is not printed in the profile's font, or embeds
    a font only by name; ``None`` when all is well (or no tool can read the fonts)."""
    uses = font_uses(pdf)
    if uses is None:
        return None
    problems = []
    others = foreign_fonts(uses, profile)
    if others:
        names = ", ".join(u.family for u in others)
        problems.append(
            f"Bản PDF '{pdf.name}' không in bằng phông {profile.font} mà bằng {names}: máy này không có phông "
            f"{profile.font}, LibreOffice đã thay phông khác (chữ rộng hẹp khác, có thể lệch dòng, sang trang). "
            f"Hãy cài phông {profile.font} rồi tạo lại PDF: chép các tệp phông (với Times New Roman: times.ttf, "
            "timesbd.ttf, timesi.ttf, timesbi.ttf từ thư mục C:\\Windows\\Fonts của máy Windows có bản quyền) vào "
            "thư mục ~/.fonts hoặc /usr/local/share/fonts, chạy «fc-cache -f», hoặc trên Debian/Ubuntu cài gói "
            "ttf-mscorefonts-installer."
        )
    loose = [u.family for u in uses if not u.embedded]
    if loose:
        problems.append(f"Bản PDF '{pdf.name}' không nhúng phông {', '.join(loose)}: máy khác có thể hiện sai chữ.")
    return " ".join(problems) or None


def write_pdf(docx: Path, profile: Profile, pdf: Path | None = None) -> tuple[Path, str | None]:
    """Convert ``docx`` to a PDF/A-2b beside it (or at ``pdf``); the path and the font
    warning, if any."""
    written = convert_to_pdf(docx, pdf)
    return written, font_warning(written, profile)
