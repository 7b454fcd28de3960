"""Files re-saved by LibreOffice (its own styles, fonts table and drawing markup) are read
the same: ours and the hand-made ones still pass."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import requires_libreoffice, soffice
from handmade import hand_made_docx
from mutations import clean_docx

from ttdn_docs.check import check_file
from ttdn_docs.profiles import builtin_profile_ids, load_profile


@requires_libreoffice
@pytest.mark.libreoffice
def test_files_resaved_by_libreoffice_still_pass(tmp_path: Path) -> None:
    sources = []
    for profile_id in builtin_profile_ids():
        profile = load_profile(profile_id)
        for kind, data in (("ours", clean_docx(profile)), ("hand", hand_made_docx(profile))):
            path = tmp_path / f"{kind}-{profile_id}.docx"
            path.write_bytes(data)
            sources.append((path, profile_id))
    out = tmp_path / "resaved"
    command = [soffice(), "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out)]
    subprocess.run([*command, *(str(p) for p, _ in sources)], check=True, capture_output=True, timeout=300)
    for path, profile_id in sources:
        resaved = out / path.name
        assert resaved.read_bytes() != path.read_bytes()
        result = check_file(resaved)
        assert result.profile == profile_id
        assert result.findings == [], [f.describe() for f in result.findings]
