"""Regenerate docs/checker-rules.md from the rule catalogue and the built-in profiles.

Usage: python scripts/build_rule_table.py   (rerun after changing a profile or the checker)
"""

from pathlib import Path

from ttdn_docs.check.ruledoc import document

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "docs" / "checker-rules.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(document(), encoding="utf-8")
    print(f"wrote {target}")
