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
from ttdn_docs.profiles.grammar import body_roles
from ttdn_docs.profiles.model import MarkSlot
from ttdn_docs.render import ooxml
from ttdn_docs.render.package import read_entries, write_entries
from ttdn_docs.render.property_parts import with_property_parts
from ttdn_docs.render.template_files import template_filename

NSDECL = f'xmlns:w="{ooxml.W_NS}"'
def build_template(profile: Profile) -> bytes:
    """The template .docx for ``profile``, as deterministic bytes."""
    doc = Document()
    _setup_page(doc, profile)
    _setup_styles(doc, profile)
    _setup_page_number(doc, profile)
    body = doc.element.body
    sect_pr = body.sectPr
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    # Annexes that number their own pages are sections like the main text's.
    section_xml = etree.tostring(sect_pr, encoding="unicode")
    for fragment in _body_fragments(profile, section_xml):
        sect_pr.addprevious(parse_xml(_with_ns(fragment)))
    doc.core_properties.author = "ttdn_docs"
    doc.core_properties.title = profile.title
    doc.core_properties.comments = f"ttdn_docs template for profile {profile.id}"
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


def _setup_styles(doc: DocxDocument, profile: Profile) -> None:
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
    for name in style_names():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = False


def _qn(tag: str) -> str:
    prefix, local = tag.split(":")
    assert prefix == "w"
    return f"{{{ooxml.W_NS}}}{local}"


def _setup_page_number(doc: DocxDocument, profile: Profile) -> None:
    section = doc.sections[0]
    number = profile.elements.page_number
    header = section.header
    header.is_linked_to_previous = False
    element = header._element
    for child in list(element):
        element.remove(child)
    ppr = ooxml.paragraph_properties(
        number.style, profile.font, style_id=style_id("page_number"), indent_xml='<w:ind w:left="0" w:right="0" w:firstLine="0"/>'
    )
    element.append(parse_xml(_with_ns(f"<w:p>{ppr}{ooxml.page_field_runs(number.style, profile.font)}</w:p>")))
    if not number.first_page:
        first = section.first_page_header
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


def _header_table(profile: Profile) -> str:
    e = profile.elements
    left = [
        ooxml.control("for line in header.superior"),
        _centred(profile, "superior", e.superior, "{{ line }}"),
        ooxml.control("endfor"),
        ooxml.control("for line in header.issuer"),
        _centred(profile, "issuer", e.issuer, "{{ line }}"),
        ooxml.control("endfor"),
        _separator(profile, "issuer_separator", e.issuer_separator, "lines.issuer"),
        _centred(profile, "number", e.number, "{{ header.number }}"),
        *_marks(profile, "under_number"),
    ]
    right = [_centred(profile, "national", line.style, ooxml.literal(line.text)) for line in e.national_lines]
    right.append(_separator(profile, "national_separator", e.national_separator, "lines.national"))
    right.append(_centred(profile, "place_date", e.place_date, "{{ header.place_date }}"))
    right += _marks(profile, "under_place_date")
    columns = [ooxml.twips_mm(mm) for mm in profile.layout.header_columns_mm]
    return ooxml.borderless_table(columns, ["".join(left), "".join(right)])


def _signature_table(profile: Profile) -> str:
    e = profile.elements
    left = [
        _p(profile, "recipients_label", e.recipients_label, ooxml.literal(profile.recipients.label),
           indent_xml='<w:ind w:left="0" w:right="0" w:firstLine="0"/>'),
        ooxml.control("for line in recipients"),
        _p(profile, "recipient", e.recipient, "{{ line }}", indent_xml='<w:ind w:left="0" w:right="0" w:firstLine="0"/>'),
        ooxml.control("endfor"),
        *_marks(profile, "after_recipients"),
    ]
    right = _loop(
        "line",
        "signature.lines",
        [
            ("collective", _centred(profile, "signature_collective", e.signature_collective, "{{ line.text }}")),
            ("authority", _centred(profile, "signature_authority", e.signature_authority, "{{ line.text }}")),
            ("position", _centred(profile, "signature_position", e.signature_position, "{{ line.text }}")),
        ],
    )
    space = Style(size=e.signer_name.size, keep_with_next=True)
    right += [_centred(profile, "signature_space", space, "")] * profile.layout.signature_blank_lines
    right.append(_centred(profile, "signer_name", e.signer_name, "{{ signature.name }}"))
    columns = [ooxml.twips_mm(mm) for mm in profile.layout.signature_columns_mm]
    return ooxml.borderless_table(columns, ["".join(left), "".join(right)], cant_split=True)


