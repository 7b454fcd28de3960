"""The mutation corpus: every single violation is reported under its rule id, and only
the rules it breaks; the clean files give no finding at all. Each runs twice: on our file
(elements marked by style) and on the same file with the marks stripped, as if written by
hand, so that detection by content and position is proven too."""

from __future__ import annotations

import pytest
from mutations import MUTATIONS, Mutation, NotApplicable, clean_file, corpus_file, hand_made

from ttdn_docs.check import check_docx
from ttdn_docs.check.rules import rule_id, rules
from ttdn_docs.profiles import builtin_profile_ids, load_profile

PROFILES = builtin_profile_ids()
FORMS = {"marked": False, "hand-made": True}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("profile_id", PROFILES)
def test_clean_corpus_gives_no_finding(profile_id: str, form: str) -> None:
    data = clean_file(profile_id)
    if FORMS[form]:
        data = hand_made(data)
    assert check_docx(data, profile_id) == []


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
@pytest.mark.parametrize("profile_id", PROFILES)
def test_mutation_is_reported_under_its_rule(profile_id: str, mutation: Mutation, form: str) -> None:
    profile = load_profile(profile_id)
    try:
        data = corpus_file(profile_id, mutation, strip_marks=FORMS[form])
    except NotApplicable as exc:
        pytest.skip(f"{profile_id}: {exc}")
    findings = check_docx(data, profile)
    found = {f.rule for f in findings}
    expected = rule_id(profile, mutation.expected(profile))
    assert expected in found, [f.describe() for f in findings]
    allowed = {expected} | {rule_id(profile, code) for code in mutation.also}
    assert found <= allowed, [f.describe() for f in findings if f.rule not in allowed]
    finding = next(f for f in findings if f.rule == expected)
    assert finding.message and finding.location.describe()


@pytest.mark.parametrize("profile_id", PROFILES)
def test_corpus_holds_at_least_30_distinct_violations_per_profile(profile_id: str) -> None:
    profile = load_profile(profile_id)
    applicable = set()
    for mutation in MUTATIONS:
        try:
            corpus_file(profile_id, mutation)
        except NotApplicable:
            continue
        applicable.add(mutation.name)
    assert len(applicable) >= 30
    assert len({m.name for m in MUTATIONS}) == len(MUTATIONS)
    distinct_rules = {m.expected(profile) for m in MUTATIONS if m.name in applicable}
    assert len(distinct_rules) >= 30
    assert distinct_rules <= set(rules(profile))
