"""The library's front door: load any supported input, render it to a file.

Used by the CLI and by other commune tools that import ttdn_docs.
"""

from __future__ import annotations

import annotated_types

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ttdn_docs.admin import DocNumber, DocumentKind, Marks
from ttdn_docs.citations import cite_as_rule_book
from ttdn_docs.datafile import LineMap, dump_yaml, line_of, load_data, validate
from ttdn_docs.document_kinds import KindModels, document_model, kind_names
from ttdn_docs.document_kinds import register_document_kind as register_document_kind
from ttdn_docs.document_types import check_document_type
from ttdn_docs.issuing_bodies import check_signing_body
from ttdn_docs.errors import FieldProblem, IncompleteDocumentError, InputError
from ttdn_docs.header_checks import check_issuer_family
from ttdn_docs.profiles import Profile, load_profile
from ttdn_docs.profiles.grammar import doc_symbol
from ttdn_docs.profiles.model import Profile as ProfileModel
from ttdn_docs.register import NumberedDocument, numbered, open_register, wants_number
from ttdn_docs.outputs import DOCX_SUFFIXES, HTML_SUFFIXES, YAML_SUFFIXES, check_output
from ttdn_docs.render import check_writable, write_bytes_atomic, write_docx
from ttdn_docs.generic.parts import fixed_number
from ttdn_docs.ttdn.load import load_plan, load_report
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport
from ttdn_docs.generic.todo import todo

# What only one command uses is imported by the function that uses it: ``render`` does
# not pay for the Word reader, the aggregator or the rollover.
if TYPE_CHECKING:
    from ttdn_docs.importer import ImportKind, ImportResult
    from ttdn_docs.ttdn.aggregate import Aggregation


class DomainDocument(NumberedDocument, Protocol):
    """What every domain model offers: its profile id, its marks, the header fields the
    register numbers it by, and its generic anatomy."""

    profile: str
    marks: Marks

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any: ...


# kind field in the input → model: the registry (``ttdn_docs.document_kinds``) as a
# mapping; ``register_document_kind`` adds a kind (assigning here still works).
DOCUMENT_MODELS: KindModels = KindModels()
# Inputs that are not documents themselves but have a published schema (module, class).
INPUT_MODELS: dict[str, tuple[str, str]] = {"unit_results": ("ttdn_docs.ttdn.unit_results", "UnitResults")}


def load_document(path: Path) -> DomainDocument:
    """Load a plan (or any registered kind, chosen by its ``kind:`` field) from a file."""
    return _load_document(Path(path))[0]


def _load_document(path: Path) -> tuple[DomainDocument, LineMap]:
    data, lines = load_data(path)
    kind = data.get("kind", "plan") if isinstance(data, dict) else "plan"
    model = document_model(str(kind))
    if model is None:
        known = ", ".join(kind_names())
        raise InputError(str(path), [FieldProblem("kind", f"loại tài liệu '{kind}' không được hỗ trợ; chấp nhận: {known}", lines.get(("kind",)))])
    document: DomainDocument = validate(model, data, str(path), lines)
    return document, lines


def resolve_profile(document: DomainDocument, profile: str | Path | Profile | None = None) -> Profile:
    if isinstance(profile, ProfileModel):
        return profile
    return load_profile(profile if profile is not None else document.profile)


def as_draft(document: DomainDocument) -> DomainDocument:
    """The same document marked ``DỰ THẢO``; a draft may still have parts to write."""
    draft: DomainDocument = document.model_copy(update={"marks": document.marks.model_copy(update={"draft": True})})
    return draft


def render_file(
    document: DomainDocument,
    output: Path,
    *,
    profile: str | Path | Profile | None = None,
    template: Path | None = None,
    overwrite: bool = True,
    draft: bool = False,
    register: str | Path | None = None,
) -> Path:
    """Render a domain document to ``output`` (atomic write). ``draft`` marks it
    ``DỰ THẢO`` and lets a report with unfilled parts through; otherwise such a report
    raises ``IncompleteDocumentError`` listing them. ``number: auto`` takes the next
    number from the register (``register``, else ``TTDN_REGISTER``)."""
    chosen = resolve_profile(document, profile)
    check_document_type(document, chosen, "văn bản")
    check_signing_body(document, chosen, "văn bản")
    document = cite_as_rule_book(document, chosen)
    if draft:
        # A draft takes no number from the register: ``auto`` stays a blank.
        return write_docx(as_draft(document).to_document(), chosen, Path(output), template, overwrite=overwrite)
    if not wants_number(document):
        return write_docx(document.to_document(), chosen, Path(output), template, overwrite=overwrite)
    check_writable(Path(output), overwrite=overwrite)  # before a number is taken for it
    with numbered(document, chosen, open_register(register), output, with_number=_with_number) as (numbered_doc, _):
        return write_docx(numbered_doc.to_document(), chosen, Path(output), template, overwrite=overwrite)


