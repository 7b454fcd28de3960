"""AdminDocument + Profile → an HTML page view.

The page is written from ``render.context.build_context``: the very values (cased
lines, numbers, date line, generated body numbering, Nơi nhận, signature lines, marks,
separator lengths) the .docx template is filled with, so the preview and the .docx say
the same words. Elements carry ``data-el`` names so that tools (and the browser test)
can find them. Every text is escaped; the page has no script and fetches nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from ttdn_docs.admin import AdminDocument
from ttdn_docs.preview.css import page_css, scope_class, twips_pt
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.model import MARK_SLOT_IN, LayoutSlot, MarkSlot, Separator
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
        parts += ['<div class="page" data-el="annex">', *_annex(profile, context, annex), "</div>"]
    parts.append("</div>")
    return "\n".join(parts)


Html = Callable[[Profile, dict[str, Any], LayoutSlot], list[str]]


def _main_text(profile: Profile, context: dict[str, Any]) -> list[str]:
    """The page of the document's family from its layout, slot by slot (the template
    builder walks the same layout)."""
    layout = profile.layouts[context["family"]]

    def slot(name: LayoutSlot) -> list[str]:
        return [html for element in layout.slot(name) for html in _HTML[element](profile, context, name)]

    return [
        '<div class="marks-top" data-el="marks-top">',
        *slot("top"),
        "</div>",
        _columns("header", slot("header_left"), slot("header_right"), "issuer-block", "national-block"),
        *slot("title"),
        *slot("addressees"),
        *slot("body"),
        _columns("closing", slot("recipients"), slot("signature"), "recipients", "signature"),
    ]


def _annex(profile: Profile, context: dict[str, Any], annex: dict[str, Any]) -> list[str]:
    layout = profile.layouts[context["family"]]
    inner = {**context, "annex": annex}
    return [html for element in layout.annex for html in _HTML[element](profile, inner, "annex")]


def _lines(element: str, key: str, data_el: str = "") -> Html:
    """One paragraph per line of ``header[key]``."""

    def html(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
        return [_p(element, text, data_el) for text in context["header"][key]]

    return html


def _value(element: str, path: str, data_el: str) -> Html:
    """One paragraph holding a context value (``header.number``)."""

    def html(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
        value: Any = context
        for part in path.split("."):
            value = value[part]
        return [_p(element, value, data_el)]

    return html


def _separator_of(key: str, indents: str) -> Html:
    def html(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
        separator = getattr(profile.elements, key)
        if separator is None:
            return []
        place = context["annex"]["line"] if indents == "annex" else context["lines"][indents]
        return [_separator(key, separator, place)]

    return html


def _national(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    return [_p(f"national_{i}", line.text, "national") for i, line in enumerate(profile.elements.national_lines, start=1)]


def _placed_marks(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    return _marks(profile, context, next(mark for mark, where in MARK_SLOT_IN.items() if where == slot))


def _recipients_label(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    return [_p("recipients_label", profile.recipients.label, "recipients-label")]


def _recipient(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    return [_p("recipient", text, "recipient") for text in context["recipients"]]


def _signature_lines(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    return [_p(f"signature_{line['role']}", line["text"], "signature-line") for line in context["signature"]["lines"]]


def _signature_space(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    return ['<div class="signature-space"></div>']


def _basis(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    return [_p("basis", text, "basis") for text in context["bases"]]


def _enacting(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    return [_p("enacting", context["enacting"], "enacting")] if context["enacting"] else []


def _body_html(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    return _body(context["annex"]["body"] if slot == "annex" else context["body"])


def _annex_reference(profile: Profile, context: dict[str, Any], slot: LayoutSlot) -> list[str]:
    if profile.elements.annex_reference is None or not profile.annex_reference:
        return []
    return [_p("annex_reference", context["annex"]["reference"], "annex-reference")]


# The HTML of each element a layout may name (the template builder's ``_FRAGMENTS``).
_HTML: dict[str, Html] = {
    "marks": _placed_marks,
    "superior": _lines("superior", "superior"),
    "issuer": _lines("issuer", "issuer", "issuer"),
    "issuer_separator": _separator_of("issuer_separator", "issuer"),
    "number": _value("number", "header.number", "number"),
    "cong_van_summary": _value("cong_van_summary", "header.summary", "cong-van-summary"),
    "national": _national,
    "national_separator": _separator_of("national_separator", "national"),
    "place_date": _value("place_date", "header.place_date", "place-date"),
    "kind_title": _value("kind_title", "title.kind", "title"),
    "summary": _value("summary", "title.summary", "summary"),
    "summary_separator": _separator_of("summary_separator", "summary"),
    "addressee": lambda profile, context, slot: _addressees(context),
    "authority": _value("authority", "authority", "authority"),
    "basis": _basis,
    "enacting": _enacting,
    "body": _body_html,
    "recipients_label": _recipients_label,
    "recipient": _recipient,
    "signature_lines": _signature_lines,
    "signature_space": _signature_space,
    "signer_name": _value("signer_name", "signature.name", "signer-name"),
    "annex_label": _value("annex_label", "annex.label", "annex-label"),
    "annex_title": _value("annex_title", "annex.title", "annex-title"),
    "annex_reference": _annex_reference,
    "annex_separator": _separator_of("annex_separator", "annex"),
}


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
        elif "label" in line:  # a bold start, the rest as the element's style
            text = f"<b>{escape(line['label'], quote=False)}</b>{escape(line['rest'], quote=False)}"
            out.append(f'<p class="el-{line["role"]}" data-el="body-line">{text}</p>')
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
