"""``ttdn-docs serve``: every page and every error path through Starlette's TestClient.

The officer's path: a commune found without its marks, the form generated from the
model, the preview, downloads read back and checked, last year's file imported and rolled
over, a hand-typed file checked and fixed, the register; and the guards: CSRF, the upload
cap, the host, the CSP, escaping, the temporary folder.
"""

from __future__ import annotations

import re
from html import unescape
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason='needs the web extra: pip install "ttdn-docs[web]"')
pytest.importorskip("httpx", reason="Starlette's TestClient needs httpx (test extra)")

from starlette.testclient import TestClient  # noqa: E402

from conftest import requires_libreoffice  # noqa: E402
from ttdn_docs.check import check_file  # noqa: E402
from ttdn_docs.docxread import open_docx  # noqa: E402
from ttdn_docs.errors import TtdnError  # noqa: E402
from ttdn_docs.limits import InputKind  # noqa: E402
from ttdn_docs.web import create_app  # noqa: E402
from ttdn_docs.web.common import CHOICE_LABELS  # noqa: E402
from ttdn_docs.web.security import CONTENT_SECURITY_POLICY  # noqa: E402
from ttdn_docs.web.serve import HOST, bind, make_server  # noqa: E402
from typed_by_hand import typed_by_hand  # noqa: E402
from web_forms import external, form_fields, referenced_urls  # noqa: E402

BASE = "http://127.0.0.1"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture()
def app(tmp_path: Path):  # type: ignore[no-untyped-def]
    return create_app(register=tmp_path / "so.sqlite")


@pytest.fixture()
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, base_url=BASE) as c:
        yield c


def _csrf(client: TestClient) -> str:
    return str(client.app.state.csrf)  # type: ignore[attr-defined]


def _new_plan(client: TestClient, family: str = "party", kind: str = "plan") -> dict[str, str]:
    response = client.post(
        "/new", data={"csrf": _csrf(client), "commune": "11239", "year": "2025", "family": family, "kind": kind}
    )
    assert response.status_code == 200, response.text
    return form_fields(response.text, "doc")


def _filled(client: TestClient) -> dict[str, str]:
    fields = _new_plan(client)
    fields.update(number="4", date="05/8/2025")
    # What the officer types over the skeleton's <<CẦN ĐIỀN>> marks (signer, cited numbers).
    for name, value in fields.items():
        if "CẦN ĐIỀN" in value:
            fields[name] = "Vũ Minh Nguyệt" if name == "signature.name" else "08-HD/BTGDVTU"
    return fields


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


def _errors_at(html: str, name: str) -> list[str]:
    found = re.findall(rf'data-error-for="{re.escape(name)}">([^<]*)<', html)
    return [unescape(e) for e in found]


# -- pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/new", "/new?q=thanh+mien", "/import", "/check", "/register", "/style.css"])
def test_every_page_opens_with_the_strict_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src" not in CONTENT_SECURITY_POLICY and "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert response.headers["x-frame-options"] == "DENY"


def test_every_form_that_posts_carries_the_csrf_token(client: TestClient) -> None:
    token = _csrf(client)
    pages = [client.get(p).text for p in ("/new?q=thanh+mien", "/import", "/check", "/register")]
    pages.append(client.post("/document", data=_filled(client)).text)
    forms = [f for html in pages for f in re.findall(r"<form\b[^>]*>.*?</form>", html, re.S)]
    posting = [f for f in forms if 'method="post"' in f]
    assert len(posting) >= 7
    for form in posting:
        assert f'<input type="hidden" name="csrf" value="{token}">' in form
    assert all('method="get"' in f and "csrf" not in f for f in forms if f not in posting)  # no token in a URL


def test_commune_search_survives_missing_marks(client: TestClient) -> None:
    html = client.get("/new", params={"q": "thanh mien"}).text
    assert "xã Thanh Miện (thành phố Hải Phòng), mã 11239" in _text(html)
    assert 'value="11239"' in html
    missing = client.get("/new", params={"q": "khong co xa nay"}).text
    assert "Không tìm thấy xã, phường, đặc khu tên «khong co xa nay»" in missing


