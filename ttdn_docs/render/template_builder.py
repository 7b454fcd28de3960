"""Build a profile's docxtpl template (.docx with Jinja tags) from the profile data.

Every size, style, margin and fixed wording in the template comes from the profile, so
``templates/<profile>.docx`` is generated, committed, and a test proves the committed
file is what this module builds. Run ``python scripts/build_templates.py`` to
rebuild the templates of all built-in profiles (``python scripts/build_templates.py``).

The placeholders the template uses are those of ``ttdn_docs.render.context``.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.shared import Mm, Pt
from lxml import etree

from ttdn_docs.layout.elements import style_id, style_names
from ttdn_docs.profiles import Profile, Separator, Style, builtin_profile_ids, load_profile
from ttdn_docs.profiles.grammar import body_roles, section_levels
from ttdn_docs.profiles.model import MARK_SLOT_IN, Family, FamilyLayout, LayoutSlot, MarkSlot
from ttdn_docs.render import ooxml
from ttdn_docs.render.package import read_entries, write_entries
from ttdn_docs.profiles.marker import profile_marker
from ttdn_docs.render.property_parts import with_property_parts
from ttdn_docs.render.template_files import template_filename

NSDECL = f'xmlns:w="{ooxml.W_NS}"'
_NO_INDENT = '<w:ind w:left="0" w:right="0" w:firstLine="0"/>'

def build_template(profile: Profile, family: Family = "titled") -> bytes:
    """The template .docx of ``family``'s documents under ``profile``, as deterministic
    bytes: the family's layout (``profile.layouts``) slot by slot."""
    doc = Document()
    _setup_page(doc, profile)
    _setup_styles(doc, profile, profile.layouts[family])
    _setup_page_number(doc, profile)
    body = doc.element.body
    sect_pr = body.sectPr
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    # Annexes that number their own pages are sections like the main text's.
    section_xml = etree.tostring(sect_pr, encoding="unicode")
    for fragment in _body_fragments(profile, family, section_xml):
        sect_pr.addprevious(parse_xml(_with_ns(fragment)))
    doc.core_properties.author = "ttdn_docs"
    doc.core_properties.title = profile.title
    doc.core_properties.comments = profile_marker(profile.id)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _normalise_package(buffer.getvalue())


def _with_ns(fragment: str) -> str:
    # Give the fragment's root element the w: namespace declaration lxml needs.
    return re.sub(r"^<(w:\w+)", rf"<\1 {NSDECL}", fragment, count=1)


def _setup_page(doc: DocxDocument, profile: Profile) -> None:
    page = profile.page
    section = doc.sections[0]
    landscape = page.orientation == "landscape"
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (page.height_mm, page.width_mm) if landscape else (page.width_mm, page.height_mm)
    section.page_width = Mm(width)
    section.page_height = Mm(height)
    section.top_margin = Mm(page.margins_mm["top"])
    section.bottom_margin = Mm(page.margins_mm["bottom"])
    section.left_margin = Mm(page.margins_mm["left"])
    section.right_margin = Mm(page.margins_mm["right"])
    section.header_distance = Mm(page.header_distance_mm)
    section.footer_distance = Mm(page.header_distance_mm)
    section.gutter = Mm(0)
    section.different_first_page_header_footer = not profile.elements.page_number.first_page
    if profile.annex_page_numbering == "per_annex":
        # Each annex section restarts at 1; on the main text's section it changes nothing.
        sect_pr = section._sectPr
        following = sect_pr.find(_qn("w:cols"))
        restart = parse_xml(_with_ns(ooxml.page_number_restart()))
        if following is not None:
            following.addprevious(restart)
        else:
            sect_pr.append(restart)


def _setup_styles(doc: DocxDocument, profile: Profile, layout: FamilyLayout) -> None:
    styles = doc.styles
    body_style = profile.elements.body
    normal = styles["Normal"]
    normal.font.name = profile.font
    normal.font.size = Pt(body_style.size)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(_qn(slot), profile.font)
    defaults = doc.styles.element.find(_qn("w:docDefaults"))
    if defaults is not None:
        for rfonts in defaults.iter(_qn("w:rFonts")):
            for attr in list(rfonts.attrib):
                del rfonts.attrib[attr]
            for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                rfonts.set(_qn(slot), profile.font)
    roles = body_roles(profile, layout.levels)
    for name in style_names(lambda key: layout.has(key) or key in roles):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = False


