"""Which rule book a .docx follows, from its header: the reader's work, shared by the
checker and the importer (neither imports the other for it).

The candidates are the built-in profiles and the one our renderer named in the file
(the core properties comment ``ttdn_docs template for profile <id>``) when that one is
not built in: found by id beside the file or in ``TTDN_PROFILE_PATH``
(``profiles.loader.find_profile``). Among the profiles whose national lines stand in the
header, the named one wins a tie: a rule book made with ``extends:`` from a built-in one
has the same national lines and is still detected as itself."""

from __future__ import annotations

from pathlib import Path

from ttdn_docs.docxread.anatomy import loose_key
from ttdn_docs.docxread.view import DocxView
from ttdn_docs.profiles import PROFILE_ALIASES, Profile, builtin_profile_ids, load_profile
from ttdn_docs.profiles.loader import find_profile

_HEADER_PARAGRAPHS = 30
# A national line is short: a longer paragraph is not folded to be compared with one.
_LINE_MAX = 200


def detect_profile(view: DocxView, near: Path | None = None) -> Profile | None:
    """The profile whose national lines stand in the header; among equals, the one our
    own renderer named in the file, then the one an alias points to. ``near``: the
    folder of the file, where a named profile that is not built in is looked for."""
    texts = [para.text for _, para in zip(range(_HEADER_PARAGRAPHS), view.paragraphs)]
    return profile_of_header(texts, view.marker_profile, near)


def folder_of(source: object) -> Path | None:
    """The folder of a file given by path (where its own profile may stand)."""
    return Path(source).resolve().parent if isinstance(source, (str, Path)) else None


def profile_of_header(texts: list[str], marker_profile: str | None = None, near: Path | None = None) -> Profile | None:
    """The profile whose national lines are among ``texts`` (the first lines or
    paragraphs of a document); ``marker_profile`` breaks a tie."""
    keys: set[str] = set()
    for text in texts:
        # Each tab-separated part too: a header typed with tabs holds two lines in one.
        keys.update(loose_key(part) for part in text.split("\t") if len(part) <= _LINE_MAX)
    candidates = [load_profile(profile_id) for profile_id in builtin_profile_ids()]
    if marker_profile is not None and marker_profile not in builtin_profile_ids():
        named = find_profile(marker_profile, near)
        candidates += [named] if named is not None else []
    scored: list[tuple[int, int, int]] = []
    preferred = list(PROFILE_ALIASES.values())
    for index, profile in enumerate(candidates):
        score = sum(loose_key(line.text) in keys for line in profile.elements.national_lines)
        if score:
            marker = 0 if marker_profile == profile.id else 1
            alias = preferred.index(profile.id) if profile.id in preferred else len(preferred)
            scored.append((-score, marker * 100 + alias, index))
    if not scored:
        return None
    return candidates[min(scored)[2]]