def test_form_follows_the_model_titles_and_shapes(client: TestClient) -> None:
    fields = _new_plan(client)
    html = client.post("/document", data=fields).text
    # Titles from Field(title=…), widgets by shape, one line per list item.
    for title in ("Cơ quan ban hành", "Số văn bản", "Ngày ban hành", "Trích yếu", "Mục đích", "Đơn vị thực hiện", "Người ký"):
        assert title in html
    assert fields["purposes~w"] == "outline" and len(fields["purposes"].splitlines()) == 4
    assert fields["recipients.archive~w"] == "lines" and fields["recipients.archive"] == "VPĐU"
    assert fields["kind"] == "plan" and fields["tasks.0.unit"] == "Ban Xây dựng Đảng"
    assert fields["recipients.items.0.name"] == "TT Đảng ủy"


def test_preview_shows_the_number_and_the_date_line(client: TestClient) -> None:
    response = client.post("/document", data=_filled(client))
    assert response.status_code == 200
    preview = _text(response.text.split('class="preview-pane"', 1)[1])
    assert "Số 04-KH/ĐU" in preview
    assert "ngày 05 tháng 8 năm 2025" in preview


def test_a_wrong_date_is_shown_next_to_its_field_in_the_cli_words(client: TestClient) -> None:
    fields = _filled(client)
    fields["date"] = "32/8/2025"
    response = client.post("/document", data=fields)
    assert response.status_code == 400
    (message,) = _errors_at(response.text, "date")
    assert message == "ngày ban hành: '32/8/2025' không phải ngày có thật: tháng 8 năm 2025 chỉ có 31 ngày"
    assert 'value="32/8/2025"' in response.text  # what was typed stays in the field
    fields["date"] = "05/8/2024"
    fields["year"] = "2026"
    other = client.post("/document", data=fields).text
    assert "ngày ban hành 5/8/2024 không thuộc năm kế hoạch 2026" in unescape(other)


def test_a_required_list_left_empty_names_the_field(client: TestClient) -> None:
    fields = _filled(client)
    fields["purposes"] = ""
    response = client.post("/document", data=fields)
    assert response.status_code == 400
    # Without an author's outline the plan's typed parts are required (the CLI's words).
    assert _errors_at(response.text, "purposes") == ["thiếu trường bắt buộc 'purposes' (mục đích)"]


def test_list_items_are_added_moved_and_removed(client: TestClient) -> None:
    fields = _filled(client)
    units = [fields[f"tasks.{i}.unit"] for i in range(3)]
    moved = form_fields(client.post("/document", data={**fields, "_op": "down:tasks.0"}).text, "doc")
    assert [moved[f"tasks.{i}.unit"] for i in range(3)] == [units[1], units[0], units[2]]
    removed = form_fields(client.post("/document", data={**moved, "_op": "del:tasks.1"}).text, "doc")
    assert removed["tasks.0.unit"] == units[1] and removed["tasks.1.unit"] == units[2]
    added_html = client.post("/document", data={**removed, "_op": "add:tasks"}).text
    added = form_fields(added_html, "doc")
    last = max(int(k.split(".")[1]) for k in added if k.startswith("tasks.") and k.endswith(".unit"))
    assert added[f"tasks.{last}.unit"] == ""
    assert not _errors_at(added_html, f"tasks.{last}.unit")  # a new item is not an error yet
    added[f"tasks.{last}.unit"] = "Đoàn Thanh niên xã"
    added[f"tasks.{last}.tasks"] = "Tuyên truyền trên mạng xã hội"
    preview = _text(client.post("/document", data=added).text.split('class="preview-pane"', 1)[1])
    assert "Đoàn Thanh niên xã" in preview and "Tuyên truyền trên mạng xã hội" in preview
    assert units[0] not in [v for k, v in added.items() if k.endswith(".unit")]


def _own_outline_form(client: TestClient) -> tuple[str, dict[str, str]]:
    plan = (Path(__file__).resolve().parents[1] / "examples" / "own_outline" / "plan.yaml").read_bytes()
    opened = client.post("/import", data={"csrf": _csrf(client)}, files={"file": ("ke-hoach.yaml", plan, "application/yaml")})
    assert opened.status_code == 200, opened.text
    return opened.text, form_fields(opened.text, "doc")


