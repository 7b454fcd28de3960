"""The document pages: a new plan or report, the form beside its preview, downloads
(.docx, PDF, YAML), a document read from last year's file and «Sang năm mới».

The form is the document: every request carries all of it, so the server keeps no
document between requests. The form is generated from the model the document's ``kind``
names (``api.DOCUMENT_MODELS``), so any registered type gets its page.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from ttdn_docs.api import DOCUMENT_MODELS, DomainDocument, as_draft, load_document, render_file, resolve_profile
from ttdn_docs.datafile import validate
from ttdn_docs.errors import FieldProblem, IncompleteDocumentError, InputError, TtdnError
from ttdn_docs.filenames import safe_filename
from ttdn_docs.importer import import_docx
from ttdn_docs.importer.yaml_out import document_yaml
from ttdn_docs.preview import to_html_fragment
from ttdn_docs.render.pdfa import write_pdf
from ttdn_docs.ttdn.commune import FAMILIES
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.rollover import rollover
from ttdn_docs.web.common import error_page, page
from ttdn_docs.web.formgen import OP, apply_op, form_data, model_form
from ttdn_docs.web.security import posted_form, text_fields
from ttdn_docs.web.uploads import named, saved_upload

SOURCE = "biểu mẫu"  # how messages name the form (in place of a file name)
KIND_NAMES = {"plan": "Kế hoạch", "report": "Báo cáo"}
FAMILY_NAMES = {"party": "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)", "state": "Văn bản của Nhà nước (Nghị định 30/2020)"}
WORD_SUFFIXES = (".docx", ".doc", ".odt")
DATA_SUFFIXES = (".yaml", ".yml", ".json")
# LibreOffice converts one file at a time here: two at once on a small office computer
# make both slow, and its profile folder is not built for sharing.
_PDF_LOCK = threading.Lock()


# -- new document --------------------------------------------------------------------------


async def new_page(request: Request) -> Response:
    """Step 1: the commune (found by a name typed with or without marks), year, rule book
    and type."""
    from ttdn_docs.units import search_communes

    query = request.query_params.get("q", "").strip()
    found = search_communes(query)[:50] if query else []
    return page(
        request, "new.html", query=query, found=found, year=dt.date.today().year,
        families=FAMILY_NAMES, kinds=KIND_NAMES, problem="" if found or not query else f"Không tìm thấy xã, phường, đặc khu tên «{query}».",
    )


async def new_document(request: Request) -> Response:
    from ttdn_docs.skeletons.plan import plan_skeleton_data
    from ttdn_docs.units import get_commune

    fields = text_fields(await posted_form(request))
    code, family, kind = fields.get("commune", ""), fields.get("family", "party"), fields.get("kind", "plan")
    try:
        year = int(fields.get("year", ""))
    except ValueError:
        year = 0
    if not code or family not in FAMILIES or kind not in KIND_NAMES or not 2000 <= year <= 2200:
        return error_page(request, "Hãy chọn một xã trong danh sách, năm (4 chữ số), khối văn bản và loại văn bản.", 400)
    try:
        data = plan_skeleton_data(get_commune(code), family, year)
        if kind == "report":
            data = _report_data(validate(ForeignInfoPlan, data, SOURCE))
    except TtdnError as exc:
        return error_page(request, str(exc), 400)
    return await run_in_threadpool(_document_page, request, data, [], "")


def _report_data(plan: ForeignInfoPlan) -> dict[str, Any]:
    """A new report: the scaffold of the plan it reports on (``init report``)."""
    from ttdn_docs.ttdn.scaffold import report_from_plan
    from ttdn_docs.ttdn.todo import todo

    return report_from_plan(plan, plan_number=todo("số, ký hiệu của kế hoạch")).model_dump(mode="python")


# -- the form and its preview --------------------------------------------------------------


async def edit_document(request: Request) -> Response:
    """The form sent back: a list button (add, move, remove), «Xem trước» or «Sang năm mới»."""
    fields = text_fields(await posted_form(request))
    return await run_in_threadpool(_edited, request, fields)


def _edited(request: Request, fields: dict[str, str]) -> Response:
    model = _model_of(fields)
    data, problems = form_data(fields, model)
    op = fields.get(OP, "preview")
    if op == "rollover":
        document, problems = _validated(model, data, problems)
        if document is None:
            return _document_page(request, data, problems, "", status=400)
        try:
            rolled = rollover(document, document.year + 1)  # type: ignore[arg-type]
        except TtdnError as exc:
            return _document_page(request, data, [FieldProblem("", str(exc))], "", status=400)
        notice = (
            f"Đã chuyển sang năm {rolled.year}: số và ngày để trống; các chỗ «<<CẦN ĐIỀN: …>>» cần xem lại "
            f"({len(rolled.missing_parts())} chỗ)."
        )
        return _document_page(request, rolled.model_dump(mode="python"), [], notice)
    if op != "preview" and apply_op(data, op):
        return _document_page(request, data, problems, "", quiet=True)
    return _document_page(request, data, problems, "")


def _model_of(fields: dict[str, str]) -> type[BaseModel]:
    model: type[BaseModel] = DOCUMENT_MODELS.get(fields.get("kind", "plan"), ForeignInfoPlan)
    return model


def _validated(
    model: type[BaseModel], data: dict[str, Any], problems: list[FieldProblem]
) -> tuple[DomainDocument | None, list[FieldProblem]]:
    if problems:
        return None, problems
    try:
        document: DomainDocument = validate(model, data, SOURCE)  # type: ignore[assignment]
    except InputError as exc:
        return None, exc.problems
    return document, []


def _document_page(
    request: Request, data: dict[str, Any], problems: list[FieldProblem], notice: str, *, status: int = 200,
    quiet: bool = False,
) -> Response:
    """The form filled with ``data`` beside the preview of the document it makes (a draft
    preview when parts are still to be written). ``quiet``: a list button was pressed;
    the preview is shown when the data is valid, its errors are not."""
    model = DOCUMENT_MODELS.get(str(data.get("kind", "plan")), ForeignInfoPlan)
    document, found = _validated(model, data, problems)
    preview = ""
    if document is not None:
        preview, found = _preview(document)
    shown = [] if quiet else found
    # A valid document is shown as the model holds it (each value in its one form).
    filled = document.model_dump(mode="python") if document is not None else data  # type: ignore[attr-defined]
    nodes, loose = model_form(model, filled, shown)
    kind = str(data.get("kind", "plan"))
    return page(
        request, "document.html", 400 if shown and document is None else status, nodes=nodes, loose=loose,
        notice=notice, preview=Markup(preview), kind_name=KIND_NAMES.get(kind, kind), kind=kind,
        count=len(shown),
    )


def _preview(document: DomainDocument) -> tuple[str, list[FieldProblem]]:
    """The preview fragment (escaped by ``ttdn_docs.preview``) and the parts still to write."""
    try:
        profile = resolve_profile(document)
    except TtdnError as exc:
        return "", [FieldProblem("profile", str(exc))]
    problems: list[FieldProblem] = []
    try:
        admin = document.to_document()
    except IncompleteDocumentError as exc:
        problems = exc.problems
        admin = as_draft(document).to_document()
    except TtdnError as exc:
        return "", [FieldProblem("", str(exc))]
    return to_html_fragment(admin, profile), problems


# -- downloads -----------------------------------------------------------------------------


async def download(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    fields = text_fields(await posted_form(request))
    return await run_in_threadpool(_download, request, fields, fmt)


def _download(request: Request, fields: dict[str, str], fmt: str) -> Response:
    model = _model_of(fields)
    data, problems = form_data(fields, model)
    document, problems = _validated(model, data, problems)
    if document is None:
        return _document_page(request, data, problems, "", status=400)
    stem = safe_filename(f"{KIND_NAMES.get(str(data.get('kind')), 'van-ban')}-{getattr(document, 'year', '')}")
    if fmt == "yaml":
        text = document_yaml(document)
        return _attachment(text.encode("utf-8"), f"{stem}.yaml", "application/yaml; charset=utf-8")
    workspace = request.app.state.workspace
    with workspace.job() as folder:
        docx = folder / f"{stem}.docx"
        try:
            render_file(document, docx, register=request.app.state.register)
            if fmt == "pdf":
                with _PDF_LOCK:
                    pdf, _ = write_pdf(docx, resolve_profile(document))  # PDF/A-2b, as render --pdf
                return _attachment(pdf.read_bytes(), pdf.name, "application/pdf")
        except IncompleteDocumentError as exc:
            note = "Văn bản còn phần chưa điền: hãy điền, hoặc đánh dấu «bản dự thảo» (dấu hiệu văn bản) để tải bản DỰ THẢO."
            return _document_page(request, data, exc.problems, note, status=400)
        except TtdnError as exc:
            return _document_page(request, data, [FieldProblem("", str(exc))], "", status=400)
        return _attachment(docx.read_bytes(), docx.name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def _attachment(data: bytes, name: str, media_type: str) -> Response:
    return Response(data, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})


# -- from last year's file -----------------------------------------------------------------


async def import_page(request: Request) -> Response:
    return page(request, "import.html", problem="", kinds=KIND_NAMES)


async def import_file(request: Request) -> Response:
    form = await posted_form(request)
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return page(request, "import.html", 400, kinds=KIND_NAMES, problem="Hãy chọn một tệp Word (.docx) hoặc tệp dữ liệu (.yaml).")
    workspace = request.app.state.workspace
    kind = form.get("kind")
    with workspace.job() as folder:
        path = await saved_upload(upload, folder)
        return await run_in_threadpool(_imported, request, path, upload.filename, kind if kind in KIND_NAMES else None)


def _imported(request: Request, path: Path, name: str, kind: Any = None) -> Response:
    suffix = path.suffix.lower()
    if suffix not in WORD_SUFFIXES + DATA_SUFFIXES:
        return page(request, "import.html", 400, kinds=KIND_NAMES, problem=f"Tệp «{name}» không phải tệp Word (.docx, .doc, .odt) hay tệp dữ liệu (.yaml, .json).")
    try:
        if suffix in WORD_SUFFIXES:
            result = import_docx(path, kind=kind)
            document: Any = result.document
            notes = [w.describe() for w in result.warnings]
        else:
            document, notes = load_document(path), []
    except TtdnError as exc:
        return page(request, "import.html", 400, kinds=KIND_NAMES, problem=named(str(exc), path, name))
    notice = f"Đã đọc «{name}»." + "".join(f" Chú ý — {n}." for n in notes)
    return _document_page(request, document.model_dump(mode="python"), [], notice)
