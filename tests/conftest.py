from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ttdn_docs import load_plan, load_profile
from ttdn_docs.profiles import Profile
from ttdn_docs.render import write_docx
from ttdn_docs.ttdn import ForeignInfoPlan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
THANH_MIEN = EXAMPLES / "thanh_mien_2025" / "plan.yaml"

# Every document a test renders is checked too (tests/check_every_render.py).
pytest_plugins = ["check_every_render"]


@pytest.fixture(scope="session")
def party() -> Profile:
    return load_profile("party-hd36-2018")


@pytest.fixture(scope="session")
def thanh_mien_plan() -> ForeignInfoPlan:
    return load_plan(THANH_MIEN)


@pytest.fixture(scope="session")
def thanh_mien_docx(tmp_path_factory: pytest.TempPathFactory, thanh_mien_plan: ForeignInfoPlan, party: Profile) -> Path:
    out = tmp_path_factory.mktemp("render") / "ke-hoach.docx"
    write_docx(thanh_mien_plan.to_document(), party, out)
    return out


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


requires_libreoffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)
