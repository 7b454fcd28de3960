"""The type tables of both rule books, and types a profile adds (``DocumentKind`` is open).

Every type of each built-in profile's ``types:`` table renders as ``kind: document`` with
its name and its abbreviation in the ký hiệu and passes ``check`` (the render hook of
tests/check_every_render.py checks every rendered file); a user's profile adds a type
the library has no constant for.
"""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from typing import Any

import pytest
import yaml

from readback import open_docx, paragraphs_in_order
from ttdn_docs.admin import DocumentKind
from ttdn_docs.cli import main
from ttdn_docs.profiles import load_profile

from test_generic_document import PARTY_ISSUER, document_data, write_yaml

PROFILES = ("state-nd30-2020", "party-hd36-2018")
PROFILE_DIR = Path(__file__).resolve().parents[1] / "ttdn_docs" / "profiles" / "data"

# Nghị định 30/2020 Điều 7: the 29 types of administrative documents.
ND30_TYPES = {
    "Nghị quyết", "Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo", "Thông báo", "Hướng dẫn",
    "Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình", "Hợp đồng",
    "Công văn", "Công điện", "Bản ghi nhớ", "Bản thỏa thuận", "Giấy ủy quyền", "Giấy mời", "Giấy giới thiệu",
    "Giấy nghỉ phép", "Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Thư công",
}


def _data_for(profile_id: str, type_key: str) -> dict[str, Any]:
    data = document_data(profile=profile_id, type=type_key, addressees=["Các cơ quan, đơn vị trên địa bàn xã"], unit="VHXH")
    if profile_id.startswith("party"):
        data.update(
            issuer=PARTY_ISSUER, place="Thanh Miện", unit=None,
            signature={"collective": "Ban Thường vụ", "position": "Bí thư", "name": "Trần Văn Bình"},
            recipients={"items": ["Các chi, đảng bộ trực thuộc"], "archive": ["VPĐU"]},
        )
    return data


def _lines(path: Path) -> list[str]:
    return [p.text for p in paragraphs_in_order(open_docx(path)) if p.text.strip()]


@pytest.mark.parametrize(
    ("profile_id", "type_key"),
    [(p, key) for p in PROFILES for key in load_profile(p).types],
)
def test_every_type_of_the_table_renders_with_its_name_and_abbreviation(tmp_path: Path, profile_id: str, type_key: str) -> None:
    profile = load_profile(profile_id)
    entry = profile.document_type(type_key)
    source = write_yaml(tmp_path / "x.yaml", _data_for(profile_id, type_key))
    out = tmp_path / "x.docx"
    assert main(["render", str(source), "-o", str(out)]) == 0
    lines = _lines(out)
    number = next(line for line in lines if line.startswith("Số"))
    if entry.abbreviation is not None:
        assert entry.abbreviation in number.replace("Số", "", 1)
    else:  # a công văn under ND 30: body-unit
        assert number == "Số: 12/UBND-VHXH"
    if entry.family == "cong_van":
        assert entry.name.upper() not in lines  # no type title
    else:
        assert entry.name.upper() in lines


def test_the_state_table_is_article_7_of_nd30() -> None:
    state = load_profile("state-nd30-2020")
    names = {entry.name for entry in state.types.values()}
    assert ND30_TYPES <= names
    assert names - ND30_TYPES == {"Kết luận"}  # kept for the communes' own files (confidence: open)
    without = {key for key, entry in state.types.items() if entry.abbreviation is None}
    assert without == {"cong_van", "thu_cong"}
    assert state.document_type("quy_dinh").abbreviation == "QyĐ"
    assert {key for key, entry in state.types.items() if entry.family == "decision"} == {"nghi_quyet", "quyet_dinh"}
    assert state.document_type("giay_moi").family == "short_paper"


