"""Run a batch: one plan template × many communes → one .docx per commune.

* a process pool; each worker parses the template, compiles its placeholders and the
  .docx template once (``_init_worker``), then renders many communes;
* a commune that fails is recorded with its message and never stops the others;
* every file is written atomically (temporary name, then rename) under a deterministic
  name (``<code>-<slug>.docx``);
* each finished commune goes to the journal at once; a re-run skips a commune whose
  inputs fingerprint is unchanged and whose file is still there with the recorded
  sha256, so a batch killed half-way completes on the next run, nothing lost or doubled.

Single documents and batches share ``render_docx``: a batch file is byte for byte the
file ``ttdn-docs render`` writes for the same plan.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ttdn_docs import __version__
from ttdn_docs.batch.manifest import DONE, Journal, ManifestEntry, previous_entries, write_manifest
from ttdn_docs.plan_template.template import PlanTemplate
from ttdn_docs.batch.progress import Progress
from ttdn_docs.plan_template.row_values import FieldColumn, field_columns
from ttdn_docs.plan_template.table import Table, TableRow
from ttdn_docs.citations import cite_as_rule_book
from ttdn_docs.errors import FieldProblem, InputError, RenderError, TtdnError
from ttdn_docs.filenames import safe_filename
from ttdn_docs.oserrors import OutputWriteError, os_problem
from ttdn_docs.profiles import Profile, load_profile
from ttdn_docs.register import numbered, open_register, register_path, wants_number
from ttdn_docs.render import render_docx, sync_files, write_bytes_atomic
from ttdn_docs.render.templates import template_for
from ttdn_docs.ttdn.commune import FAMILIES
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.units import Commune, UnitNotFoundError, get_commune, slug
from ttdn_docs.workers import chunk_size, pool_context

CheckHook = Callable[[bytes, Profile], int]
"""A per-document checker: the rendered bytes and the profile → the number of errors.
It must be a module-level function (it is sent to worker processes)."""

FILE_COLUMN = "file"  # optional table column: a file name of the officer's choosing
# Temporary files ``write_bytes_atomic`` leaves when a run is killed mid-write.
_STALE_TEMPORARY = re.compile(r"^\..+\.(docx|json|csv)\.[^.]+\.tmp$")


@dataclass(frozen=True)
class BatchResult:
    out_dir: Path
    entries: list[ManifestEntry]  # this run's communes, by code
    manifest_json: Path
    manifest_csv: Path

    def count(self, status: str) -> int:
        return sum(e.status == status for e in self.entries)

    @property
    def failed(self) -> list[ManifestEntry]:
        return [e for e in self.entries if e.status == "failed"]

    @property
    def with_errors(self) -> list[ManifestEntry]:
        return [e for e in self.entries if e.errors > 0]


@dataclass(frozen=True)
class WorkerSetup:
    """Everything a worker needs, sent once per worker process."""

    template_text: str
    template_source: str
    profile: Profile
    docx_template: Path | None
    columns: list[FieldColumn]
    table_source: str
    out_dir: Path
    check: CheckHook | None
    register: Path | None = None  # for ``number: auto``; every worker opens the same file


@dataclass(frozen=True)
class Job:
    code: str  # canonical 5-digit code
    row: TableRow | None
    previous: ManifestEntry | None


class _Worker:
    """A worker's compiled state: template parsed and compiled once, reused per commune."""

    def __init__(self, setup: WorkerSetup) -> None:
        self.setup = setup
        self.template = PlanTemplate.parse(setup.template_text, setup.template_source)
        self.profile = setup.profile
        compiled = template_for(setup.profile, setup.docx_template)  # compiled once, cached
        profile_digest = hashlib.sha256(setup.profile.model_dump_json().encode()).hexdigest()
        self.salt = [profile_digest, compiled.digest, __version__]

    def process(self, job: Job) -> ManifestEntry:
        commune = get_commune(job.code)
        target = self.setup.out_dir / output_name(commune, job.row)
        try:
            plan = self.template.plan_for(commune, self.profile.family, job.row, self.setup.columns, self.setup.table_source)
            fingerprint = self.fingerprint(plan)
            if _still_valid(job.previous, fingerprint, target):
                assert job.previous is not None
                return job.previous.unchanged()
            if not wants_number(plan):
                return self.write(commune, plan, target, fingerprint)
            # number: auto — this commune's issuer takes its next number (the same one
            # again when this commune's file is rendered again).
            register = open_register(self.setup.register)
            with numbered(plan, self.profile, register, target, with_number=_with_number) as (numbered_plan, _):
                return self.write(commune, numbered_plan, target, fingerprint)
        except OutputWriteError:
            raise  # the folder, not this commune: the whole batch stops (``run_batch``)
        except TtdnError as exc:
            message = str(exc)
        except Exception as exc:  # a bug must not stop the other communes
            message = f"Lỗi nội bộ của ttdn-docs ({type(exc).__name__}: {exc})"
        # The file of an earlier run no longer matches this commune's inputs.
        target.unlink(missing_ok=True)
        return ManifestEntry.failed(commune.code, commune.full_name, message)

    def write(self, commune: Commune, plan: ForeignInfoPlan, target: Path, fingerprint: str) -> ManifestEntry:
        data = render_docx(cite_as_rule_book(plan, self.profile).to_document(), self.profile, self.setup.docx_template)
        # Integration point for the checker (ttdn_docs.check): the hook returns the
        # number of errors found in the rendered document; it lands in the manifest.
        errors = self.setup.check(data, self.profile) if self.setup.check else 0
        # Synced by the parent once per chunk (``_Durable``); until then a power cut may
        # lose the file, and the manifest's sha256 makes the next run redo it.
        write_bytes_atomic(target, data, sync=False)
        digest = hashlib.sha256(data).hexdigest()
        return ManifestEntry(commune.code, commune.full_name, target.name, digest, "ok", errors, "", fingerprint)

    def fingerprint(self, plan: ForeignInfoPlan) -> str:
        payload = json.dumps([plan.model_dump(mode="json"), *self.salt], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _with_number(plan: ForeignInfoPlan, number: int) -> ForeignInfoPlan:
    return plan.model_copy(update={"number": number})


_WORKER: _Worker | None = None


def _init_worker(setup: WorkerSetup) -> None:
    global _WORKER
    _WORKER = _Worker(setup)


def _process(job: Job) -> ManifestEntry:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.process(job)


def output_name(commune: Commune, row: TableRow | None = None) -> str:
    """``11239-xa-thanh-mien.docx``, or ``11239-<file column, made safe>.docx``."""
    custom = row.values.get(FILE_COLUMN, "") if row is not None else ""
    stem = f"{commune.code}-{safe_filename(custom)}" if custom else slug(commune)
    return f"{stem}.docx"


def _still_valid(previous: ManifestEntry | None, fingerprint: str, target: Path) -> bool:
    if previous is None or previous.status not in DONE or previous.fingerprint != fingerprint:
        return False
    if previous.file != target.name:
        return False
    try:
        return hashlib.sha256(target.read_bytes()).hexdigest() == previous.sha256
    except OSError:
        return False


def run_batch(
    template: Path,
    out_dir: Path,
    *,
    communes: list[Commune] | None = None,
    table: Table | None = None,
    workers: int = 1,
    docx_template: Path | None = None,
    check: CheckHook | None = None,
    progress: Progress | None = None,
    register: Path | None = None,
) -> BatchResult:
    """Render ``template`` for each commune of ``table`` (its rows) or of ``communes``;
    ``number: auto`` takes each commune's number from ``register`` (or ``TTDN_REGISTER``)."""
    plan_template = PlanTemplate.load(Path(template))
    profile = load_profile(plan_template.profile_name)
    if profile.family not in FAMILIES:
        message = f"hồ sơ '{profile.id}' thuộc khối '{profile.family}', không tạo được tiêu đề của xã"
        raise InputError(plan_template.source, [FieldProblem("profile", message)])
    columns: list[FieldColumn] = []
    if table is not None:
        columns, problems = field_columns(plan_template.model, table.columns)
        if problems:
            raise InputError(table.source, problems)
    if fixed := plan_template.fixed_header(columns):
        raise InputError(plan_template.source, fixed)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise RenderError(f"'{out_dir}' là một tệp, không phải thư mục; hãy ghi tên một thư mục đầu ra (-o)") from None
    except OSError as exc:
        raise RenderError(f"Không tạo được thư mục '{out_dir}': {os_problem(exc)}") from None
    setup = WorkerSetup(
        template_text=plan_template.text,
        template_source=plan_template.source,
        profile=profile,
        docx_template=docx_template,
        columns=columns,
        table_source=table.source if table is not None else "",
        out_dir=out_dir,
        check=check,
        register=register_path(register),
    )
    with _locked(out_dir), _no_temporaries_left(out_dir):
        previous = previous_entries(out_dir)
        requested = _requests(communes, table)
        jobs, refused = _jobs(requested, previous, table.source if table is not None else "")
        progress = progress or Progress(len(requested), enabled=False)
        entries: list[ManifestEntry] = []
        header = {"version": __version__, "template": Path(plan_template.source).name, "template_sha256": plan_template.digest, "profile": profile.id}
        durable = _Durable(out_dir, chunk_size(len(jobs), max(1, min(workers, len(jobs)))))
        try:
            with Journal(out_dir) as journal:
                for entry in itertools.chain(refused, _results(jobs, setup, workers)):  # as each finishes
                    journal.append(entry)
                    entries.append(entry)
                    durable.written(entry, journal)
                    progress.advance(failed=entry.status == "failed")
                durable.sync(journal)
        except OutputWriteError:
            # The folder stopped taking files (read-only, full): keep what is done in the
            # manifest when it still fits, so that the re-run redoes only the rest.
            with contextlib.suppress(OutputWriteError):
                durable.sync(None)
            with contextlib.suppress(OutputWriteError):
                kept = {e.code: e for e in entries if e.file not in durable.lost}
                write_manifest(out_dir, {**previous, **kept}.values(), header)
            raise
        finally:
            progress.close()
        this_run = {e.code: e for e in entries}
        merged = {**previous, **this_run}
        json_path, csv_path = write_manifest(out_dir, merged.values(), header)
        Journal(out_dir).remove()
    return BatchResult(out_dir, sorted(this_run.values(), key=lambda e: e.code), json_path, csv_path)


class _Durable:
    """Files written since the last sync, synced together once per chunk (one pass of
    fsyncs in the parent while the workers render on, instead of one blocking fsync per
    file in a worker), then the journal that lists them. What a power cut takes between
    two syncs is found by the next run: its sha256 no longer matches the manifest's."""

    def __init__(self, folder: Path, every: int) -> None:
        self.folder = folder
        self.every = max(1, every)
        self.pending: list[str] = []
        self.lost: set[str] = set()

    def written(self, entry: ManifestEntry, journal: Journal) -> None:
        if entry.status == "ok" and entry.file:
            self.pending.append(entry.file)
            if len(self.pending) >= self.every:
                self.sync(journal)

    def sync(self, journal: Journal | None) -> None:
        names, self.pending = self.pending, []
        try:
            if names:
                sync_files(self.folder, names)
        except OutputWriteError:
            # The disk said no (full, failing) when asked to keep them: files not known
            # to be whole are removed, never left behind; the next run redoes them.
            for name in names:
                with contextlib.suppress(OSError):
                    (self.folder / name).unlink()
            self.lost.update(names)
            raise
        if journal is not None:
            journal.sync()


def _requests(communes: list[Commune] | None, table: Table | None) -> list[tuple[str, TableRow | None]]:
    if table is not None:
        return [(row.code, row) for row in table.rows]
    return [(c.code, None) for c in communes or []]


def _jobs(
    requested: list[tuple[str, TableRow | None]], previous: dict[str, ManifestEntry], table_source: str
) -> tuple[list[Job], list[ManifestEntry]]:
    """Resolve codes; an unknown or repeated code fails its rows alone."""
    resolved: dict[str, list[tuple[Commune, TableRow | None]]] = {}
    refused: list[ManifestEntry] = []
    for code, row in requested:
        try:
            commune = get_commune(code)
        except UnitNotFoundError as exc:
            where = f"{row.where(table_source)}: " if row is not None else ""
            refused.append(ManifestEntry.failed(str(code), "", where + str(exc)))
            continue
        resolved.setdefault(commune.code, []).append((commune, row))
    jobs = []
    for code, items in resolved.items():
        if len(items) > 1:
            lines = ", ".join(str(row.line) for _, row in items if row is not None)
            message = f"mã {code} lặp lại ở các dòng {lines} của {table_source}; mỗi xã chỉ một dòng"
            refused.append(ManifestEntry.failed(code, items[0][0].full_name, message))
            continue
        jobs.append(Job(code, items[0][1], previous.get(code)))
    return jobs, refused


def _results(jobs: list[Job], setup: WorkerSetup, workers: int) -> Iterator[ManifestEntry]:
    if not jobs:
        return
    if workers <= 1 or len(jobs) == 1:
        _init_worker(setup)
        yield from map(_process, jobs)
        return
    workers = min(workers, len(jobs))
    chunk = chunk_size(len(jobs), workers)
    with pool_context().Pool(workers, initializer=_init_worker, initargs=(setup,)) as pool:
        yield from pool.imap_unordered(_process, jobs, chunksize=chunk)


@contextlib.contextmanager
def _no_temporaries_left(folder: Path) -> Iterator[None]:
    """Remove what a killed run left before the batch, and what an interrupted one
    (Ctrl-C: workers terminated mid-write) leaves after it."""
    _remove_stale_temporaries(folder)
    try:
        yield
    finally:
        _remove_stale_temporaries(folder)


def _remove_stale_temporaries(folder: Path) -> None:
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if _STALE_TEMPORARY.match(path.name) and path.is_file():
                path.unlink(missing_ok=True)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One batch at a time per output folder (advisory lock; POSIX only). The lock is
    held on the folder itself, not on a file in it: a lock file deleted during a run
    would let a second run lock a new one. Nothing is left in the folder."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks in the standard library
        yield
        return
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise OutputWriteError.from_os(folder, exc) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RenderError(f"Thư mục '{folder}' đang được một lệnh batch khác ghi; chờ lệnh đó xong rồi chạy lại") from None
        yield
    finally:
        os.close(handle)
