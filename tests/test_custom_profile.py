"""A third rule book is a data file and no code: a profile written here renders."""

from __future__ import annotations

from pathlib import Path

import yaml

from readback import find, open_docx, run_facts, with_style
from ttdn_docs import load_profile
from ttdn_docs.cli import main
from ttdn_docs.profiles.loader import DATA_DIR
from ttdn_docs.render.templates import committed_template_path

ROOT = Path(__file__).resolve().parents[1]


def write_profile(tmp_path: Path) -> Path:
    """The Party rule book with a 13 pt body (as a future guide might set) and its own id."""
    data = yaml.safe_load((DATA_DIR / "party-hd36-2018.yaml").read_text(encoding="utf-8"))
    data["id"] = "party-body-13pt"
    data["title"] = "Văn bản của Đảng — nội dung 13 pt (hồ sơ thử)"
    data["elements"]["body"] = {**data["elements"]["body"], "size": 13, "size_range": [13, 15]}
    data["elements"]["bullets"] = [
        {**bullet, "style": data["elements"]["body"]} for bullet in data["elements"]["bullets"]
    ]
    path = tmp_path / "party-body-13pt.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_profile_file_written_here_renders(tmp_path: Path) -> None:
    path = write_profile(tmp_path)
    profile = load_profile(path)
    assert profile.id == "party-body-13pt" and committed_template_path(profile.id) is None
    out = tmp_path / "ke-hoach.docx"
    plan = ROOT / "examples" / "thanh_mien_2025" / "plan.yaml"
    assert main(["render", str(plan), "-o", str(out), "--profile", str(path)]) == 0
    doc = open_docx(out)
    body = with_style(doc, "TTDN Noi dung") + with_style(doc, "TTDN Gach dau dong")
    assert body and all(run_facts(p).sizes == {13} for p in body)
    # Everything else is still the Party's form.
    assert run_facts(find(doc, "KẾ HOẠCH")).sizes == {16}
    assert find(doc, "Số 04-KH/ĐU") and find(doc, "T/M BAN THƯỜNG VỤ")
    assert run_facts(find(doc, "I. MỤC ĐÍCH, YÊU CẦU")).sizes == {14}


def test_bad_profile_file_is_one_clear_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(write_profile(tmp_path).read_text(encoding="utf-8"))
    data["elements"]["body"]["size"] = 16  # outside its own range 13–15
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    plan = ROOT / "examples" / "thanh_mien_2025" / "plan.yaml"
    assert main(["render", str(plan), "-o", str(tmp_path / "x.docx"), "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Hồ sơ thể thức không hợp lệ" in err and "elements.body" in err
    assert not (tmp_path / "x.docx").exists()


def test_a_profile_with_one_bullet_level_writes_sub_items_at_that_level(party) -> None:  # type: ignore[no-untyped-def]
    import io

    import docx

    from ttdn_docs.admin import BulletItem, BulletList
    from ttdn_docs.profiles.grammar import body_lines
    from ttdn_docs.render import render_docx
    from ttdn_docs.ttdn import load_plan
    from conftest import THANH_MIEN

    single = party.model_copy(update={"id": "party-one-bullet", "elements": party.elements.model_copy(update={"bullets": party.elements.bullets[:1]})})
    lines = body_lines(single, [BulletList(items=[BulletItem(text="ý", items=["ý con"])])])
    assert [(line.role, line.text) for line in lines] == [("bullet_1", "- ý"), ("bullet_1", "- ý con")]
    data = load_plan(THANH_MIEN).model_dump(mode="json")
    data["purposes"] = [{"text": "Ý lớn", "items": ["Ý con không được mất"]}]
    reopened = docx.Document(io.BytesIO(render_docx(load_plan(data).to_document(), single)))
    assert "- Ý con không được mất" in [p.text for p in reopened.paragraphs]
