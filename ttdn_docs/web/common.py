"""What every page shares: the Jinja environment (autoescape always on) and the page
response, which puts the CSRF token and the server's options into every template."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ttdn_docs import office
from ttdn_docs.ttdn.outline import PART_TITLES

TEMPLATES = Environment(
    loader=PackageLoader("ttdn_docs.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

# A choice's values are the data's keys (English, as YAML writes them); the officer reads
# these names instead. A value not listed is shown as it is (numbers, profile ids).
CHOICE_LABELS: dict[str, str] = {
    **PART_TITLES,
    "body": "trong thân văn bản",
    "annex": "ở phụ lục",
    "auto": "tự động",
    "bullets": "gạch đầu dòng",
    "paragraphs": "đoạn văn",
    "points": "điểm a), b)",
    "left": "trái",
    "center": "giữa",
    "right": "phải",
}


def option_label(value: object) -> str:
    return CHOICE_LABELS.get(str(value), str(value))


TEMPLATES.globals["option_label"] = option_label


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
