"""Every document an example renders is checked with zero errors, under its own profile
and under every built-in profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, requires_libreoffice, soffice

from ttdn_docs.api import load_document
from ttdn_docs.errors import TtdnError
from ttdn_docs.check import check_file
from ttdn_docs.profiles import builtin_profile_ids, load_profile
from ttdn_docs.render import render_docx

EXAMPLE_INPUTS = sorted(p for p in EXAMPLES.glob("*/*.yaml") if not p.name.startswith("_"))


def _documents() -> list[Path]:
    """Example inputs that are documents (a plan, a report …), not other data such as a
    template for many communes or a unit's result file."""
    inputs = []
    for path in EXAMPLE_INPUTS:
        try:
            load_document(path)
        except TtdnError:
            continue
        inputs.append(path)
    return inputs


@pytest.mark.parametrize("profile_id", builtin_profile_ids())
@pytest.mark.parametrize("example", _documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_renders_without_check_errors(example: Path, profile_id: str) -> None:
    document = load_document(example)
    profile = load_profile(profile_id)
    result = check_file(render_docx(document.to_document(), profile), profile)
    assert result.errors == [], [f.describe() for f in result.errors]


def test_thanh_mien_is_detected_as_party_and_warned_of_mixed_tone_marks(thanh_mien_docx: Path) -> None:
    result = check_file(thanh_mien_docx)
    assert result.profile == "party-hd36-2018"
    assert result.errors == []
    assert [f.rule for f in result.warnings] == ["PARTY.TEXT.TONE_MIXED"]
    warning = result.warnings[0]
    # The header spells "ĐẢNG UỶ" (old style) while most of the text writes "ủy".
    assert warning.location.text == "ĐẢNG UỶ XÃ THANH MIỆN"
    assert (warning.location.table, warning.location.row, warning.location.cell) == (1, 1, 1)
    assert warning.found == "UỶ"


@requires_libreoffice
@pytest.mark.libreoffice
def test_a_libreoffice_resave_of_every_example_has_no_error(tmp_path: Path) -> None:
    """LibreOffice writes its own styles, its East Asian default fonts, space before and
    after as it sees them: the page is the same, so the check is too."""
    import subprocess

    sources = []
    for example in _documents():
        document = load_document(example)
        path = tmp_path / f"{example.parent.name}-{example.stem}.docx"
        path.write_bytes(render_docx(document.to_document(), load_profile(document.profile)))
        sources.append(path)
    out = tmp_path / "resaved"
    command = [soffice(), "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out)]
    subprocess.run([*command, *(str(p) for p in sources)], check=True, capture_output=True, timeout=600)
    for path in sources:
        result = check_file(out / path.name)
        assert result.errors == [], [f.describe() for f in result.errors]
