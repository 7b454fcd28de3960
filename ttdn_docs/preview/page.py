"""AdminDocument + Profile → an HTML page view.

The page is written from ``render.context.build_context``: the very values (cased
lines, numbers, date line, generated body numbering, Nơi nhận, signature lines, marks,
separator lengths) the .docx template is filled with, so the preview and the .docx say
the same words. Elements carry ``data-el`` names so that tools (and the browser test)
can find them. Every text is escaped; the page has no script and fetches nothing.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ttdn_docs.admin import AdminDocument
from ttdn_docs.preview.css import page_css, scope_class, twips_pt
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.model import MarkSlot, Separator
from ttdn_docs.render.context import build_context

# Inline styles only; nothing may load, run or connect.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_CSS_ALIGN = {"left": "left", "center": "center", "right": "right", "both": "justify"}


def to_html(document: AdminDocument, profile: Profile) -> str:
    """A complete HTML page (A4-proportioned, from the profile's page setup) showing
    ``document`` as the .docx lays it out under ``profile``."""
    title = escape(f"{build_context(document, profile)['title']['kind']} — {document.summary}")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        f"<title>{title}</title>\n"
        "<style>body { margin: 0; }</style>\n"
        f"</head>\n<body>\n{to_html_fragment(document, profile)}\n</body>\n</html>\n"
    )


def to_html_fragment(document: AdminDocument, profile: Profile) -> str:
    """The page as one ``<div>`` with its scoped style sheet: what a notebook cell shows."""
    context = build_context(document, profile)
    parts = [
        f'<div class="ttdn-preview {scope_class(profile)}" data-profile="{escape(profile.id)}">',
        f"<style>\n{page_css(profile)}\n</style>",
        '<div class="page" data-el="page">',
        *_main_text(profile, context),
        "</div>",
    ]
    for annex in context["annexes"]:
        parts += ['<div class="page" data-el="annex">', *_annex(profile, annex), "</div>"]
    parts.append("</div>")
    return "\n".join(parts)


def _main_text(profile: Profile, context: dict[str, Any]) -> list[str]:
    e = profile.elements
    header = context["header"]
    lines = context["lines"]
    left = [
        *(_p("superior", text) for text in header["superior"]),
        *(_p("issuer", text, "issuer") for text in header["issuer"]),
        _separator("issuer_separator", e.issuer_separator, lines["issuer"]),
        _p("number", header["number"], "number"),
        *_marks(profile, context, "under_number"),
    ]
    right = [
        *(_p(f"national_{i}", line.text, "national") for i, line in enumerate(e.national_lines, start=1)),
        _separator("national_separator", e.national_separator, lines["national"]),
        _p("place_date", header["place_date"], "place-date"),
        *_marks(profile, context, "under_place_date"),
    ]
    out = [
        '<div class="marks-top" data-el="marks-top">',
        *_marks(profile, context, "top"),
        "</div>",
        _columns("header", left, right, "issuer-block", "national-block"),
        _p("kind_title", context["title"]["kind"], "title"),
        _p("summary", context["title"]["summary"], "summary"),
        _separator("summary_separator", e.summary_separator, lines["summary"]),
        *_addressees(context),
        *_body(context["body"]),
    ]
    recipients = [
        _p("recipients_label", profile.recipients.label, "recipients-label"),
        *(_p("recipient", text, "recipient") for text in context["recipients"]),
        *_marks(profile, context, "after_recipients"),
    ]
    signature = [_p(f"signature_{line['role']}", line["text"], "signature-line") for line in context["signature"]["lines"]]
    signature.append('<div class="signature-space"></div>')
    signature.append(_p("signer_name", context["signature"]["name"], "signer-name"))
    out.append(_columns("closing", recipients, signature, "recipients", "signature"))
    return out


def _annex(profile: Profile, annex: dict[str, Any]) -> list[str]:
    e = profile.elements
    out = [_p("annex_label", annex["label"], "annex-label"), _p("annex_title", annex["title"], "annex-title")]
    if e.annex_reference is not None and profile.annex_reference:
        out.append(_p("annex_reference", annex["reference"], "annex-reference"))
    if e.annex_separator is not None:
        out.append(_separator("annex_separator", e.annex_separator, annex["line"]))
    return out + _body(annex["body"])


def _p(element: str, text: str, data_el: str = "", extra_style: str = "") -> str:
    attributes = f' class="el-{element}"'
    if data_el:
        attributes += f' data-el="{data_el}"'
    if extra_style:
        attributes += f' style="{extra_style}"'
    return f"<p{attributes}>{escape(text, quote=False)}</p>"


def _columns(name: str, left: list[str], right: list[str], left_el: str, right_el: str) -> str:
    return (
        f'<div class="cols {name}" data-el="{name}">'
        f'<div class="col-left" data-el="{left_el}">{"".join(left)}</div>'
        f'<div class="col-right" data-el="{right_el}">{"".join(right)}</div>'
        "</div>"
    )


def _indents(indents: dict[str, int]) -> str:
    return f"margin-left: {twips_pt(indents['left'])}; margin-right: {twips_pt(indents['right'])}"


def _separator(element: str, separator: Separator, indents: dict[str, int]) -> str:
    """A text separator (``*``) as the profile styles it; a drawn line as a rule whose
    length and position are the .docx paragraph border's (the same indents)."""
    if separator.kind == "text":
        return _p(element, separator.text, element.replace("_", "-"))
    spacing = ""
    if separator.style is not None:  # the .docx line is a paragraph with this spacing
        spacing = f"; margin-top: {separator.style.space_before:g}pt; margin-bottom: {separator.style.space_after:g}pt"
    return f'<div class="line" data-el="{element.replace("_", "-")}" style="{_indents(indents)}{spacing}"></div>'


def _marks(profile: Profile, context: dict[str, Any], slot: MarkSlot) -> list[str]:
    """The marks placed in ``slot`` that the document carries; a boxed mark is a framed
    block as wide as the .docx box (the same indents), its text centred."""
    out = []
    for name, placement in profile.mark_placement.items():
        text = context["marks"][name]
        if placement.slot != slot or not text:
            continue
        data_el = f"mark-{name}"
        if placement.boxed:
            box = f"{_indents(context['lines']['marks'][name])}; text-align: center"
            out.append(f'<div class="box" style="{box}">{_p(f"mark_{name}", text, data_el, "text-align: center")}</div>')
        else:
            out.append(_p(f"mark_{name}", text, data_el))
    return out


def _addressees(context: dict[str, Any]) -> list[str]:
    lines: list[str] = context["addressees"]
    if len(lines) == 1:
        return [_p("addressee", lines[0], "addressee")]
    indents = context["lines"]["addressees"]
    return [
        _p("addressee", text, "addressee", f"text-align: left; {_indents(indents['label' if i == 0 else 'lines'])}")
        for i, text in enumerate(lines)
    ]


def _body(lines: list[dict[str, Any]]) -> list[str]:
    out = []
    for line in lines:
        if line["role"] == "table":
            out.append(_table(line["table"]))
        else:
            out.append(_p(line["role"], line["text"], "body-line"))
    return out


def _table(table: dict[str, Any]) -> str:
    def row(cells: list[dict[str, Any]], element: str, tag: str = "td") -> str:
        return "<tr>" + "".join(
            f'<{tag} style="width: {twips_pt(cell["width"])}">'
            f'{_p(element, cell["text"], "", "text-align: " + _CSS_ALIGN[cell["align"]])}</{tag}>'
            for cell in cells
        ) + "</tr>"

    rows = [row(table["header"], "table_header", "th")]
    rows += [row(r["cells"], "table_cell") for r in table["rows"]]
    if table["total"]:
        rows.append(row(table["total"], "table_total"))
    return f'<table class="data" data-el="table">{"".join(rows)}</table>'
