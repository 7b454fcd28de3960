"""What keeps the page safe on the officer's computer.

* Every response carries a strict Content-Security-Policy: no script at all, nothing
  loaded from another host, forms posting only to this server, no framing.
* Only ``127.0.0.1`` / ``localhost`` in the Host header (``TrustedHostMiddleware``), so a
  web page elsewhere cannot reach the server through DNS rebinding.
* Every form carries the server's CSRF token; a POST without it, or from another
  origin, is refused before anything is read.
* A request body above the upload cap (``limits.InputKind.WORD``) is refused from its
  declared size, and counted again while it is read.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request

from ttdn_docs.limits import InputKind, too_large

CSRF_FIELD = "csrf"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
LOCAL_HOSTS = ["127.0.0.1", "localhost"]
MAX_FIELDS = 20_000  # a long plan's form has a few thousand inputs
UPLOAD_KIND = InputKind.WORD


class UploadTooLarge(HTTPException):
    def __init__(self, size: int) -> None:
        super().__init__(413, too_large(size, UPLOAD_KIND))


class SecurityHeaders:
    """ASGI middleware adding ``HEADERS`` to every HTTP response."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


async def posted_form(request: Request) -> FormData:
    """The form of a POST, read within the upload cap, after its CSRF token and origin
    are checked."""
    cap: int = request.app.state.max_upload
    declared = request.headers.get("content-length")
    if declared is None or not declared.isdigit():
        raise HTTPException(411, "trình duyệt không gửi độ dài dữ liệu; hãy tải lại trang rồi gửi lại")
    if int(declared) > cap:
        raise UploadTooLarge(int(declared))
    origin = request.headers.get("origin")
    if origin is not None and origin != "null" and origin.rstrip("/") != str(request.base_url).rstrip("/"):
        raise HTTPException(403, "biểu mẫu gửi từ trang khác bị từ chối")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise UploadTooLarge(len(body))
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": bytes(body), "more_body": False}

    form = await Request(request.scope, replay).form(max_files=4, max_fields=MAX_FIELDS, max_part_size=cap)
    token = form.get(CSRF_FIELD)
    if not isinstance(token, str) or not hmac.compare_digest(token, request.app.state.csrf):
        raise HTTPException(403, "biểu mẫu thiếu mã bảo vệ hoặc đã cũ; hãy tải lại trang rồi gửi lại")
    return form


def text_fields(form: FormData) -> dict[str, str]:
    """The text fields of a form (the last value of a repeated name)."""
    return {k: v for k, v in form.multi_items() if isinstance(v, str)}
