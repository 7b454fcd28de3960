"""The preview in a real browser: headless Chromium lays the page out and a test-only
wrapper page reads element positions through the DOM; a screenshot is kept as a test
artefact (in ``tmp_path``; also copied to ``$TTDN_TEST_ARTEFACTS`` when it is set).

Skipped with a reason when Chromium is absent (``.ci/run`` installs Debian's
``chromium``). The preview itself has no script; the wrapper's script reads the page in
an iframe, which Chromium allows for local files with ``--allow-file-access-from-files``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, THANH_MIEN
from ttdn_docs import load_plan, load_profile
from ttdn_docs.admin.document import Urgency
from ttdn_docs.preview import to_html

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed; .ci/run installs Debian's chromium"),
]

# Quiet, offline, no sandbox (containers); without the background-networking flags a
# closed network refuses its connections many at a time.
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--allow-file-access-from-files",
]
VIEW = (1000, 1500)  # CSS px; the A4 page (about 794 px wide) fits with its grey border

# Test-only: measure each data-el element of the page in the iframe (its box, and the
# box of its text, which shows where centred text really stands) into <pre id="out">.
WRAPPER = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="page" src="page.html" style="width:%dpx;height:%dpx;border:0"></iframe>
<pre id="out">pending</pre>
<script>
window.addEventListener("load", function () {
  var doc = document.getElementById("page").contentDocument;
  var found = {};
  doc.querySelectorAll("[data-el]").forEach(function (el) {
    var name = el.getAttribute("data-el");
    if (found[name]) return;
    var box = el.getBoundingClientRect();
    var range = doc.createRange();
    range.selectNodeContents(el);
    var text = range.getBoundingClientRect();
    found[name] = {left: box.left, right: box.right, top: box.top, bottom: box.bottom,
                   text_left: text.left, text_right: text.right};
  });
  document.getElementById("out").textContent = JSON.stringify(found);
});
</script></body></html>
"""


def _chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM is not None
    profile_dir = tmp_path / "chromium-profile"
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile_dir}", f"--window-size={VIEW[0]},{VIEW[1]}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _positions(tmp_path: Path, html: str) -> dict[str, dict[str, float]]:
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    wrapper = tmp_path / "wrapper.html"
    wrapper.write_text(WRAPPER % VIEW, encoding="utf-8")
    dom = _chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom", wrapper.as_uri())
    match = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert match and match.group(1) != "pending", dom[-2000:]
    found: dict[str, dict[str, float]] = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    return found


def _screenshot(tmp_path: Path, name: str) -> Path:
    shot = tmp_path / f"{name}.png"
    _chromium(tmp_path, f"--screenshot={shot}", (tmp_path / "page.html").as_uri())
    assert shot.is_file() and shot.stat().st_size > 10_000
    keep = os.environ.get("TTDN_TEST_ARTEFACTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)
    return shot


def _centre(box: dict[str, float], text: bool = False) -> float:
    return (box["text_left"] + box["text_right"]) / 2 if text else (box["left"] + box["right"]) / 2


CASES: dict[str, tuple[Path, str]] = {
    "party": (THANH_MIEN, "party"),
    "state": (EXAMPLES / "state_plan" / "plan.yaml", "state"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_layout_read_from_the_browser(case: str, tmp_path: Path) -> None:
    source, profile_name = CASES[case]
    document = load_plan(source).to_document()
    document = document.model_copy(update={"marks": document.marks.model_copy(update={"draft": True, "urgency": Urgency.KHAN})})
    found = _positions(tmp_path, to_html(document, load_profile(profile_name)))
    _screenshot(tmp_path, f"preview-{case}")
    at: Any = found
    # Header: the issuer block left of the national-motto block, side by side.
    assert at["issuer-block"]["right"] <= at["national-block"]["left"] + 0.5
    assert abs(at["issuer-block"]["top"] - at["national-block"]["top"]) < 1
    assert _centre(at["issuer"], text=True) < _centre(at["national"], text=True)
    # Number under the issuer, centred in its column; date under the motto.
    assert at["number"]["top"] > at["issuer"]["bottom"] - 0.5
    assert abs(_centre(at["number"], text=True) - _centre(at["issuer-block"])) < 2
    assert at["place-date"]["top"] > at["national"]["bottom"] - 0.5
    assert at["place-date"]["left"] >= at["national-block"]["left"] - 0.5
    # Title below the header, centred on the text width (a body line spans it).
    assert at["title"]["top"] > max(at["number"]["bottom"], at["place-date"]["bottom"])
    assert abs(_centre(at["title"], text=True) - _centre(at["body-line"])) < 2
    # Nơi nhận and the signature side by side at the end, the signature on the right.
    assert at["signature"]["left"] >= at["recipients"]["right"] - 0.5
    assert abs(at["signature"]["top"] - at["recipients"]["top"]) < 1
    assert at["recipients"]["top"] > at["body-line"]["bottom"]
    assert at["signer-name"]["top"] > at["signature-line"]["bottom"] + 20  # room to sign
    # Marks: DỰ THẢO above the header; the urgency mark in the issuer column.
    assert at["mark-draft"]["bottom"] <= at["header"]["top"] + 0.5
    assert at["issuer-block"]["left"] - 0.5 <= at["mark-urgency"]["left"]
    assert at["mark-urgency"]["right"] <= at["issuer-block"]["right"] + 0.5
    # An A4 page: width / height as 210 / 297 (the page grows only when the text does).
    page = at["page"]
    assert abs((page["right"] - page["left"]) - 210 / 25.4 * 96) < 1.5