def test_outline_sections_are_added_moved_and_removed_in_the_page(client: TestClient) -> None:
    html, fields = _own_outline_form(client)
    for label in ("+ Thêm mục", "+ Thêm đoạn", "+ Thêm danh sách", "+ Thêm bảng"):
        assert 'value="new:' in html and label in html
    assert fields["outline.2.title"] == "Nhiệm vụ, giải pháp"
    moved = form_fields(client.post("/document", data={**fields, "_op": "up:outline.3"}).text, "doc")
    assert moved["outline.2.title"] == "Kinh phí thực hiện" and moved["outline.3.title"] == "Nhiệm vụ, giải pháp"
    added_html = client.post("/document", data={**moved, "_op": "new::outline.3.body"}).text
    added = form_fields(added_html, "doc")
    assert added["outline.3.body.4.title"] == "" and not _errors_at(added_html, "outline.3.body.4")
    added["outline.3.body.4.title"] = "Kiểm tra, giám sát"
    with_text = form_fields(client.post("/document", data={**added, "_op": "new:~:outline.3.body.4.body"}).text, "doc")
    with_text["outline.3.body.4.body.0._text"] = "Định kỳ kiểm tra việc thực hiện Kế hoạch."
    removed = form_fields(client.post("/document", data={**with_text, "_op": "del:outline.2"}).text, "doc")
    assert removed["outline.2.title"] == "Nhiệm vụ, giải pháp"
    page = client.post("/document", data=removed)
    assert page.status_code == 200
    preview = _text(page.text.split('class="preview-pane"', 1)[1])
    assert "Kiểm tra, giám sát" in preview and "Định kỳ kiểm tra việc thực hiện Kế hoạch." in preview
    assert "Kinh phí thực hiện" not in preview
    yaml_text = client.post("/download/yaml", data=removed).text
    assert "title: Kiểm tra, giám sát" in yaml_text and "- Định kỳ kiểm tra việc thực hiện Kế hoạch." in yaml_text


def test_an_outline_error_shows_next_to_its_field(client: TestClient) -> None:
    _, fields = _own_outline_form(client)
    fields["outline.3.body.1.table"] = "columns: [Nội dung, Kinh phí]\nrows:\n  - [Chỉ một ô]\n"
    fields["outline.2.body.0.body.0.bullets"] = ""
    response = client.post("/document", data=fields)
    assert response.status_code == 400
    assert _errors_at(response.text, "outline.3.body.1.table") == [
        "bảng của nội dung mục thứ 2 của dàn ý thứ 4: bảng có 2 cột nhưng dòng 1 có 1 ô"
    ]
    assert _errors_at(response.text, "outline.2.body.0.body.0.bullets") == [
        "gạch đầu dòng của nội dung mục thứ 1 của nội dung mục thứ 1 của dàn ý thứ 3: cần ít nhất 1 mục"
    ]


def test_an_indented_line_is_a_sub_bullet(client: TestClient) -> None:
    fields = _filled(client)
    fields["purposes"] = "Tuyên truyền chủ trương của Đảng.\n  Ý nhỏ thứ nhất.\n  Ý nhỏ thứ hai.\nNâng cao nhận thức."
    yaml_text = client.post("/download/yaml", data=fields).text
    assert "- text: Tuyên truyền chủ trương của Đảng." in yaml_text
    assert "Ý nhỏ thứ hai." in yaml_text
    again = form_fields(client.post("/document", data=fields).text, "doc")
    assert again["purposes"] == fields["purposes"]


def test_text_is_always_escaped(client: TestClient) -> None:
    fields = _filled(client)
    fields["summary"] = '<script>alert("x")</script> & <b>đậm</b>'
    html = client.post("/document", data=fields).text
    assert "<script>" not in html and "<b>đậm</b>" not in html
    assert "&lt;script&gt;" in html


