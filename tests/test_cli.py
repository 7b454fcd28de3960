"""The command line: success, and one Vietnamese message with exit 2 for bad input —
no traceback, no file written."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from readback import document_text, find, open_docx
from ttdn_docs.cli import main

from conftest import THANH_MIEN


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ttdn_docs.cli", *args], capture_output=True, text=True, timeout=120)


def plan_data() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(THANH_MIEN.read_text(encoding="utf-8"))


def write_yaml(path: Path, data: dict) -> Path:  # type: ignore[type-arg]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_render_writes_the_example(tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    result = run_cli("render", str(THANH_MIEN), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.is_file() and "Đã ghi" in result.stdout
    assert "KẾ HOẠCH" in document_text(open_docx(out))


@pytest.mark.robustness(kind="Output file that already exists", behaviour="kept untouched unless --force; exit 2 with a message")
def test_render_does_not_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    out.write_bytes(b"keep me")
    assert main(["render", str(THANH_MIEN), "-o", str(out)]) == 2
    assert out.read_bytes() == b"keep me"
    assert main(["render", str(THANH_MIEN), "-o", str(out), "--force"]) == 0
    assert out.read_bytes()[:2] == b"PK"


BAD_CASES = {
    "yaml_syntax": ("summary: [unclosed\n", "lỗi cú pháp YAML", "dòng"),
    "missing_field": (None, "thiếu trường bắt buộc 'name' (họ và tên)", "người ký"),
    "wrong_type": (None, "phải là một số nguyên", "số văn bản"),
    "unknown_key": (None, "không có trường 'sumary'", "dòng"),
    "bad_date": (None, "'31/2/2026' không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày", "ngày ban hành"),
}


def make_bad(case: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{case}.yaml"
    if case == "yaml_syntax":
        text = THANH_MIEN.read_text(encoding="utf-8").replace("number: 4\n", "number: [4\n")
        path.write_text(text, encoding="utf-8")
        return path
    data = plan_data()
    if case == "missing_field":
        del data["signature"]["name"]
    elif case == "wrong_type":
        data["number"] = "bốn"
    elif case == "unknown_key":
        data["sumary"] = data["summary"]
    elif case == "bad_date":
        data["date"] = "31/2/2026"
    return write_yaml(path, data)


@pytest.mark.robustness(kind="Malformed plan input: YAML syntax error, missing field, wrong type, unknown key, bad date", behaviour="refused: one Vietnamese message with field path (and YAML line), exit 2, no file, no traceback")
@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_input_one_vietnamese_message_exit_2_no_file(case: str, tmp_path: Path) -> None:
    source = make_bad(case, tmp_path)
    out = tmp_path / "out.docx"
    result = run_cli("render", str(source), "-o", str(out))
    _, phrase, field = BAD_CASES[case]
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.stderr.startswith("Lỗi:")
    assert phrase in result.stderr and field in result.stderr
    assert not out.exists()
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".out.docx*"))


def test_yaml_errors_carry_the_line(tmp_path: Path) -> None:
    source = make_bad("yaml_syntax", tmp_path)
    result = run_cli("render", str(source), "-o", str(tmp_path / "o.docx"))
    assert "dòng" in result.stderr and "lỗi cú pháp YAML" in result.stderr
    data = plan_data()
    data["number"] = "bốn"
    wrong = write_yaml(tmp_path / "wrong.yaml", data)
    lines = wrong.read_text(encoding="utf-8").splitlines()
    expected = next(i for i, line in enumerate(lines, 1) if line.startswith("number:"))
    result = run_cli("render", str(wrong), "-o", str(tmp_path / "o.docx"))
    assert f"dòng {expected}, số văn bản: phải là một số nguyên" in result.stderr


@pytest.mark.robustness(kind="Missing input file or output folder", behaviour="refused with a message, exit 2, no traceback")
def test_missing_input_file_and_missing_output_folder(tmp_path: Path) -> None:
    result = run_cli("render", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "o.docx"))
    assert result.returncode == 2 and "không tìm thấy tệp" in result.stderr
    result = run_cli("render", str(THANH_MIEN), "-o", str(tmp_path / "no" / "dir" / "o.docx"))
    assert result.returncode == 2 and "không tồn tại" in result.stderr and "Traceback" not in result.stderr


def test_usage_error_is_vietnamese_exit_2() -> None:
    result = run_cli("render", str(THANH_MIEN))
    assert result.returncode == 2 and "Lỗi: tham số không hợp lệ" in result.stderr


@pytest.mark.robustness(kind="Pasted text with & < > \" ', tabs, vertical tab, NUL and other XML-illegal controls, NFD diacritics, Jinja syntax", behaviour="rendered: markup and Jinja kept verbatim, controls dropped or turned into spaces, text NFC")
def test_hostile_text_renders_correctly(tmp_path: Path) -> None:
    """& < > " ' survive; tabs, vertical tabs and XML-illegal controls are dropped or
    turned into spaces (README, "Text clean-up"); NFD input comes out NFC."""
    data = plan_data()
    data["summary"] = "công tác TT&TT <đối ngoại> \"năm\" 'mới'\tcó\x0btab\x01\x02 và " + unicodedata.normalize("NFD", "Hòa Phú")
    data["purposes"][0] = "Sở TT&TT; chỉ tiêu <50% & >10%; {{ jinja }} {% if x %}"
    source = write_yaml(tmp_path / "hostile.yaml", data)
    out = tmp_path / "hostile.docx"
    result = run_cli("render", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    doc = open_docx(out)
    find(doc, "công tác TT&TT <đối ngoại> \"năm\" 'mới' có tab và Hòa Phú")
    find(doc, "- Sở TT&TT; chỉ tiêu <50% & >10%; {{ jinja }} {% if x %}")
    text = document_text(doc)
    assert unicodedata.is_normalized("NFC", text)
    assert "\x0b" not in text and "\t" not in text


def test_json_input_renders_the_same_text(tmp_path: Path) -> None:
    data = plan_data()
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    out_json, out_yaml = tmp_path / "a.docx", tmp_path / "b.docx"
    assert main(["render", str(source), "-o", str(out_json)]) == 0
    assert main(["render", str(THANH_MIEN), "-o", str(out_yaml)]) == 0
    assert out_json.read_bytes() == out_yaml.read_bytes()


def test_schema_plan_is_json_schema() -> None:
    result = run_cli("schema", "plan")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Kế hoạch (ttdn-docs)"  # what an editor shows the officer
    assert {"issuer", "summary", "tasks", "signature"} <= set(schema["properties"])
    assert "signature" in schema["required"]


def test_written_file_has_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    out = tmp_path / "perm.docx"
    assert main(["render", str(THANH_MIEN), "-o", str(out), "--no-check"]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_usage_errors_and_help_speak_vietnamese() -> None:
    result = run_cli("schema", "foo")
    assert result.returncode == 2
    assert "giá trị 'foo' không hợp lệ (chọn một trong:" in result.stderr and "invalid choice" not in result.stderr
    result = run_cli("render", "x.yaml")
    assert "thiếu tham số bắt buộc: -o/--output" in result.stderr
    help_text = run_cli("render", "--help").stdout
    assert help_text.startswith("Cách dùng: ttdn-docs render") and "tùy chọn:" in help_text and "usage:" not in help_text
