"""The corpus of hand-typed documents (``tests/corpus/``, built by
``scripts/build_corpus.py``): on every labelled file, python-docx-made and resaved by
LibreOffice, the checker finds exactly the errors a careful reviewer labelled (no false
error, no missed one, each under its rule id) and every labelled warning."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from corpus_build import VARIANTS, build, labels

from ttdn_docs.check import check_file
from ttdn_docs.profiles import load_profile

CORPUS = Path(__file__).parent / "corpus"
LABELS: dict[str, dict[str, object]] = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))


def test_every_file_is_labelled_and_every_label_has_its_file() -> None:
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.docx")}
    assert files == set(LABELS)
    sources = {str(entry["source"]) for entry in LABELS.values()}
    assert sources == {"python-docx", "LibreOffice (mở và lưu lại)"}  # both writers are covered
    assert sum(1 for e in LABELS.values() if e["errors"]) >= 10 and sum(1 for e in LABELS.values() if not e["errors"]) >= 10


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_committed_file_is_what_the_builder_makes(variant) -> None:  # type: ignore[no-untyped-def]
    committed = zipfile.ZipFile(CORPUS / f"{variant.name}.docx")
    rebuilt = zipfile.ZipFile(io.BytesIO(build(variant)))
    assert sorted(committed.namelist()) == sorted(rebuilt.namelist())
    assert all(committed.read(name) == rebuilt.read(name) for name in committed.namelist())
    for name in (f"{variant.name}.docx", f"libreoffice/{variant.name}.docx"):
        entry = LABELS[name]
        assert {k: entry[k] for k in ("profile", "note", "errors", "warnings")} == labels(load_profile(variant.profile), variant)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_checker_agrees_with_the_reviewer(name: str) -> None:
    entry = LABELS[name]
    result = check_file(CORPUS / name)
    assert result.profile == entry["profile"]
    errors = sorted({f.rule for f in result.errors})
    assert errors == entry["errors"], "\n".join(f.describe() for f in result.findings)
    warnings = {f.rule for f in result.warnings}
    assert set(entry["warnings"]) <= warnings, "\n".join(f.describe() for f in result.findings)  # type: ignore[arg-type]
