"""Profile styles as CSS: the same numbers the .docx template is built from.

Every selector is scoped under the page's own class, so a preview shown in a notebook
cell never restyles the notebook around it.
"""

from __future__ import annotations

import re

from ttdn_docs.layout.elements import profile_elements, style_at
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.model import Style

# Word's "single" line of Times New Roman is about 1.15 em high.
SINGLE_LINE_EM = 1.15
TWIPS_PER_PT = 20
_UNSAFE_CSS = re.compile(r"[^\w\s.-]", re.UNICODE)


def scope_class(profile: Profile) -> str:
    """The class every rule of a profile's preview hangs from (ids are ``[a-z0-9-]``)."""
    return f"ttdn-{profile.id}"


def font_stack(profile: Profile) -> str:
    """The profile's font named (never downloaded), then metric-compatible fallbacks."""
    name = _UNSAFE_CSS.sub("", profile.font).strip() or "Times New Roman"
    return f"'{name}', 'Liberation Serif', 'Tinos', serif"


def style_css(style: Style, *, indent: bool = True) -> str:
    """Declarations of one element style (size, weight, slant, underline, alignment,
    spacing, line height, first-line indent)."""
    parts = [
        f"font-size: {style.size:g}pt",
        f"font-weight: {'bold' if style.bold else 'normal'}",
        f"font-style: {'italic' if style.italic else 'normal'}",
        f"text-decoration: {'underline' if style.underline else 'none'}",
        f"text-align: {style.align}",
        f"margin: {style.space_before:g}pt 0 {style.space_after:g}pt 0",
        f"line-height: {style.line_spacing * SINGLE_LINE_EM:.3f}",
        f"text-indent: {style.first_line_indent_cm if indent else 0:g}cm",
    ]
    return "; ".join(parts)


def twips_pt(twips: int) -> str:
    return f"{twips / TWIPS_PER_PT:g}pt"


def page_css(profile: Profile) -> str:
    """The style sheet of a preview: the page box, the two-column header and signature
    blocks, and one class per element of the profile."""
    scope = f".{scope_class(profile)}"
    page = profile.page
    m = page.margins_mm
    e = profile.elements
    header = profile.layout.header_columns_mm
    signature = profile.layout.signature_columns_mm
    rules = [
        f"{scope} {{ background: #e8e8e8; padding: 12px 0; color: #000; }}",
        f"{scope} .page {{ box-sizing: border-box; width: {page.width_mm:g}mm; min-height: {page.height_mm:g}mm; "
        f"margin: 0 auto 12px auto; padding: {m['top']:g}mm {m['right']:g}mm {m['bottom']:g}mm {m['left']:g}mm; "
        f"background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.35); font-family: {font_stack(profile)}; }}",
        f"{scope} p {{ white-space: pre-wrap; overflow-wrap: break-word; }}",
        f"{scope} .box p {{ white-space: nowrap; }}",
        f"{scope} .cols {{ display: flex; align-items: flex-start; }}",
        f"{scope} .header .col-left {{ flex: 0 0 {header[0]:g}mm; }}",
        f"{scope} .header .col-right {{ flex: 0 0 {header[1]:g}mm; }}",
        f"{scope} .closing .col-left {{ flex: 0 0 {signature[0]:g}mm; }}",
        f"{scope} .closing .col-right {{ flex: 0 0 {signature[1]:g}mm; }}",
        f"{scope} .line {{ height: 0; border-top: 0.75pt solid #000; margin-top: 1pt; margin-bottom: 2pt; }}",
        f"{scope} .box {{ display: block; border: 0.75pt solid #000; white-space: nowrap; }}",
        f"{scope} .marks-top {{ display: flow-root; }}",
        f"{scope} table.data {{ width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 {e.body.space_after:g}pt 0; }}",
        f"{scope} table.data td, {scope} table.data th {{ border: {e.table_frame.border_pt:g}pt solid #000; "
        f"padding: 0 {e.table_frame.cell_margin_mm:g}mm; vertical-align: top; }}",
    ]
    elements: dict[str, tuple[Style, bool]] = {
        entry.key: (style_at(profile, entry), entry.indented) for entry in profile_elements(profile)
    }
    for name, (style, indent) in elements.items():
        rules.append(f"{scope} .el-{name} {{ {style_css(style, indent=indent)}; }}")
    space = e.signer_name.size * SINGLE_LINE_EM
    rules.append(f"{scope} .signature-space {{ height: {space * profile.layout.signature_blank_lines:g}pt; }}")
    return "\n".join(rules)
