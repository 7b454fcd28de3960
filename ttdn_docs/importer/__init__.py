"""From a Word file back to data: ``import`` and ``fix``.

    from ttdn_docs.importer import import_docx
    result = import_docx("ke-hoach-2025.docx")        # profile detected from the header
    result.document                                   # ForeignInfoPlan | ForeignInfoReport
    result.warnings                                   # paragraphs placed by guess

The elements are found by the reader the checker uses (``ttdn_docs.docxread``); here they
are turned back into the domain's fields (``header``, ``outline``, ``plan``, ``report``).
The model is validated as any YAML input is; what could not be placed exactly is kept as
text in the nearest part and listed in ``warnings``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ttdn_docs.docxread.detect import detect_profile, folder_of
from ttdn_docs.datafile import validate
from ttdn_docs.docxread.anatomy import Anatomy, AnatomyReader
from ttdn_docs.docxread.view import DocxView, Para, Table, open_docx
from ttdn_docs.errors import InputError, NotAPlanDocumentError
from ttdn_docs.document_kinds import document_model
from ttdn_docs.importer.doctype import document_type
from ttdn_docs.importer.document import DOCUMENT_KIND, document_fields, settle_preamble
from ttdn_docs.importer.header import header_fields
from ttdn_docs.importer.notes import ImportWarning, Notes
from ttdn_docs.importer.outline import build_outline
from ttdn_docs.importer.plan import plan_body
from ttdn_docs.importer.report import find_indicator_table, indicators_of, read_indicator_annex, report_body
from ttdn_docs.importer.shape import blocks_shape, nodes_shape
from ttdn_docs.importer.source import read_word_file
from ttdn_docs.importer.tree import outline_nodes
from ttdn_docs.importer.typed_layout import summary_continuation
from ttdn_docs.importer.strays import header_extras, read_marks, split_annex, unplaced_paragraphs
from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport
from ttdn_docs.ttdn.todo import find_todos

ImportKind = Literal["plan", "report", "document"]
# The types read into the foreign-information plan and report; every other type of the
# profile's type table is read into ``kind: document``.
_TYPED: dict[str, ImportKind] = {"ke_hoach": "plan", "bao_cao": "report"}

__all__ = ["ImportResult", "ImportWarning", "import_docx", "load_docx"]


@dataclass
class ImportResult:
    document: Any  # ForeignInfoPlan | ForeignInfoReport | the ``kind: document`` model
    profile: Profile
    source: str
    view: DocxView
    anatomy: Anatomy
    warnings: list[ImportWarning] = field(default_factory=list)
    converted_from: str | None = None  # ".doc" / ".odt" when LibreOffice converted it


def load_docx(
    source: str | Path | bytes,
    *,
    kind: ImportKind | None = None,
    profile: str | Path | Profile | None = None,
    type: str | None = None,
) -> Any:
    """The plan, report or document a Word file holds (``import_docx`` without the details)."""
    return import_docx(source, kind=kind, profile=profile, type=type).document


def import_docx(
    source: str | Path | bytes,
    *,
    kind: ImportKind | None = None,
    profile: str | Path | Profile | None = None,
    type: str | None = None,
) -> ImportResult:
    """Read a Word file (path or bytes; .doc/.odt through LibreOffice) into a plan, a
    report or a ``kind: document`` of any type of the profile's type table: the profile
    from the header unless given, the type from the title line (a công văn by its
    «V/v …» under the number, a decision by «QUYẾT ĐỊNH:») unless given. Raises
    ``DocxReadError`` (unreadable, password, no known type) or ``InputError`` (the
    fields read do not make a valid model), each with one Vietnamese message."""
    word = read_word_file(source)
    # A path is opened as a path, so that messages name the file.
    as_read = word.converted_from or isinstance(source, (bytes, bytearray))
    view = open_docx(word.data if as_read else source)
    view.name = word.name
    chosen = _profile(view, profile, folder_of(source))
    anatomy = AnatomyReader(chosen).read(view)
    notes = Notes()
    asked = kind
    kind, type_key = _kind(anatomy, chosen, kind, type, word.name, notes)
    document: Any = None
    if kind != "document":
        try:
            document = _typed_document(view, anatomy, chosen, kind, word.name, notes)
        except InputError:
            if asked is not None:
                raise
            # A kế hoạch or báo cáo that is not the foreign-information plan or report
            # (no plan reported on …): read as any other document of its type.
            notes.add(None, f"không đọc được theo mẫu {_TYPED_NAMES[kind]}; đã đọc thành văn bản chung (kind: document)")
            kind = "document"
    if kind == "document":
        marks, strays, _, _ = _beyond_elements(view, anatomy, chosen, kind)
        read = document_fields(anatomy, chosen, type_key, notes, strays, marks)
        model = document_model(DOCUMENT_KIND)
        assert model is not None  # built in
        document = settle_preamble(validate(model, read.fields, word.name), chosen, read, notes)
    return ImportResult(document, chosen, word.name, view, anatomy, notes.warnings, word.converted_from)


_TYPED_NAMES: dict[str, str] = {"plan": "kế hoạch thông tin đối ngoại", "report": "báo cáo thông tin đối ngoại"}


def _typed_document(
    view: DocxView, anatomy: Anatomy, chosen: Profile, kind: ImportKind, name: str, notes: Notes
) -> ForeignInfoPlan | ForeignInfoReport:
    """The foreign-information plan or report: typed when its reading prints exactly
    the author's outline, else in the author's outline (issue 17)."""
    marks, strays, indicator_table, annex = _beyond_elements(view, anatomy, chosen, kind)
    summary_lines = summary_continuation(anatomy)
    typed_notes = Notes()
    header_notes = Notes()
    outline = build_outline(
        anatomy, chosen, typed_notes, [indicator_table] if indicator_table is not None else [], strays, skip=summary_lines
    )
    known = outline.all_text()
    fields: dict[str, Any] = {"kind": kind, "profile": chosen.id}
    fields.update(header_fields(anatomy, chosen, known, header_notes, summary_lines=summary_lines))
    if marks:
        fields["marks"] = marks
    header = dict(fields)
    issuer_name = _display_name(fields["issuer"]["name"])
    if kind == "plan":
        fields.update(plan_body(outline, issuer_name, fields["summary"], typed_notes))
    else:
        fields.update(report_body(outline, indicator_table, issuer_name, fields, typed_notes, annex))
    if fields.get("year") is None:
        fields["year"] = dt.date.today().year
        header_notes.add(
            None, f"không xác định được năm của văn bản (trích yếu, ngày tháng); tạm ghi {fields['year']} — hãy sửa"
        )
    model: type[ForeignInfoPlan] | type[ForeignInfoReport] = ForeignInfoPlan if kind == "plan" else ForeignInfoReport
    typed = _valid_or_none(model, fields, name)
    # The author's outline, every heading, paragraph and table where it stood.
    tree_notes = Notes()
    tree = build_outline(anatomy, chosen, tree_notes, anatomy.body_tables, strays, skip=summary_lines)
    tree_fields = {**header, "year": fields["year"], "outline": outline_nodes(tree, anatomy.body_tables, kind)}
    tree_fields.update(_typed_extras(fields, kind))
    if kind == "report" and (table := indicator_table or find_indicator_table(anatomy.body_tables)) is not None:
        # An indicator table stays a table in the outline; its figures also fill ``indicators``.
        tree_fields["indicators"] = indicators_of(table, tree_notes)
    if typed is not None and not typed.missing_parts() and _prints(typed) == list(nodes_shape(tree_fields["outline"])):
        document, body_notes = typed, typed_notes
    else:
        document, body_notes = validate(model, tree_fields, name), tree_notes
    # Only a reading that stands speaks: the header's notes and the body's it kept.
    notes.warnings += header_notes.warnings + body_notes.warnings
    return document


def _valid_or_none(
    model: type[ForeignInfoPlan] | type[ForeignInfoReport], fields: dict[str, Any], name: str
) -> ForeignInfoPlan | ForeignInfoReport | None:
    try:
        return validate(model, fields, name)
    except InputError:
        return None


# Typed parts kept beside an outline when read whole (no <<CẦN ĐIỀN>>): the plan reported
# on, the indicators (figures of the indicator table, which stays a table in the outline)
# and where they stood.
_REPORT_EXTRAS = ("plan", "indicators", "indicator_labels", "indicators_placement", "section_titles", "period")


def _typed_extras(fields: dict[str, Any], kind: ImportKind) -> dict[str, Any]:
    if kind != "report":
        return {}
    extras = {key: fields[key] for key in _REPORT_EXTRAS if key in fields and next(find_todos(fields[key]), None) is None}
    if extras.get("indicators_placement") != "annex":
        extras.pop("section_titles", None)
    return extras


def _prints(document: ForeignInfoPlan | ForeignInfoReport) -> list[tuple[object, ...]]:
    """The shape of the body ``document`` prints (headings, paragraphs, items, tables)."""
    return list(blocks_shape(document.to_document().body))


def _kind(
    anatomy: Anatomy, profile: Profile, kind: ImportKind | None, type_key: str | None, name: str, notes: Notes
) -> tuple[ImportKind, str]:
    """The kind and type asked for, else the ones the file shows (``importer.doctype``);
    a file showing no type of the profile's table is refused, naming what to choose."""
    found = document_type(anatomy, profile)
    if type_key is not None:
        profile.document_type(type_key)  # a type the profile has, or its message
        if found is not None and found != type_key:
            notes.add(_title_number(anatomy), f"văn bản là «{profile.type_name(found)}» nhưng nhập theo --type {type_key}")
        return kind or _TYPED.get(type_key, "document"), type_key
    if kind is None:
        if found is None:
            known = ", ".join(f"{k} ({t.name})" for k, t in profile.types.items())
            raise NotAPlanDocumentError(
                f"{name}: không nhận ra loại văn bản — không thấy tên loại (như «KẾ HOẠCH», «THÔNG BÁO») dưới phần "
                f"đầu văn bản, dòng «V/v …» của công văn hay «QUYẾT ĐỊNH:». Hãy chọn loại bằng --type "
                f"(hồ sơ {profile.id} có: {known})."
            )
        return _TYPED.get(found, "document"), found
    if kind == "document":
        if found is None:
            raise NotAPlanDocumentError(
                f"{name}: không nhận ra loại văn bản để nhập theo --kind document; hãy chọn loại bằng --type."
            )
        return kind, found
    wanted = next(k for k, v in _TYPED.items() if v == kind)
    if found is not None and found != wanted and anatomy.kind_title is not None:
        notes.add(anatomy.kind_title.number, f"tên loại văn bản là «{anatomy.kind_title.text}» nhưng nhập theo --kind {kind}")
    return kind, wanted


