"""``kind: document``: any type of a profile's type table from one generic input.

Rendered through the CLI and the Python API and read back from the .docx; bad input is
one Vietnamese message naming the field and its YAML line, exit 2, no file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from readback import document_text, open_docx, paragraphs_in_order
from ttdn_docs.cli import main

STATE_ISSUER = {"name": ["Ủy ban nhân dân", "xã Hòa Phú"], "abbreviation": "UBND"}
PARTY_ISSUER = {"superior": ["Đảng bộ thành phố Hải Phòng"], "name": "Đảng uỷ xã Thanh Miện", "abbreviation": "ĐU"}


def document_data(**changes: Any) -> dict[str, Any]:
    """A State thông báo of a commune UBND, as an officer writes it."""
    data: dict[str, Any] = {
        "kind": "document",
        "profile": "state-nd30-2020",
        "type": "thong_bao",
        "issuer": STATE_ISSUER,
        "number": 12,
        "date": "2025-08-05",
        "place": "Hòa Phú",
        "summary": "kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban tháng 8",
        "outline": [
            "Ngày 04/8/2025, Chủ tịch Ủy ban nhân dân xã chủ trì cuộc họp giao ban.",
            {"title": "Đánh giá chung", "body": ["Các cơ quan, đơn vị đã hoàn thành nhiệm vụ tháng 7."]},
            {"title": "Nhiệm vụ tháng 8", "body": [{"bullets": ["Tuyên truyền trên hệ thống truyền thanh.", "Báo cáo kết quả trước ngày 30/8/2025."]}]},
        ],
        "recipients": {"items": ["Các cơ quan, đơn vị thuộc UBND xã"], "archive": ["VT", "VP"]},
        "signature": {"collective": "Ủy ban nhân dân", "position": "Chủ tịch", "name": "Nguyễn Văn An"},
    }
    data.update(changes)
    return data


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def texts(path: Path) -> list[str]:
    return [p.text for p in paragraphs_in_order(open_docx(path)) if p.text.strip()]


def test_a_thong_bao_renders_from_yaml_with_its_header_body_and_signature(tmp_path: Path) -> None:
    source = write_yaml(tmp_path / "tb.yaml", document_data())
    out = tmp_path / "tb.docx"
    assert main(["render", str(source), "-o", str(out)]) == 0
    lines = texts(out)
    assert "Số: 12/TB-UBND" in lines
    assert "THÔNG BÁO" in lines
    assert "Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban tháng 8" in lines
    assert "Ngày 04/8/2025, Chủ tịch Ủy ban nhân dân xã chủ trì cuộc họp giao ban." in lines
    assert any(line.lower().endswith("đánh giá chung") for line in lines)
    assert any("Báo cáo kết quả trước ngày 30/8/2025." in line for line in lines)
    assert "TM. ỦY BAN NHÂN DÂN" in lines and "Nguyễn Văn An" in lines
    assert "Hòa Phú, ngày 05 tháng 8 năm 2025" in lines


def test_json_input_gives_the_same_words(tmp_path: Path) -> None:
    source = tmp_path / "tb.json"
    source.write_text(json.dumps(document_data(), ensure_ascii=False), encoding="utf-8")
    from_yaml = write_yaml(tmp_path / "tb.yaml", document_data())
    assert main(["render", str(source), "-o", str(tmp_path / "a.docx")]) == 0
    assert main(["render", str(from_yaml), "-o", str(tmp_path / "b.docx")]) == 0
    assert document_text(open_docx(tmp_path / "a.docx")) == document_text(open_docx(tmp_path / "b.docx"))


def test_the_same_document_built_in_python_renders_the_same(tmp_path: Path) -> None:
    from ttdn_docs import GenericDocument, render_file
    from ttdn_docs.generic import Issuer, RecipientList, Signer

    document = GenericDocument(
        type="thong_bao",
        issuer=Issuer(name=["Ủy ban nhân dân", "xã Hòa Phú"], abbreviation="UBND"),
        number=12,
        date=dt.date(2025, 8, 5),
        place="Hòa Phú",
        summary="kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban tháng 8",
        outline=document_data()["outline"],
        recipients=RecipientList(items=["Các cơ quan, đơn vị thuộc UBND xã"], archive=["VT", "VP"]),
        signature=Signer(collective="Ủy ban nhân dân", position="Chủ tịch", name="Nguyễn Văn An"),
    )
    render_file(document, tmp_path / "py.docx")
    source = write_yaml(tmp_path / "tb.yaml", document_data())
    assert main(["render", str(source), "-o", str(tmp_path / "yaml.docx")]) == 0
    assert document_text(open_docx(tmp_path / "py.docx")) == document_text(open_docx(tmp_path / "yaml.docx"))


def test_a_quyet_dinh_prints_its_bases_and_articles(tmp_path: Path) -> None:
    data = document_data(
        type="quyet_dinh",
        summary="về việc thành lập Tổ công tác thông tin đối ngoại",
        bases=[
            {"kind": "Luật", "issuer": "Quốc hội", "subject": "Tổ chức chính quyền địa phương"},
            {"kind": "Nghị định", "number": "72/2015/NĐ-CP", "date": "2015-09-07", "issuer": "Chính phủ", "subject": "quản lý hoạt động thông tin đối ngoại"},
        ],
        outline=[
            {"title": "Thành lập Tổ công tác thông tin đối ngoại xã Hòa Phú."},
            {"title": "Quyết định này có hiệu lực kể từ ngày ký."},
        ],
    )
    out = tmp_path / "qd.docx"
    assert main(["render", str(write_yaml(tmp_path / "qd.yaml", data)), "-o", str(out)]) == 0
    lines = texts(out)
    assert "Số: 12/QĐ-UBND" in lines and "QUYẾT ĐỊNH" in lines
    assert "Căn cứ Luật của Quốc hội về Tổ chức chính quyền địa phương;" in lines
    assert any(line.startswith("Căn cứ Nghị định số 72/2015/NĐ-CP") and "ngày 7/9/2015 của Chính phủ" in line for line in lines)
    assert any("thành lập tổ công tác thông tin đối ngoại xã hòa phú." in line.lower() for line in lines)


def test_a_party_document_of_a_dang_uy(tmp_path: Path) -> None:
    data = document_data(
        profile="party-hd36-2018", issuer=PARTY_ISSUER, place="Thanh Miện",
        signature={"collective": "Ban Thường vụ", "position": "Bí thư", "name": "Trần Văn Bình"},
        recipients={"items": ["Các chi, đảng bộ trực thuộc"], "archive": ["VPĐU"]},
    )
    out = tmp_path / "tb.docx"
    assert main(["render", str(write_yaml(tmp_path / "tb.yaml", data)), "-o", str(out)]) == 0
    lines = texts(out)
    assert "Số 12-TB/ĐU" in lines and "ĐẢNG CỘNG SẢN VIỆT NAM" in lines
    assert "T/M BAN THƯỜNG VỤ" in lines


def test_a_type_the_profile_lacks_names_the_field_and_line_exit_2_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_yaml(tmp_path / "x.yaml", document_data(type="phieu_lạ".replace("ạ", "a")))
    out = tmp_path / "x.docx"
    assert main(["render", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "dòng 3" in err and "tên loại văn bản" in err and "'phieu_la'" in err
    assert "thong_bao (Thông báo)" in err  # the types the profile has
    assert "Traceback" not in err and not out.exists()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"type": "Công văn"}, "tên loại văn bản"),
        ({"number": "mười hai"}, "số văn bản"),
        ({"outline": [{"part": "tasks"}]}, "'part: tasks'"),
        ({"date": "2025-08-05", "year": 2024}, "không khớp"),
        ({"signatur": {}}, "signatur"),
        ({"type": "cong_van", "unit": "Văn hóa - Xã hội"}, "chữ viết tắt của đơn vị soạn thảo"),
    ],
    ids=["type-not-a-key", "number", "typed-part", "year", "unknown-key", "unit-typed-in-full"],
)
def test_bad_fields_are_named_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict[str, Any], words: str) -> None:
    source = write_yaml(tmp_path / "x.yaml", document_data(**change))
    assert main(["render", str(source), "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert words in err and "dòng" in err
    assert "Traceback" not in err and not (tmp_path / "x.docx").exists()


def test_an_unknown_kind_lists_document_among_the_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_yaml(tmp_path / "x.yaml", document_data(kind="letter"))
    assert main(["render", str(source), "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "'letter'" in err and "document" in err and "plan" in err


def test_preview_and_check_work_with_a_document(tmp_path: Path) -> None:
    source = write_yaml(tmp_path / "tb.yaml", document_data())
    html = tmp_path / "tb.html"
    assert main(["preview", str(source), "-o", str(html)]) == 0
    page = html.read_text(encoding="utf-8")
    assert "THÔNG BÁO" in page and "đánh giá chung" in page.lower()
    out = tmp_path / "tb.docx"
    assert main(["render", str(source), "-o", str(out), "--no-check"]) == 0
    assert main(["check", str(out)]) == 0


def test_schema_document_is_a_json_schema_with_the_vietnamese_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "document"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"].startswith("Văn bản")
    assert {"type", "issuer", "outline", "bases", "addressees", "annexes"} <= set(schema["properties"])
    assert schema["properties"]["type"]["description"] == "tên loại văn bản"


def test_a_draft_with_parts_still_to_write_renders_only_as_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_yaml(tmp_path / "x.yaml", document_data(summary="<<CẦN ĐIỀN: trích yếu>>"))
    assert main(["render", str(source), "-o", str(tmp_path / "x.docx")]) == 2
    assert "trích yếu: chưa điền" in capsys.readouterr().err
    assert main(["render", str(source), "-o", str(tmp_path / "x.docx"), "--draft"]) == 0


@pytest.mark.parametrize("profile", ["state", "party"])
@pytest.mark.parametrize("type_key", ["thong_bao", "quyet_dinh", "to_trinh"])
def test_init_document_writes_a_skeleton_of_the_commune_that_renders_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], profile: str, type_key: str
) -> None:
    out = tmp_path / "khung.yaml"
    assert main(["init", "document", "--type", type_key, "--commune", "11239", "--profile", profile, "-o", str(out)]) == 0
    assert "xã Thanh Miện" in capsys.readouterr().out
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["kind"] == "document" and data["type"] == type_key
    assert data["place"] == "Thanh Miện"
    assert "Thanh Miện" in " ".join(data["issuer"]["name"] if isinstance(data["issuer"]["name"], list) else [data["issuer"]["name"]])
    assert main(["render", str(out), "-o", str(tmp_path / "x.docx")]) == 2  # parts still to write
    assert "chưa điền" in capsys.readouterr().err
    assert main(["render", str(out), "-o", str(tmp_path / "x.docx"), "--draft"]) == 0


def test_init_document_refuses_a_type_the_profile_lacks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "khung.yaml"
    assert main(["init", "document", "--type", "khong_co", "--commune", "11239", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "'khong_co'" in err and "cong_van (Công văn)" in err and not out.exists()


def test_number_auto_counts_each_type_separately(tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite"
    for name, type_key in (("tb1", "thong_bao"), ("tb2", "thong_bao"), ("tt1", "to_trinh")):
        source = write_yaml(tmp_path / f"{name}.yaml", document_data(type=type_key, number="auto"))
        assert main(["render", str(source), "-o", str(tmp_path / f"{name}.docx"), "--register", str(register)]) == 0
    assert "Số: 01/TB-UBND" in texts(tmp_path / "tb1.docx")
    assert "Số: 02/TB-UBND" in texts(tmp_path / "tb2.docx")
    assert "Số: 01/TTr-UBND" in texts(tmp_path / "tt1.docx")


# -- another tool's own kind ---------------------------------------------------------------


def test_a_registered_kind_loads_renders_and_has_a_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from typing import Literal

    from ttdn_docs import register_document_kind
    from ttdn_docs.api import DOCUMENT_MODELS, load_document
    from ttdn_docs.document_kinds import unregister_document_kind
    from ttdn_docs.generic import GenericDocument

    class Invitation(GenericDocument):
        kind: Literal["invitation"] = "invitation"  # type: ignore[assignment]

    register_document_kind("invitation", Invitation)
    try:
        source = write_yaml(tmp_path / "x.yaml", document_data(kind="invitation"))
        assert isinstance(load_document(source), Invitation)
        assert "invitation" in DOCUMENT_MODELS
        assert main(["schema", "invitation"]) == 0
        assert json.loads(capsys.readouterr().out)["title"] == "invitation (ttdn-docs)"
        assert main(["render", str(source), "-o", str(tmp_path / "x.docx")]) == 0
        assert "THÔNG BÁO" in texts(tmp_path / "x.docx")
    finally:
        unregister_document_kind("invitation")
    assert "invitation" not in DOCUMENT_MODELS


def test_a_kind_declared_by_an_entry_point_is_picked_up_by_the_cli(tmp_path: Path) -> None:
    """A package that declares ``[project.entry-points."ttdn_docs.document_kinds"]``."""
    site = tmp_path / "site"
    (site / "their_tool").mkdir(parents=True)
    (site / "their_tool" / "__init__.py").write_text(
        "from typing import Literal\nfrom ttdn_docs.generic import GenericDocument\n\n"
        "class Notice(GenericDocument):\n    kind: Literal['notice'] = 'notice'\n",
        encoding="utf-8",
    )
    dist = site / "their_tool-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: their-tool\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[ttdn_docs.document_kinds]\nnotice = their_tool:Notice\n", encoding="utf-8")
    source = write_yaml(tmp_path / "x.yaml", document_data(kind="notice"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "ttdn_docs.cli", *args], capture_output=True, text=True, env=env, timeout=120)

    schema = run("schema", "notice")
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["properties"]["kind"]["default"] == "notice"
    rendered = run("render", str(source), "-o", str(tmp_path / "x.docx"))
    assert rendered.returncode == 0, rendered.stderr
    assert "THÔNG BÁO" in texts(tmp_path / "x.docx")
    unknown = run("schema", "nothing")
    assert unknown.returncode == 2 and "notice" in unknown.stderr and "document" in unknown.stderr


# -- the issuing bodies of a commune (profile ``bodies:``) ----------------------------------


def test_init_document_for_a_chi_bo_writes_its_header_and_signer(tmp_path: Path) -> None:
    out = tmp_path / "gm.yaml"
    args = ["init", "document", "--type", "giay_moi", "--profile", "party", "--body", "chi_bo", "--commune", "11239"]
    assert main([*args, "--unit-name", "Thôn Đông", "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["issuer"] == {"superior": ["Đảng bộ xã Thanh Miện"], "name": "Chi bộ Thôn Đông", "abbreviation": "CB"}
    assert data["signature"]["collective"] == "Chi bộ" and data["recipients"]["archive"] == ["Chi bộ"]
    docx = tmp_path / "gm.docx"
    assert main(["render", str(out), "-o", str(docx), "--draft"]) == 0
    lines = texts(docx)
    assert "CHI BỘ THÔN ĐÔNG" in lines and "T/M CHI BỘ" in lines and "GIẤY MỜI" in lines
    assert any(line.endswith("-GM/CB") for line in lines)


def test_a_body_needing_its_own_name_or_unknown_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["init", "document", "--type", "thong_bao", "--profile", "party", "--commune", "11239", "-o", str(tmp_path / "x.yaml")]
    assert main([*base, "--body", "chi_bo"]) == 2
    assert "--unit-name" in capsys.readouterr().err
    assert main([*base, "--body", "hdnd"]) == 2
    err = capsys.readouterr().err
    assert "'hdnd'" in err and "chi_bo (Chi bộ)" in err and not (tmp_path / "x.yaml").exists()


def test_a_state_skeleton_of_the_hdnd_signs_for_the_council(tmp_path: Path) -> None:
    out = tmp_path / "tb.yaml"
    assert main(["init", "document", "--type", "thong_bao", "--body", "hdnd", "--commune", "11239", "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["issuer"]["name"] == ["Hội đồng nhân dân", "xã Thanh Miện"] and data["issuer"]["abbreviation"] == "HĐND"
    assert "commune_code" not in data["issuer"]  # the official list names the UBND, not the HĐND
    assert data["signature"]["collective"] == "Hội đồng nhân dân"


def test_a_deputy_of_a_cap_uy_does_not_sign_k_t(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = document_data(
        profile="party-hd36-2018", issuer=PARTY_ISSUER, place="Thanh Miện",
        signature={"authority": "deputy", "head_title": "Bí thư", "position": "Phó Bí thư", "name": "Trần Văn Bình"},
        recipients={"items": ["Các chi, đảng bộ trực thuộc"], "archive": ["VPĐU"]},
    )
    source = write_yaml(tmp_path / "tb.yaml", data)
    assert main(["render", str(source), "-o", str(tmp_path / "tb.docx")]) == 2
    err = capsys.readouterr().err
    assert "thẩm quyền ký" in err and "K/T" in err and "collective" in err and "dòng" in err
    assert not (tmp_path / "tb.docx").exists()
    # Signing for the collective with his own post is the form.
    data["signature"] = {"collective": "Ban Thường vụ", "authority": "deputy", "position": "Phó Bí thư", "name": "Trần Văn Bình"}
    assert main(["render", str(write_yaml(source, data)), "-o", str(tmp_path / "tb.docx")]) == 0
    assert {"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"} <= set(texts(tmp_path / "tb.docx"))


def test_the_bodies_are_profile_data_with_seal_and_deputy_rules() -> None:
    from ttdn_docs.profiles import load_profile

    party = load_profile("party-hd36-2018").bodies
    assert party["chi_bo"].seal is False and party["dang_uy"].seal is True
    assert not any(party[key].deputy_for_head for key in ("ban_thuong_vu", "dang_uy", "chi_bo"))
    assert party["van_phong"].deputy_for_head  # an advisory body: K/T CHÁNH VĂN PHÒNG
    assert set(load_profile("state-nd30-2020").bodies) == {"ubnd", "hdnd", "ubmttq"}


def test_batch_renders_a_document_template_for_each_commune(tmp_path: Path) -> None:
    template = {
        "kind": "document", "profile": "state-nd30-2020", "type": "giay_moi", "number": 5, "date": "2025-08-05",
        "summary": "về việc dự Hội nghị triển khai công tác thông tin đối ngoại",
        "outline": ["Ủy ban nhân dân {{ commune.full_name }} trân trọng kính mời đại diện các cơ quan, đơn vị tới dự."],
        "recipients": {"items": ["Như trên"], "archive": ["VT"]},
        "signature": {"collective": "Ủy ban nhân dân", "position": "Chủ tịch", "name": "Nguyễn Văn A"},
    }
    source = write_yaml(tmp_path / "mau.yaml", template)
    table = tmp_path / "xa.csv"
    table.write_text("code\n11239\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(source), "--communes", str(table), "-o", str(out), "-j", "1"]) == 0
    lines = texts(out / "11239-xa-thanh-mien.docx")
    assert "XÃ THANH MIỆN" in lines and "Số: 05/GM-UBND" in lines and "GIẤY MỜI" in lines
    assert "Ủy ban nhân dân xã Thanh Miện trân trọng kính mời đại diện các cơ quan, đơn vị tới dự./." in lines
