"""``ttdn-docs serve`` in a real browser: the officer's whole path, driven by Playwright
for Python through the system Chromium (``executable_path``; Playwright's own browser
download is never used). Screenshots are kept as test artefacts in ``tmp_path`` (and
copied to ``$TTDN_TEST_ARTEFACTS`` when it is set).

Skipped with a reason when Playwright or Chromium is absent (``.ci/run`` installs both:
the ``test`` extra and Debian's ``chromium``).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason='needs the web extra: pip install "ttdn-docs[web]"')
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (test extra)")

from ttdn_docs.check import check_file  # noqa: E402
from ttdn_docs.web.serve import HOST, bind, make_server  # noqa: E402
from typed_by_hand import typed_by_hand  # noqa: E402

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")) if p and Path(p).exists()),
    None,
)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed; .ci/run installs Debian's chromium"),
]
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    listening = bind(0)
    port = listening.getsockname()[1]
    uvicorn_server = make_server(tmp_path / "so.sqlite")
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    for _ in range(200):
        if uvicorn_server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://{HOST}:{port}"
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=10)
        listening.close()


@pytest.fixture()
def browser_page(tmp_path: Path, server: str) -> Iterator[tuple[Any, list[str]]]:
    requested: list[str] = []
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            accept_downloads=True, viewport={"width": 1500, "height": 1000}, locale="vi-VN",
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.on("request", lambda request: requested.append(request.url))
            yield page, requested
        finally:
            context.close()


def _shot(page: Any, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    if folder := os.environ.get("TTDN_TEST_ARTEFACTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)
    return path


def test_an_officers_whole_path(browser_page: tuple[Any, list[str]], server: str, tmp_path: Path) -> None:
    page, requested = browser_page
    # 1. The commune, found without its marks.
    page.goto(f"{server}/new")
    page.fill("#q", "thanh mien")
    page.click("text=Tìm")
    assert "xã Thanh Miện (thành phố Hải Phòng), mã 11239" in page.inner_text("form.choose")
    page.fill("#year", "2025")
    page.check("input[name=family][value=party]")
    page.check("input[name=kind][value=plan]")
    _shot(page, tmp_path, "web-1-commune")
    page.click("text=Tạo biểu mẫu")

    # 2. The form, then the preview beside it.
    page.fill("[name=number]", "4")
    page.fill("[name=date]", "05/8/2025")
    # The skeleton's <<CẦN ĐIỀN>> marks: the signer and the city's Hướng dẫn number.
    page.fill("[name='signature.name']", "Vũ Minh Nguyệt")
    page.fill("[name='opening.bases.0.documents.1.number']", "08-HD/BTGDVTU")
    page.locator("button[value=preview]").first.click()
    preview = page.inner_text(".preview-pane")
    assert "Số 04-KH/ĐU" in preview
    assert "ngày 05 tháng 8 năm 2025" in preview
    _shot(page, tmp_path, "web-2-form-preview")

    # A wrong date is shown under its field.
    page.fill("[name=date]", "32/8/2025")
    page.locator("button[value=preview]").first.click()
    assert "tháng 8 năm 2025 chỉ có 31 ngày" in page.inner_text('[data-error-for="date"]')
    _shot(page, tmp_path, "web-3-wrong-date")
    page.fill("[name=date]", "05/8/2025")

    # 3. The .docx downloaded checks with 0 errors.
    with page.expect_download() as download:
        page.click("text=Tải tệp Word (.docx)")
    docx = tmp_path / download.value.suggested_filename
    download.value.save_as(str(docx))
    assert docx.name == "Ke-hoach-2025.docx"
    assert check_file(docx).errors == []

    # 4. A hand-typed file: its findings, then its fixed file.
    typed = tmp_path / "go-tay.docx"
    typed.write_bytes(typed_by_hand(docx.read_bytes()))
    page.goto(f"{server}/check")
    page.set_input_files("#file", str(typed))
    page.click("button:has-text('Kiểm tra')")
    page.wait_for_selector(".ttdn-findings")
    findings = page.locator(".ttdn-findings")
    assert int(findings.get_attribute("data-errors") or "0") > 0
    assert "Tệp go-tay.docx" in findings.inner_text()
    _shot(page, tmp_path, "web-4-findings")
    page.click("button:has-text('Sửa thể thức')")
    page.wait_for_selector("[data-el=changes]")
    assert page.locator("[data-el=changes] li").count() > 0
    _shot(page, tmp_path, "web-5-fixed")
    with page.expect_download() as fixed_download:
        page.click("[data-el=fixed-file]")
    fixed = tmp_path / "fixed.docx"
    fixed_download.value.save_as(str(fixed))
    assert check_file(fixed).errors == []

    # 5. Nothing was asked of another host.
    assert requested and all(url.startswith(server + "/") for url in requested), requested


def test_register_page_in_the_browser(browser_page: tuple[Any, list[str]], server: str, tmp_path: Path) -> None:
    page, requested = browser_page
    page.goto(f"{server}/register")
    form = page.locator("form", has=page.locator("button[value=next]"))
    form.locator("[name=issuer]").fill("Ủy ban nhân dân xã Thanh Miện")
    form.locator("[name=family]").select_option("state")
    form.locator("[name=date]").fill("05/8/2025")
    form.locator("button[value=next]").click()
    assert "Đã cấp số 01 cho Ủy ban nhân dân xã Thanh Miện" in page.inner_text("[data-el=notice]")
    assert "01" in page.inner_text("[data-el=entries]")
    _shot(page, tmp_path, "web-6-register")
    assert all(url.startswith(server + "/") for url in requested), requested


def test_the_outline_editor_in_the_browser(browser_page: tuple[Any, list[str]], server: str, tmp_path: Path) -> None:
    page, requested = browser_page
    page.goto(f"{server}/import")
    page.set_input_files("#file", str(Path(__file__).resolve().parents[1] / "examples" / "own_outline" / "plan.yaml"))
    page.click("text=Đọc tệp")
    # A new khoản under «Nhiệm vụ, giải pháp», moved up, with a paragraph of its own.
    page.click("button[value='new::outline.2.body']")
    page.fill("[name='outline.2.body.4.title']", "Kiểm tra, giám sát")
    page.click("button[value='up:outline.2.body.4']")
    page.click("button[value='new:~:outline.2.body.3.body']")
    page.fill("[name='outline.2.body.3.body.0._text']", "Định kỳ kiểm tra việc thực hiện Kế hoạch.")
    page.locator("button[value=preview]").first.click()
    preview = page.inner_text(".preview-pane")
    assert "4. Kiểm tra, giám sát" in preview and "Định kỳ kiểm tra việc thực hiện Kế hoạch." in preview
    assert preview.index("4. Kiểm tra, giám sát") < preview.index("Quảng bá hình ảnh địa phương")
    page.locator("[data-field='outline.2']").scroll_into_view_if_needed()
    _shot(page, tmp_path, "web-7-outline")
    assert all(url.startswith(server) for url in requested)
