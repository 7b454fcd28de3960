"""Find and load profile files."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ttdn_docs.datafile import load_model
from ttdn_docs.errors import InputError, ProfileError
from ttdn_docs.profiles.model import Profile

DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN_PROFILES = DATA_DIR
# Short names accepted wherever a profile id is (CLI flags, plan files).
ALIASES = {"party": "party-hd36-2018", "state": "state-nd30-2020"}


def builtin_profile_ids() -> list[str]:
    return list(_builtin_ids())


@cache
def _builtin_ids() -> tuple[str, ...]:
    # Package data: listed once per process, not once per checked file.
    return tuple(sorted(p.stem for p in DATA_DIR.glob("*.yaml")))


def load_profile(name_or_path: str | Path) -> Profile:
    """Load a built-in profile by id (``party-hd36-2018``, or alias ``party``) or a profile
    file by path. Built-in profiles are cached."""
    text = str(name_or_path)
    text = ALIASES.get(text, text)
    if "/" not in text and "\\" not in text and text in _builtin_ids():
        return _load_builtin(text)
    path = Path(name_or_path)
    if path.suffix.lower() in {".yaml", ".yml", ".json"} and path.is_file():
        return _load_file(path)
    known = ", ".join(builtin_profile_ids())
    raise ProfileError(f"Không tìm thấy hồ sơ thể thức '{name_or_path}'. Hồ sơ có sẵn: {known}")


@cache
def _load_builtin(profile_id: str) -> Profile:
    return _load_file(DATA_DIR / f"{profile_id}.yaml")


def _load_file(path: Path) -> Profile:
    try:
        return load_model(Profile, path)
    except InputError as exc:
        raise ProfileError(f"Hồ sơ thể thức không hợp lệ.\n{exc}") from None
