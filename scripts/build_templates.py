"""Rebuild templates/<profile>.docx for every built-in profile from the profile data.

Usage: python scripts/build_templates.py [OUT_DIR]
"""

from ttdn_docs.render.template_builder import main

if __name__ == "__main__":
    raise SystemExit(main())
