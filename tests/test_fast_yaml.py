"""The YAML loader runs on libyaml and gives what the pure-Python loader gives: the same
data, the same line map, the same Vietnamese messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ttdn_docs import datafile
from ttdn_docs.errors import InputError

ROOT = Path(__file__).parent.parent
YAML_FILES = sorted(
    [*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("ttdn_docs/**/data/*.yaml"), *ROOT.glob("tests/corpus/*.yaml")]
)


def test_libyaml_is_used_where_pyyaml_has_it() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("this PyYAML was built without libyaml")
    assert issubclass(datafile._InputLoader, yaml.CSafeLoader)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_and_pure_loaders_agree_on_every_shipped_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = datafile._parse_with(datafile._InputLoader, text, str(path))
    pure = datafile._parse_with(datafile._PureInputLoader, text, str(path))
    assert fast == pure


BROKEN = [
    "title: Kế hoạch: năm 2025\n",
    "a:\n  b: 1\n c: 2\n",
    "a:\n\t- b\n",
    'title: "open\n',
    "a: [1, 2\nb: 3\n",
    "a: {x: 1\nb: 2\n",
    "a: *nowhere\n",
    "a: 1\na: 2\n",
    "",
]


@pytest.mark.parametrize("text", BROKEN)
def test_a_broken_file_gets_the_message_the_pure_loader_gives(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError) as fast:
        datafile.parse_yaml(text, "x.yaml")
    monkeypatch.setattr(datafile, "_InputLoader", datafile._PureInputLoader)
    with pytest.raises(InputError) as pure:
        datafile.parse_yaml(text, "x.yaml")
    assert [(p.message, p.line) for p in fast.value.problems] == [(p.message, p.line) for p in pure.value.problems]
    assert "lỗi cú pháp YAML" in str(fast.value) or "hai lần" in str(fast.value) or "rỗng" in str(fast.value)


def test_without_libyaml_the_pure_loader_serves_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datafile, "_InputLoader", datafile._PureInputLoader)
    data, lines = datafile.parse_yaml("year: 2025\ntitle: x\n", "x.yaml")
    assert data == {"year": 2025, "title": "x"}
    assert lines[("title",)] == 2
