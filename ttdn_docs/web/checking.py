"""«Kiểm tra tệp»: a Word file's (or a PDF's) findings, and for a Word file «Sửa thể
thức» (``fix``) with the fixed file and its list of changes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from ttdn_docs.check import CheckResult, check_file
from ttdn_docs.errors import TtdnError
from ttdn_docs.importer.fix import fix_docx
from ttdn_docs.preview import findings_html
from ttdn_docs.web.common import error_page, page
from ttdn_docs.web.security import posted_form, text_fields
from ttdn_docs.web.uploads import named, saved_upload

PROFILES = {"": "tự nhận ra từ phần đầu văn bản", "party": "văn bản của Đảng", "state": "văn bản của Nhà nước"}
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


async def check_page(request: Request) -> Response:
    return page(request, "check.html", problem="", profiles=PROFILES, result=None)


async def check_upload(request: Request) -> Response:
    form = await posted_form(request)
    upload = form.get("file")
    profile = str(form.get("profile") or "")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return page(request, "check.html", 400, problem="Hãy chọn một tệp Word (.docx) hoặc PDF.", profiles=PROFILES, result=None)
    with request.app.state.workspace.job() as folder:
        path = await saved_upload(upload, folder)
        return await run_in_threadpool(_checked, request, path, upload.filename, profile)


def _checked(request: Request, path: Path, name: str, profile: str) -> Response:
    try:
        result = check_file(path, profile if profile in PROFILES and profile else None)
    except TtdnError as exc:
        message = named(str(exc), path, f"«{name}»")
        return page(request, "check.html", 400, problem=message, profiles=PROFILES, result=None)
    # A Word file is kept for «Sửa thể thức»; a PDF is judged only (fix rebuilds a .docx).
    token = "" if path.suffix.lower() == ".pdf" else request.app.state.workspace.keep(path.read_bytes(), path.name).token
    result = dataclasses.replace(result, source=name)
    return page(
        request, "check.html", problem="", profiles=PROFILES, result=result, table=Markup(findings_html(result)),
        token=token, profile=profile,
    )


async def fix_upload(request: Request) -> Response:
    """«Sửa thể thức» of the file just checked (kept under its token)."""
    fields = text_fields(await posted_form(request))
    kept = request.app.state.workspace.get(fields.get("token", ""))
    if kept is None:
        return error_page(request, "Tệp cần sửa không còn (máy chủ đã khởi động lại hoặc đã kiểm tra nhiều tệp khác); hãy tải tệp lên lại.", 410)
    return await run_in_threadpool(_fixed, request, kept.path, fields.get("name") or kept.name, fields.get("profile", ""))


def _fixed(request: Request, source: Path, name: str, profile: str) -> Response:
    workspace = request.app.state.workspace
    stem = Path(source.name).stem
    with workspace.job() as folder:
        try:
            result = fix_docx(source, folder / f"{stem}-da-sua.docx", profile=profile if profile in PROFILES and profile else None)
        except TtdnError as exc:
            return error_page(request, named(str(exc), source, f"«{name}»"), 400)
        fixed = workspace.keep(result.output.read_bytes(), result.output.name)
    check: CheckResult = dataclasses.replace(result.check, source=fixed.name)
    notes = [w.describe() for w in result.imported.warnings]
    return page(
        request, "fixed.html", name=name, fixed=fixed, changes=[c.describe() for c in result.changes],
        table=Markup(findings_html(check)), errors=len(check.errors), notes=notes,
    )


async def kept_file(request: Request) -> Response:
    kept = request.app.state.workspace.get(request.path_params["token"])
    if kept is None or kept.name != request.path_params["name"]:
        return error_page(request, "Tệp này không còn; hãy làm lại từ đầu.", 404)
    return Response(
        kept.path.read_bytes(), media_type=DOCX_TYPE, headers={"Content-Disposition": f'attachment; filename="{kept.name}"'}
    )
