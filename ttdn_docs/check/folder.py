"""Checking many files at once: folders walked recursively, files spread over worker
processes, each result handed on as soon as it is ready (memory stays flat in the number
of files), and a summary of the whole run: files, errors, warnings, the rules most often
broken."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ttdn_docs.check import CheckResult, check_file
from ttdn_docs.check.report import Outcome
from ttdn_docs.docxsafe import DEFAULT_LIMITS, Limits
from ttdn_docs.errors import TtdnError
from ttdn_docs.profiles import Profile
from ttdn_docs.workers import chunk_size, pool_context

DOCX_SUFFIX = ".docx"
PDF_SUFFIX = ".pdf"  # checked when it carries text (ttdn_docs.check.pdfcheck)
# Word 97–2003 and OpenDocument files are checked through LibreOffice when it is
# installed (as ``import`` reads them); without it they are listed as not checked, with
# what to do, never skipped.
LEGACY_SUFFIX = ".doc"
CONVERTED_SUFFIXES = (LEGACY_SUFFIX, ".odt")
# Word keeps a lock file "~$name.docx" beside a document that is open: not a document.
_LOCK_PREFIX = "~$"
# Below this many files a pool costs more than it saves.
_POOL_FROM = 8


class EmptyFolderError(TtdnError):
    """A folder given to ``check`` holds no .docx file."""


def docx_files(paths: Iterable[Path]) -> list[Path]:
    """The files to check: each file as given, each folder's .docx and .pdf files
    (recursively, in name order, without Word's lock files) and its .doc and .odt files,
    checked through LibreOffice (or reported as not checked without it). A path that does not exist is kept: the checker reports it as
    unreadable with the others."""
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = sorted(
            p for p in path.rglob("*")
            if p.suffix.lower() in (DOCX_SUFFIX, PDF_SUFFIX, *CONVERTED_SUFFIXES)
            and not p.name.startswith(_LOCK_PREFIX) and p.is_file()
        )
        if not found:
            raise EmptyFolderError(f"Thư mục {path} không có tệp .docx nào (cũng không có tệp .pdf).")
        out += found
    return out


def check_files(
    paths: Sequence[Path],
    profile: Profile | None = None,
    *,
    workers: int = 1,
    limits: Limits = DEFAULT_LIMITS,
    final: bool = False,
) -> Iterator[Outcome]:
    """Check each file, in the order given, on ``workers`` processes; yield each result
    (or ``(file, message)`` for a file that could not be checked) as it is ready
    (``final``: as the text to be signed, see ``check_file``)."""
    setup = (profile, limits, final)
    if workers <= 1 or len(paths) < _POOL_FROM:
        _init_worker(setup)
        yield from map(_check_one, paths)
        return
    workers = min(workers, len(paths))
    with pool_context().Pool(workers, initializer=_init_worker, initargs=(setup,)) as pool:
        yield from pool.imap(_check_one, paths, chunksize=chunk_size(len(paths), workers, most=32))


_setup: tuple[Profile | None, Limits, bool] = (None, DEFAULT_LIMITS, False)


def _init_worker(setup: tuple[Profile | None, Limits, bool]) -> None:
    global _setup
    _setup = setup


def _check_one(path: Path) -> Outcome:
    profile, limits, final = _setup
    suffix = path.suffix.lower()
    try:
        if suffix in CONVERTED_SUFFIXES:
            return _check_converted(path, suffix, profile, limits, final)
        return check_file(path, profile, limits=limits, final=final)
    except TtdnError as exc:
        return (str(path), str(exc))
    except Exception as exc:  # a bug must not stop a folder of thousands: name it, go on
        return (str(path), f"lỗi nội bộ của ttdn-docs khi kiểm tra tệp này ({type(exc).__name__}); hãy gửi báo lỗi kèm tệp")


def _check_converted(path: Path, suffix: str, profile: Profile | None, limits: Limits, final: bool) -> Outcome:
    """A .doc or .odt converted to .docx by LibreOffice, then checked as that file."""
    from ttdn_docs.office import soffice_convert, soffice_path

    what = "Word 97–2003 (.doc)" if suffix == LEGACY_SUFFIX else "OpenDocument (.odt)"
    if soffice_path() is None:
        return (
            str(path),
            f"tệp {what} chưa kiểm tra: máy chưa có LibreOffice (lệnh soffice) để chuyển sang .docx. "
            "Hãy cài LibreOffice, hoặc mở tệp, lưu lại thành .docx rồi kiểm tra lại",
        )
    if path.is_file() and path.stat().st_size > limits.file_bytes:
        return (str(path), f"tệp lớn hơn {limits.file_bytes // (1024 * 1024)} MB, vượt giới hạn kiểm tra")
    result = check_file(soffice_convert(path, "docx"), profile, limits=limits, final=final)
    return replace(result, source=str(path), converted_from=suffix)


def default_workers() -> int:
    return os.cpu_count() or 1


@dataclass
class Summary:
    """Counts over a run: files by outcome, findings by severity and by rule."""

    files: int = 0
    compliant: int = 0  # no error (warnings allowed)
    with_errors: int = 0
    unreadable: int = 0
    errors: int = 0
    warnings: int = 0
    rule_count: Counter[str] = field(default_factory=Counter)  # findings per rule
    rule_files: Counter[str] = field(default_factory=Counter)  # files per rule
    titles: dict[str, str] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        if not isinstance(outcome, CheckResult):
            self.unreadable += 1
            return
        errors, warnings = len(outcome.errors), len(outcome.warnings)
        self.errors += errors
        self.warnings += warnings
        if errors:
            self.with_errors += 1
        else:
            self.compliant += 1
        for finding in outcome.findings:
            self.rule_count[finding.rule] += 1
            self.titles.setdefault(finding.rule, finding.title or finding.message)
            self.severities.setdefault(finding.rule, finding.severity)
        self.rule_files.update({f.rule for f in outcome.findings})

    def top_rules(self, limit: int = 10) -> list[tuple[str, int, int]]:
        """(rule, files, findings), the rules broken in most files first."""
        ranked = sorted(self.rule_files, key=lambda r: (-self.rule_files[r], -self.rule_count[r], r))
        return [(rule, self.rule_files[rule], self.rule_count[rule]) for rule in ranked[:limit]]

    def lines(self, limit: int = 10) -> list[str]:
        """The summary as a table for a terminal, in Vietnamese."""
        out = [
            f"Tổng hợp: {self.files} tệp — {self.compliant} không có lỗi, {self.with_errors} có lỗi, "
            f"{self.unreadable} không đọc được; tổng {self.errors} lỗi, {self.warnings} cảnh báo."
        ]
        top = self.top_rules(limit)
        if top:
            width = max(len(rule) for rule, _files, _count in top)
            out.append("Quy tắc bị vi phạm nhiều nhất (số tệp, số lần):")
            out.append(f"  {'số tệp':>6}  {'số lần':>6}  {'quy tắc':<{width}}  nội dung")
            for rule, files, count in top:
                kind = "cảnh báo: " if self.severities.get(rule) == "warning" else ""
                out.append(f"  {files:>6}  {count:>6}  {rule:<{width}}  {kind}{self.titles.get(rule, '')}")
        return out

    def as_dict(self, limit: int = 10) -> dict[str, object]:
        return {
            "files": self.files,
            "compliant": self.compliant,
            "with_errors": self.with_errors,
            "unreadable": self.unreadable,
            "errors": self.errors,
            "warnings": self.warnings,
            "top_rules": [
                {"rule": rule, "files": files, "findings": count, "title": self.titles.get(rule, "")}
                for rule, files, count in self.top_rules(limit)
            ],
        }
