"""Lines typed with Shift+Enter in the header are read as lines by the shared reader, so
the checker (not only the importer) finds the number and issuer in them; an Excel file
renamed .docx is named as such by both."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from officer_typed import party_plan_typed
from ttdn_docs.check import check_file
from ttdn_docs.cli import main
from ttdn_docs.docxread import AnatomyReader, open_docx
from ttdn_docs.errors import NotADocxError
from ttdn_docs.profiles import load_profile


def test_header_broken_with_shift_enter_is_read_by_the_checker() -> None:
    data = party_plan_typed()
    anatomy = AnatomyReader(load_profile("party")).read(open_docx(data))
    assert anatomy.number is not None and anatomy.number.text == "Số 07-KH/ĐU"
    assert [p.text for p in anatomy.superior] == ["ĐẢNG BỘ HUYỆN THANH MIỆN"]
    assert [p.text for p in anatomy.issuer] == ["ĐẢNG ỦY XÃ NGŨ HÙNG"]
    # The file has formatting mistakes on purpose; none is about a header line it misread.
    misread = {"PARTY.NUMBER.MISSING", "PARTY.ISSUER.CASE", "PARTY.ISSUER.BOLD", "PARTY.ISSUER_SEPARATOR.MISSING"}
    assert not misread & {f.rule for f in check_file(data).findings}


def test_an_excel_file_renamed_docx_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Chỉ tiêu", 1])
    workbook.save(tmp_path / "bang.xlsx")
    renamed = tmp_path / "bang.docx"
    renamed.write_bytes((tmp_path / "bang.xlsx").read_bytes())
    with pytest.raises(NotADocxError, match="bảng tính Excel"):
        open_docx(renamed)
    assert main(["check", str(renamed)]) == 2
    shown = capsys.readouterr()
    assert "bảng tính Excel" in shown.out + shown.err and "Traceback" not in shown.err
