"""Compile a docxtpl template once, render it many times.

docxtpl reopens and recompiles its template on every render (most of its ~17 ms per
document). Here the template's XML parts are patched with docxtpl's own pre-processor
(so its tag syntax — ``{%p %}``, ``{%tr %}``, tags split across runs — keeps working) and
compiled once into Jinja templates; a render is then only Jinja plus zip writing.

The Jinja environment is sandboxed, autoescaping and strict: ``&``, ``<`` in data come out
as text, a missing value is an error instead of an empty string, and a template cannot
reach attributes beyond the plain data it is given.
"""

from __future__ import annotations

import hashlib
import marshal
import re
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from ttdn_docs import diskcache
from ttdn_docs.docxsafe import read_source, safe_entries
from ttdn_docs.errors import DocxReadError, RenderError, TemplateProblemError
from ttdn_docs.jinja_words import syntax_cause, undefined_cause
from ttdn_docs.render.budget import BudgetError, BudgetMixin, budgeted_render
from ttdn_docs.render.locations import paragraph_locations, where
from ttdn_docs.render.ooxml import fit_table_grids
from ttdn_docs.render.package import RENDER_DEFLATE_LEVEL, DeflatedEntry, write_entries
from ttdn_docs.render.properties import DocumentProperties, app_xml, core_xml
from ttdn_docs.render.property_parts import with_property_parts

_TEMPLATED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_PARAGRAPH_START_MARKED = re.compile(r"\n<w:p([ >])")
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class TemplateEnvironment(BudgetMixin, SandboxedEnvironment):
    """The sandbox of .docx templates, with step and size budgets (``budget``)."""

    def __init__(self) -> None:
        super().__init__(
            autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True, finalize=_printable_in_xml
        )
        self._init_budget()

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``item.text`` on the context's plain dicts (nearly every lookup of a render)
        without the sandbox's failed attribute lookup first: a dict instance has no
        attribute but its class's, so this is the item the sandbox would return."""
        kind = type(obj)
        if kind is dict and attribute in obj and attribute not in _DICT_ATTRIBUTES:
            return obj[attribute]
        if kind is LoopContext and attribute in _LOOP_ATTRIBUTES:  # ``loop.index``, ``loop.last``: public, safe
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)


# What a dict instance's attribute lookup can find: its class's attributes (it has no
# ``__dict__`` of its own).
_DICT_ATTRIBUTES = frozenset(dir(dict))
_LOOP_ATTRIBUTES = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0", "previtem", "nextitem"}
)


class _NotInXml(Exception):
    def __init__(self, character: str) -> None:
        super().__init__(character)
        self.character = character


def _printable_in_xml(value: Any) -> Any:
    """Jinja's ``finalize``: every value a template prints passes here before it is
    escaped. A character XML forbids is refused where it enters (a value is short) rather
    than searched for in the whole rendered part; the template's own text was searched
    once, when it was compiled."""
    if isinstance(value, str):
        found = _NOT_XML.search(value)
        if found is not None:
            raise _NotInXml(found.group())
    return value


def _environment() -> SandboxedEnvironment:
    return TemplateEnvironment()


# Characters a templated part may grow to (a 50-page document's body is about 2 MB).
MAX_PART_CHARS = 10 * 1024 * 1024


