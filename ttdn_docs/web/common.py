"""What every page shares: the Jinja environment (autoescape always on) and the page
response, which puts the CSRF token and the server's options into every template."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ttdn_docs import office

TEMPLATES = Environment(
    loader=PackageLoader("ttdn_docs.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page of ``template``; every text put in it is escaped."""
    state = request.app.state
    html = TEMPLATES.get_template(template).render(
        csrf=state.csrf,
        has_pdf=office.soffice_path() is not None,
        has_register=state.register is not None,
        **context,
    )
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, message: str, status: int) -> HTMLResponse:
    return page(request, "error.html", status, message=message)
