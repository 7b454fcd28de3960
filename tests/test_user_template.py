"""A user's template (copied from templates/ and edited) is checked before rendering:
unknown and missing placeholders are listed with their location, all at once; a template
that reaches for attributes it should not is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readback import document_text, open_docx
from ttdn_docs.errors import TemplateProblemError
from ttdn_docs.profiles import Profile
from ttdn_docs.render import render_docx
from ttdn_docs.render.package import read_entries, write_entries
from ttdn_docs.render.templates import committed_template_path


def edited_template(tmp_path: Path, profile: Profile, edit) -> Path:  # type: ignore[no-untyped-def]
    source = committed_template_path(profile.id)
    assert source is not None
    entries = [(n, edit(b.decode()).encode() if n == "word/document.xml" else b) for n, b in read_entries(source.read_bytes())]
    path = tmp_path / "mine.docx"
    path.write_bytes(write_entries(entries))
    return path


def test_unchanged_copy_renders_like_the_builtin(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    path = edited_template(tmp_path, party, lambda xml: xml)
    document = thanh_mien_plan.to_document()
    assert render_docx(document, party, path) == render_docx(document, party)


def test_restyled_template_keeps_the_data(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    # A user changes the title size to 15 pt in Word: the text stays, the style follows the template.
    path = edited_template(tmp_path, party, lambda xml: xml.replace('<w:sz w:val="32"/>', '<w:sz w:val="30"/>'))
    out = tmp_path / "out.docx"
    out.write_bytes(render_docx(thanh_mien_plan.to_document(), party, path))
    assert "KẾ HOẠCH" in document_text(open_docx(out))


@pytest.mark.robustness(kind="User template with unknown or missing placeholders", behaviour="refused before rendering; every problem listed at once with its table cell or paragraph")
def test_unknown_and_missing_placeholders_listed_with_locations(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    def edit(xml: str) -> str:
        xml = xml.replace("{{ header.number }}", "{{ header.numbr }}", 1)
        xml = xml.replace("{{ title.summary }}", "{{ ten_xa }}", 1)
        return xml.replace("{{ signature.name }}", "{{ signature.nam }}", 1)

    path = edited_template(tmp_path, party, edit)
    with pytest.raises(TemplateProblemError) as info:
        render_docx(thanh_mien_plan.to_document(), party, path)
    message = str(info.value)
    assert "'header.numbr'" in message and "'ten_xa'" in message and "'signature.nam'" in message
    assert "thiếu chỗ điền bắt buộc 'header.number'" in message
    assert "thiếu chỗ điền bắt buộc 'title.summary'" in message
    assert "bảng 1, hàng 1, ô 1" in message  # header.numbr sits in the header table's left cell
    assert re.search(r"thân văn bản, đoạn \d+: dữ liệu 'ten_xa'", message)


@pytest.mark.robustness(kind="User template without the body loop", behaviour="refused: content would silently vanish")
def test_missing_body_loop_is_refused(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    path = edited_template(tmp_path, party, lambda xml: xml.replace("line in body", "line in recipients"))
    with pytest.raises(TemplateProblemError, match="thiếu chỗ điền bắt buộc 'body'"):
        render_docx(thanh_mien_plan.to_document(), party, path)


@pytest.mark.robustness(kind="User template reaching for Python internals (__class__, __mro__)", behaviour="refused by the static check")
def test_template_reaching_for_internals_is_refused(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    path = edited_template(
        tmp_path, party, lambda xml: xml.replace("{{ title.kind }}", "{{ title.__class__.__mro__ }}{{ title.kind }}", 1)
    )
    with pytest.raises(TemplateProblemError, match="__class__"):
        render_docx(thanh_mien_plan.to_document(), party, path)


@pytest.mark.robustness(kind="Template code execution attempt past the static check", behaviour="refused by the Jinja sandbox with a message")
def test_sandbox_blocks_code_even_past_the_static_check(party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    from ttdn_docs.render.context import build_context
    from ttdn_docs.render.engine import CompiledTemplate

    source = committed_template_path(party.id)
    assert source is not None
    entries = [
        (n, b.decode().replace("{{ title.kind }}", "{{ (title.kind).__class__.__base__.__subclasses__() }}", 1).encode()
         if n == "word/document.xml" else b)
        for n, b in read_entries(source.read_bytes())
    ]
    compiled = CompiledTemplate(write_entries(entries), "evil.docx")
    with pytest.raises(TemplateProblemError, match="an toàn"):
        compiled.render(build_context(thanh_mien_plan.to_document(), party))


@pytest.mark.robustness(kind="User template with broken Jinja syntax", behaviour="refused with the paragraph/cell of each error")
def test_syntax_errors_are_reported_with_location(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    path = edited_template(tmp_path, party, lambda xml: xml.replace("{{ title.kind }}", "{{ title.kind ", 1))
    with pytest.raises(TemplateProblemError, match=r"thân văn bản, đoạn \d+: lỗi cú pháp thẻ"):
        render_docx(thanh_mien_plan.to_document(), party, path)


@pytest.mark.robustness(kind="User template that is not a .docx", behaviour="refused with a message")
def test_not_a_docx_template(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "fake.docx"
    path.write_text("not a zip")
    with pytest.raises(TemplateProblemError, match="không phải tệp Word .docx"):
        render_docx(thanh_mien_plan.to_document(), party, path)


@pytest.mark.robustness(kind="User template that is a zip bomb or carries a DTD (entities)", behaviour="refused by the safe reader before any XML is parsed")
def test_hostile_template_packages_are_refused(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    source = committed_template_path(party.id)
    assert source is not None
    entries = read_entries(source.read_bytes())
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(write_entries([*entries, ("word/media/zeros.bin", bytes(150 * 1024 * 1024))]))
    with pytest.raises(TemplateProblemError, match="quá lớn khi giải nén|bom zip"):
        render_docx(thanh_mien_plan.to_document(), party, bomb)
    dtd = tmp_path / "dtd.docx"
    lol = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document/>'
    dtd.write_bytes(write_entries([(n, lol if n == "word/document.xml" else b) for n, b in entries]))
    with pytest.raises(TemplateProblemError, match="DTD|ENTITY|thực thể"):
        render_docx(thanh_mien_plan.to_document(), party, dtd)


@pytest.mark.robustness(kind="A 200 MB file given as template or to the checker", behaviour="refused from its size before it is read")
def test_a_200_mb_file_is_refused_before_reading(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    from ttdn_docs.check import check_file
    from ttdn_docs.errors import UnsafeDocxError

    huge = tmp_path / "huge.docx"
    with huge.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.write(b"PK\x03\x04")
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(TemplateProblemError, match="quá lớn"):
        render_docx(thanh_mien_plan.to_document(), party, huge)
    with pytest.raises(UnsafeDocxError, match="quá lớn"):
        check_file(huge)


@pytest.mark.robustness(kind="User template that lost a body branch (e.g. the table or a bullet level)", behaviour="refused before rendering: that content would silently vanish")
def test_template_missing_a_body_role_is_refused(tmp_path: Path, party: Profile, thanh_mien_plan) -> None:  # type: ignore[no-untyped-def]
    path = edited_template(tmp_path, party, lambda xml: xml.replace('line.role == "bullet_2"', 'line.role == "bullet_9"'))
    with pytest.raises(TemplateProblemError, match="không có nhánh cho loại đoạn 'bullet_2'"):
        render_docx(thanh_mien_plan.to_document(), party, path)