def _with_number(document: DomainDocument, number: int) -> DomainDocument:
    copy: DomainDocument = document.model_copy(update={"number": number})
    return copy


def render_input(
    path: Path,
    output: Path,
    *,
    profile: str | Path | Profile | None = None,
    template: Path | None = None,
    overwrite: bool = True,
    draft: bool = False,
    register: str | Path | None = None,
) -> Path:
    """Load a data file and render it (``render_file``); a report with unfilled parts
    is refused with each part's field path and YAML line."""
    check_output(Path(output), DOCX_SUFFIXES, "tệp Word", inputs=[path, *([template] if template else [])])
    document, lines = _load_document(Path(path))
    chosen = resolve_profile(document, profile)
    check_document_type(document, chosen, str(path), lines)
    check_signing_body(document, chosen, str(path), lines)
    check_issuer_family(document, chosen, str(path))
    with _parts_located(path, lines):
        return render_file(
            document, output, profile=profile, template=template, overwrite=overwrite, draft=draft, register=register
        )


def preview_input(
    path: Path,
    output: Path,
    *,
    profile: str | Path | Profile | None = None,
    overwrite: bool = True,
    draft: bool = False,
) -> Path:
    """Load a data file and write its HTML preview (``ttdn_docs.preview``); refused as
    ``render_input`` refuses (a report with unfilled parts unless ``draft``)."""
    from ttdn_docs.preview import write_html

    check_output(Path(output), HTML_SUFFIXES, "trang HTML", inputs=[path])
    document, lines = _load_document(Path(path))
    chosen = resolve_profile(document, profile)
    check_document_type(document, chosen, str(path), lines)
    check_signing_body(document, chosen, str(path), lines)
    check_issuer_family(document, chosen, str(path))
    with _parts_located(path, lines):
        shown = cite_as_rule_book(as_draft(document) if draft else document, chosen)
        return write_html(shown.to_document(), chosen, Path(output), overwrite=overwrite)


@contextmanager
def _parts_located(path: Path, lines: LineMap) -> Iterator[None]:
    """Name the file and the YAML line of each part a report still lacks."""
    try:
        yield
    except IncompleteDocumentError as exc:
        located = [replace(p, line=line_of(p.path, lines)) for p in exc.problems]
        raise IncompleteDocumentError(str(path), located) from None


def json_schema(what: str) -> dict[str, Any]:
    """JSON Schema of an input kind (``plan``, ``report``, ``document``, a registered
    kind, ``unit_results``) or of a profile file (``profile``)."""
    if what == "profile":
        return _for_editors(ProfileModel.model_json_schema(), what)
    if what in INPUT_MODELS:
        import importlib

        module, name = INPUT_MODELS[what]
        model = getattr(importlib.import_module(module), name)
    else:
        model = DOCUMENT_MODELS[what]
    schema: dict[str, Any] = model.model_json_schema()
    return _for_editors(schema, what)


# What an editor shows above the file (the schema's title).
_SCHEMA_TITLES = {
    "plan": "Kế hoạch (ttdn-docs)",
    "report": "Báo cáo kết quả (ttdn-docs)",
    "document": "Văn bản: công văn, thông báo, tờ trình, quyết định, giấy mời … (ttdn-docs)",
    "unit_results": "Kết quả của đơn vị (ttdn-docs)",
    "profile": "Hồ sơ thể thức (ttdn-docs)",
}


def _without_generated_title(name: str, node: Any) -> Any:
    """A field schema without the title pydantic makes from the field name (``Space Before``)."""
    if isinstance(node, dict) and node.get("title") == name.replace("_", " ").title():
        return {key: value for key, value in node.items() if key != "title"}
    return node


