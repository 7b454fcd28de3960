"""A rule book made from another with ``extends:`` and a few values: merged as data,
rendered, and detected by ``check`` without ``--profile`` from the name the file carries."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from readback import find, open_docx, run_facts
from ttdn_docs import load_profile
from ttdn_docs.check import check_file
from ttdn_docs.cli import main
from ttdn_docs.errors import ProfileError
from ttdn_docs.profiles.loader import PATH_ENV, merged

ROOT = Path(__file__).resolve().parents[1]
EXTENDED = ROOT / "examples" / "profiles" / "state-hoa-phu.yaml"
PLAN = ROOT / "examples" / "state_plan" / "plan.yaml"


def test_extends_merges_mappings_and_replaces_lists() -> None:
    base = load_profile("state-nd30-2020")
    profile = load_profile(EXTENDED)
    assert (profile.id, profile.family) == ("state-hoa-phu", "state")
    assert profile.number.digits == 3 and profile.number.template == base.number.template
    assert profile.elements.signer_name.italic and profile.elements.signer_name.bold == base.elements.signer_name.bold
    assert profile.elements.signer_name.size == base.elements.signer_name.size
    assert profile.recipients.archive_fixed == ["VT", "VP"]
    assert profile.model_copy(update={"id": base.id, "title": base.title, "number": base.number, "recipients": base.recipients,
                                      "elements": base.elements}) == base
    assert merged({"a": {"b": 1, "c": [1, 2]}}, {"a": {"c": [3]}}) == {"a": {"b": 1, "c": [3]}}


def _render_extended(folder: Path) -> Path:
    out = folder / "ke-hoach.docx"
    assert main(["render", str(PLAN), "-o", str(out), "--profile", str(EXTENDED)]) == 0
    return out


def test_third_rule_book_renders_and_is_detected_beside_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PATH_ENV, raising=False)
    out = _render_extended(tmp_path)
    doc = open_docx(out)
    assert find(doc, "Số: 045/KH-UBND") is not None and find(doc, "- Lưu: VT, VP, VHXH.") is not None
    assert run_facts(find(doc, "Nguyễn Văn A")).italic == {True}
    # Without its profile at hand the file is read as plain ND 30, which it breaks.
    plain = check_file(out)
    assert plain.profile == "state-nd30-2020" and any(f.rule == "STATE.SIGNER_NAME.ITALIC" for f in plain.findings)
    # The profile file beside the document: found by the id the file carries.
    shutil.copy(EXTENDED, tmp_path / EXTENDED.name)
    result = check_file(out)
    assert result.profile == "state-hoa-phu" and result.findings == []
    assert main(["check", str(out)]) == 0


def test_third_rule_book_is_found_in_the_profile_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    books = tmp_path / "books"
    books.mkdir()
    shutil.copy(EXTENDED, books / EXTENDED.name)
    out = _render_extended(tmp_path)
    monkeypatch.setenv(PATH_ENV, str(books))
    assert check_file(out).profile == "state-hoa-phu"
    assert load_profile("state-hoa-phu").number.digits == 3  # --profile by id works too


def test_a_profile_named_by_the_file_but_with_another_id_is_not_taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PATH_ENV, raising=False)
    out = _render_extended(tmp_path)
    data = yaml.safe_load(EXTENDED.read_text(encoding="utf-8"))
    data["id"] = "something-else"
    (tmp_path / EXTENDED.name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert check_file(out).profile == "state-nd30-2020"


def _write(path: Path, data: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_cycle_of_extends_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "a.yaml", {"id": "book-a", "extends": "b.yaml"})
    _write(tmp_path / "b.yaml", {"id": "book-b", "extends": "a.yaml"})
    with pytest.raises(ProfileError, match="vòng lặp") as caught:
        load_profile(tmp_path / "a.yaml")
    assert "a.yaml → " in str(caught.value) and "b.yaml" in str(caught.value)
    assert main(["render", str(PLAN), "-o", str(tmp_path / "x.docx"), "--profile", str(tmp_path / "a.yaml")]) == 2
    err = capsys.readouterr().err
    assert "vòng lặp" in err and "Traceback" not in err and not (tmp_path / "x.docx").exists()


def test_an_unknown_base_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("id: book-c\ntitle: C\nextends: state-nd31\n", encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert "không tìm thấy hồ sơ gốc 'state-nd31'" in message and "dòng 3" in message and "state-nd30-2020" in message


def test_a_bad_override_names_the_field(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.yaml", {"id": "book-d", "extends": "state", "elements": {"body": {"size": 40}}})
    with pytest.raises(ProfileError, match="elements.body"):
        load_profile(path)


def test_an_edited_base_is_read_afresh(tmp_path: Path) -> None:
    base = yaml.safe_load((ROOT / "ttdn_docs" / "profiles" / "data" / "state-nd30-2020.yaml").read_text(encoding="utf-8"))
    base["id"] = "my-base"
    _write(tmp_path / "my-base.yaml", base)
    child = _write(tmp_path / "child.yaml", {"id": "my-child", "title": "Con", "extends": "my-base.yaml", "number": {"digits": 3}})
    assert load_profile(child).number.template == "Số: {number}/{type}-{body}"
    base["number"]["template"] = "Số: {number}/{type}.{body}"
    _write(tmp_path / "my-base.yaml", base)
    assert load_profile(child).number.template == "Số: {number}/{type}.{body}"  # not the cached merge
