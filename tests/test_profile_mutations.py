"""The profile mutation test: every leaf of each built-in profile's data, changed once,
is seen by the checker on the rendered page (``profile_walk``), or is listed below with
the reason it cannot be seen.

The leaves are found by walking the profile's model, so a value added to the profiles
(a style field, a grammar, a ``types:`` entry, a ``layouts:`` slot) is walked as soon as
it exists: it must then be seen, or be given its reason here. ``python
tests/profile_walk.py`` tries the listed leaves too and prints those now seen, so that
the list only shrinks.
"""

from __future__ import annotations

import re

import pytest
from profile_walk import ProfileWalk, full_document, leaves

from ttdn_docs.check.rules import lookup
from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile

# Why a value cannot be seen, in kinds. "Not on this page" values are seen in documents
# of another kind (tested elsewhere where named); "not a rule" values are layout choices
# the checker leaves free by design; "checker gap" values are on the page but not yet
# verified: each is a rule the renderer applies that the checker cannot judge (issue 19).
NOT_A_VALUE = "not shown: the source of a rule (its article, its confidence tag, the rule-id family)"
LAYOUT_FREE = "not a rule: spacing, indents and line spacing are judged only where the profile gives a range (check/rules.py style_rule_applies)"
NOT_HERE = "not on this page: the walked document is a kế hoạch signed by a deputy for a collective"
READING = "read, not written: how a typist may write it (tests/test_profile_rules.py)"
GAP = "checker gap: on the page but not yet verified"

# Keys: a path glob (``*`` any run of characters), optionally for one profile only
# (``party-hd36-2018:body_end``). The first entry that matches decides; ``None``: the
# value must be seen (an exception to a broader entry below it).
ALLOWED: dict[str, str | None] = {
    # -- the sources of rules, not rules
    "*.ref": NOT_A_VALUE,
    "*.confidence": NOT_A_VALUE,
    "*period_ref": NOT_A_VALUE,
    "family": NOT_A_VALUE,
    "id": NOT_A_VALUE,
    "title": NOT_A_VALUE,
    "sources.*": NOT_A_VALUE,
    # -- layout choices the rule books leave free
    "elements.*.space_before": LAYOUT_FREE,
    "elements.*.space_after": LAYOUT_FREE,
    "elements.*.line_spacing": LAYOUT_FREE,
    "elements.*.first_line_indent_cm": LAYOUT_FREE,
    "elements.*.keep_with_next": "not a rule: keeping a line with the next shows only where a page breaks",
    "layout.*": "not a rule: the column widths and blank lines of the borderless tables are not regulated",
    "page.header_distance_mm": "not a rule: the header's distance from the edge is not regulated",
    "elements.*_separator.style.*": "the carrier paragraph of a drawn line: the checker measures the line (LENGTH), not its paragraph",
    "elements.*_separator.text": "unused: a separator of kind 'line' has no text",
    "elements.page_number.style.case": "digits have no case",
    "elements.*_separator.style.case": "a separator («*», «-----») has no letters",
    "party-hd36-2018:elements.national_separator.ratio": GAP + " (the line under «ĐẢNG CỘNG SẢN VIỆT NAM» drawn 1.25× was not flagged: to be looked into)",
    "elements.*_separator.ratio*": "unused: a text separator («*», «-----») has no length ratio",
    "party-hd36-2018:elements.summary.case": "'lower' and the next choice 'as_typed' write the same words when typed in lower case",
    "elements.addressee.align": "several addressees stand as a block under the colon (left), whatever the style's alignment (test_check_anatomy)",
    # -- not on this page
    "elements.authority.*": NOT_HERE + " (who decides, above the căn cứ: decision family)",
    "elements.article.*": NOT_HERE + " (Điều: decision family, tests/test_families.py)",
    "elements.basis.*": NOT_HERE + " (căn cứ: decision family, tests/test_families.py)",
    "elements.enacting.*": NOT_HERE + " (enacting line: decision family, tests/test_families.py)",
    "elements.cong_van_summary.*": NOT_HERE + " (V/v line: công văn, tests/test_families.py)",
    "layouts.cong_van.*": NOT_HERE + " (công văn family)",
    "layouts.decision.*": NOT_HERE + " (decision family)",
    "layouts.short_paper.*": NOT_HERE + " (giấy mời family)",
    "*.summary_prefix": NOT_HERE + " (V/v of a công văn)",
    "types.ke_hoach.abbreviation": None,
    "types.ke_hoach.family": None,
    "types.ke_hoach.name": None,
    "types.*": NOT_HERE + " (one type per document; the kế hoạch's abbreviation and name are walked through number and title)",
    "number.cong_van_template": NOT_HERE + " (công văn)",
    "number.blank": NOT_HERE + " (a number left blank for the văn thư: tests/test_grammar.py)",
    "number.period": "not on the page: the register's numbering period (tests/test_register.py)",
    "bodies.*": "not a rule of the page: the bodies a skeleton takes its header and signer from (init document --body) and the input check of a deputy's K/T (ttdn_docs/issuing_bodies.py; tests/test_generic_document.py)",
    "date.blank": NOT_HERE + " (a date left blank in a draft)",
    "date.citation_comma": NOT_HERE + " (citations of the domain documents, ttdn_docs/citations.py; tests/test_report.py)",
    "signature.prefixes.by_order": NOT_HERE + " (T/L, TL.)",
    "signature.prefixes.by_authorization": NOT_HERE + " (T/U, TUQ.)",
    "signature.prefixes.acting": NOT_HERE + " (Q.)",
    "party-hd36-2018:signature.prefixes.deputy": NOT_HERE + " (a Party deputy signs under the collective line without K/T)",
    "signature.collective_issuers": NOT_HERE + " (a cấp ủy's deputy signing K/T without the collective: SIGNATURE_COLLECTIVE.MISSING, tests/mutations.py)",
    "signature.deputy_word": READING + "; the placement warning needs a deputy without the K/T line",
    "signature.typed_prefixes.*": READING,
    "party-hd36-2018:elements.signature_authority.*": NOT_HERE + " (the Party writes no K/T line under the collective)",
    "party-hd36-2018:recipients.archive_join": NOT_HERE + " (a single archive item: nothing to join)",
    "recipients.upward_addressee": NOT_HERE + " (an upward report: init report)",
    "recipients.as_above": NOT_HERE + " (Như trên: công văn, upward report)",
    "addressees.single_end": NOT_HERE + " (one addressee on the label line; ND 30's empty end asks nothing)",
    "other_family_issuers": NOT_HERE + " (an issuer of the other book, judged with --final)",
    "body_dash": NOT_HERE + " (a dash inside a body paragraph)",
    "annex_page_numbering": "not on a page read by the checker: page numbers of annex sections are not read",
    # -- checker gaps: rendered, not verified
    "marks.thuong_khan": NOT_HERE + " (the walked document is KHẨN, MẬT: the other words are judged alike, MARK_*.TEXT)",
    "marks.hoa_toc": NOT_HERE + " (the walked document is KHẨN)",
    "marks.toi_mat": NOT_HERE + " (the walked document is MẬT)",
    "marks.tuyet_mat": NOT_HERE + " (the walked document is MẬT)",
    "party-hd36-2018:elements.urgency_mark.case": "as typed: the words of the marks (marks:) are capitals already, 'upper' writes the same",
    "party-hd36-2018:elements.confidentiality_mark.case": "as typed: the words of the marks (marks:) are capitals already, 'upper' writes the same",
    "mark_placement.*.box_padding_pt": "not a rule: the space between a mark and its box is not regulated",
    "elements.annex_*": GAP + " (annexes are not read by the checker)",
    "annex_numbering": GAP + " (annexes)",
    "annex_label": GAP + " (annexes)",
    "annex_reference": GAP + " (annexes)",
    "elements.table_*": GAP + " (table cells and frame)",
    "layouts.titled.levels": None,
    "layouts.titled.signature": None,
    "layouts.titled.title": None,
    "layouts.titled.*": GAP + " (a slot's element dropped from the layout is not missed: the checker asks only for the elements every document has)",
}


