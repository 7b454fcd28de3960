"""Interned property sets (``ttdn_docs.docxread.interning``) change how fast a file is
read, never what is read: on every kind of file the tests have — our renders, the
hand-typed corpus and its LibreOffice re-saves, the mutation corpus, files typed the way
offices type — the checker's findings and the importer's result are the same as when
the file is parsed as it is. The sets it must leave alone (tracked changes, comments,
namespaces declared below the root, other encodings) are left alone, and a broken set is
refused like a broken file, with the position in the file's own text."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from mutations import MUTATIONS, NotApplicable, corpus_file
from officer_typed import party_plan_typed, state_report_typed
from typed_by_hand import typed_by_hand

from ttdn_docs.api import load_document
from ttdn_docs.check import check_file
from ttdn_docs.docxread import clear_caches, open_docx
from ttdn_docs.docxread import view as view_module
from ttdn_docs.docxread.interning import INTERNED_ATTR, MAX_DISTINCT_SETS, intern_properties
from ttdn_docs.errors import DocxReadError
from ttdn_docs.importer import load_docx
from ttdn_docs.profiles import builtin_profile_ids, load_profile
from ttdn_docs.render import render_docx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
PROFILES = builtin_profile_ids()


@contextmanager
def parsed_as_it_is(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Open files without interning (the reader as it was before)."""
    with monkeypatch.context() as patch:
        patch.setattr(view_module, "intern_properties", lambda source: None)
        clear_caches()
        yield
    clear_caches()


@cache
def _examples() -> dict[str, bytes]:
    out = {}
    for path in sorted((ROOT / "examples").glob("*/*.yaml")):
        try:
            document = load_document(path).to_document()
        except Exception:  # a unit file or a batch template: not one document
            continue
        for profile_id in PROFILES:
            out[f"{path.parent.name}/{path.stem} ({profile_id})"] = render_docx(document, load_profile(profile_id))
    return out


def _files() -> dict[str, Callable[[], bytes]]:
    files: dict[str, Callable[[], bytes]] = {}
    for path in sorted(CORPUS.rglob("*.docx")):
        files[f"corpus/{path.relative_to(CORPUS).as_posix()}"] = path.read_bytes
    for name in ("state_plan/plan (party-hd36-2018)", "thanh_mien_2025/plan (state-nd30-2020)",
                 "thanh_mien_2025/report (party-hd36-2018)", "thanh_mien_2025/report (state-nd30-2020)"):
        files[f"example/{name}"] = lambda name=name: _examples()[name]  # type: ignore[misc]
        files[f"typed/{name}"] = lambda name=name: typed_by_hand(_examples()[name], auto_numbering=True)  # type: ignore[misc]
    files["officer/party plan"] = party_plan_typed
    files["officer/state report"] = state_report_typed
    return files


FILES = _files()


def _both_ways(data: bytes, monkeypatch: pytest.MonkeyPatch, read: Callable[[bytes], object]) -> tuple[object, object]:
    clear_caches()
    interned = read(data)
    with parsed_as_it_is(monkeypatch):
        plain = read(data)
    return interned, plain


