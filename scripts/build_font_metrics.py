"""Build ``ttdn_docs/docxfacts/data/serif_widths.json`` from Liberation Serif.

Liberation Serif is metric-compatible with Times New Roman (same advance widths), and its
licence (OFL) allows this. The table holds advance widths in 1/1000 em for the base
letters, digits and punctuation used in Vietnamese administrative text; a letter with
diacritics takes its base letter's width (NFD), which is how both fonts are built.

Run: python scripts/build_font_metrics.py [FONT_DIR]   (needs fonttools; dev only)
"""

from __future__ import annotations

import json
import string
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation")
OUT = Path(__file__).resolve().parents[1] / "ttdn_docs" / "docxfacts" / "data" / "serif_widths.json"
CHARS = string.ascii_letters + string.digits + " .,;:-–—/()*'\"!?…%&<>đĐ"


def widths(font_file: Path) -> dict[str, int]:
    font = TTFont(font_file)
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    return {ch: round(metrics[cmap[ord(ch)]][0] * scale) for ch in CHARS if ord(ch) in cmap}


def main() -> None:
    table = {
        "source": "Liberation Serif (metric-compatible with Times New Roman), 1/1000 em",
        "regular": widths(FONT_DIR / "LiberationSerif-Regular.ttf"),
        "bold": widths(FONT_DIR / "LiberationSerif-Bold.ttf"),
    }
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
