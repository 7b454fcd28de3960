"""Find and load profile files."""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path

from ttdn_docs import diskcache
from ttdn_docs.errors import InputError, ProfileError
from ttdn_docs.limits import InputKind, read_limited
from ttdn_docs.profiles.model import Profile

DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN_PROFILES = DATA_DIR
# Short names accepted wherever a profile id is (CLI flags, plan files).
ALIASES = {"party": "party-hd36-2018", "state": "state-nd30-2020"}
PROFILE_ALIASES = ALIASES  # the public name (``ttdn_docs.profiles``)


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
    """A profile file read and validated, or taken from the disk cache when this very
    text was validated before (``ttdn_docs.diskcache``: keyed by the text and the
    model's code, so an edited file or model is read afresh)."""
    try:
        # By type and size first: a FIFO or /dev/zero named .yaml is refused, not read.
        raw = read_limited(path, InputKind.DATA)
        key = diskcache.entry_key("profile", path.suffix.lower(), raw, _model_version())
        cached = _from_cache(key)
        if cached is not None:
            return cached
        # A miss: parsed and validated as any input file (YAML, line map, messages).
        from ttdn_docs.datafile import LineMap, parse_json, parse_yaml, read_text, validate

        text = read_text(path)
        lines: LineMap = {}
        if path.suffix.lower() == ".json":
            data = parse_json(text, str(path))
        else:
            data, lines = parse_yaml(text, str(path))
        profile = validate(Profile, data, str(path), lines)
    except InputError as exc:
        raise ProfileError(f"Hồ sơ thể thức không hợp lệ.\n{exc}") from None
    diskcache.store("profiles", key, pickle.dumps(profile, protocol=pickle.HIGHEST_PROTOCOL))
    return profile


def _from_cache(key: str) -> Profile | None:
    payload = diskcache.load("profiles", key)
    if payload is None:
        return None
    try:
        # Our own entry in the user's private cache folder (see diskcache), checksummed.
        profile = pickle.loads(payload)
    except Exception:  # an entry from another build of the models: a miss
        return None
    return profile if isinstance(profile, Profile) else None


@cache
def _model_version() -> str:
    import pydantic

    from ttdn_docs.profiles import model

    return f"{pydantic.VERSION} {hashlib.sha256(Path(model.__file__).read_bytes()).hexdigest()}"
