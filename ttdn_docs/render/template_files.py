"""Where the committed templates are: a module of its own, so that both the renderer
(``templates``) and the builder that writes them (``template_builder``) name the files
without importing each other."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Installed wheel: ttdn_docs/_templates; source checkout: <repo>/templates.
TEMPLATE_DIRS = (_PACKAGE_DIR / "_templates", _PACKAGE_DIR.parent / "templates")


def template_filename(profile_id: str, family: str = "titled") -> str:
    """``<profile>.docx`` for the titled documents, ``<profile>.<family>.docx`` for the
    other families (công văn, decisions, short papers): one template per page layout."""
    return f"{profile_id}.docx" if family == "titled" else f"{profile_id}.{family}.docx"


def committed_template_path(profile_id: str, family: str = "titled") -> Path | None:
    for folder in TEMPLATE_DIRS:
        candidate = folder / template_filename(profile_id, family)
        if candidate.is_file():
            return candidate
    return None
