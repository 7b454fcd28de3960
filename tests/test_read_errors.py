"""A file the system will not let us read is named in the officer's words, not the
operating system's English («Permission denied»), for data files, Word files and the
register. Tests run as root, so the refusal is made by patching the read call."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from conftest import THANH_MIEN
from ttdn_docs.cli import main


def _refuse(code: int) -> Any:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(code, "Permission denied" if code == errno.EACCES else "Input/output error")

    return refuse


@pytest.mark.parametrize(
    ("code", "cause"), [(errno.EACCES, "không có quyền đọc"), (errno.EIO, "lỗi đọc ghi của ổ đĩa")]
)
def test_unreadable_data_file(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, code: int, cause: str) -> None:
    monkeypatch.setattr("ttdn_docs.limits.read_regular", _refuse(code))
    assert main(["render", str(THANH_MIEN), "-o", str(tmp_path / "k.docx")]) == 2
    err = capsys.readouterr().err
    assert cause in err and "Permission" not in err and "error" not in err
    assert not list(tmp_path.iterdir())


def test_unreadable_word_file(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "van-ban.docx"
    target.write_bytes(b"PK\x03\x04")
    monkeypatch.setattr("ttdn_docs.docxsafe.read_regular", _refuse(errno.EACCES))
    assert main(["check", str(target)]) == 2
    said = "".join(capsys.readouterr())  # check reports each file's verdict on stdout
    assert "không có quyền đọc" in said and "Permission" not in said


def test_unreadable_register(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite"
    register.write_bytes(b"SQLite format 3\x00")
    monkeypatch.setattr("ttdn_docs.register.store.open_regular", _refuse(errno.EACCES))
    code = main(["register", "list", "--register", str(register)])
    err = capsys.readouterr().err
    assert code == 2
    assert "không có quyền đọc" in err and "Permission" not in err
