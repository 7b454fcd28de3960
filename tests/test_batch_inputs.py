"""What goes into a batch: placeholders in a sandbox, the per-commune table, typed row
values, safe file names, typed dates; and ``init plan``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from readback import find, open_docx
from ttdn_docs.batch import Expander, PlanTemplate, commune_fields, read_table
from ttdn_docs.plan_template.row_values import apply_row, field_columns
from ttdn_docs.plan_template.table import TableRow
from ttdn_docs.cli import main
from ttdn_docs.errors import InputError
from ttdn_docs.filenames import safe_filename
from ttdn_docs.skeletons import plan_skeleton, plan_skeleton_data
from ttdn_docs.ttdn import ForeignInfoPlan, load_plan
from ttdn_docs.units import get_commune
from ttdn_docs.vn import parse_numeric_date

THANH_MIEN = get_commune("11239")


def fields(row: dict[str, str] | None = None) -> dict:  # type: ignore[type-arg]
    return commune_fields(THANH_MIEN, "party", row, 2025)


def expand(text: str, row: dict[str, str] | None = None) -> str:
    expander = Expander({"k": text})
    if expander.problems:
        raise AssertionError(expander.problems[0].message)
    return expander.expand(fields(row))["k"]  # type: ignore[no-any-return]


def test_documented_fields_expand() -> None:
    assert expand("{{ commune.full_name }}, {{ commune.place }}, {{ commune.code }}") == "xã Thanh Miện, Thanh Miện, 11239"
    assert expand("{{ province.full_name | upper }} {{ issuer.name }} {{ year }}") == (
        "THÀNH PHỐ HẢI PHÒNG Đảng ủy xã Thanh Miện 2025"
    )
    assert expand("{{ units[0] }} / {{ row.signer }}", {"signer": "Vũ Minh Nguyệt"}) == "Ban Xây dựng Đảng / Vũ Minh Nguyệt"
    assert expand("{{ row.signer | default('…', true) }}", {"signer": ""}) == "…"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("{{ commune.__class__ }}", "không có trường 'commune.__class__'"),
        ("{{ commune.items() }}", "không được gọi hàm"),
        ("{{ ''.__class__.__mro__ }}", "chỉ dùng các trường đã mô tả"),
        ("{{ commune.name.upper() }}", "không được gọi hàm"),
        ("{{ 'x' * 100000000 }}", "phép tính"),
        ("{{ row.signer }}", "không có trường 'row.signer'"),
        ("{{ units[99] }}", "không có phần tử thứ 99"),
    ],
)
@pytest.mark.robustness(kind="Plan-template placeholders reaching beyond the documented fields", behaviour="refused by the sandbox with a message")
def test_sandbox_refuses_anything_but_documented_fields(text: str, phrase: str) -> None:
    with pytest.raises(Exception) as caught:
        expand(text)
    assert phrase in str(caught.value)


@pytest.mark.parametrize("text", ["{{ range(10) }}", "{{ lipsum() }}", "{{ x }}", "{{ commune|attr('items') }}", "{{ a"])
def test_unknown_names_filters_and_syntax_are_refused_at_load(text: str) -> None:
    with pytest.raises(InputError) as caught:
        PlanTemplate.parse(yaml.safe_dump({"year": 2025, "summary": text}), "mau.yaml")
    assert "trường 'summary'" in str(caught.value) and "chỗ điền" in str(caught.value)


@pytest.mark.robustness(kind="Table values with YAML syntax (injection)", behaviour="kept as text; the YAML structure cannot change")
def test_row_text_cannot_change_the_yaml_structure() -> None:
    hostile = "x: y\nsignature: {name: hacked}\n- z # {{ commune.code }}"
    template = PlanTemplate.load(Path(__file__).resolve().parents[1] / "examples" / "batch" / "plan-template.yaml")
    template.data["summary"] = "{{ row.note }}"
    template = PlanTemplate.parse(yaml.safe_dump(template.data, allow_unicode=True), "mau.yaml")
    row = TableRow(2, "11239", {"code": "11239", "note": hostile, "signer": "Vũ Minh Nguyệt"})
    columns, _ = field_columns(ForeignInfoPlan, ["code", "note", "signer"])
    plan = template.plan_for(THANH_MIEN, "party", row, columns, "t.csv")
    assert plan.summary == "x: y signature: {name: hacked} - z # {{ commune.code }}"  # text, cleaned, not re-expanded
    assert plan.signature.name == "Vũ Minh Nguyệt"


def test_plain_fields_may_not_hold_placeholders() -> None:
    with pytest.raises(InputError, match="trường 'profile'"):
        PlanTemplate.parse("profile: '{{ row.p }}'\nyear: 2025\n", "mau.yaml")


def test_table_csv_semicolons_bom_and_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("\ufeffcode;signer;date\n11239;Vũ Minh Nguyệt;05/8/2025\n\n00070;;\n", encoding="utf-8")
    table = read_table(path)
    assert table.columns == ["code", "signer", "date"]
    assert [(r.line, r.code, r.values["signer"]) for r in table.rows] == [(2, "11239", "Vũ Minh Nguyệt"), (4, "00070", "")]

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "number", "date", "signer"])
    sheet.append([11239, 4.0, dt.datetime(2025, 8, 5), "Vũ Minh Nguyệt"])
    sheet.append([70, None, None, None])
    book.save(tmp_path / "t.xlsx")
    rows = read_table(tmp_path / "t.xlsx").rows
    assert rows[0].values == {"code": "11239", "number": "4", "date": "2025-08-05", "signer": "Vũ Minh Nguyệt"}
    assert rows[1].code == "70" and get_commune(rows[1].code).code == "00070"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("name,signer\nx,y\n", "thiếu cột 'code'"), ("code,a,a\n1,2,3\n", "tên cột bị lặp: a"), ("", "bảng rỗng")],
)
def test_table_structure_errors(tmp_path: Path, text: str, phrase: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=phrase):
        read_table(path)


def test_columns_named_like_fields_set_typed_values() -> None:
    columns, problems = field_columns(
        ForeignInfoPlan, ["code", "number", "date", "signer", "closing.deadline", "marks.draft", "note", "signatur.name", "tasks"]
    )
    assert {c.column: c.path for c in columns} == {
        "number": ("number",),
        "date": ("date",),
        "signer": ("signature", "name"),
        "closing.deadline": ("closing", "deadline"),
        "marks.draft": ("marks", "draft"),
    }
    assert [p.message for p in problems] == [
        "cột 'signatur.name' không phải trường của kế hoạch",
        "cột 'tasks': trường 'tasks' không điền được từ một ô của bảng",
    ]
    row = TableRow(3, "11239", {"number": "04", "date": "5/8/2025", "signer": "A", "marks.draft": "có", "closing.deadline": ""})
    data, paths = apply_row({"signature": {"position": "Bí thư"}}, row, columns, "t.csv")
    assert data == {"number": 4, "date": "2025-08-05", "signature": {"position": "Bí thư", "name": "A"}, "marks": {"draft": True}}
    assert paths == ["number", "date", "signature.name", "marks.draft"]
    bad = TableRow(7, "10510", {"number": "bốn", "date": "31/02/2025"})
    with pytest.raises(ValueError) as caught:
        apply_row({}, bad, columns, "t.csv")
    assert str(caught.value) == (  # the row is named by the caller (the plan's source), once
        "cột 'number': 'bốn' không phải số nguyên; "
        "cột 'date': '31/02/2025' không phải ngày có thật: tháng 2 năm 2025 chỉ có 28 ngày"
    )


def test_parse_numeric_date() -> None:
    assert parse_numeric_date("05/8/2025") == parse_numeric_date("2025-08-05") == parse_numeric_date("5.8.2025") == dt.date(2025, 8, 5)
    assert parse_numeric_date(" 29-02-2024 ") == dt.date(2024, 2, 29)
    for text in ("31/02/2025", "29/02/2025", "2025/8/5", "ngày 5", "13/13/2025"):
        with pytest.raises(ValueError):
            parse_numeric_date(text)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kế hoạch xã Thanh Miện", "Ke-hoach-xa-Thanh-Mien"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "tep"),
        ("a/../b", "a-.-b"),
        ('say "hi" \'there\'', "say-hi-there"),
        ("🇻🇳 Đắk Lắk 🎉", "Dak-Lak"),
        ("tab\tnew\nline\x00nul", "tab-new-line-nul"),
        (".hidden", "hidden"),
        ("CON", "tep-CON"),
        ("nul.txt", "tep-nul.txt"),
        ("", "tep"),
        ("Ư" * 300, "U" * 80),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    result = safe_filename(name)
    assert result == expected
    assert "/" not in result and "\\" not in result and ".." not in result and result.isascii()
    assert safe_filename(name, suffix=".docx") == expected + ".docx"


def _fill_skeleton(path: Path) -> None:
    """What the officer types in place of the skeleton's <<CẦN ĐIỀN>> marks."""
    text = path.read_text(encoding="utf-8")
    text = text.replace("'<<CẦN ĐIỀN: họ và tên người ký>>'", "Vũ Minh Nguyệt")
    text = text.replace("'<<CẦN ĐIỀN: số, ký hiệu, ngày hướng dẫn>>'", "08-HD/BTGDVTU")
    assert "CẦN ĐIỀN" not in text
    path.write_text(text, encoding="utf-8")