def test_no_page_references_another_host(client: TestClient) -> None:
    pages = [client.get(p).text for p in ("/", "/new?q=thanh+mien", "/import", "/check", "/register")]
    pages.append(client.post("/document", data=_filled(client)).text)
    pages.append(client.get("/style.css").text)
    for html in pages:
        urls = referenced_urls(html)
        assert not [u for u in urls if external(u)]
    assert "/style.css" in referenced_urls(pages[0])


# -- downloads ----------------------------------------------------------------------------


def test_the_downloaded_docx_checks_clean(client: TestClient) -> None:
    response = client.post("/download/docx", data=_filled(client))
    assert response.status_code == 200
    assert response.headers["content-type"] == DOCX
    assert 'filename="Ke-hoach-2025.docx"' in response.headers["content-disposition"]
    result = check_file(response.content)
    assert result.errors == [] and result.profile == "party-hd36-2018"
    text = "\n".join(p.text for p in open_docx(response.content).paragraphs)
    assert "Số 04-KH/ĐU" in text and "ngày 05 tháng 8 năm 2025" in text


def test_an_incomplete_document_downloads_only_as_a_draft(client: TestClient) -> None:
    fields = _filled(client)
    fields["purposes"] = "<<CẦN ĐIỀN: mục đích năm nay>>"
    refused = client.post("/download/docx", data=fields)
    assert refused.status_code == 400
    assert "đánh dấu «bản dự thảo»" in refused.text
    assert _errors_at(refused.text, "purposes")
    draft = client.post("/download/docx", data={**fields, "marks.draft": "on"})
    assert draft.status_code == 200 and "DỰ THẢO" in "\n".join(p.text for p in open_docx(draft.content).paragraphs)


def test_the_yaml_download_opens_again(client: TestClient) -> None:
    data = client.post("/download/yaml", data=_filled(client))
    assert data.status_code == 200 and data.headers["content-type"].startswith("application/yaml")
    files = {"file": ("ke-hoach.yaml", data.content, "application/yaml")}
    opened = client.post("/import", data={"csrf": _csrf(client)}, files=files)
    assert opened.status_code == 200
    fields = form_fields(opened.text, "doc")
    assert fields["number"] == "4" and fields["date"] == "5/8/2025"


@requires_libreoffice
def test_the_pdf_download(client: TestClient) -> None:
    response = client.post("/download/pdf", data=_filled(client))
    assert response.status_code == 200, _text(response.text)[:500]
    assert response.headers["content-type"] == "application/pdf" and response.content.startswith(b"%PDF")
    # The PDF checked in its turn: judged by the same rules, offered no «Sửa thể thức».
    files = {"file": ("ke-hoach.pdf", response.content, "application/pdf")}
    checked = client.post("/check", data={"csrf": _csrf(client)}, files=files)
    assert checked.status_code == 200
    assert 'class="ttdn-findings"' in checked.text
    assert "Tệp ke-hoach.pdf (hồ sơ party-hd36-2018)" in _text(checked.text)
    assert 'action="/fix"' not in checked.text and "Tệp PDF chỉ được kiểm tra" in checked.text


