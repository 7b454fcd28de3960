"""Find and load profile files.

A profile file may start from another rule book and change a few values::

    id: state-hoa-phu
    title: "…"
    extends: state-nd30-2020      # a built-in id, an alias, or a file (relative to this one)
    elements:
      body: {size: 13}            # merged into the base's ``elements.body``

Mappings are merged key by key, at any depth; a list or a plain value replaces the
base's. A profile that is not built in is found by path, or by id as ``<id>.yaml`` (or
``.yml``, ``.json``) in the folders of ``TTDN_PROFILE_PATH`` and, when checking a file,
in the file's own folder (``find_profile``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ttdn_docs import diskcache
from ttdn_docs.errors import FieldProblem, InputError, ProfileError
from ttdn_docs.limits import InputKind, read_limited
from ttdn_docs.profiles.model import Profile

if TYPE_CHECKING:
    from ttdn_docs.input_problems import LineMap

DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN_PROFILES = DATA_DIR
# Short names accepted wherever a profile id is (CLI flags, plan files).
ALIASES = {"party": "party-hd36-2018", "state": "state-nd30-2020"}
PROFILE_ALIASES = ALIASES  # the public name (``ttdn_docs.profiles``)
# Folders (separated as in PATH) where a profile is looked up by its id.
PATH_ENV = "TTDN_PROFILE_PATH"
_SUFFIXES = (".yaml", ".yml", ".json")
# A chain of ``extends`` longer than this is surely a mistake (and bounds the work).
_MAX_EXTENDS = 8


def builtin_profile_ids() -> list[str]:
    return list(_builtin_ids())


@cache
def _builtin_ids() -> tuple[str, ...]:
    # Package data: listed once per process, not once per checked file.
    return tuple(sorted(p.stem for p in DATA_DIR.glob("*.yaml")))


def load_profile(name_or_path: str | Path) -> Profile:
    """Load a built-in profile by id (``party-hd36-2018``, or alias ``party``), a profile
    file by path, or a profile by id from the folders of ``TTDN_PROFILE_PATH``.
    Built-in profiles are cached."""
    text = str(name_or_path)
    text = ALIASES.get(text, text)
    if "/" not in text and "\\" not in text and text in _builtin_ids():
        return _load_builtin(text)
    path = Path(name_or_path)
    if path.suffix.lower() in _SUFFIXES and path.is_file():
        return _load_file(path)
    found = _profile_file(text, search_path()) if _is_id(text) else None
    if found is not None:
        return _load_file(found)
    known = ", ".join(builtin_profile_ids())
    raise ProfileError(f"Không tìm thấy hồ sơ thể thức '{name_or_path}'. Hồ sơ có sẵn: {known}")


def search_path(near: Path | None = None) -> list[Path]:
    """Where a profile is looked up by id: ``near`` (the folder of the file being
    checked) first, then each folder of ``TTDN_PROFILE_PATH``."""
    folders = [near] if near is not None else []
    folders += [Path(part) for part in os.environ.get(PATH_ENV, "").split(os.pathsep) if part]
    return folders


def find_profile(profile_id: str, near: Path | None = None) -> Profile | None:
    """The profile named ``profile_id`` (a built-in one, or ``<id>.yaml`` in the search
    path, whose own ``id`` is that id); ``None`` when there is none."""
    profile_id = ALIASES.get(profile_id, profile_id)
    if profile_id in _builtin_ids():
        return _load_builtin(profile_id)
    found = _profile_file(profile_id, search_path(near)) if _is_id(profile_id) else None
    if found is None:
        return None
    profile = _load_file(found)
    return profile if profile.id == profile_id else None


def _is_id(text: str) -> bool:
    return bool(text) and all(c.isascii() and (c.isalnum() or c == "-") for c in text)


def _profile_file(profile_id: str, folders: list[Path]) -> Path | None:
    for folder in folders:
        for suffix in _SUFFIXES:
            path = folder / f"{profile_id}{suffix}"
            if path.is_file():
                return path
    return None


@cache
def _load_builtin(profile_id: str) -> Profile:
    return _load_file(DATA_DIR / f"{profile_id}.yaml")


@dataclass(frozen=True)
class _Source:
    """One file of an ``extends`` chain: its bytes (for the cache key) and its data."""

    path: Path
    raw: bytes
    data: dict[str, Any]
    lines: LineMap


def _load_file(path: Path) -> Profile:
    """A profile file read and validated (its ``extends`` chain merged first), or taken
    from the disk cache when this very text was validated before and the files it
    extends are unchanged (``ttdn_docs.diskcache``: keyed by the text and the model's
    code; the bases' digests are kept with the entry, so an edited file, base or model
    is read afresh and a warm load parses no YAML)."""
    try:
        # By type and size first: a FIFO or /dev/zero named .yaml is refused, not read.
        raw = read_limited(path, InputKind.DATA)
        key = diskcache.entry_key("profile", path.suffix.lower(), raw, _model_version())
        cached = _from_cache(key)
        if cached is not None:
            return cached
        from ttdn_docs.datafile import validate

        chain = _chain(path, raw)
        data: dict[str, Any] = {}
        for source in reversed(chain):
            data = merged(data, source.data)
        data.pop("extends", None)
        # Lines of the file asked for: a value it sets is named at its line.
        profile = validate(Profile, data, str(path), chain[0].lines)
    except InputError as exc:
        raise ProfileError(f"Hồ sơ thể thức không hợp lệ.\n{exc}") from None
    bases = [(str(source.path), _digest(source.raw)) for source in chain[1:]]
    diskcache.store("profiles", key, pickle.dumps((profile, bases), protocol=pickle.HIGHEST_PROTOCOL))
    return profile


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _chain(path: Path, raw: bytes) -> list[_Source]:
    """``path`` (whose bytes are ``raw``) and the files it extends, the file asked for
    first."""
    chain: list[_Source] = []
    seen: list[str] = []
    current: Path | None = path
    while current is not None:
        key = str(current.resolve())
        name = _display(current)
        if key in seen:
            loop = " → ".join([*(_display(s.path) for s in chain), name])
            raise ProfileError(f"Hồ sơ thể thức '{_display(path)}': 'extends' tạo thành vòng lặp ({loop}).")
        if len(chain) >= _MAX_EXTENDS:
            raise ProfileError(f"Hồ sơ thể thức '{_display(path)}': chuỗi 'extends' dài quá {_MAX_EXTENDS} hồ sơ.")
        seen.append(key)
        source = _read(current, raw if current is path else None)
        chain.append(source)
        current = _base_of(source)
    return chain


def _read(path: Path, raw: bytes | None = None) -> _Source:
    # By type and size first: a FIFO or /dev/zero named .yaml is refused, not read.
    raw = raw if raw is not None else read_limited(path, InputKind.DATA)
    from ttdn_docs.datafile import not_utf8, parse_json, parse_yaml

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), [FieldProblem("", not_utf8(raw, exc.start))]) from None
    lines: LineMap = {}
    if path.suffix.lower() == ".json":
        data = parse_json(text, str(path))
    else:
        data, lines = parse_yaml(text, str(path))
    if not isinstance(data, dict):
        raise InputError(str(path), [FieldProblem("", "tệp hồ sơ thể thức phải là một bảng khóa: giá trị")])
    return _Source(path, raw, data, lines)


def _base_of(source: _Source) -> Path | None:
    """The file ``source`` extends: a built-in id or alias, or a path relative to it."""
    base = source.data.get("extends")
    if base is None:
        return None
    where = f"Hồ sơ thể thức '{_display(source.path)}'"
    line = source.lines.get(("extends",))
    at = f" (dòng {line})" if line else ""
    if not isinstance(base, str) or not base.strip():
        raise ProfileError(f"{where}: 'extends'{at} phải là mã một hồ sơ có sẵn hoặc đường dẫn tệp hồ sơ.")
    name = ALIASES.get(base.strip(), base.strip())
    if name in _builtin_ids():
        return DATA_DIR / f"{name}.yaml"
    candidate = source.path.parent / name
    if candidate.suffix.lower() in _SUFFIXES and candidate.is_file():
        return candidate
    found = _profile_file(name, [source.path.parent, *search_path()]) if _is_id(name) else None
    if found is not None:
        return found
    known = ", ".join(builtin_profile_ids())
    raise ProfileError(
        f"{where}: không tìm thấy hồ sơ gốc '{base}' ghi ở 'extends'{at}. "
        f"Ghi mã hồ sơ có sẵn ({known}) hoặc đường dẫn tệp .yaml của hồ sơ gốc."
    )


def merged(base: Any, override: Any) -> Any:
    """``override`` laid over ``base``: mappings merged key by key at every depth; a list
    or a plain value replaces the base's."""
    if isinstance(base, dict) and isinstance(override, dict):
        out = dict(base)
        for key, value in override.items():
            out[key] = merged(base.get(key), value) if key in base else value
        return out
    return override


def _display(path: Path) -> str:
    return path.name if path.parent == DATA_DIR else str(path)


def _from_cache(key: str) -> Profile | None:
    payload = diskcache.load("profiles", key)
    if payload is None:
        return None
    try:
        # Our own entry in the user's private cache folder (see diskcache), checksummed.
        profile, bases = pickle.loads(payload)
    except Exception:  # an entry from another build of the models: a miss
        return None
    for base, digest in bases:
        try:
            if _digest(read_limited(Path(base), InputKind.DATA)) != digest:
                return None
        except (InputError, OSError):
            return None  # a base gone or unreadable: read afresh, and say why then
    return profile if isinstance(profile, Profile) else None


@cache
def _model_version() -> str:
    import pydantic

    from ttdn_docs.profiles import model

    return f"{pydantic.VERSION} {hashlib.sha256(Path(model.__file__).read_bytes()).hexdigest()}"
