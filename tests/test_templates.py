"""The committed templates are exactly what the builder makes from the profile data."""

from __future__ import annotations

import pytest

from ttdn_docs.profiles import builtin_profile_ids, load_profile
from ttdn_docs.render.template_builder import build_template
from ttdn_docs.render.templates import committed_template_path


def test_every_builtin_profile_has_a_committed_template() -> None:
    assert {"party-hd36-2018", "state-nd30-2020"} <= set(builtin_profile_ids())
    for profile_id in builtin_profile_ids():
        assert committed_template_path(profile_id) is not None, profile_id


@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_committed_template_equals_build(profile_id: str) -> None:
    path = committed_template_path(profile_id)
    assert path is not None
    built = build_template(load_profile(profile_id))
    assert path.read_bytes() == built, (
        f"templates/{path.name} is stale: run `python scripts/build_templates.py` and commit it"
    )
