"""The Starlette application of ``ttdn-docs serve``.

    from ttdn_docs.web import create_app
    app = create_app(register=Path("so-van-ban.sqlite"))

Pages are server-rendered HTML forms (Jinja, autoescape on); the page runs no script and
loads nothing from another host (``security``). Files live only in the app's temporary
folder (``workspace``), removed when the app stops.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ttdn_docs.web import checking, documents, register_page
from ttdn_docs.web.common import error_page, page
from ttdn_docs.web.security import LOCAL_HOSTS, UPLOAD_KIND, SecurityHeaders
from ttdn_docs.web.workspace import Workspace

_MESSAGES = {
    404: "Không có trang này.",
    405: "Trang này không nhận cách gửi đó; hãy mở lại từ trang chủ.",
}


async def home(request: Request) -> Response:
    return page(request, "home.html")


async def style(request: Request) -> Response:
    css = resources.files("ttdn_docs.web").joinpath("static", "style.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css; charset=utf-8")


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if exc.detail and exc.status_code not in _MESSAGES else _MESSAGES.get(exc.status_code, "Yêu cầu không hợp lệ.")
    return error_page(request, detail, exc.status_code)


async def internal_error(request: Request, exc: Exception) -> Response:
    return error_page(request, f"Lỗi nội bộ của ttdn-docs ({type(exc).__name__}). Hãy gửi báo lỗi kèm việc vừa làm.", 500)


def create_app(*, register: Path | None = None, max_upload: int = UPLOAD_KIND.max_bytes) -> Starlette:
    """The application; ``register`` is the register file of the «Sổ đăng ký số» page
    and of ``number: auto``; ``max_upload`` caps a request's body in bytes."""
    workspace = Workspace()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            workspace.close()

    routes = [
        Route("/", home),
        Route("/style.css", style),
        Route("/new", documents.new_page, methods=["GET"]),
        Route("/new", documents.new_document, methods=["POST"]),
        Route("/document", documents.edit_document, methods=["POST"]),
        Route("/download/{fmt:str}", documents.download, methods=["POST"]),
        Route("/import", documents.import_page, methods=["GET"]),
        Route("/import", documents.import_file, methods=["POST"]),
        Route("/check", checking.check_page, methods=["GET"]),
        Route("/check", checking.check_upload, methods=["POST"]),
        Route("/fix", checking.fix_upload, methods=["POST"]),
        Route("/files/{token:str}/{name:str}", checking.kept_file, methods=["GET"]),
        Route("/register", register_page.register_page, methods=["GET"]),
        Route("/register", register_page.register_action, methods=["POST"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders), Middleware(TrustedHostMiddleware, allowed_hosts=LOCAL_HOSTS)],
        exception_handlers={HTTPException: http_error, Exception: internal_error},
        lifespan=lifespan,
    )
    app.state.csrf = secrets.token_urlsafe(32)
    app.state.register = register
    app.state.max_upload = max_upload
    app.state.workspace = workspace
    return app
