"""Where templates come from: the committed file of a built-in profile, a user's file
(``--template``), or one built in memory for a profile that has no committed template."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from ttdn_docs.profiles import Profile
from ttdn_docs.render.engine import CompiledTemplate
from ttdn_docs.render.template_files import TEMPLATE_DIRS as TEMPLATE_DIRS  # importable from here too
from ttdn_docs.render.template_files import committed_template_path as committed_template_path
from ttdn_docs.render.template_files import template_filename as template_filename


def template_for(profile: Profile, template: Path | None = None, family: str = "titled") -> CompiledTemplate:
    """The compiled template to render ``profile``'s documents of ``family`` with (cached
    per process). A user's template is first checked against the model's placeholders
    (all problems at once); it serves whatever family the document is."""
    if template is not None:
        compiled = _compiled_file(str(Path(template).resolve()), _mtime(template), False)
        _checked_user_template(compiled, profile.model_dump_json(), family)
        return compiled
    path = committed_template_path(profile.id, family)
    if path is not None and _is_builtin(profile):
        return _compiled_file(str(path), _mtime(path), True)
    return _compiled_profile(profile.model_dump_json(), family)


def _is_builtin(profile: Profile) -> bool:
    from ttdn_docs.profiles import load_profile

    try:
        return load_profile(profile.id) == profile
    except Exception:  # a custom profile may reuse no built-in id
        return False


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=16)
def _compiled_file(path: str, mtime: float, built: bool) -> CompiledTemplate:
    # ``built``: our committed template (not a user's copy, even of the same file).
    return CompiledTemplate.from_path(Path(path), built=built)


@lru_cache(maxsize=64)
def _checked_user_template(compiled: CompiledTemplate, profile_json: str, family: str) -> None:
    # A user's template is checked once per profile and family, before its first render:
    # a công văn or a decision needs the placeholders and body roles of its layout.
    from ttdn_docs.render.template_check import assert_template_fits

    assert_template_fits(compiled, Profile.model_validate_json(profile_json), family)


@lru_cache(maxsize=16)
def _compiled_profile(profile_json: str, family: str) -> CompiledTemplate:
    # The builder (python-docx) is imported only for a profile with no committed template.
    from ttdn_docs.render.template_builder import build_template

    profile = Profile.model_validate_json(profile_json)
    digest = hashlib.sha256(profile_json.encode()).hexdigest()[:12]
    built = build_template(profile, family)  # type: ignore[arg-type]  # a family of the profile's layouts
    return CompiledTemplate(built, f"{profile.id} (dựng từ hồ sơ, {digest})", built=True)