def _qn(tag: str) -> str:
    prefix, local = tag.split(":")
    assert prefix == "w"
    return f"{{{ooxml.W_NS}}}{local}"


def _setup_page_number(doc: DocxDocument, profile: Profile) -> None:
    """The page number in the header or the footer (``elements.page_number.position``),
    aligned as its style says; page 1 without it unless ``first_page``."""
    section = doc.sections[0]
    number = profile.elements.page_number
    in_header = number.position == "header"
    story = section.header if in_header else section.footer
    story.is_linked_to_previous = False
    element = story._element
    for child in list(element):
        element.remove(child)
    ppr = ooxml.paragraph_properties(
        number.style, profile.font, style_id=style_id("page_number"), indent_xml='<w:ind w:left="0" w:right="0" w:firstLine="0"/>'
    )
    element.append(parse_xml(_with_ns(f"<w:p>{ppr}{ooxml.page_field_runs(number.style, profile.font)}</w:p>")))
    if not number.first_page:
        first = section.first_page_header if in_header else section.first_page_footer
        first.is_linked_to_previous = False
        # An empty paragraph: no number on page 1.
        first_el = first._element
        for child in list(first_el):
            first_el.remove(child)
        first_el.append(parse_xml(_with_ns("<w:p/>")))


def _p(profile: Profile, element: str, style: Style, text_xml: str, **ppr: object) -> str:
    return ooxml.paragraph(style, profile.font, text_xml, style_id=style_id(element), **ppr)


def _centred(profile: Profile, element: str, style: Style, text_xml: str, **ppr: object) -> str:
    """A header paragraph: no first-line indent, tight spacing."""
    return _p(profile, element, style, text_xml, indent_xml='<w:ind w:left="0" w:right="0" w:firstLine="0"/>', **ppr)


def _context_indent(indents: str) -> str:
    """``w:ind`` whose left and right come from a ``{left, right}`` value of the context."""
    return f'<w:ind w:left="{{{{ {indents}.left }}}}" w:right="{{{{ {indents}.right }}}}" w:firstLine="0"/>'


def _separator(profile: Profile, element: str, separator: Separator, indents: str) -> str:
    """``*`` / ``-----`` as text, or an empty paragraph whose top border is the line;
    its indents (``indents``: where the context holds them) depend on the text above."""
    if separator.kind == "text":
        assert separator.style is not None
        return _centred(profile, element, separator.style, ooxml.literal(separator.text))
    # An empty 3 pt paragraph; a style on the separator only sets the spacing around it.
    tiny = separator.style or Style(size=2, align="center")
    return ooxml.paragraph(
        tiny, profile.font, "", style_id=style_id(element), indent_xml=_context_indent(indents),
        border_top=True, exact_line_twips=60,
    )


def _marks(profile: Profile, slot: MarkSlot) -> list[str]:
    """The marks the profile places in ``slot``, each printed only when the document
    carries it (``{%p if %}`` leaves no empty paragraph behind)."""
    out: list[str] = []
    for name, placement in profile.mark_placement.items():
        if placement.slot != slot:
            continue
        style = profile.elements.mark_style(name)
        if placement.boxed:
            # The box is placed by the style's alignment (indents); the text is centred in it.
            style = style.model_copy(update={"align": "center"})
        out.append(ooxml.control(f"if marks.{name}"))
        out.append(
            ooxml.paragraph(
                style, profile.font, f"{{{{ marks.{name} }}}}", style_id=style_id(f"mark_{name}"),
                indent_xml=_context_indent(f"lines.marks.{name}"), border_box=placement.boxed,
            )
        )
        out.append(ooxml.control("endif"))
    return out


def _loop(var: str, items: str, branches: list[tuple[str, str | list[str]]]) -> list[str]:
    """``{%p for var in items %}`` with one ``{%p if var.role == … %}`` branch per role;
    a branch is one body element or several."""
    out = [ooxml.control(f"for {var} in {items}")]
    for index, (role, branch_xml) in enumerate(branches):
        keyword = "if" if index == 0 else "elif"
        out.append(ooxml.control(f'{keyword} {var}.role == "{role}"'))
        out.extend([branch_xml] if isinstance(branch_xml, str) else branch_xml)
    out.append(ooxml.control("endif"))
    out.append(ooxml.control("endfor"))
    return out