def test_without_libreoffice_no_pdf_button_and_a_clear_message(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import ttdn_docs.office

    monkeypatch.setattr(ttdn_docs.office, "soffice_path", lambda: None)
    fields = _filled(client)
    html = client.post("/document", data=fields).text
    assert 'formaction="/download/pdf"' not in html and "Tải PDF cần LibreOffice" in html
    refused = client.post("/download/pdf", data=fields)
    assert refused.status_code == 400 and "Cần LibreOffice (lệnh soffice)" in unescape(refused.text)


# -- from last year's file ----------------------------------------------------------------


def test_import_a_word_file_then_roll_over(client: TestClient) -> None:
    docx = client.post("/download/docx", data=_filled(client)).content
    imported = client.post("/import", data={"csrf": _csrf(client)}, files={"file": ("Kế hoạch 2025.docx", docx, DOCX)})
    assert imported.status_code == 200
    assert "Đã đọc «Kế hoạch 2025.docx»" in imported.text
    fields = form_fields(imported.text, "doc")
    assert fields["number"] == "4" and fields["year"] == "2025"
    rolled = client.post("/document", data={**fields, "_op": "rollover"})
    assert rolled.status_code == 200
    assert "Đã chuyển sang năm 2026" in rolled.text
    new = form_fields(rolled.text, "doc")
    assert new["year"] == "2026" and new["number"] == "" and new["date"] == ""
    assert "năm 2026" in new["summary"]


def test_a_new_report_is_scaffolded_from_the_commune_plan(client: TestClient) -> None:
    fields = _new_plan(client, kind="report")
    assert fields["kind"] == "report"
    html = client.post("/document", data=fields).text
    assert "Báo cáo" in html and "DỰ THẢO" in _text(html.split('class="preview-pane"', 1)[1])
    assert _errors_at(html, "plan.number")  # still to write: the cited plan's number


@pytest.mark.parametrize("path", ["/import", "/check"])
def test_a_pdf_renamed_docx_is_refused_in_words(client: TestClient, path: str) -> None:
    files = {"file": ("ke-hoach.docx", b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF", DOCX)}
    response = client.post(path, data={"csrf": _csrf(client)}, files=files)
    assert response.status_code == 400
    (message,) = [unescape(m) for m in re.findall(r'data-el="problem">([^<]*)<', response.text)]
    assert "không phải tệp Word" in message or "không phải tệp .docx" in message
    assert "Traceback" not in response.text and "/tmp" not in message


def test_an_upload_of_another_kind_is_refused(client: TestClient) -> None:
    files = {"file": ("anh.png", b"\x89PNG\r\n", "image/png")}
    response = client.post("/import", data={"csrf": _csrf(client)}, files=files)
    assert response.status_code == 400 and "không phải tệp Word" in response.text


# -- check and fix ------------------------------------------------------------------------


def test_check_a_hand_typed_file_then_fix_it(client: TestClient) -> None:
    typed = typed_by_hand(client.post("/download/docx", data=_filled(client)).content)
    checked = client.post("/check", data={"csrf": _csrf(client), "profile": ""}, files={"file": ("go-tay.docx", typed, DOCX)})
    assert checked.status_code == 200
    table = checked.text.split('data-el="findings"', 1)[1]
    errors = int(re.search(r'data-errors="(\d+)"', table).group(1))  # type: ignore[union-attr]
    assert errors > 0
    assert "Tệp go-tay.docx" in table and "đoạn" in table  # places in the officer's words
    fix_form = form_fields(checked.text.split('action="/fix"', 1)[1].split("</form>", 1)[0].join(("<form>", "</form>")))
    fixed = client.post("/fix", data=fix_form)
    assert fixed.status_code == 200
    changes = re.findall(r"<li>([^<]*)</li>", fixed.text.split('data-el="changes"', 1)[1].split("</ul>", 1)[0])
    assert changes and "Không có thay đổi" not in changes[0]
    link = re.search(r'href="(/files/[^"]+)"', fixed.text).group(1)  # type: ignore[union-attr]
    download = client.get(link)
    assert download.status_code == 200 and download.headers["content-type"] == DOCX
    assert check_file(download.content).errors == []


def test_a_fix_of_a_file_no_longer_kept(client: TestClient) -> None:
    response = client.post("/fix", data={"csrf": _csrf(client), "token": "khong-co"})
    assert response.status_code == 410 and "hãy tải tệp lên lại" in response.text
    assert client.get("/files/khong-co/x.docx").status_code == 404


# -- the register -------------------------------------------------------------------------


def test_register_next_peek_void(client: TestClient, tmp_path: Path) -> None:
    base = {"csrf": _csrf(client), "issuer": "Ủy ban nhân dân xã Thanh Miện", "kind": "ke_hoach", "family": "state", "date": "05/8/2025"}
    peek = client.post("/register", data={**base, "action": "peek"})
    assert "Số tiếp theo của Ủy ban nhân dân xã Thanh Miện (Kế hoạch, năm 2025): 01 (chưa cấp)" in peek.text
    for n in ("01", "02"):
        taken = client.post("/register", data={**base, "action": "next", "summary": "công tác thông tin đối ngoại"})
        assert f"Đã cấp số {n} cho Ủy ban nhân dân xã Thanh Miện" in taken.text
    no_reason = client.post("/register", data={**base, "action": "void", "number": "1"})
    assert no_reason.status_code == 400 and _errors_at(no_reason.text, "reason") == ["hãy ghi lý do hủy số"]
    void = client.post("/register", data={**base, "action": "void", "number": "1", "reason": "ghi nhầm trích yếu"})
    assert "Đã hủy số 01 (Kế hoạch) của Ủy ban nhân dân xã Thanh Miện: ghi nhầm trích yếu" in void.text
    listing = _text(client.get("/register").text)
    assert "năm 2025 01 đã hủy 05/08/2025 công tác thông tin đối ngoại ghi nhầm trích yếu" in listing
    assert "02 đã cấp" in listing
    again = client.post("/register", data={**base, "action": "peek"})
    assert "): 03 (chưa cấp)" in again.text  # a voided number is never given again


def test_register_wrong_date_and_party_term(client: TestClient) -> None:
    base = {"csrf": _csrf(client), "issuer": "Đảng ủy xã Thanh Miện", "kind": "ke_hoach", "family": "party"}
    wrong = client.post("/register", data={**base, "action": "next", "date": "31/2/2026"})
    assert wrong.status_code == 400
    assert _errors_at(wrong.text, "date") == ["'31/2/2026' không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày"]
    no_term = client.post("/register", data={**base, "action": "next", "date": "05/8/2025"})
    assert no_term.status_code == 400 and "chưa có ngày bắt đầu nhiệm kỳ" in no_term.text
    term = client.post("/register", data={**base, "action": "term", "start": "01/7/2025"})
    assert "Đã ghi nhiệm kỳ của Đảng ủy xã Thanh Miện bắt đầu 01/07/2025" in term.text
    taken = client.post("/register", data={**base, "action": "next", "date": "05/8/2025"})
    assert "Đã cấp số 01 cho Đảng ủy xã Thanh Miện (Kế hoạch, nhiệm kỳ từ 01/07/2025)" in taken.text


def test_register_page_without_a_register_says_how_to_start_it() -> None:
    with TestClient(create_app(register=None), base_url=BASE) as client:
        assert "ttdn-docs serve --register so-van-ban.sqlite" in client.get("/register").text
        refused = client.post("/register", data={"csrf": _csrf(client), "action": "peek", "issuer": "x"})
        assert refused.status_code == 400


def test_number_auto_takes_the_next_number_from_the_register(client: TestClient, tmp_path: Path) -> None:
    fields = _filled(client)
    fields["number"] = "auto"
    client.post("/register", data={"csrf": _csrf(client), "issuer": "Đảng ủy xã Thanh Miện", "action": "term", "start": "01/7/2025"})
    response = client.post("/download/docx", data=fields)
    assert response.status_code == 200, _text(response.text)[:400]
    assert "Số 01-KH/ĐU" in "\n".join(p.text for p in open_docx(response.content).paragraphs)


# -- guards -------------------------------------------------------------------------------

POSTS = ["/new", "/document", "/download/docx", "/import", "/check", "/fix", "/register"]


@pytest.mark.parametrize("path", POSTS)
def test_a_form_without_its_csrf_token_is_refused(client: TestClient, path: str) -> None:
    missing = client.post(path, data={"kind": "plan"})
    assert missing.status_code == 403
    assert "biểu mẫu thiếu mã bảo vệ" in missing.text
    wrong = client.post(path, data={"csrf": "sai", "kind": "plan"})
    assert wrong.status_code == 403


def test_a_form_from_another_origin_is_refused(client: TestClient) -> None:
    response = client.post("/document", data=_filled(client), headers={"Origin": "http://evil.example"})
    assert response.status_code == 403 and "gửi từ trang khác" in response.text


def test_another_host_name_is_refused(client: TestClient) -> None:
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200


def test_an_upload_over_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    assert create_app().state.max_upload == InputKind.WORD.max_bytes == 50 * 1024 * 1024
    app = create_app(max_upload=10_000)
    with TestClient(app, base_url=BASE) as client:
        big = {"file": ("lon.docx", b"0" * 20_000, DOCX)}
        response = client.post("/check", data={"csrf": _csrf(client)}, files=big)
        assert response.status_code == 413
        assert "tệp quá lớn" in response.text and "giới hạn cho tệp Word (.docx) là" in response.text
        assert not list(app.state.workspace.root.iterdir())  # nothing was written


def test_files_live_only_in_a_temporary_folder_removed_afterwards(app) -> None:  # type: ignore[no-untyped-def]
    assert app.state.workspace._root is None  # nothing on disk before the first request that needs it
    root = app.state.workspace.root
    with TestClient(app, base_url=BASE) as client:
        assert client.post("/download/docx", data=_filled(client)).status_code == 200
        assert not list(root.iterdir())  # the render's own folder is gone
        typed = typed_by_hand(client.post("/download/docx", data=_filled(client)).content)
        client.post("/check", data={"csrf": _csrf(client)}, files={"file": ("a.docx", typed, DOCX)})
        assert [p.name.startswith("kept-") for p in root.iterdir()] == [True]  # kept for «Sửa thể thức»
    assert not root.exists()


def test_unknown_page_and_method(client: TestClient) -> None:
    assert "Không có trang này" in client.get("/khong-co").text
    assert client.get("/document").status_code == 405


# -- the server ---------------------------------------------------------------------------


def _addresses() -> list[str]:
    """This machine's addresses other than loopback (none in a closed container)."""
    found = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent for UDP connect
        found.add(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    return sorted(a for a in found if not a.startswith("127.") and a != "0.0.0.0")


def test_the_server_listens_on_127_0_0_1_only(tmp_path: Path) -> None:
    listening = bind(0)
    host, port = listening.getsockname()
    assert host == HOST == "127.0.0.1"
    server = make_server(tmp_path / "so.sqlite")
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        with socket.create_connection((HOST, port), timeout=5) as conn:
            conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            reply = conn.recv(200)
        assert reply.startswith(b"HTTP/1.1 200")
        for address in _addresses():
            with pytest.raises(OSError):
                socket.create_connection((address, port), timeout=2).close()
        mine = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:] if line.split()[3] == "0A"]
        ours = [a for a in mine if int(a.split(":")[1], 16) == port]
        assert ours == [f"0100007F:{port:04X}"]  # LISTEN on 127.0.0.1 only, no IPv6 socket either
        assert not any(int(line.split()[1].split(":")[1], 16) == port for line in _tcp6())
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listening.close()


def _tcp6() -> list[str]:
    path = Path("/proc/net/tcp6")
    return [line for line in path.read_text().splitlines()[1:] if line.split()[3] == "0A"] if path.exists() else []


def test_a_busy_port_is_one_clear_message() -> None:
    first = bind(0)
    try:
        with pytest.raises(TtdnError, match="đang được dùng"):
            bind(first.getsockname()[1])
    finally:
        first.close()


def test_serve_is_a_subcommand_without_a_host_option(capsys: pytest.CaptureFixture[str]) -> None:
    from ttdn_docs.cli import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    help_text = capsys.readouterr().out
    assert "--port" in help_text and "--register" in help_text and "--no-browser" in help_text
    assert "--host" not in help_text
    assert main(["serve", "--port", "70000", "--no-browser"]) == 2
    assert "Cổng 70000 không hợp lệ" in capsys.readouterr().err


def test_choices_show_the_officers_words_and_post_the_data_keys(client: TestClient) -> None:
    html, fields = _own_outline_form(client)
    part_fields = [name for name in fields if name.endswith(".part")]
    assert part_fields, "the own-outline plan names its parts"
    # Every part the select offers is named in Vietnamese; the value posted stays the key.
    assert '<option value="tasks"' in html and ">tổ chức thực hiện (nhiệm vụ các đơn vị)</option>" in html
    assert ">tasks</option>" not in html and ">purposes_and_requirements</option>" not in html
    assert {fields[name] for name in part_fields} <= set(CHOICE_LABELS) | {""}
    assert client.post("/document", data=fields).status_code == 200
