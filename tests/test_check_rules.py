"""The rule catalogue: generated documentation in sync, ids tied to profile data."""

from __future__ import annotations

import pytest
from conftest import ROOT

from ttdn_docs.check import check_docx
from ttdn_docs.check.ruledoc import document
from ttdn_docs.check.rules import lookup, rules, severity_of, source_of
from ttdn_docs.profiles import builtin_profile_ids, load_profile


def test_committed_rule_table_is_what_the_generator_writes() -> None:
    committed = (ROOT / "docs" / "checker-rules.md").read_text(encoding="utf-8")
    assert committed == document(), "docs/checker-rules.md is stale: run python scripts/build_rule_table.py"


@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_every_rule_reads_existing_profile_data(profile_id: str) -> None:
    profile = load_profile(profile_id)
    for code, rule in rules(profile).items():
        if rule.path:
            lookup(profile, rule.path)  # raises when the path names no data
        if not code.startswith(("TEXT.", "FONT.")) and code != "BODY.AUTO_NUMBERING":
            assert source_of(profile, rule.source_path) is not None, code


@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_severity_follows_the_confidence_tag(profile_id: str) -> None:
    profile = load_profile(profile_id)
    catalogue = rules(profile)
    for code, rule in catalogue.items():
        source = source_of(profile, rule.source_path)
        if rule.severity is None and source is not None:
            assert severity_of(profile, rule) == ("warning" if source.confidence == "open" else "error"), code
    assert severity_of(profile, catalogue["TEXT.NFC"]) == "warning"


def test_api_takes_a_path_or_bytes(thanh_mien_docx) -> None:  # type: ignore[no-untyped-def]
    from_path = check_docx(thanh_mien_docx)
    from_bytes = check_docx(thanh_mien_docx.read_bytes(), profile="party")
    assert [f.rule for f in from_path] == [f.rule for f in from_bytes] == ["PARTY.TEXT.TONE_MIXED"]
