"""Which rule book a .docx follows, from its header: the reader's work, shared by the
checker and the importer (neither imports the other for it)."""

from __future__ import annotations

from ttdn_docs.docxread.anatomy import loose_key
from ttdn_docs.docxread.view import DocxView
from ttdn_docs.profiles import PROFILE_ALIASES, Profile, builtin_profile_ids, load_profile

_HEADER_PARAGRAPHS = 30
# A national line is short: a longer paragraph is not folded to be compared with one.
_LINE_MAX = 200


def detect_profile(view: DocxView) -> Profile | None:
    """The built-in profile whose national lines stand in the header; among equals, the
    one our own renderer named in the file, then the one an alias points to."""
    texts = [para.text for _, para in zip(range(_HEADER_PARAGRAPHS), view.paragraphs)]
    return profile_of_header(texts, view.marker_profile)


def profile_of_header(texts: list[str], marker_profile: str | None = None) -> Profile | None:
    """The built-in profile whose national lines are among ``texts`` (the first lines or
    paragraphs of a document); ``marker_profile`` breaks a tie."""
    keys: set[str] = set()
    for text in texts:
        # Each tab-separated part too: a header typed with tabs holds two lines in one.
        keys.update(loose_key(part) for part in text.split("\t") if len(part) <= _LINE_MAX)
    scored: list[tuple[int, int, str]] = []
    preferred = list(PROFILE_ALIASES.values())
    for profile_id in builtin_profile_ids():
        profile = load_profile(profile_id)
        score = sum(loose_key(line.text) in keys for line in profile.elements.national_lines)
        if score:
            marker = 0 if marker_profile == profile_id else 1
            alias = preferred.index(profile_id) if profile_id in preferred else len(preferred)
            scored.append((-score, marker * 100 + alias, profile_id))
    if not scored:
        return None
    return load_profile(min(scored)[2])
