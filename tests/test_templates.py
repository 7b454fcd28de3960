"""The committed templates are exactly what the builder makes from the profile data."""

from __future__ import annotations

import pytest

from ttdn_docs.profiles import builtin_profile_ids, load_profile
from ttdn_docs.render.template_builder import build_template
from ttdn_docs.profiles.model import FAMILIES, Family
from ttdn_docs.render.templates import committed_template_path, template_filename


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("profile_id", builtin_profile_ids())
def test_committed_template_is_what_the_builder_makes(profile_id: str, family: Family) -> None:
    """One committed template per profile and layout family (``<profile>.docx`` for the
    titled documents, ``<profile>.<family>.docx`` for the others)."""
    name = template_filename(profile_id, family)
    path = committed_template_path(profile_id, family)
    assert path is not None, f"templates/{name} is missing: run python scripts/build_templates.py"
    assert path.read_bytes() == build_template(load_profile(profile_id), family), (
        f"templates/{name} is stale: run python scripts/build_templates.py and commit"
    )


def test_builder_is_deterministic() -> None:
    profile = load_profile(builtin_profile_ids()[0])
    assert build_template(profile) == build_template(profile)