@pytest.mark.parametrize("name", sorted(FILES))
def test_findings_are_the_same_as_without_interning(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = FILES[name]()
    assert intern_properties(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")) is not None
    interned, plain = _both_ways(data, monkeypatch, lambda d: check_file(d).as_dict())
    assert interned == plain


@pytest.mark.parametrize("name", [n for n in sorted(FILES) if not n.startswith("corpus/")])
def test_import_is_the_same_as_without_interning(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    interned, plain = _both_ways(FILES[name](), monkeypatch, lambda d: load_docx(d).model_dump())
    assert interned == plain


@pytest.mark.parametrize("profile_id", PROFILES)
def test_mutation_corpus_is_read_the_same(profile_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = load_profile(profile_id)
    checked = 0
    for mutation in MUTATIONS:
        for hand_made in (False, True):
            try:
                data = corpus_file(profile_id, mutation, strip_marks=hand_made)
            except NotApplicable:
                continue
            interned, plain = _both_ways(data, monkeypatch, lambda d: check_file(d, profile).as_dict())
            assert interned == plain, mutation.name
            checked += 1
    assert checked >= 60


def test_every_paragraph_reads_the_same_formatting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not only the findings: each paragraph's style, format, runs and mark."""
    for name in ("corpus/libreoffice/state-compliant.docx", "example/thanh_mien_2025/report (state-nd30-2020)"):
        if name not in FILES:
            continue

        def facts(data: bytes) -> list[object]:
            view = open_docx(data)
            return [
                (p.text, p.style_id, p.fmt, [(r.text, r.fonts, r.size, r.bold, r.italic, r.underline, r.caps) for r in p.runs],
                 view.formatter.mark(p.el, p.table_style), view.formatter.tab_stops(p.el, p.table_style))
                for p in view.paragraphs
            ]

        interned, plain = _both_ways(FILES[name](), monkeypatch, facts)
        assert interned == plain


# -- what is left alone ------------------------------------------------------------------
def _with_document(data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            blob = source.read(info.filename)
            out.writestr(info.filename, edit(blob) if info.filename == "word/document.xml" else blob)
    return buffer.getvalue()


def _plan() -> bytes:
    return _examples()["thanh_mien_2025/plan (state-nd30-2020)"]


def _first_body_run(xml: bytes, replace: Callable[[bytes], bytes]) -> bytes:
    """``xml`` with the run properties of the first run of the body's first plan body
    paragraph (style TTDNNoidung) replaced."""
    at = xml.index(b'<w:pStyle w:val="TTDNNoidung"/>')
    start = xml.index(b"<w:r>", at) + len(b"<w:r>")
    end = xml.index(b"</w:rPr>", start) + len(b"</w:rPr>")
    return xml[:start] + replace(xml[start:end]) + xml[end:]


@pytest.mark.robustness(kind="Tracked changes of formatting, comments that look like properties", behaviour="read as Word shows them: the current formatting, same findings as a plain parse")
def test_tracked_changes_are_left_as_they_are(monkeypatch: pytest.MonkeyPatch) -> None:
    # A run made bold with the change tracked: the old properties are not bold.
    def track(rpr: bytes) -> bytes:
        old = rpr.replace(b"<w:rPr>", b"").replace(b"</w:rPr>", b"")
        return (rpr.replace(b'<w:b w:val="0"/>', b"<w:b/>")
                .replace(b"</w:rPr>", b'<w:rPrChange w:id="1" w:author="A"><w:rPr>' + old + b"</w:rPr></w:rPrChange></w:rPr>"))

    data = _with_document(_plan(), lambda xml: _first_body_run(xml, track))
    part = intern_properties(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    assert part is not None and b"<w:rPrChange" in part.source  # the changed set is a real element
    interned, plain = _both_ways(data, monkeypatch, lambda d: check_file(d).as_dict())
    assert interned == plain
    assert "STATE.BODY.BOLD" in {f["rule"] for f in interned["findings"]}  # type: ignore[index, union-attr]


def test_a_comment_that_looks_like_properties_is_harmless(monkeypatch: pytest.MonkeyPatch) -> None:
    def comment(rpr: bytes) -> bytes:
        return b"<!-- <w:rPr><w:b/></w:rPr> -->" + rpr

    data = _with_document(_plan(), lambda xml: _first_body_run(xml, comment))
    interned, plain = _both_ways(data, monkeypatch, lambda d: check_file(d).as_dict())
    assert interned == plain


@pytest.mark.parametrize("edit", [
    pytest.param(lambda xml: re.sub(rb"encoding=['\"]UTF-8['\"]", b'encoding="windows-1252"', xml, count=1), id="other-encoding"),
    pytest.param(lambda xml: xml.replace(b"<w:body>", b'<w:body xmlns="urn:x">', 1), id="default-namespace-below-root"),
])
def test_files_it_does_not_handle_are_parsed_as_they_are(edit: Callable[[bytes], bytes]) -> None:
    xml = zipfile.ZipFile(io.BytesIO(_plan())).read("word/document.xml")
    assert intern_properties(xml) is not None
    edited = edit(xml)
    assert edited != xml and intern_properties(edited) is None


def test_a_set_using_a_prefix_declared_below_the_root_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # Word and LibreOffice declare a: on each drawing; a set that uses such a prefix
    # cannot be parsed with the root's declarations and stays in place.
    def edit(xml: bytes) -> bytes:
        xml = xml.replace(b"<w:body>", b'<w:body xmlns:x="urn:x">', 1)
        return _first_body_run(xml, lambda rpr: rpr.replace(b"</w:rPr>", b"<x:mine/></w:rPr>"))

    data = _with_document(_plan(), edit)
    part = intern_properties(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    assert part is not None and b"<x:mine/>" in part.source and not any(b"x:mine" in f for f in part.fragments)
    interned, plain = _both_ways(data, monkeypatch, lambda d: check_file(d).as_dict())
    assert interned == plain


@pytest.mark.robustness(kind="Word file whose every run has its own direct formatting (over 1,000 distinct sets)", behaviour="read without interning: same findings, no tree per set")
def test_a_part_of_many_distinct_sets_is_parsed_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    # A machine-made (or hostile) file whose every run is formatted differently: one
    # tree per set would cost more than the parse saves.
    def edit(xml: bytes) -> bytes:
        at = xml.rindex(b"<w:sectPr")
        runs = b"".join(b'<w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:t>x</w:t></w:r>' % (20 + n) for n in range(MAX_DISTINCT_SETS + 1))
        return xml[:at] + b"<w:p>" + runs + b"</w:p>" + xml[at:]

    data = _with_document(_plan(), edit)
    assert intern_properties(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")) is None
    interned, plain = _both_ways(data, monkeypatch, lambda d: check_file(d).as_dict())
    assert interned == plain


@pytest.mark.robustness(kind="Word file that writes an attribute named like the reader's internal placeholder", behaviour="read as written: the placeholder name is new in every process")
def test_a_placeholder_name_cannot_be_forged(monkeypatch: pytest.MonkeyPatch) -> None:
    # A file that writes an attribute like the placeholder's keeps its element.
    forged = re.sub(r"-[0-9a-f]+$", "", INTERNED_ATTR)
    assert forged != INTERNED_ATTR
    data = _with_document(_plan(), lambda xml: _first_body_run(
        xml, lambda rpr: rpr.replace(b"<w:rPr>", f'<w:rPr {forged}="0">'.encode())))
    interned, plain = _both_ways(data, monkeypatch, lambda d: check_file(d).as_dict())
    assert interned == plain


@pytest.mark.robustness(kind="Word file with malformed XML inside run properties", behaviour="refused as a broken file, with the line and column of its own text")
def test_a_broken_set_is_refused_with_the_files_own_position() -> None:
    data = _with_document(_plan(), lambda xml: _first_body_run(xml, lambda rpr: rpr.replace(b"<w:b ", b"<w:b <", 1)))
    with pytest.raises(DocxReadError) as interned:
        check_file(data)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    from lxml import etree

    with pytest.raises(etree.XMLSyntaxError) as direct:
        etree.fromstring(xml)
    line, column = direct.value.position
    assert f"dòng {line}, cột {column}" in str(interned.value)
    assert "error" not in str(interned.value)  # no English from the XML library


def test_sets_are_parsed_once_for_the_files_of_one_template() -> None:
    clear_caches()
    first = open_docx(_plan())
    second = open_docx(_examples()["thanh_mien_2025/plan (state-nd30-2020)"])
    assert first.formatter._sets and [s.element for s in first.formatter._sets] == [s.element for s in second.formatter._sets]
