"""The register of document numbers (sổ đăng ký số văn bản) in one SQLite file.

A number is reserved inside ``BEGIN IMMEDIATE``: SQLite's write lock is taken before the
highest number is read, so two processes reserving at once queue on the lock and never
read the same highest number. A void number stays in the register with its reason and is
counted when the next number is chosen: numbers are never reused.

A file that is not a register (not SQLite, or SQLite without the register's tables, or
damaged) is refused with a message and left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ttdn_docs.admin import DocumentKind
from ttdn_docs.errors import TtdnError
from ttdn_docs.oserrors import os_read_cause
from ttdn_docs.profiles.types import type_name
from ttdn_docs.regular_files import SPECIAL_FILE_TEXT, SpecialFileError, open_regular
from ttdn_docs.vn import fold_key, nfc

SCHEMA_ID = "ttdn-docs number register 1"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_S = 60.0
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE terms (
    issuer_key TEXT NOT NULL, issuer TEXT NOT NULL, start TEXT NOT NULL,
    PRIMARY KEY (issuer_key, start)
);
CREATE TABLE numbers (
    issuer_key TEXT NOT NULL, issuer TEXT NOT NULL, kind TEXT NOT NULL, period TEXT NOT NULL,
    number INTEGER NOT NULL, status TEXT NOT NULL CHECK (status IN ('reserved', 'void')),
    file TEXT, doc_date TEXT, summary TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',
    reserved_at TEXT NOT NULL, voided_at TEXT,
    PRIMARY KEY (issuer_key, kind, period, number)
);
"""
_STATEMENTS = tuple(statement.strip() for statement in _SCHEMA.split(";") if statement.strip())
STATUS_WORDS = {"reserved": "đã cấp", "void": "đã hủy"}


class RegisterError(TtdnError):
    """The register cannot be used: missing, damaged, not a register, or a request it
    refuses (an unknown number, a term not recorded)."""


@dataclass(frozen=True)
class Entry:
    """One number of the register."""

    issuer: str
    kind: DocumentKind
    period: str  # ``2025`` (calendar year) or ``term:2025-07-01`` (term that began then)
    number: int
    status: str  # ``reserved`` | ``void``
    file: str | None
    date: dt.date | None
    summary: str
    reason: str
    reserved_at: str
    voided_at: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "issuer": self.issuer,
            "kind": self.kind.value,
            "period": self.period,
            "number": self.number,
            "status": self.status,
            "file": self.file,
            "date": self.date.isoformat() if self.date else None,
            "summary": self.summary,
            "reason": self.reason,
            "reserved_at": self.reserved_at,
            "voided_at": self.voided_at,
        }


def issuer_key(issuer: str) -> str:
    """Two spellings of one issuing body (``Đảng uỷ``/``Đảng ủy``) are one sequence."""
    return fold_key(issuer)


def period_label(period: str) -> str:
    """``2025`` → ``năm 2025``; ``term:2025-07-01`` → ``nhiệm kỳ từ 01/07/2025``."""
    if period.startswith("term:"):
        start = dt.date.fromisoformat(period[5:])
        return f"nhiệm kỳ từ {start:%d/%m/%Y}"
    return f"năm {period}"