def _table(profile: Profile, var: str) -> list[str]:
    """A ruled table filled by loops: a header row repeated on each page, one row per
    data row and the total row if any; cells come from a column loop (``{%tc %}``), each
    with its width and alignment from the data. An empty paragraph after it keeps the
    table apart from what follows (two tables in a row would join)."""
    e = profile.elements
    no_indent = '<w:ind w:left="0" w:right="0" w:firstLine="0"/>'

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


def _body_branches(profile: Profile, *, before_signature: bool = False) -> list[tuple[str, str | list[str]]]:
    """One element per body role; shared by the main text and the annexes. Before the
    signature, the last paragraph keeps with it, so the signature never stands alone on
    the last page."""
    e = profile.elements
    keep = {"keep_next_when": "loop.last"} if before_signature else {}
    branches: list[tuple[str, str | list[str]]] = [("body", _p(profile, "body", e.body, "{{ line.text }}", **keep))]
    for index, level in enumerate(e.headings, start=1):
        branches.append((f"heading_{index}", _p(profile, f"heading_{index}", level.style, "{{ line.text }}", **keep)))
    branches.append(("item", _p(profile, "item", e.item, "{{ line.text }}", **keep)))
    for index, bullet in enumerate(e.bullets, start=1):
        branches.append((f"bullet_{index}", _p(profile, f"bullet_{index}", bullet.style, "{{ line.text }}", **keep)))
    branches.append(("table", _table(profile, "line.table")))
    assert [role for role, _ in branches] == body_roles(profile)  # one branch per role, none lost
    return branches


def _addressees(profile: Profile) -> list[str]:
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


def _annexes(profile: Profile, section_xml: str) -> list[str]:
    """Each annex on a new page: a section of its own when annexes number their pages
    separately, else a page break before the label; then label, title, reference line,
    separator and the annex body."""
    e = profile.elements
    per_annex = profile.annex_page_numbering == "per_annex"
    label_style = e.annex_label or e.annex_title
    out = [ooxml.control("for annex in annexes")]
    if per_annex:
        # Ends the section before the annex (main text or previous annex) with the same
        # page setup; every section restarts its page numbers at 1.
        out.append(ooxml.section_break(section_xml))
    out.append(_centred(profile, "annex_label", label_style, "{{ annex.label }}", page_break_before=not per_annex))
    out.append(_centred(profile, "annex_title", e.annex_title, "{{ annex.title }}"))
    if e.annex_reference is not None and profile.annex_reference:
        out.append(_centred(profile, "annex_reference", e.annex_reference, "{{ annex.reference }}"))
    if e.annex_separator is not None:
        out.append(_separator(profile, "annex_separator", e.annex_separator, "annex.line"))
    out += _loop("line", "annex.body", _body_branches(profile))
    out.append(ooxml.control("endfor"))
    return out


def _body_fragments(profile: Profile, section_xml: str) -> list[str]:
    e = profile.elements
    out = [*_marks(profile, "top"), _header_table(profile)]
    out.append(_centred(profile, "kind_title", e.kind_title, "{{ title.kind }}"))
    out.append(_centred(profile, "summary", e.summary, "{{ title.summary }}"))
    out.append(_separator(profile, "summary_separator", e.summary_separator, "lines.summary"))
    out += _addressees(profile)
    out += _loop("line", "body", _body_branches(profile, before_signature=True))
    out.append(_signature_table(profile))
    out += _annexes(profile, section_xml)
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
        target = out_dir / template_filename(profile_id)
        target.write_bytes(build_template(load_profile(profile_id)))
        print(f"wrote {target}")
    return 0
