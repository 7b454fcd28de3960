"""The Times New Roman face for an attachment's or copy's signature text.

pyHanko (0.38 and earlier) writes a TrueType font's advance widths into the PDF's /W array
in the font's own units, while PDF wants thousandths of an em. Fonts drawn on 1000 units
per em are right by luck; Times New Roman and Liberation Serif use 2048, so viewers space
the text about twice too wide. The font is therefore rescaled to 1000 units per em
(fontTools ``scaleUpem``) before pyHanko sees it. To report upstream (pyHanko's
``pdf_utils/font/opentype.py``: widths are not divided by ``unitsPerEm``).
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ttdn_docs.errors import TtdnError

_PDF_UNITS_PER_EM = 1000
_FONT_DIRS = (
    Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
    Path.home() / ".local/share/fonts", Path("/Library/Fonts"), Path("C:/Windows/Fonts"),
)
_KNOWN_FILES = ("times.ttf", "Times New Roman.ttf", "LiberationSerif-Regular.ttf", "Tinos-Regular.ttf")


def find_font(families: tuple[str, ...], text: str) -> Path:
    """The regular face of the first of ``families`` installed here that has a glyph for
    every letter of ``text`` (old Liberation Serif builds lack the Vietnamese letters)."""
    candidates = list(_candidates(families))
    for font in candidates:
        if not _missing(font, text):
            return font
    if candidates:
        missing = "".join(sorted(_missing(candidates[0], text)))
        raise TtdnError(
            f"phông chữ {candidates[0].name} trên máy không có chữ «{missing}» để ghi chữ ký số của phụ lục, bản sao; "
            "hãy cài phông Times New Roman (hoặc gói fonts-liberation2)"
        )
    raise TtdnError(
        f"không tìm thấy phông chữ {' hoặc '.join(families)} trên máy để ghi chữ ký số của phụ lục, bản sao; "
        "hãy cài phông Times New Roman (hoặc gói fonts-liberation2)"
    )


def _candidates(families: tuple[str, ...]) -> Iterator[Path]:
    fc_match = shutil.which("fc-match")
    for family in families:
        if fc_match is not None:
            found = subprocess.run(
                [fc_match, "-f", "%{family}\n%{file}", f"{family}:style=Regular"],
                capture_output=True, text=True, check=False,
            ).stdout.splitlines()
            if len(found) == 2 and family.casefold() in found[0].casefold() and found[1].endswith(".ttf"):
                yield Path(found[1])
    for folder in _FONT_DIRS:
        for name in _KNOWN_FILES:
            yield from (folder.rglob(name) if folder.is_dir() else ())


@lru_cache(maxsize=16)
def _cmap(font: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    return frozenset(TTFont(str(font), lazy=True).getBestCmap())


def _missing(font: Path, text: str) -> set[str]:
    cmap = _cmap(font)
    return {c for c in unicodedata.normalize("NFC", text) if not c.isspace() and ord(c) not in cmap}


@lru_cache(maxsize=4)
def font_at_1000_upem(font: Path) -> Path:
    """A copy of ``font`` drawn on 1000 units per em (see the module note), in a cache file
    that lives as long as the process."""
    from fontTools.ttLib import TTFont  # no py.typed marker
    from fontTools.ttLib.scaleUpem import scale_upem  # type: ignore[import-untyped]

    face = TTFont(str(font))
    if face["head"].unitsPerEm == _PDF_UNITS_PER_EM:
        return font
    scale_upem(face, _PDF_UNITS_PER_EM)
    folder = Path(tempfile.mkdtemp(prefix="ttdn-font-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    target = folder / (font.stem + "-1000upem.ttf")
    face.save(str(target))
    return target