def _title_number(anatomy: Anatomy) -> int | None:
    return anatomy.kind_title.number if anatomy.kind_title is not None else None


def _beyond_elements(
    view: DocxView, anatomy: Anatomy, profile: Profile, kind: ImportKind
) -> tuple[dict[str, Any], list[Para], Table | None, dict[str, Any]]:
    """What the reader left outside the elements: the marks (in the header or anywhere),
    the paragraphs to keep as text, and for a report the indicator table (in the body
    or in an annex after the signature, with the annex's title)."""
    unplaced = unplaced_paragraphs(view, anatomy)
    footer = anatomy.recipients_label.table if anatomy.recipients_label is not None else None
    marks, rest = read_marks(header_extras(anatomy) + unplaced, profile, footer)
    strays = [p for p in rest if any(p is u for u in unplaced)]  # header lines stay in the header
    if kind != "report":
        return marks, strays, None, {}
    table = find_indicator_table(anatomy.body_tables)
    if table is not None:
        return marks, strays, table, {}
    strays, annex_paras = split_annex(strays, profile)
    annex = read_indicator_annex(view, annex_paras)
    if not annex:
        return marks, strays + annex_paras, None, {}
    return marks, strays, annex.pop("table"), annex


def _display_name(name: str | list[str]) -> str:
    return name if isinstance(name, str) else " ".join(name)


def _profile(view: DocxView, profile: str | Path | Profile | None, near: Path | None) -> Profile:
    if isinstance(profile, Profile):
        return profile
    if profile is not None:
        return load_profile(profile)
    found = detect_profile(view, near)
    if found is None:
        raise NotAPlanDocumentError(
            f"{view.name}: không nhận ra văn bản của Đảng hay của Nhà nước (không thấy «ĐẢNG CỘNG SẢN VIỆT NAM» "
            f"hoặc quốc hiệu ở phần đầu). Nếu đúng là kế hoạch/báo cáo, chọn hồ sơ bằng --profile "
            f"({', '.join(builtin_profile_ids())})."
        )
    return found
