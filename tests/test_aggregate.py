"""Aggregation of the units' result files (YAML, CSV, XLSX) into the commune's report."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EXAMPLES, THANH_MIEN
from ttdn_docs.api import aggregate_files, init_report, load_report
from ttdn_docs.errors import InputError
from ttdn_docs.ttdn import ForeignInfoPlan
from ttdn_docs.ttdn.aggregate import aggregate, unit_match_key
from ttdn_docs.ttdn.report import ForeignInfoReport
from ttdn_docs.ttdn.unit_results import UnitFile, UnitResults, load_unit_file, cell_figure

UNIT_DIR = EXAMPLES / "thanh_mien_2025" / "unit_results"
UNIT_FILES = sorted([*UNIT_DIR.glob("*.yaml"), *UNIT_DIR.glob("*.csv")])
REPORT = EXAMPLES / "thanh_mien_2025" / "report.yaml"
MTTQ = "Ủy ban Mặt trận Tổ quốc Việt Nam xã"


@pytest.fixture(scope="module")
def scaffold(thanh_mien_plan: ForeignInfoPlan) -> ForeignInfoReport:
    return init_report(thanh_mien_plan)


def _unit(source: str, **data: object) -> UnitFile:
    return UnitFile(source, UnitResults.model_validate({"unit": MTTQ, **data}))


def _ind(key: str, unit: str = "buổi", **figures: object) -> dict[str, object]:
    return {"key": key, "name": key, "unit": unit, **figures}


def _figures(report: ForeignInfoReport) -> list[tuple[str, str, Decimal | None, Decimal | None, Decimal | None]]:
    return [(i.key, i.unit, i.value, i.target, i.previous) for i in report.indicators]


# -- the example folder --------------------------------------------------------------------


def test_example_unit_files_aggregate_into_the_example_report() -> None:
    merged = aggregate_files(UNIT_FILES, plan=THANH_MIEN)
    example = load_report(REPORT)
    assert _figures(merged.report) == _figures(example)
    assert merged.report.sections.results.by_unit == example.sections.results.by_unit
    assert merged.not_reported == [] and merged.report.not_reported == []
    assert len(merged.files) == 8 and merged.extra_units == []


def test_merging_again_into_the_report_changes_nothing() -> None:
    example = load_report(REPORT)
    again = aggregate_files(UNIT_FILES, base=REPORT)
    assert again.report == example


def test_sums_and_percentages(scaffold: ForeignInfoReport) -> None:
    merged = aggregate_files(UNIT_FILES, base=scaffold).report
    by_key = {i.key: i for i in merged.indicators}
    members = by_key["dang_vien_quan_triet"]  # three chi bộ: 52/54 + 47/47 + 61/63
    assert (members.value, members.target) == (Decimal(160), Decimal(164))
    assert members.ratio() == Decimal("97.56")
    meetings = by_key["hoi_nghi_sinh_hoat"]  # Ban XDĐ 2, MTTQ 6, chi bộ 12 + 12 + 11
    assert (meetings.value, meetings.previous, meetings.change()) == (Decimal(43), Decimal(38), Decimal(5))
    assert by_key["luot_tiep_can"].value == Decimal(18600)  # "18.600" in the CSV
    # The report's name and unit win over a unit file's wording.
    assert by_key["tin_bai_cong_ttdt"].name == "Tin, bài trên Cổng (Trang) thông tin điện tử xã"


def test_group_members_are_named_before_their_results(scaffold: ForeignInfoReport) -> None:
    merged = aggregate_files(UNIT_FILES, base=scaffold).report
    group = merged.sections.results.by_unit[-1]
    assert group.unit == "Các Chi, Đảng bộ trực thuộc Đảng ủy xã"
    assert [r.split(":")[0] for r in group.texts()] == [f"Chi bộ khu dân cư số {n}" for n in (1, 2, 3)]


# -- units that did not report, and units the plan does not name -------------------------


def test_a_unit_that_did_not_report_is_listed(scaffold: ForeignInfoReport) -> None:
    without_mttq = [f for f in UNIT_FILES if f.name != "mttq.yaml"]
    merged = aggregate_files(without_mttq, base=scaffold)
    assert merged.not_reported == [MTTQ]
    assert merged.report.not_reported == [MTTQ]
    assert f"Đơn vị chưa gửi báo cáo: {MTTQ}." in merged.summary_lines()
    # Its entries stay marked, so the report is not printed without them.
    mttq = merged.report.sections.results.by_unit[1]
    assert all("CẦN ĐIỀN" in text for text in mttq.texts())
    assert any(p.path.startswith("sections.results.by_unit.1.") for p in merged.report.missing_parts())


def test_a_unit_not_in_the_plan_is_added_and_reported(scaffold: ForeignInfoReport) -> None:
    police = UnitFile(
        "cong-an.yaml",
        UnitResults.model_validate(
            {"unit": "Công an xã", "results": ["Nắm tình hình người nước ngoài trên địa bàn."], "indicators": [_ind("hoi_nghi_sinh_hoat", value=1)]}
        ),
    )
    merged = aggregate(scaffold, [police])
    assert merged.extra_units == ["Công an xã"]
    assert merged.report.sections.results.by_unit[-1].unit == "Công an xã"
    assert "Công an xã" in merged.summary_lines()[-2]


def test_unit_names_match_across_spellings() -> None:
    assert unit_match_key("Phòng Văn hóa – Xã hội") == unit_match_key("PHÒNG VĂN HOÁ - XÃ HỘI")
    assert unit_match_key("Trung tâm Văn hóa, Thể thao và Truyền thông") == unit_match_key(
        "trung-tam-van-hoa-the-thao-va-truyen-thong"
    )
    assert unit_match_key("Đảng uỷ") == unit_match_key("dang uy")


# -- errors --------------------------------------------------------------------------------


def test_a_mismatched_unit_of_measure_names_both_files(scaffold: ForeignInfoReport) -> None:
    a = _unit("a.yaml", indicators=[_ind("x", unit="tin, bài", value=3)])
    b = UnitFile("b.csv", UnitResults.model_validate({"unit": "Ban Xây dựng Đảng", "indicators": [_ind("x", unit="bài", value=4)]}))
    with pytest.raises(InputError) as info:
        aggregate(scaffold, [a, b])
    (problem,) = info.value.problems
    assert problem.path == "indicators.x"
    assert "'bài' trong b.csv" in problem.message and "'tin, bài' trong a.yaml" in problem.message


def test_a_unit_of_measure_that_disagrees_with_the_report_is_an_error(scaffold: ForeignInfoReport) -> None:
    a = _unit("mttq.yaml", indicators=[_ind("hoi_nghi_sinh_hoat", unit="cuộc", value=3)])
    with pytest.raises(InputError, match="'cuộc' trong mttq.yaml, 'buổi' trong báo cáo gốc"):
        aggregate(scaffold, [a])


def test_one_unit_reporting_a_key_twice_is_an_error(scaffold: ForeignInfoReport) -> None:
    a = _unit("mttq.yaml", indicators=[_ind("x", value=3)])
    b = _unit("mttq-chi-tieu.csv", indicators=[_ind("x", value=3)])
    with pytest.raises(InputError, match="báo cáo chỉ tiêu này hai lần: mttq.yaml và mttq-chi-tieu.csv"):
        aggregate(scaffold, [a, b])


def test_percentages_are_not_summed(scaffold: ForeignInfoReport) -> None:
    a = _unit("a.yaml", indicators=[_ind("ty_le", unit="%", value=90)])
    b = UnitFile("b.yaml", UnitResults.model_validate({"unit": "Ban Xây dựng Đảng", "indicators": [_ind("ty_le", unit="%", value=80)]}))
    with pytest.raises(InputError, match="tỷ lệ % không cộng được"):
        aggregate(scaffold, [a, b])


def test_a_total_given_by_some_files_only_is_an_error(scaffold: ForeignInfoReport) -> None:
    a = _unit("a.yaml", indicators=[_ind("x", value=3, target=4)])
    b = UnitFile("b.yaml", UnitResults.model_validate({"unit": "Ban Xây dựng Đảng", "indicators": [_ind("x", value=4)]}))
    with pytest.raises(InputError, match=r"tổng số/chỉ tiêu \(target\) có trong a.yaml nhưng thiếu trong b.yaml"):
        aggregate(scaffold, [a, b])


def test_a_file_of_another_year_is_an_error(scaffold: ForeignInfoReport) -> None:
    with pytest.raises(InputError, match="a.yaml: năm 2024 khác năm của báo cáo"):
        aggregate(scaffold, [_unit("a.yaml", year=2024)])


def test_aggregate_needs_files_and_a_base() -> None:
    with pytest.raises(InputError, match="chưa có tệp"):
        aggregate_files([], plan=THANH_MIEN)
    with pytest.raises(InputError, match="--base"):
        aggregate_files(UNIT_FILES)


# -- sheets: CSV and XLSX ------------------------------------------------------------------


def test_csv_with_vietnamese_headers_and_numbers() -> None:
    sheet = load_unit_file(UNIT_DIR / "trung-tam-vhtttt-chi-tieu.csv")
    assert sheet.data.unit == "Trung tâm Văn hóa, Thể thao và Truyền thông"
    figures = {i.key: (i.value, i.previous) for i in sheet.data.indicators}
    assert figures["luot_tiep_can"] == (Decimal(18600), Decimal(12400))
    assert figures["thong_tin_sai_lech"] == (Decimal(7), None)


def test_csv_with_english_headers_and_the_file_name_as_unit(tmp_path: Path) -> None:
    path = tmp_path / "phong-van-hoa-xa-hoi.csv"
    path.write_text("key,name,unit,value,target,previous\nty_le,Tỷ lệ hộ dùng Zalo,%,\"93,41\",,\nx,X,buổi,3,,2\n", encoding="utf-8")
    sheet = load_unit_file(path)
    assert sheet.data.unit == "phong-van-hoa-xa-hoi"
    assert unit_match_key(sheet.data.unit) == unit_match_key("Phòng Văn hóa – Xã hội")
    assert [(i.key, i.value, i.previous) for i in sheet.data.indicators] == [
        ("ty_le", Decimal("93.41"), None),
        ("x", Decimal(3), Decimal(2)),
    ]


def test_csv_problems_name_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "don-vi.csv"
    path.write_text("Mã;Chỉ tiêu;Đơn vị tính;Kết quả\nx;X;buổi;ba\n;Tổng cộng;;9\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_unit_file(path)
    described = [p.describe() for p in info.value.problems]
    assert described[0] == "dòng 2, kết quả của chỉ tiêu x: 'ba' không phải là số (viết ví dụ 1.234 hoặc 97,56)"
    assert described[1].startswith("dòng 3: dòng có số liệu nhưng thiếu mã chỉ tiêu")


def test_a_sheet_without_a_header_row_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="không tìm thấy dòng tiêu đề"):
        load_unit_file(path)


def _workbook(path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Đơn vị:", "Chi bộ khu dân cư số 4"])
    sheet.append(["Thuộc: Các Chi, Đảng bộ trực thuộc Đảng ủy xã"])
    sheet.append(["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Thực hiện", "Tổng số", "Năm trước"])
    sheet.append([1, "dang_vien_quan_triet", "Đảng viên được quán triệt, tuyên truyền", "đảng viên", 30, 31, None])
    sheet.append([2, "hoi_nghi_sinh_hoat", "Hội nghị, buổi sinh hoạt có nội dung thông tin đối ngoại", "buổi", "12", None, 10])
    sheet.append([3, "ty_le_zalo", "Tỷ lệ hộ tham gia nhóm Zalo", "%", 0.9341, None, None])
    sheet.cell(row=6, column=5).number_format = "0.00%"
    workbook.save(path)
    return path


def test_xlsx_of_a_group_member(tmp_path: Path, scaffold: ForeignInfoReport) -> None:
    sheet = load_unit_file(_workbook(tmp_path / "chi-bo-4.xlsx"))
    assert (sheet.data.unit, sheet.data.plan_unit) == ("Chi bộ khu dân cư số 4", "Các Chi, Đảng bộ trực thuộc Đảng ủy xã")
    values = {i.key: i.value for i in sheet.data.indicators}
    assert values == {"dang_vien_quan_triet": Decimal(30), "hoi_nghi_sinh_hoat": Decimal(12), "ty_le_zalo": Decimal("93.41")}
    merged = aggregate(scaffold, [sheet])
    assert merged.reported == ["Các Chi, Đảng bộ trực thuộc Đảng ủy xã"]
    new = merged.report.indicators[-1]
    assert (new.key, new.unit, new.value) == ("ty_le_zalo", "%", Decimal("93.41"))


def test_xlsx_without_openpyxl_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _workbook(tmp_path / "a.xlsx")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(InputError, match=r"pip install \"ttdn-docs\[xlsx\]\""):
        load_unit_file(path)


def test_unsupported_file_type(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="định dạng tệp không được hỗ trợ"):
        load_unit_file(tmp_path / "a.docx")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1.234", Decimal(1234)),
        ("1.234.567", Decimal(1234567)),
        ("1.234,5", Decimal("1234.5")),
        ("93,41", Decimal("93.41")),
        ("93.41", Decimal("93.41")),
        (" 312 ", Decimal(312)),
        (312, Decimal(312)),
        (93.41, Decimal("93.41")),
        ("", None),
        (None, None),
    ],
)
def test_sheet_numbers_follow_vietnamese_writing(cell: object, expected: Decimal | None) -> None:
    assert cell_figure(cell) == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("ba", "'ba' không phải là số"),
        ("1,234.5", "'1,234.5' viết theo kiểu tiếng Anh; viết 1.234,5"),
        ("12%", "'12%': chỉ chỉ tiêu có đơn vị tính % mới viết dấu %"),
        (True, "'True' không phải là số"),
        ("-3", "'-3' không phải là số"),
    ],
)
def test_sheet_numbers_that_are_not_numbers(cell: object, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        cell_figure(cell)
    assert str(caught.value).startswith(message)