class CompiledTemplate:
    """A template package with its Jinja parts compiled once."""

    def __init__(self, data: bytes, name: str = "template", *, built: bool = False) -> None:
        self.name = name
        # Made by our builder (committed or from a profile): every value is escaped by
        # Jinja, every fragment written whole and the table grids from the data, so the
        # XML is well-formed by construction; one cheap guard stays (characters XML
        # forbids). A user's template is parsed after each render and its grids fitted.
        self.built = built
        self.digest = hashlib.sha256(data).hexdigest()  # identifies the template in batch fingerprints
        try:
            # A template may come from anyone: vetted like any .docx (zip bombs, DTDs, sizes).
            entries = list(safe_entries(data, name).items())
        except DocxReadError as exc:
            raise TemplateProblemError(f"Mẫu không dùng được: {exc}") from None
        # Every document gets properties of its own and no picture of the template.
        self._entries = with_property_parts(entries)
        self._templates: dict[str, jinja2.Template] = {}
        self.sources: dict[str, str] = {}
        self.environment = _environment()
        if "word/document.xml" not in {p for p, _ in self._entries}:
            raise TemplateProblemError(f"Mẫu '{name}' thiếu phần word/document.xml")
        compiled = _load_compiled(self.digest)
        if compiled is None:
            compiled = self._compile_parts(name)
            diskcache.store("templates", _cache_key(self.digest), marshal.dumps(compiled))
        globals_ = self.environment.make_globals(None)
        for part, (source, code) in compiled.items():
            self.sources[part] = source
            self._templates[part] = self.environment.template_class.from_code(self.environment, code, globals_, None)
        # Parts no render changes are deflated once here, not once per document.
        self._static = {p: DeflatedEntry.of(p, b) for p, b in self._entries if p not in self._templates}

    def _compile_parts(self, name: str) -> dict[str, tuple[str, CodeType]]:
        """Each templated part patched by docxtpl's pre-processor and compiled by Jinja
        (its source and code); every problem of the template raised at once."""
        from docxtpl import DocxTemplate  # type: ignore[import-untyped]  # no py.typed marker

        patcher = DocxTemplate.__new__(DocxTemplate)  # patch_xml uses no instance state
        compiled: dict[str, tuple[str, CodeType]] = {}
        errors: list[str] = []
        for part, blob in self._entries:
            if not _TEMPLATED_PART.match(part):
                continue
            try:
                xml = blob.decode("utf-8")
            except UnicodeDecodeError:
                errors.append(f"{part}: không phải XML UTF-8")
                continue
            if "{" not in xml:
                continue
            patched = _PARAGRAPH_START.sub(r"\n<w:p\1", patcher.patch_xml(xml))
            if (found := _NOT_XML.search(patched)) is not None:
                errors.append(f"{part}: có ký tự không được phép trong XML (mã {ord(found.group()):#06x})")
                continue
            try:
                compiled[part] = (patched, self.environment.compile(patched))
            except jinja2.TemplateSyntaxError as exc:
                location = where(paragraph_locations(blob, part), patched, exc.lineno, part)
                errors.append(f"{location}: lỗi cú pháp thẻ: {syntax_cause(exc)}")
        if errors:
            listed = "\n".join(f"  - {e}" for e in errors)
            raise TemplateProblemError(f"Mẫu '{name}' có {len(errors)} lỗi:\n{listed}")
        return compiled

    def where(self, part: str, line: int | None) -> str:
        """The officer's words for a line of a part's Jinja source (paragraph, table cell)."""
        if line is None:
            return f"phần {part}"
        return where(paragraph_locations(self.raw_part(part), part), self.sources[part], line, part)

    def raw_part(self, part: str) -> bytes:
        """The part's XML as stored in the template (before patching)."""
        return dict(self._entries)[part]

    @classmethod
    def from_path(cls, path: Path, *, built: bool = False) -> CompiledTemplate:
        try:
            data, name = read_source(path)  # refuses an oversized file before reading it
        except DocxReadError as exc:
            raise TemplateProblemError(f"Mẫu không dùng được: {exc}") from None
        return cls(data, name, built=built)

    @property
    def parts(self) -> dict[str, jinja2.Template]:
        return dict(self._templates)

    def render(self, context: dict[str, Any], properties: DocumentProperties | None = None) -> bytes:
        """Render every templated part and return the .docx bytes; ``properties`` replace
        the template's docProps/core.xml and app.xml."""
        rendered: dict[str, bytes] = {}
        if properties is not None:
            rendered["docProps/core.xml"] = core_xml(properties)
            rendered["docProps/app.xml"] = app_xml(properties)
        for part, template in self._templates.items():
            try:
                xml = budgeted_render(template, context, MAX_PART_CHARS)
            except _NotInXml as exc:
                raise RenderError(_not_xml_message(part, exc.character)) from None
            except BudgetError as exc:
                where_text = self.where(part, exc.line)
                raise TemplateProblemError(f"Mẫu '{self.name}', {where_text}: {exc.message}; không ghi tệp") from None
            except jinja2.UndefinedError as exc:
                raise TemplateProblemError(
                    f"Mẫu '{self.name}', phần {part}: {undefined_cause(exc)}"
                ) from None
            except jinja2.exceptions.SecurityError:
                raise TemplateProblemError(
                    f"Mẫu '{self.name}', phần {part}: thẻ bị từ chối vì lý do an toàn"
                ) from None
            except jinja2.TemplateError:
                raise TemplateProblemError(f"Mẫu '{self.name}', phần {part}: lỗi khi điền; kiểm tra lại các thẻ {{ … }} của mẫu") from None
            xml = _PARAGRAPH_START_MARKED.sub(r"<w:p\1", xml)
            if self.built:  # its text and every value it printed were searched (_printable_in_xml)
                rendered[part] = xml.encode("utf-8")
                continue
            blob = xml.encode("utf-8")
            root = _parse_well_formed(blob, part)
            if fit_table_grids(root):
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            rendered[part] = blob
        return write_entries(
            [(p, rendered[p]) if p in rendered else self._static[p] for p, _ in self._entries], RENDER_DEFLATE_LEVEL
        )


def _cache_key(digest: str) -> str:
    return diskcache.entry_key("template", digest, _code_version())


@cache
def _code_version() -> str:
    """What the compiled form depends on besides the template: Jinja, docxtpl's
    pre-processor and this module's patching."""
    from importlib.metadata import version

    return f"{jinja2.__version__} {version('docxtpl')} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}"


def _load_compiled(digest: str) -> dict[str, tuple[str, CodeType]] | None:
    payload = diskcache.load("templates", _cache_key(digest))
    if payload is None:
        return None
    try:
        compiled = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return compiled if isinstance(compiled, dict) else None


# What XML 1.0 forbids in a document (C0 controls but tab, LF, CR; U+FFFE, U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _not_xml_message(part: str, character: str) -> str:
    """Values are escaped, but a character XML forbids would still make Word refuse the
    file: the one check a built template's output needs."""
    return f"Kết quả điền phần {part} có ký tự không được phép trong XML (mã {ord(character):#06x}); không ghi tệp"


def _parse_well_formed(blob: bytes, part: str) -> etree._Element:
    """Never write a file Word would refuse: the rendered XML must parse."""
    try:
        return etree.fromstring(blob, _XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"Kết quả điền phần {part} không phải XML hợp lệ ({exc}); không ghi tệp") from None