def _pattern(glob: str) -> re.Pattern[str]:
    return re.compile("^" + ".*".join(re.escape(part) for part in glob.split("*")) + "$")


def _entries() -> list[tuple[str | None, re.Pattern[str], str]]:
    out = []
    for key in ALLOWED:
        profile_id, _, glob = key.rpartition(":")
        out.append((profile_id or None, _pattern(glob), key))
    return out


_ENTRIES = _entries()


def entry(profile: Profile, path: str) -> str | None:
    """The allow-list key that decides ``path`` of ``profile``, if any: the first that
    matches and whose condition holds."""
    return next(
        (key for only, pattern, key in _ENTRIES if only in (None, profile.id) and pattern.match(path) and _applies(profile, key, path)),
        None,
    )


# Entries that hold only where the data says so: spacing is free only without a range,
# a drawn line has no text and no text style, a text separator no ratio.
_RANGE_OF = {"space_after": "space_after_range", "line_spacing": "line_spacing_range", "first_line_indent_cm": "first_line_indent_range_cm"}


def _applies(profile: Profile, key: str, path: str) -> bool:
    owner, _, name = path.rpartition(".")
    if ALLOWED[key] == LAYOUT_FREE and name in _RANGE_OF:
        return lookup(profile, f"{owner}.{_RANGE_OF[name]}") is None
    separator = re.match(r"^(elements\.\w+_separator)\.(style\.|text$|ratio)", path)
    if separator is not None and "_separator." in key and key.endswith(("style.*", ".text", "ratio*")):
        kind = lookup(profile, f"{separator.group(1)}.kind")
        return kind == ("text" if separator.group(2) == "ratio" else "line")
    return True


def allowed(profile: Profile, path: str) -> bool:
    key = entry(profile, path)
    return key is not None and ALLOWED[key] is not None


@pytest.mark.check_errors_expected  # the changed profiles render faulty documents on purpose
@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_every_leaf_of_the_profile_is_seen_or_explained(profile_id: str) -> None:
    profile = load_profile(profile_id)
    walk = ProfileWalk(profile, full_document(), skip=lambda path: allowed(profile, path))
    assert walk.baseline == [], "the walked document must be clean under its own profile"
    assert len(walk.leaves) >= 150  # the walk reaches the data (styles, grammars)
    outcome = walk.run()
    unexplained = sorted(outcome.unseen)
    assert not unexplained, (
        f"{profile_id}: these profile values change nothing the checker sees; make the checker "
        f"judge them or add them to ALLOWED with the reason: {unexplained}"
    )
    refused = sorted(outcome.refused)
    assert not refused, f"{profile_id}: the renderer refuses the changed value: {outcome.refused}"


def test_every_allow_list_entry_still_explains_a_leaf() -> None:
    used = {entry(profile, leaf.path) for profile in map(load_profile, builtin_profile_ids()) for leaf in leaves(profile)}
    stale = [key for key in ALLOWED if key not in used]
    assert not stale, f"ALLOWED entries that match no profile value any more: {stale}"
