from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, TypeVar

import pytest

# The disk cache (compiled templates, profiles) of this test run only: never the user's,
# and the subprocesses the CLI tests start share it.
os.environ["TTDN_CACHE_DIR"] = tempfile.mkdtemp(prefix="ttdn-test-cache-")
os.environ.pop("TTDN_NO_CACHE", None)

from ttdn_docs import load_plan, load_profile
from ttdn_docs.profiles import Profile
from ttdn_docs.render import write_docx
from ttdn_docs.ttdn import ForeignInfoPlan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
THANH_MIEN = EXAMPLES / "thanh_mien_2025" / "plan.yaml"

_T = TypeVar("_T")

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


def example_documents() -> list[Path]:
    """The example inputs that are documents (a plan, a report), not other data."""
    from ttdn_docs import load_document
    from ttdn_docs.errors import TtdnError

    found = []
    for path in sorted(EXAMPLES.glob("*/*.yaml")):
        try:
            load_document(path)
        except TtdnError:
            continue
        found.append(path)
    return found


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


_SKIP_WITHOUT_LIBREOFFICE = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)


def requires_libreoffice(test: _T) -> _T:
    """Skipped without LibreOffice, and marked ``libreoffice`` so that
    ``pytest -m "not libreoffice and not browser"`` leaves it out of the fast loop."""
    marked: _T = pytest.mark.libreoffice(_SKIP_WITHOUT_LIBREOFFICE(test))
    return marked


# Programs a test may start only when marked for them (the fast loop leaves them out).
_MARKED_PROGRAMS = {
    "soffice": "libreoffice", "libreoffice": "libreoffice", "soffice.bin": "libreoffice",
    "chromium": "browser", "chromium-browser": "browser", "google-chrome": "browser",
}


@pytest.fixture(autouse=True)
def _external_programs_need_their_mark(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    marks = {m.name for m in request.node.iter_markers()}
    original = subprocess.Popen.__init__

    def guarded(self: subprocess.Popen[Any], args: Any, *rest: Any, **kwargs: Any) -> None:
        program = Path(str(args[0] if isinstance(args, (list, tuple)) else args).split()[0]).name
        needed = _MARKED_PROGRAMS.get(program)
        if needed is not None and needed not in marks:
            pytest.fail(f"{request.node.nodeid} starts {program}: mark it @pytest.mark.{needed}")
        original(self, args, *rest, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", guarded)


# --- robustness table (docs/robustness.md is produced from these markers) ----------------
# A test marked @pytest.mark.robustness(kind="…", behaviour="…", cases=N) counts N cases of
# one class of bad input (N defaults to 1 per collected item, so parametrized cases count).
# `python scripts/robustness_report.py` runs them and writes the table.
_ROBUSTNESS: dict[str, dict[str, object]] = {}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "robustness(kind, behaviour, cases=1): a class of bad input and what the library does with it")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and not (report.when == "setup" and report.skipped):
        return
    marker = _MARKERS.get(report.nodeid)
    if marker is None:
        return
    kind = str(marker.kwargs["kind"])
    row = _ROBUSTNESS.setdefault(kind, {"behaviour": marker.kwargs["behaviour"], "cases": 0, "passed": 0, "tests": set()})
    cases = int(marker.kwargs.get("cases", 1))
    row["cases"] = int(row["cases"]) + cases  # type: ignore[call-overload]
    if report.passed:
        row["passed"] = int(row["passed"]) + cases  # type: ignore[call-overload]
    row["tests"].add(report.nodeid.split("::")[0])  # type: ignore[union-attr]


_MARKERS: dict[str, pytest.Mark] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        marker = item.get_closest_marker("robustness")
        if marker is not None:
            _MARKERS[item.nodeid] = marker


def pytest_sessionfinish(session: pytest.Session) -> None:
    import os

    target = os.environ.get("TTDN_ROBUSTNESS_REPORT")
    if not target or not _ROBUSTNESS:
        return
    lines = [
        "# Robustness: bad input and what ttdn_docs does with it",
        "",
        "Produced from the test suite by `python scripts/robustness_report.py` (tests marked",
        "`@pytest.mark.robustness`); do not edit by hand.",
        "",
        "| class of bad input | cases | passed | what the library does | tests |",
        "|---|---:|---:|---|---|",
    ]
    for kind in sorted(_ROBUSTNESS):
        row = _ROBUSTNESS[kind]
        tests = ", ".join(f"`{t}`" for t in sorted(row["tests"]))  # type: ignore[arg-type]
        lines.append(f"| {kind} | {row['cases']} | {row['passed']} | {row['behaviour']} | {tests} |")
    Path(target).write_text("\n".join(lines) + "\n", encoding="utf-8")