class NumberRegister:
    """The register in the SQLite file ``path``; ``create`` makes a new file when there
    is none (reservations do; reading commands do not)."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self._check_file(create)

    # -- numbers --------------------------------------------------------------------

    def reserve(
        self,
        issuer: str,
        kind: DocumentKind,
        period: str,
        *,
        file: str | None = None,
        date: dt.date | None = None,
        summary: str = "",
    ) -> Entry:
        """The next free number of ``issuer``'s ``kind`` in ``period``, recorded with
        the file, date and trích yếu. A number already reserved for the same ``file``
        (a document rendered again) is kept, its date and summary updated."""
        key, issuer, summary = issuer_key(issuer), nfc(issuer), nfc(summary)
        now = _now()
        with self._write() as db:
            kept = self._live_number(db, key, kind, period, file) if file is not None else None
            if kept is not None:
                db.execute(
                    "UPDATE numbers SET doc_date=?, summary=? WHERE issuer_key=? AND kind=? AND period=? AND number=?",
                    (_iso(date), summary, key, kind.value, period, kept),
                )
                return self._entry(db, key, kind, period, kept)
            number = self._highest(db, key, kind, period) + 1
            db.execute(
                "INSERT INTO numbers (issuer_key, issuer, kind, period, number, status, file, doc_date, summary, "
                "reserved_at) VALUES (?, ?, ?, ?, ?, 'reserved', ?, ?, ?, ?)",
                (key, issuer, kind.value, period, number, file, _iso(date), summary, now),
            )
            return self._entry(db, key, kind, period, number)

    def number_of_file(self, issuer: str, kind: DocumentKind, period: str, file: str) -> int | None:
        """The live number already reserved for ``file`` in the sequence, if any."""
        with self._read() as db:
            return self._live_number(db, issuer_key(issuer), kind, period, file)

    def peek(self, issuer: str, kind: DocumentKind, period: str) -> int:
        """The number the next reservation would get (nothing is reserved)."""
        with self._read() as db:
            return self._highest(db, issuer_key(issuer), kind, period) + 1

    def void(self, issuer: str, kind: DocumentKind, period: str, number: int, reason: str) -> Entry:
        """Mark a number void with a reason; it stays in the register and is never
        given again."""
        key = issuer_key(issuer)
        if not reason.strip():
            raise RegisterError("Cần ghi lý do hủy số (--reason).")
        with self._write() as db:
            row = db.execute(
                "SELECT status FROM numbers WHERE issuer_key=? AND kind=? AND period=? AND number=?",
                (key, kind.value, period, number),
            ).fetchone()
            if row is None:
                raise RegisterError(
                    f"Sổ '{self.path}' không có số {number} của {issuer} ({type_name(kind)}, "
                    f"{period_label(period)})."
                )
            if row[0] == "void":
                raise RegisterError(f"Số {number} ({type_name(kind)}, {period_label(period)}) đã hủy trước đó.")
            db.execute(
                "UPDATE numbers SET status='void', reason=?, voided_at=? WHERE issuer_key=? AND kind=? AND period=? "
                "AND number=?",
                (nfc(reason.strip()), _now(), key, kind.value, period, number),
            )
            return self._entry(db, key, kind, period, number)

    def entries(self, issuer: str | None = None, kind: DocumentKind | None = None) -> list[Entry]:
        """Every number, by issuer, kind, period and number."""
        clauses, values = [], []
        if issuer is not None:
            clauses.append("issuer_key=?")
            values.append(issuer_key(issuer))
        if kind is not None:
            clauses.append("kind=?")
            values.append(kind.value)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM numbers{where} ORDER BY issuer_key, kind, period, number", values
            ).fetchall()
            return [_row_entry(row) for row in rows]

    # -- terms of office (Party numbering) ------------------------------------------

    def add_term(self, issuer: str, start: dt.date) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR IGNORE INTO terms (issuer_key, issuer, start) VALUES (?, ?, ?)",
                (issuer_key(issuer), nfc(issuer), start.isoformat()),
            )

    def term_starts(self, issuer: str) -> list[dt.date]:
        with self._read() as db:
            rows = db.execute("SELECT start FROM terms WHERE issuer_key=? ORDER BY start", (issuer_key(issuer),))
            return [dt.date.fromisoformat(row[0]) for row in rows.fetchall()]

    # -- the file -------------------------------------------------------------------

    def _check_file(self, create: bool) -> None:
        if self.path.is_dir():
            raise RegisterError(f"'{self.path}' là thư mục, không phải tệp sổ đăng ký số.")
        if not self.path.exists():
            if not create:
                raise RegisterError(f"Chưa có sổ đăng ký số '{self.path}' (chưa cấp số nào).")
            if not self.path.parent.is_dir():
                raise RegisterError(f"Thư mục của sổ đăng ký số '{self.path.parent}' không tồn tại.")
        else:
            try:
                # By type first: a FIFO or a device would block or never end.
                with os.fdopen(open_regular(self.path), "rb") as handle:
                    head = handle.read(len(_SQLITE_MAGIC))
            except SpecialFileError:
                raise RegisterError(f"Sổ đăng ký số '{self.path}' {SPECIAL_FILE_TEXT}.") from None
            except OSError as exc:
                raise RegisterError(f"Không đọc được sổ đăng ký số '{self.path}' ({os_read_cause(exc)}).") from None
            if head and head != _SQLITE_MAGIC:
                raise self._damaged("không phải tệp SQLite")
        with self._read() as db:
            tables = {row[0]: row[1] for row in db.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")}
            if tables:
                self._check_schema(db, tables)
                return
        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise self._read_only()
        with self._write() as db:
            tables = {row[0]: row[1] for row in db.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")}
            if tables:  # made by another process meanwhile
                self._check_schema(db, tables)
                return
            # One statement at a time: executescript would commit the open transaction.
            for statement in _STATEMENTS:
                db.execute(statement)
            db.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_ID,))

    def _check_schema(self, db: sqlite3.Connection, tables: dict[str, str]) -> None:
        """Refuse a register whose tables were changed (in a database browser: a column
        made TEXT, the primary key dropped): its numbers could be given twice."""
        schema = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() if "meta" in tables else None
        if schema is None or schema[0] != SCHEMA_ID or not {"terms", "numbers"} <= set(tables):
            raise self._damaged("không phải sổ của ttdn-docs")
        for statement in _STATEMENTS:
            name = statement.split()[2]
            if " ".join(str(tables.get(name) or "").split()) != " ".join(statement.split()):
                raise self._damaged(f"bảng '{name}' đã bị sửa cấu trúc (không còn đúng sổ của ttdn-docs)")

    def _read_only(self) -> RegisterError:
        return RegisterError(
            f"Sổ đăng ký số '{self.path}' chỉ đọc: không có quyền ghi vào tệp hoặc thư mục chứa nó. Tệp không hỏng; "
            "hãy cấp quyền ghi (hoặc sao tệp sang thư mục ghi được) rồi chạy lại."
        )

    def _damaged(self, why: str) -> RegisterError:
        return RegisterError(
            f"Tệp sổ đăng ký số '{self.path}' hỏng hoặc {why}; tệp được giữ nguyên, không ghi gì vào đó. "
            "Khôi phục tệp từ bản sao lưu hoặc chọn tệp khác (--register hoặc biến môi trường TTDN_REGISTER)."
        )

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise RegisterError(f"Không mở được sổ đăng ký số '{self.path}' ({exc}).") from None
        try:
            yield db
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise RegisterError(f"Sổ đăng ký số '{self.path}' đang bị khóa quá lâu; thử lại sau.") from None
            if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
                raise self._read_only() from None
            raise self._damaged("không đọc được") from None
        except ValueError:  # a row whose values are nonsense (edited by hand)
            raise self._damaged("có dòng mang giá trị không hợp lệ") from None
        finally:
            db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction holding SQLite's write lock from its first statement."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as db:
            yield db

    @staticmethod
    def _live_number(db: sqlite3.Connection, key: str, kind: DocumentKind, period: str, file: str) -> int | None:
        row = db.execute(
            "SELECT number FROM numbers WHERE issuer_key=? AND kind=? AND period=? AND file=? AND status='reserved' "
            "ORDER BY number DESC LIMIT 1",
            (key, kind.value, period, file),
        ).fetchone()
        return None if row is None else int(row[0])

    @staticmethod
    def _highest(db: sqlite3.Connection, key: str, kind: DocumentKind, period: str) -> int:
        row = db.execute(
            "SELECT MAX(number), SUM(typeof(number) != 'integer') FROM numbers WHERE issuer_key=? AND kind=? "
            "AND period=?",
            (key, kind.value, period),
        ).fetchone()
        if row[1]:
            # SQLite keeps a number typed as text: MAX would not be the highest number.
            raise ValueError("a number stored as text")
        return int(row[0] or 0)

    @staticmethod
    def _entry(db: sqlite3.Connection, key: str, kind: DocumentKind, period: str, number: int) -> Entry:
        row = db.execute(
            f"SELECT {_COLUMNS} FROM numbers WHERE issuer_key=? AND kind=? AND period=? AND number=?",
            (key, kind.value, period, number),
        ).fetchone()
        return _row_entry(row)


_COLUMNS = "issuer, kind, period, number, status, file, doc_date, summary, reason, reserved_at, voided_at"


def _row_entry(row: tuple[object, ...]) -> Entry:
    """One row as an entry; ``ValueError`` for a row with nonsense values."""
    issuer, kind, period, number, status, file, date, summary, reason, reserved_at, voided_at = row
    if not isinstance(number, int) or status not in STATUS_WORDS:
        raise ValueError("row")
    if str(period).startswith("term:"):
        dt.date.fromisoformat(str(period)[5:])
    elif not str(period).isdigit():
        raise ValueError("period")
    return Entry(
        issuer=str(issuer),
        kind=DocumentKind(str(kind)),
        period=str(period),
        number=int(str(number)),
        status=str(status),
        file=None if file is None else str(file),
        date=None if date is None else dt.date.fromisoformat(str(date)),
        summary=str(summary),
        reason=str(reason),
        reserved_at=str(reserved_at),
        voided_at=None if voided_at is None else str(voided_at),
    )


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date is not None else None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
