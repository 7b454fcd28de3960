"""HTML preview of a document from the same profile data as the .docx.

    from ttdn_docs.preview import to_html
    html = to_html(plan.to_document(), load_profile(plan.profile))

``to_html`` gives a standalone page (no script, nothing fetched: fonts are named, not
downloaded); ``to_html_fragment`` the same page as one ``<div>`` for a notebook cell.
Plans, reports, ``AdminDocument`` and check results show themselves in a notebook
through ``_repr_html_``, which asks ``ttdn_docs.display``; the package's front door
names this module as its provider (``notebook_cell``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from html import escape
from pathlib import Path

from ttdn_docs.admin import AdminDocument
from ttdn_docs.errors import TtdnError
from ttdn_docs.preview.findings import findings_html
from ttdn_docs.preview.page import CONTENT_SECURITY_POLICY, to_html, to_html_fragment
from ttdn_docs.profiles import Profile, load_profile
from ttdn_docs.render import write_bytes_atomic

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "DEFAULT_PROFILE",
    "domain_html",
    "findings_html",
    "notebook_cell",
    "notebook_html",
    "to_html",
    "to_html_fragment",
    "write_html",
]

# An ``AdminDocument`` does not name its rule book; a notebook shows it under the
# library's default (the plan and report models' default profile).
DEFAULT_PROFILE = "party-hd36-2018"


def write_html(document: AdminDocument, profile: Profile, path: Path, *, overwrite: bool = True) -> Path:
    """Write the standalone preview page atomically."""
    return write_bytes_atomic(Path(path), to_html(document, profile).encode("utf-8"), overwrite=overwrite)


def notebook_html(document: AdminDocument, profile: str | Profile = DEFAULT_PROFILE) -> str:
    """The fragment for a notebook cell; a document that cannot be laid out (a report
    with parts still to write, a profile that lacks a word) shows its Vietnamese message
    instead of a traceback."""
    try:
        chosen = profile if isinstance(profile, Profile) else load_profile(profile)
        return to_html_fragment(document, chosen)
    except TtdnError as exc:
        return f'<pre class="ttdn-error">{escape(str(exc))}</pre>'


def domain_html(to_document: Callable[[], AdminDocument], profile: str) -> str:
    """A plan's or report's notebook view: its document under its own profile."""
    try:
        document = to_document()
    except TtdnError as exc:
        return f'<pre class="ttdn-error">{escape(str(exc))}</pre>'
    return notebook_html(document, profile)


def notebook_cell(kind: str, value: Any) -> str:
    """What ``ttdn_docs.display`` asks for a notebook cell: an ``AdminDocument``
    (``document``), a plan or report (``domain``), a check result (``findings``)."""
    if kind == "document":
        return notebook_html(value)
    if kind == "domain":
        return domain_html(value.to_document, value.profile)
    return findings_html(value)