Fragments = Callable[[Profile, FamilyLayout, LayoutSlot], list[str]]


def _slot(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    """The template paragraphs of one slot: its elements in the layout's order."""
    out: list[str] = []
    for name in layout.slot(slot):
        out += _FRAGMENTS[name](profile, layout, slot)
    return out


def _superior(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    return [
        ooxml.control("for line in header.superior"),
        _centred(profile, "superior", profile.elements.superior, "{{ line }}"),
        ooxml.control("endfor"),
    ]


def _issuer(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    return [
        ooxml.control("for line in header.issuer"),
        _centred(profile, "issuer", profile.elements.issuer, "{{ line }}"),
        ooxml.control("endfor"),
    ]


def _national(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    return [_centred(profile, "national", line.style, ooxml.literal(line.text)) for line in profile.elements.national_lines]


def _separator_of(key: str, indents: str) -> Fragments:
    def fragment(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
        separator = getattr(profile.elements, key)
        return [] if separator is None else [_separator(profile, key, separator, indents)]

    return fragment


def _text_of(key: str, value: str) -> Fragments:
    """A centred element holding one context value (``{{ header.number }}``)."""

    def fragment(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
        return [_centred(profile, key, getattr(profile.elements, key), f"{{{{ {value} }}}}")]

    return fragment


def _placed_marks(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    return _marks(profile, next(mark for mark, where in MARK_SLOT_IN.items() if where == slot))


def _recipients_label(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    e = profile.elements
    return [_p(profile, "recipients_label", e.recipients_label, ooxml.literal(profile.recipients.label), indent_xml=_NO_INDENT)]


def _recipient(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    return [
        ooxml.control("for line in recipients"),
        _p(profile, "recipient", profile.elements.recipient, "{{ line }}", indent_xml=_NO_INDENT),
        ooxml.control("endfor"),
    ]


def _signature_lines(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    e = profile.elements
    return _loop(
        "line",
        "signature.lines",
        [
            ("collective", _centred(profile, "signature_collective", e.signature_collective, "{{ line.text }}")),
            ("authority", _centred(profile, "signature_authority", e.signature_authority, "{{ line.text }}")),
            ("position", _centred(profile, "signature_position", e.signature_position, "{{ line.text }}")),
        ],
    )


def _signature_space(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    space = Style(size=profile.elements.signer_name.size, keep_with_next=True)
    return [_centred(profile, "signature_space", space, "")] * profile.layout.signature_blank_lines


def _header_table(profile: Profile, layout: FamilyLayout) -> str:
    left = _slot(profile, layout, "header_left")
    right = _slot(profile, layout, "header_right")
    columns = [ooxml.twips_mm(mm) for mm in profile.layout.header_columns_mm]
    return ooxml.borderless_table(columns, ["".join(left), "".join(right)])


def _signature_table(profile: Profile, layout: FamilyLayout) -> str:
    left = _slot(profile, layout, "recipients")
    right = _slot(profile, layout, "signature")
    columns = [ooxml.twips_mm(mm) for mm in profile.layout.signature_columns_mm]
    return ooxml.borderless_table(columns, ["".join(left), "".join(right)], cant_split=True)


def _table(profile: Profile, var: str) -> list[str]:
    """A ruled table filled by loops: a header row repeated on each page, one row per
    data row and the total row if any; cells come from a column loop (``{%tc %}``), each
    with its width and alignment from the data. An empty paragraph after it keeps the
    table apart from what follows (two tables in a row would join)."""
    e = profile.elements
    no_indent = _NO_INDENT

    def cells(items: str, element: str, style: Style) -> str:
        paragraph = _p(profile, element, style, "{{ cell.text }}", indent_xml=no_indent, jc="{{ cell.align }}")
        return (
            ooxml.control_cell(f"for cell in {items}")
            + ooxml.table_cell("{{ cell.width }}", paragraph)
            + ooxml.control_cell("endfor")
        )

    rows = [
        ooxml.table_row(cells(f"{var}.header", "table_header", e.table_header), header=True),
        ooxml.control_row(f"for row in {var}.rows"),
        ooxml.table_row(cells("row.cells", "table_cell", e.table_cell)),
        ooxml.control_row("endfor"),
        ooxml.control_row(f"if {var}.total"),
        ooxml.table_row(cells(f"{var}.total", "table_total", e.table_total)),
        ooxml.control_row("endif"),
    ]
    page = profile.page
    width = ooxml.twips_mm(page.width_mm - page.margins_mm["left"] - page.margins_mm["right"])
    frame = e.table_frame
    # The grid from the widths the context computed: no fitting after the render.
    grid = f'{{% for width in {var}.grid %}}<w:gridCol w:w="{{{{ width }}}}"/>{{% endfor %}}'
    table = ooxml.data_table(width, frame.border_pt, ooxml.twips_mm(frame.cell_margin_mm), rows, grid)
    after = Style(size=e.body.size, space_after=e.body.space_after)
    return [table, _p(profile, "table_after", after, "", indent_xml=no_indent, exact_line_twips=20)]


def _body_branches(
    profile: Profile, layout: FamilyLayout, *, before_signature: bool = False
) -> list[tuple[str, str | list[str]]]:
    """One element per body role (the layout's section levels: ``article`` for «Điều»);
    shared by the main text and the annexes. Before the signature, the last paragraph
    keeps with it, so the signature never stands alone on the last page."""
    e = profile.elements
    keep = {"keep_next_when": "loop.last"} if before_signature else {}
    branches: list[tuple[str, str | list[str]]] = [("body", _p(profile, "body", e.body, "{{ line.text }}", **keep))]
    for role, level in dict(section_levels(profile, layout.levels)).items():
        branches.append((role, _p(profile, role, level.style, "{{ line.text }}", **keep)))
    if "article" in layout.levels:
        branches.append(("article_text", _labelled(profile, "article_text", e.item, **keep)))
    branches.append(("item", _p(profile, "item", e.item, "{{ line.text }}", **keep)))
    for index, bullet in enumerate(e.bullets, start=1):
        branches.append((f"bullet_{index}", _p(profile, f"bullet_{index}", bullet.style, "{{ line.text }}", **keep)))
    branches.append(("table", _table(profile, "line.table")))
    assert [role for role, _ in branches] == body_roles(profile, layout.levels)  # one branch per role, none lost
    return branches


def _labelled(profile: Profile, element: str, style: Style, **ppr: object) -> str:
    """A paragraph whose start (``line.label``) is bold and the rest as ``style``."""
    bold = style.model_copy(update={"bold": True})
    runs = ooxml.text_run(bold, profile.font, "{{ line.label }}") + ooxml.text_run(style, profile.font, "{{ line.rest }}")
    properties = ooxml.paragraph_properties(style, profile.font, style_id=style_id(element), **ppr)  # type: ignore[arg-type]
    return f"<w:p>{properties}{runs}</w:p>"


def _addressees(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    """One addressee: ``Kính gửi: A`` on one line, aligned as the style says. Several:
    ``Kính gửi:`` on its own line and ``- A;`` … each on a line, the dashes in line under
    its colon (ND 30 PL I.II.9.d); the block is centred by indents from the context."""
    style = profile.elements.addressee
    block = style.model_copy(update={"align": "left"})
    return [
        ooxml.control("for line in addressees"),
        ooxml.control("if addressees|length == 1"),
        _centred(profile, "addressee", style, "{{ line }}"),
        ooxml.control("elif loop.first"),
        _p(profile, "addressee", block, "{{ line }}", indent_xml=_context_indent("lines.addressees.label")),
        ooxml.control("else"),
        _p(profile, "addressee", block, "{{ line }}", indent_xml=_context_indent("lines.addressees.lines")),
        ooxml.control("endif"),
        ooxml.control("endfor"),
    ]


def _basis(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    style = profile.elements.basis
    assert style is not None  # the profile's validator says so
    return [ooxml.control("for line in bases"), _p(profile, "basis", style, "{{ line }}"), ooxml.control("endfor")]


def _enacting(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    style = profile.elements.enacting
    assert style is not None
    return [_centred(profile, "enacting", style, "{{ enacting }}")]


def _body(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    """The body's lines; in the annex slot, the annex's."""
    if slot == "annex":
        return _loop("line", "annex.body", _body_branches(profile, layout))
    return _loop("line", "body", _body_branches(profile, layout, before_signature=True))


def _annex_label(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    e = profile.elements
    per_annex = profile.annex_page_numbering == "per_annex"
    return [_centred(profile, "annex_label", e.annex_label or e.annex_title, "{{ annex.label }}", page_break_before=not per_annex)]


def _annex_reference(profile: Profile, layout: FamilyLayout, slot: LayoutSlot) -> list[str]:
    style = profile.elements.annex_reference
    if style is None or not profile.annex_reference:
        return []
    return [_centred(profile, "annex_reference", style, "{{ annex.reference }}")]


def _annexes(profile: Profile, layout: FamilyLayout, section_xml: str) -> list[str]:
    """Each annex on a new page: a section of its own when annexes number their pages
    separately (else its label breaks the page), then the annex slot's elements."""
    if not layout.annex:
        return []
    out = [ooxml.control("for annex in annexes")]
    if profile.annex_page_numbering == "per_annex":
        # Ends the section before the annex (main text or previous annex) with the same
        # page setup; every section restarts its page numbers at 1.
        out.append(ooxml.section_break(section_xml))
    out += _slot(profile, layout, "annex")
    out.append(ooxml.control("endfor"))
    return out


# The template paragraphs of each element a layout may name.
_FRAGMENTS: dict[str, Fragments] = {
    "marks": _placed_marks,
    "superior": _superior,
    "issuer": _issuer,
    "issuer_separator": _separator_of("issuer_separator", "lines.issuer"),
    "number": _text_of("number", "header.number"),
    "cong_van_summary": _text_of("cong_van_summary", "header.summary"),
    "national": _national,
    "national_separator": _separator_of("national_separator", "lines.national"),
    "place_date": _text_of("place_date", "header.place_date"),
    "kind_title": _text_of("kind_title", "title.kind"),
    "summary": _text_of("summary", "title.summary"),
    "summary_separator": _separator_of("summary_separator", "lines.summary"),
    "addressee": _addressees,
    "authority": _text_of("authority", "authority"),
    "basis": _basis,
    "enacting": _enacting,
    "body": _body,
    "recipients_label": _recipients_label,
    "recipient": _recipient,
    "signature_lines": _signature_lines,
    "signature_space": _signature_space,
    "signer_name": _text_of("signer_name", "signature.name"),
    "annex_label": _annex_label,
    "annex_title": _text_of("annex_title", "annex.title"),
    "annex_reference": _annex_reference,
    "annex_separator": _separator_of("annex_separator", "annex.line"),
}


def _body_fragments(profile: Profile, family: Family, section_xml: str) -> list[str]:
    """The page of ``family`` from its layout, slot by slot."""
    layout = profile.layouts[family]
    out = [*_slot(profile, layout, "top"), _header_table(profile, layout)]
    for slot in ("title", "addressees", "body"):
        out += _slot(profile, layout, slot)
    out.append(_signature_table(profile, layout))
    out += _annexes(profile, layout, section_xml)
    return out


def _normalise_package(data: bytes) -> bytes:
    """Fixed core-property dates and timestamps so the build is byte-reproducible; no
    thumbnail (python-docx's blank page is a picture of nothing)."""
    entries = []
    for name, blob in with_property_parts(read_entries(data)):
        if name == "docProps/core.xml":
            blob = re.sub(
                rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                rb"\g<1>2025-07-01T00:00:00Z\g<3>",
                blob,
            )
        entries.append((name, blob))
    return write_entries(entries)


def main(argv: list[str] | None = None) -> int:
    """Rebuild the templates of all built-in profiles into a folder (default
    ``templates/`` of the repository)."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "templates"
    out_dir.mkdir(parents=True, exist_ok=True)
    for profile_id in builtin_profile_ids():
        profile = load_profile(profile_id)
        for family in profile.layouts:
            target = out_dir / template_filename(profile_id, family)
            target.write_bytes(build_template(profile, family))
            print(f"wrote {target}")
    return 0