def _vietnamese(text: Any) -> bool:
    """Text with a letter only Vietnamese has (ă â đ ê ô ơ ư or a tone mark)."""
    return isinstance(text, str) and any("\u00c0" <= c <= "\u1ef9" and c not in "×÷" for c in text)


def _for_editors(schema: dict[str, Any], what: str) -> dict[str, Any]:
    """The schema as an editor shows it to an officer: the models' docstrings (English,
    with rst markup, written for developers) and class names dropped; each field described
    by its Vietnamese title."""

    def clean(node: Any, in_properties: bool = False) -> Any:
        if isinstance(node, list):
            return [clean(item) for item in node]
        if not isinstance(node, dict):
            return node
        if in_properties:  # field name → field schema; pydantic's own titles are English
            return {name: clean(_without_generated_title(name, value)) for name, value in node.items()}
        out = {key: clean(value, key in ("properties", "$defs")) for key, value in node.items()}
        if "properties" in out or "enum" in out:
            out.pop("title", None)  # a model's or an enum's class name
            out.pop("description", None)  # its docstring, for developers
        elif isinstance(out.get("title"), str) and not _vietnamese(out.get("description")):
            out["description"] = out["title"]  # a field's own Vietnamese description is kept
        elif not _vietnamese(out.get("description")):
            out.pop("description", None)  # a developer's note in English
        return out

    cleaned: dict[str, Any] = clean(schema)
    cleaned["title"] = _SCHEMA_TITLES.get(what, f"{what} (ttdn-docs)")
    return cleaned


# -- reports: scaffold from a plan, aggregation of unit files, YAML output ----------------

REPORT_HEADER = """Báo cáo kết quả công tác thông tin đối ngoại (ttdn-docs).
Các chỗ "<<CẦN ĐIỀN: …>>" và chỉ tiêu "value: null" phải được điền (hoặc xóa) trước khi in:
`ttdn-docs render` từ chối và liệt kê các chỗ còn thiếu; thêm --draft để in bản DỰ THẢO.
Có thể đổi tiêu đề và thứ tự các mục: section_titles, section_order; bảng chỉ tiêu trong
phụ lục: indicators_placement: annex. Lược đồ: ttdn-docs schema report."""


def init_report(
    plan: ForeignInfoPlan | str | Path,
    *,
    profile: str | Path | Profile | None = None,
    outline: Path | None = None,
) -> ForeignInfoReport:
    """A report scaffold from a plan: what the plan says filled in, the rest marked
    ``<<CẦN ĐIỀN: …>>`` (one result entry per assigned unit and task)."""
    from ttdn_docs.ttdn.scaffold import load_outline, report_from_plan

    if not isinstance(plan, ForeignInfoPlan):
        plan = load_plan(Path(plan))
    chosen = resolve_profile(plan, profile)
    if not isinstance(plan.number, int):  # blank or still 'auto'
        number = todo("số, ký hiệu của kế hoạch")
    else:
        number = doc_symbol(chosen, DocumentKind.KE_HOACH, DocNumber(number=plan.number, body=plan.issuer.abbreviation))
    return report_from_plan(
        plan,
        plan_number=number,
        outline=load_outline(outline),
        upward_addressee=chosen.recipients.upward_addressee,
        as_above=chosen.recipients.as_above,
    )


def aggregate_files(
    unit_files: Sequence[str | Path],
    *,
    base: ForeignInfoReport | str | Path | None = None,
    plan: ForeignInfoPlan | str | Path | None = None,
    profile: str | Path | Profile | None = None,
) -> Aggregation:
    """Merge the units' result files (YAML/JSON, CSV, XLSX) into ``base`` (a report
    file or model), or into a fresh scaffold of ``plan``."""
    from ttdn_docs.ttdn.aggregate import aggregate
    from ttdn_docs.ttdn.unit_results import load_unit_file

    if not unit_files:
        raise InputError("tổng hợp", [FieldProblem("", "chưa có tệp báo cáo nào của đơn vị")])
    if base is None and plan is None:
        raise InputError("tổng hợp", [FieldProblem("", "cần báo cáo gốc (--base) hoặc kế hoạch (--from-plan)")])
    source = "báo cáo khởi tạo từ kế hoạch"
    if base is None:
        report = init_report(plan, profile=profile)  # type: ignore[arg-type]
    elif isinstance(base, ForeignInfoReport):
        report = base
    else:
        report, source = load_report(base), str(base)
    files = [load_unit_file(Path(path)) for path in unit_files]
    return aggregate(report, files, base_source=source)


