"""``ttdn-docs init report``, ``aggregate``, ``render --draft`` and ``schema report``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, THANH_MIEN
from readback import document_text, open_docx
from ttdn_docs.api import load_report
from ttdn_docs.cli import EXIT_INPUT, EXIT_OK, main

UNIT_DIR = EXAMPLES / "thanh_mien_2025" / "unit_results"
REPORT = EXAMPLES / "thanh_mien_2025" / "report.yaml"


def test_init_report_writes_a_scaffold_that_loads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bao-cao.yaml"
    assert main(["init", "report", "--from-plan", str(THANH_MIEN), "-o", str(out)]) == EXIT_OK
    assert "34 phần cần điền" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Báo cáo kết quả công tác thông tin đối ngoại")
    assert "kind: report" in text and "value: null" in text
    assert len(load_report(out).sections.results.by_unit) == 5
    # An existing file is kept unless --force.
    assert main(["init", "report", "--from-plan", str(THANH_MIEN), "-o", str(out)]) == EXIT_INPUT
    assert "đã tồn tại" in capsys.readouterr().err


def test_render_refuses_the_scaffold_and_accepts_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scaffold = tmp_path / "bao-cao.yaml"
    main(["init", "report", "--from-plan", str(THANH_MIEN), "-o", str(scaffold)])
    capsys.readouterr()
    out = tmp_path / "bao-cao.docx"
    assert main(["render", str(scaffold), "-o", str(out)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "còn 34 phần chưa điền" in err
    assert "nội dung kết quả của kết quả thứ 1 của Ban Xây dựng Đảng: chưa điền" in err
    assert "Traceback" not in err and not out.exists()
    assert main(["render", str(scaffold), "-o", str(out), "--draft"]) == EXIT_OK
    assert "bản DỰ THẢO" in capsys.readouterr().out
    assert "BÁO CÁO" in document_text(open_docx(out))


def test_aggregate_updates_the_output_report_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "bao-cao.yaml"
    main(["init", "report", "--from-plan", str(THANH_MIEN), "-o", str(report)])
    units = [str(p) for p in sorted(UNIT_DIR.glob("*.yaml")) if p.name != "mttq.yaml"]
    units.append(str(UNIT_DIR / "trung-tam-vhtttt-chi-tieu.csv"))
    capsys.readouterr()
    assert main(["aggregate", *units, "-o", str(report)]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "Đơn vị chưa gửi báo cáo: Ủy ban Mặt trận Tổ quốc Việt Nam xã." in printed
    merged = load_report(report)
    assert merged.not_reported == ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"]
    by_key = {i.key: i.value for i in merged.indicators}
    assert by_key["luot_tiep_can"] == 18600 and by_key["luot_nguoi_tham_du"] == 350


def test_aggregate_from_the_plan_matches_the_example(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.yaml"
    units = [str(p) for p in sorted([*UNIT_DIR.glob("*.yaml"), *UNIT_DIR.glob("*.csv")])]
    assert main(["aggregate", *units, "--from-plan", str(THANH_MIEN), "-o", str(out)]) == EXIT_OK
    assert load_report(out).indicators == load_report(REPORT).indicators


def test_aggregate_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "mttq.yaml"
    bad.write_text(
        "kind: unit_results\nunit: Ủy ban Mặt trận Tổ quốc Việt Nam xã\n"
        "indicators:\n  - {key: hoi_nghi_sinh_hoat, name: Hội nghị, unit: cuộc, value: 3}\n",
        encoding="utf-8",
    )
    base = tmp_path / "bao-cao.yaml"
    shutil.copy(REPORT, base)
    assert main(["aggregate", str(bad), "--base", str(base), "-o", str(tmp_path / "out.yaml")]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert f"'cuộc' trong {bad}" in err and f"'buổi' trong {base}" in err
    # Without --base, --from-plan or an existing output there is nothing to merge into.
    assert main(["aggregate", str(bad), "-o", str(tmp_path / "none.yaml")]) == EXIT_INPUT
    assert "--from-plan" in capsys.readouterr().err


def test_aggregate_does_not_overwrite_another_file_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "khac.yaml"
    out.write_text("x: 1\n", encoding="utf-8")
    unit = str(UNIT_DIR / "mttq.yaml")
    assert main(["aggregate", unit, "--from-plan", str(THANH_MIEN), "-o", str(out)]) == EXIT_INPUT
    assert "đã tồn tại" in capsys.readouterr().err
    assert main(["aggregate", unit, "--from-plan", str(THANH_MIEN), "-o", str(out), "--force"]) == EXIT_OK


@pytest.mark.parametrize("what", ["report", "unit_results"])
def test_schema(what: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", what]) == EXIT_OK
    schema = json.loads(capsys.readouterr().out)
    assert "indicators" in schema["properties"]