def test_the_party_table_has_the_party_abbreviations() -> None:
    party = load_profile("party-hd36-2018")
    assert party.document_type("quy_dinh").abbreviation == "QĐ"  # never the State's QyĐ
    assert party.document_type("cong_van").abbreviation == "CV"
    assert party.document_type("thong_tri").abbreviation == "TT"
    assert {"chi_thi", "quy_hoach", "de_an", "phuong_an", "bien_ban", "giay_gioi_thieu", "giay_moi"} <= set(party.types)
    assert not {"cuong_linh", "dieu_le", "tuyen_bo"} & set(party.types)  # Trung ương only
    # Every entry says where it comes from.
    assert all(entry.ref and entry.confidence for entry in party.types.values())


def test_a_cong_van_under_nd30_needs_its_drafting_unit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data_for("state-nd30-2020", "cong_van")
    del data["unit"]
    source = write_yaml(tmp_path / "cv.yaml", data)
    assert main(["render", str(source), "-o", str(tmp_path / "cv.docx")]) == 2
    err = capsys.readouterr().err
    assert "đơn vị soạn thảo" in err and "unit: VHXH" in err and "dòng 3" in err
    assert not (tmp_path / "cv.docx").exists()


# -- a type the library has no constant for ------------------------------------------------


def test_a_profile_adds_a_type_and_a_document_of_it_renders(tmp_path: Path) -> None:
    data = yaml.safe_load((PROFILE_DIR / "state-nd30-2020.yaml").read_text(encoding="utf-8"))
    data["id"] = "state-giay-khen"
    data["types"]["giay_khen"] = {"name": "Giấy khen", "abbreviation": "GK", "family": "short_paper"}
    profile_file = tmp_path / "state-giay-khen.yaml"
    profile_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    source = write_yaml(tmp_path / "gk.yaml", document_data(type="giay_khen", profile=str(profile_file)))
    out = tmp_path / "gk.docx"
    assert main(["render", str(source), "-o", str(out)]) == 0
    lines = _lines(out)
    assert "Số: 12/GK-UBND" in lines and "GIẤY KHEN" in lines
    # The built-in profile has no such type: named, with the field and line.
    assert main(["render", str(source), "-o", str(tmp_path / "no.docx"), "--profile", "state"]) == 2


def test_document_kind_is_open_interned_and_a_string() -> None:
    kind = DocumentKind("giay_khen")
    assert kind is DocumentKind("giay_khen") and kind == "giay_khen" and kind.value == "giay_khen"
    assert DocumentKind("cong_van") is DocumentKind.CONG_VAN
    assert pickle.loads(pickle.dumps(kind)) is kind and copy.deepcopy(kind) is kind
    assert f"{DocumentKind.KE_HOACH}" == "ke_hoach" and DocumentKind.KE_HOACH.name == "KE_HOACH"
    assert kind in DocumentKind and DocumentKind.CONG_VAN in list(DocumentKind)
    with pytest.raises(ValueError, match="không phải khóa tên loại văn bản"):
        DocumentKind("Giấy khen")


def test_the_register_counts_any_type_of_the_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = ["--register", str(tmp_path / "so.sqlite"), "--profile", "state", "--date", "05/08/2025"]
    issuer = ["--issuer", "Ủy ban nhân dân xã Hòa Phú"]
    assert main(["register", "next", *issuer, "--kind", "Giấy mời", *reg]) == 0
    assert main(["register", "next", *issuer, "--kind", "giay_moi", *reg]) == 0
    assert main(["register", "next", *issuer, "--kind", "Công điện", "--peek", *reg]) == 0
    out = capsys.readouterr().out
    assert "Đã cấp số 02 cho Ủy ban nhân dân xã Hòa Phú (Giấy mời, năm 2025)" in out
    assert "(Công điện, năm 2025): 01 (chưa cấp)" in out
    assert main(["register", "next", *issuer, "--kind", "Giấy khen", *reg]) == 2
    assert "Giấy khen" in capsys.readouterr().err