def report_yaml(report: ForeignInfoReport) -> str:
    """The report as YAML for the officer to edit: defaults left out, ``kind`` and
    ``profile`` always written, a header explaining the markers."""
    data = report.model_dump(mode="python", exclude_defaults=True)
    data = {"kind": report.kind, "profile": report.profile, **data}
    # An empty figure is written out (``value: null``): it shows where to type.
    data["indicators"] = [{**indicator, "value": indicator.get("value")} for indicator in data.get("indicators", [])]
    return dump_yaml(data, REPORT_HEADER)


def write_report_yaml(report: ForeignInfoReport, path: Path, *, overwrite: bool = False) -> Path:
    return write_bytes_atomic(Path(path), report_yaml(report).encode("utf-8"), overwrite=overwrite)


# -- from the Word files communes already have: import, rollover ---------------------------


def import_to_yaml(
    source: str | Path,
    output: Path,
    *,
    kind: ImportKind | None = None,
    profile: str | Path | Profile | None = None,
    type: str | None = None,
    overwrite: bool = False,
) -> ImportResult:
    """Read a plan, report or any other document from a Word file and write it as
    commented YAML."""
    from ttdn_docs.importer import import_docx
    from ttdn_docs.importer.yaml_out import document_yaml

    check_output(Path(output), YAML_SUFFIXES, "tệp dữ liệu YAML", inputs=[source])
    result = import_docx(source, kind=kind, profile=profile, type=type)
    text = document_yaml(result.document, source=Path(source).name, warnings=result.warnings)
    write_bytes_atomic(Path(output), text.encode("utf-8"), overwrite=overwrite)
    return result



def _latest_year(model: type[ForeignInfoPlan] | type[ForeignInfoReport]) -> int:
    """The last year the model accepts (its ``year`` field's upper bound)."""
    bounds = [m.le for m in model.model_fields["year"].metadata if isinstance(m, annotated_types.Le)]
    return int(str(bounds[0]))


def rollover_file(
    path: str | Path, year: int, output: Path, *, plan: str | Path | None = None, overwrite: bool = False
) -> ForeignInfoPlan | ForeignInfoReport:
    """Next year's draft of a plan (or report) file, written as commented YAML."""
    from ttdn_docs.importer.yaml_out import document_yaml
    from ttdn_docs.ttdn.rollover import rollover

    check_output(Path(output), YAML_SUFFIXES, "tệp dữ liệu YAML", inputs=[path] + ([plan] if plan else []))
    if Path(path).suffix.lower() in (".docx", ".doc", ".odt"):
        raise InputError(str(path), [FieldProblem("", "rollover đọc tệp dữ liệu (.yaml); với tệp Word, chạy ttdn-docs import trước")])
    document = load_document(Path(path))
    if not isinstance(document, (ForeignInfoPlan, ForeignInfoReport)):
        raise InputError(str(path), [FieldProblem("kind", "chỉ chuyển năm được kế hoạch hoặc báo cáo")])
    if year <= document.year:
        raise InputError(str(path), [FieldProblem("year", f"năm mới ({year}) phải sau năm {document.year} của tệp")])
    if year > (latest := _latest_year(type(document))):
        raise InputError(str(path), [FieldProblem("year", f"năm mới ({year}) không hợp lệ: phải là năm có 4 chữ số, không quá {latest}")])
    new_plan = load_plan(Path(plan)) if plan is not None else None
    symbol = None
    # A plan numbered ``auto`` has no number until it is rendered: the report cites it blank.
    plan_number = fixed_number(new_plan.number) if new_plan is not None else None
    if new_plan is not None and plan_number is not None:
        symbol = doc_symbol(
            resolve_profile(new_plan), DocumentKind.KE_HOACH, DocNumber(number=plan_number, body=new_plan.issuer.abbreviation)
        )
    rolled = rollover(document, year, plan=new_plan, plan_symbol=symbol)
    write_bytes_atomic(Path(output), document_yaml(rolled, source=Path(path).name).encode("utf-8"), overwrite=overwrite)
    return rolled
