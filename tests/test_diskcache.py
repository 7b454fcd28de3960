"""The disk cache of compiled templates and profiles: keyed by content, atomic, a damaged
or foreign entry is a miss, and what comes out of it renders and checks as fresh work."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from ttdn_docs import diskcache
from ttdn_docs.render.engine import CompiledTemplate
from ttdn_docs.render.templates import committed_template_path

ROOT = Path(__file__).parent.parent


@pytest.fixture
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(diskcache.CACHE_DIR_ENV, str(folder))
    diskcache.cache_dir.cache_clear()
    yield folder
    diskcache.cache_dir.cache_clear()


def test_an_entry_is_read_back_and_a_damaged_one_is_a_miss(private_cache: Path) -> None:
    key = diskcache.entry_key("x", b"payload source")
    assert diskcache.load("kind", key) is None
    diskcache.store("kind", key, b"made from it")
    assert diskcache.load("kind", key) == b"made from it"
    entry = private_cache / "kind" / key
    entry.write_bytes(entry.read_bytes()[:-1] + b"!")
    assert diskcache.load("kind", key) is None
    assert (private_cache.stat().st_mode & 0o777) == 0o700


def test_keys_differ_with_the_content_and_the_parts() -> None:
    assert diskcache.entry_key("a", "b") != diskcache.entry_key("ab")
    assert diskcache.entry_key("a") != diskcache.entry_key("b")
    assert diskcache.entry_key("a") == diskcache.entry_key("a")


def test_no_cache_when_turned_off_or_the_folder_is_not_ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(diskcache.NO_CACHE_ENV, "1")
    diskcache.cache_dir.cache_clear()
    assert diskcache.cache_dir() is None
    diskcache.store("kind", "k", b"x")  # silently nothing
    assert diskcache.load("kind", "k") is None
    monkeypatch.delenv(diskcache.NO_CACHE_ENV)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv(diskcache.CACHE_DIR_ENV, str(shared))
    diskcache.cache_dir.cache_clear()
    assert diskcache.cache_dir() is None  # writable by others: not trusted
    diskcache.cache_dir.cache_clear()


def _store_many(args: tuple[str, int]) -> bool:
    folder, worker = args
    os.environ[diskcache.CACHE_DIR_ENV] = folder
    diskcache.cache_dir.cache_clear()
    payload = bytes(range(256)) * 4000
    key = diskcache.entry_key("same")
    for _ in range(30):
        diskcache.store("kind", key, payload)
        got = diskcache.load("kind", key)
        if got is not None and got != payload:
            return False
    return True


def test_processes_writing_the_same_entry_at_once_never_read_half_of_it(private_cache: Path) -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert all(pool.map(_store_many, [(str(private_cache), n) for n in range(4)]))
    assert [p.name for p in (private_cache / "kind").iterdir()] == [diskcache.entry_key("same")]


def test_a_template_from_the_cache_renders_the_bytes_a_fresh_compile_renders(private_cache: Path) -> None:
    from ttdn_docs.profiles import load_profile
    from ttdn_docs.render.context import build_context
    from ttdn_docs.ttdn import load_plan

    plan = load_plan(ROOT / "examples" / "thanh_mien_2025" / "plan.yaml")
    profile = load_profile(plan.profile)
    path = committed_template_path(profile.id)
    assert path is not None
    fresh = CompiledTemplate(path.read_bytes(), "t")  # compiles and stores
    assert list((private_cache / "templates").iterdir())
    cached = CompiledTemplate(path.read_bytes(), "t")  # from the cache
    context = build_context(plan.to_document(), profile)
    assert cached.render(context) == fresh.render(context)
    assert cached.sources == fresh.sources


def test_a_render_from_the_cache_imports_neither_docxtpl_nor_python_docx(tmp_path: Path) -> None:
    plan = ROOT / "examples" / "thanh_mien_2025" / "plan.yaml"
    script = (
        "import sys\nfrom ttdn_docs.cli import main\n"
        f"assert main(['render', {str(plan)!r}, '-o', sys.argv[1], '--force', '--no-check']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docxtpl', 'docx')))"
    )
    env = {**os.environ, diskcache.CACHE_DIR_ENV: str(tmp_path / "c")}
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, "-c", script, str(tmp_path / "p.docx")], env=env, check=True, capture_output=True, text=True
    ).stdout.splitlines()[-1]
    assert run() != "[]"  # the first compiles with docxtpl's pre-processor
    assert run() == "[]"


def test_a_profile_from_the_cache_equals_the_validated_one(private_cache: Path) -> None:
    from ttdn_docs.profiles import loader

    path = loader.DATA_DIR / "state-nd30-2020.yaml"
    fresh = loader._load_file(path)
    assert list((private_cache / "profiles").iterdir())
    again = loader._load_file(path)
    assert again == fresh and again is not fresh
    assert again.model_dump() == fresh.model_dump()


def test_an_edited_profile_file_is_read_afresh(private_cache: Path, tmp_path: Path) -> None:
    from ttdn_docs.profiles import loader

    source = (loader.DATA_DIR / "state-nd30-2020.yaml").read_text(encoding="utf-8")
    path = tmp_path / "mine.yaml"
    path.write_text(source, encoding="utf-8")
    first = loader._load_file(path)
    path.write_text(source.replace(f"id: {first.id}", "id: my-own"), encoding="utf-8")
    assert loader._load_file(path).id == "my-own"


def _matches(index: object, queries: list[str]) -> list[list[str]]:
    from ttdn_docs.units.name_index import NameIndex

    assert isinstance(index, NameIndex)
    return [[commune.code for commune in index.match(query)] for query in queries]


def test_the_commune_name_index_read_from_the_cache_matches_as_one_computed(private_cache: Path) -> None:
    from ttdn_docs.units import all_communes
    from ttdn_docs.units.lookup import _COMMUNE_TYPE_WORDS
    from ttdn_docs.units.name_index import NameIndex

    communes = all_communes()
    queries = ["xã Thanh Miện", "XA THANH MIEN", "Hoà An", "hòa an", "phường Ba Đình", "Ea H'Leo", "Chân Mây-Lăng Cô",
               "không có xã này"]
    fresh = _matches(NameIndex(communes, _COMMUNE_TYPE_WORDS), queries)
    assert fresh[0] and fresh[1] and fresh[-1] == []
    assert _matches(NameIndex.cached(communes, _COMMUNE_TYPE_WORDS), queries) == fresh  # a miss, stored
    (entry,) = (private_cache / "name-index").iterdir()
    assert _matches(NameIndex.cached(communes, _COMMUNE_TYPE_WORDS), queries) == fresh  # read back
    entry.write_bytes(entry.read_bytes()[:-3] + b"!!!")
    assert _matches(NameIndex.cached(communes, _COMMUNE_TYPE_WORDS), queries) == fresh  # damaged: a miss
    renamed = [commune.model_copy(update={"name": commune.name + " Mới"}) for commune in communes[:5]] + communes[5:]
    assert NameIndex.cached(renamed, _COMMUNE_TYPE_WORDS).match(communes[0].name + " mới") == [renamed[0]]
    assert len(list((private_cache / "name-index").iterdir())) == 2  # other names, another entry
