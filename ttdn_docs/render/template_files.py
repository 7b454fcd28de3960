"""Where the committed templates are: a module of its own, so that both the renderer
(``templates``) and the builder that writes them (``template_builder``) name the files
without importing each other."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Installed wheel: ttdn_docs/_templates; source checkout: <repo>/templates.
TEMPLATE_DIRS = (_PACKAGE_DIR / "_templates", _PACKAGE_DIR.parent / "templates")


def template_filename(profile_id: str) -> str:
    return f"{profile_id}.docx"


def committed_template_path(profile_id: str) -> Path | None:
    for folder in TEMPLATE_DIRS:
        candidate = folder / template_filename(profile_id)
        if candidate.is_file():
            return candidate
    return None