def test_init_plan_party_writes_commented_yaml_that_renders(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    assert main(["init", "plan", "--commune", "11239", "--profile", "party", "--year", "2026", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "# Cơ quan ban hành, lấy từ danh mục đơn vị hành chính" in text
    assert "# III. Tổ chức thực hiện" in text
    plan = load_plan(out)
    assert plan.issuer.superior == ["Đảng bộ thành phố Hải Phòng"] and plan.issuer.name == "Đảng ủy xã Thanh Miện"
    assert plan.year == 2026 and plan.place == "Thanh Miện" and plan.closing.deadline == dt.date(2026, 12, 10)
    assert [t.unit for t in plan.tasks][0] == "Ban Xây dựng Đảng"
    assert main(["init", "plan", "--commune", "11239", "-o", str(out)]) == 2  # exists, no --force
    docx = tmp_path / "plan.docx"
    assert main(["render", str(out), "-o", str(docx)]) == 2  # the signer and the Hướng dẫn's number to fill
    _fill_skeleton(out)
    assert main(["render", str(out), "-o", str(docx)]) == 0
    doc = open_docx(docx)
    find(doc, "ĐẢNG ỦY XÃ THANH MIỆN")
    find(doc, "công tác thông tin đối ngoại trên địa bàn xã Thanh Miện năm 2026")


def test_init_plan_by_name_and_ambiguous_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "plan", "--commune", "xa thanh mien", "--year", "2026", "-o", str(tmp_path / "a.yaml")]) == 0
    assert main(["init", "plan", "--commune", "Ba Đình", "-o", str(tmp_path / "b.yaml")]) == 2
    assert "00004 phường Ba Đình" in capsys.readouterr().err and not (tmp_path / "b.yaml").exists()


def test_state_skeleton_is_a_valid_ubnd_plan() -> None:
    ward = get_commune("10510")  # a phường: Phòng Kinh tế, Hạ tầng và Đô thị
    data = plan_skeleton_data(ward, "state", 2026)
    plan = ForeignInfoPlan.model_validate(data)
    assert plan.profile == "state-nd30-2020"
    assert plan.issuer.lines == ["Ủy ban nhân dân", "phường Thành Đông"] and plan.issuer.abbreviation == "UBND"
    assert plan.issuer.superior == []
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in [t.unit for t in plan.tasks]
    assert plan.signature.collective == "Ủy ban nhân dân" and plan.recipients.archive == ["VT", "VHXH"]
    assert ForeignInfoPlan.model_validate(yaml.safe_load(plan_skeleton(ward, "state", 2026))) == plan


def test_init_plan_state_renders_a_ubnd_plan_that_passes_the_checker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.yaml"
    assert main(["init", "plan", "--commune", "10510", "--profile", "state", "--year", "2026", "-o", str(out)]) == 0
    _fill_skeleton(out)
    docx = tmp_path / "plan.docx"
    assert main(["render", str(out), "-o", str(docx)]) == 0  # render checks it: exit 0 = no error
    assert "không có lỗi" in capsys.readouterr().out
    doc = open_docx(docx)
    find(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    find(doc, "ỦY BAN NHÂN DÂN")
    find(doc, "PHƯỜNG THÀNH ĐÔNG")
    assert find(doc, "TM. ỦY BAN NHÂN DÂN", exact=True)
