"""Every example rendered under every built-in profile gives the same document as before
an engine change: each templated part (``word/document.xml``, headers, footers) is
compared by the sha256 of its canonical XML (C14N 2.0: the text, every element and
attribute — the formatting facts — independent of how the bytes spell them).

A new example is added to the file (its first facts become its baseline), and a change
of the format itself regenerates every entry on purpose::

    TTDN_REGENERATE_GOLDEN=new python -m pytest tests/test_render_golden.py   # add new examples
    TTDN_REGENERATE_GOLDEN=all python -m pytest tests/test_render_golden.py   # the format changed

Until then a new example is skipped here with that reason (it is rendered and checked by
the other tests), so adding an example never turns this file red.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ttdn_docs.api import load_document
from ttdn_docs.citations import cite_as_rule_book
from ttdn_docs.errors import TtdnError
from ttdn_docs.profiles import builtin_profile_ids, load_profile
from ttdn_docs.render import render_docx

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "render-facts.json"
PARTS = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml", "word/endnotes.xml")


def _cases() -> dict[str, tuple[Path, str]]:
    cases = {}
    for path in sorted((ROOT / "examples").glob("*/*.yaml")):
        try:
            load_document(path)
        except TtdnError:  # not a document: a batch template, unit results …
            continue
        for profile_id in builtin_profile_ids():
            cases[f"{path.relative_to(ROOT / 'examples').as_posix()} ({profile_id})"] = (path, profile_id)
    return cases


CASES = _cases()


def facts(data: bytes) -> dict[str, str]:
    """sha256 of the canonical XML of each templated part."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if name.startswith(PARTS):
                root = etree.fromstring(archive.read(name))
                canonical = etree.tostring(root, method="c14n2")
                out[name] = hashlib.sha256(canonical).hexdigest()
    return out


def _render(path: Path, profile_id: str) -> bytes:
    # As `ttdn-docs render` does: citations written the rule book's way (ttdn_docs.citations).
    profile = load_profile(profile_id)
    return render_docx(cite_as_rule_book(load_document(path), profile).to_document(), profile)


def test_regenerate_when_asked() -> None:
    mode = os.environ.get("TTDN_REGENERATE_GOLDEN", "")
    if mode not in ("new", "all"):
        pytest.skip("set TTDN_REGENERATE_GOLDEN=new (add examples) or =all (rewrite) to update the golden file")
    table = {} if mode == "all" else json.loads(GOLDEN.read_text(encoding="utf-8"))
    for name, case in CASES.items():
        if name not in table:
            table[name] = facts(_render(*case))
    GOLDEN.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_example_renders_the_same_document(name: str) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    if name not in golden:
        pytest.skip(f"{name}: a new example, not yet in {GOLDEN.name} (TTDN_REGENERATE_GOLDEN=new adds it)")
    assert facts(_render(*CASES[name])) == golden[name]


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_built_templates_grids_need_no_fitting(name: str) -> None:
    """The grids are written from the data's widths: the fitting a user's template
    still gets would change nothing."""
    from ttdn_docs.render.ooxml import fit_table_grids

    with zipfile.ZipFile(io.BytesIO(_render(*CASES[name]))) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    assert root.findall(".//{*}tblGrid")
    assert not fit_table_grids(root)


def test_a_character_xml_forbids_is_refused_before_a_file_is_written() -> None:
    from ttdn_docs.errors import RenderError
    from ttdn_docs.render.context import build_context
    from ttdn_docs.render.templates import template_for

    path, profile_id = CASES["thanh_mien_2025/plan.yaml (party-hd36-2018)"]
    profile = load_profile(profile_id)
    compiled = template_for(profile)
    assert compiled.built
    context = build_context(load_document(path).to_document(), profile)
    context["body"][0]["text"] = "nội dung\x0bcó ký tự điều khiển"
    with pytest.raises(RenderError, match="không được phép trong XML"):
        compiled.render(context)


def test_a_forbidden_character_is_refused_in_a_users_template_and_in_a_templates_own_text(tmp_path: Path) -> None:
    import zipfile

    from ttdn_docs.errors import RenderError, TemplateProblemError
    from ttdn_docs.render.context import build_context
    from ttdn_docs.render.engine import CompiledTemplate
    from ttdn_docs.render.template_files import committed_template_path

    path, profile_id = CASES["thanh_mien_2025/plan.yaml (party-hd36-2018)"]
    committed = committed_template_path(profile_id)
    assert committed is not None
    users = CompiledTemplate(committed.read_bytes(), "mau.docx")  # not built: parsed after each render as well
    assert not users.built
    context = build_context(load_document(path).to_document(), load_profile(profile_id))
    context["body"][0]["text"] = "nội dung\x1fcó ký tự điều khiển"
    with pytest.raises(RenderError, match=r"word/document.xml có ký tự không được phép trong XML \(mã 0x001f\)"):
        users.render(context)

    with zipfile.ZipFile(committed) as archive, zipfile.ZipFile(tmp_path / "x.docx", "w") as out:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<w:p><w:r><w:t>a\x01b</w:t></w:r></w:p></w:body>", 1)
            out.writestr(info, data)
    with pytest.raises(TemplateProblemError, match="word/document.xml: có ký tự không được phép trong XML"):
        CompiledTemplate((tmp_path / "x.docx").read_bytes(), "x.docx")


def test_the_fast_dict_lookup_gives_what_the_sandbox_gives() -> None:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from ttdn_docs.render.engine import TemplateEnvironment

    ours = TemplateEnvironment()
    sandbox = SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    data = {"d": {"text": "a & b", "items": "shadowed", "get": 1, "__class__": 2, "n": {"m": "<x>"}}}
    for source in ("{{ d.text }}", "{{ d.items()|list|length }}", "{{ d.get('text') }}", "{{ d.n.m }}",
                   "{{ d['items'] }}", "{% for k in d.keys() %}{{ k }},{% endfor %}",
                   "{% for k in d %}{{ loop.index }}{{ loop.last }}{{ loop.length }}{{ loop.revindex0 }}{% endfor %}"):
        assert ours.from_string(source).render(data) == sandbox.from_string(source).render(data), source
    for source in ("{{ d.missing }}", "{{ d.__class__ }}", "{{ d.text.__class__.__mro__ }}", "{{ d.mro }}",
                   "{% for k in d %}{{ loop.__class__ }}{% endfor %}", "{% for k in d %}{{ loop._iterator }}{% endfor %}"):
        with pytest.raises(jinja2.TemplateError):
            ours.from_string(source).render(data)
        with pytest.raises(jinja2.TemplateError):
            sandbox.from_string(source).render(data)
