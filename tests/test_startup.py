"""Start-up: the front doors are lazy, and a command imports only what it uses.

Asserted on what a fresh interpreter has imported (``sys.modules``), never on time: the
times are printed by ``benchmarks/startup.py``.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ttdn_docs

PACKAGES = sorted(
    f"ttdn_docs.{m.name}" for m in pkgutil.iter_modules(ttdn_docs.__path__) if m.ispkg
) + ["ttdn_docs"]


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    script = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out.splitlines()[-1]))


@pytest.mark.parametrize("package", PACKAGES)
def test_every_exported_name_resolves(package: str) -> None:
    module = importlib.import_module(package)
    for name in getattr(module, "__all__", []):
        assert getattr(module, name) is not None, f"{package}.{name}"
        assert name in dir(module)


def test_a_name_a_package_does_not_export_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        ttdn_docs.nothing_here  # noqa: B018


def test_an_exported_function_wins_over_its_same_named_submodule() -> None:
    found = _modules_after(
        "import ttdn_docs.ttdn.aggregate\nfrom ttdn_docs.ttdn import aggregate\n"
        "assert callable(aggregate) and aggregate.__name__ == 'aggregate', aggregate"
    )
    assert "ttdn_docs.ttdn.aggregate" in found


def test_importing_the_package_imports_no_model_and_no_engine() -> None:
    found = _modules_after("import ttdn_docs")
    assert not {"pydantic", "yaml", "lxml", "docxtpl", "docx", "jinja2"} & found


def test_help_imports_no_library_code() -> None:
    found = _modules_after(
        "import sys\nfrom ttdn_docs.cli import main\n"
        "sys.argv = ['ttdn-docs', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert not {"pydantic", "yaml", "lxml", "ttdn_docs.admin", "ttdn_docs.api"} & found


# What a feature brings in that no other command needs: signing, the web app, PDF pages,
# the models, YAML, locale data. Registering the feature's subcommand must load none of it.
FEATURE_HEAVY = {
    "pyhanko", "pyhanko_certvalidator", "cryptography", "asn1crypto", "starlette", "uvicorn", "pypdfium2",
    "PIL", "fontTools", "pydantic", "yaml", "babel", "lxml", "jinja2", "docx", "docxtpl", "multiprocessing",
}
# Feature modules beyond their registration: handlers import these.
FEATURE_IMPLEMENTATION = {
    "ttdn_docs.sign.prepare", "ttdn_docs.sign.signing", "ttdn_docs.sign.verify", "ttdn_docs.sign.keys",
    "ttdn_docs.web.app", "ttdn_docs.exchange.metadata", "ttdn_docs.exchange.edxml", "ttdn_docs.api",
    "ttdn_docs.render", "ttdn_docs.check", "ttdn_docs.importer", "ttdn_docs.batch", "ttdn_docs.register",
}
HELP = "import sys\nfrom ttdn_docs.cli import main\nsys.argv = ['ttdn-docs', '--help']\ntry:\n    main()\nexcept SystemExit:\n    pass"


@pytest.mark.parametrize(
    "code", [HELP, "from ttdn_docs.cli import _parser\n_parser()"], ids=["--help", "parser"]
)
def test_registering_every_subcommand_imports_no_feature(code: str) -> None:
    found = _modules_after(code)
    assert "ttdn_docs.sign.commands" in found and "ttdn_docs.web.serve" in found  # registered, so asserted
    assert not FEATURE_HEAVY & found
    assert not FEATURE_IMPLEMENTATION & found
    assert not {"logging", "traceback"} & found  # only a --debug run or a signature needs them


@pytest.mark.parametrize("command", ["sign", "sign-prepare", "verify", "serve", "metadata"])
def test_a_subcommand_help_imports_no_feature(command: str) -> None:
    found = _modules_after(HELP.replace("'--help'", f"{command!r}, '--help'"))
    assert not FEATURE_HEAVY & found
    assert not FEATURE_IMPLEMENTATION & found


NETWORK = {"xml.sax", "xml.sax.saxutils", "urllib.request", "http.client", "ssl"}


def test_check_imports_neither_the_renderer_nor_batch_nor_network_modules(tmp_path: Path) -> None:
    from ttdn_docs.render import write_docx
    from ttdn_docs.ttdn import load_plan
    from ttdn_docs.profiles import load_profile

    plan = load_plan(Path(__file__).parent.parent / "examples" / "thanh_mien_2025" / "plan.yaml")
    out = write_docx(plan.to_document(), load_profile(plan.profile), tmp_path / "one.docx")
    run_check = f"import sys\nfrom ttdn_docs.cli import main\ncode = main(['check', {str(out)!r}])\nassert code in (0, 1), code"
    _modules_after(run_check)  # the first check on a machine fills the profile cache
    found = _modules_after(run_check)
    assert "ttdn_docs.check" in found
    assert not {"ttdn_docs.batch.runner", "ttdn_docs.render.engine", "docxtpl", "jinja2", "ttdn_docs.api"} & found
    assert not NETWORK & found
    # A check with a warm profile cache reads neither YAML nor locale data, and no other
    # feature's implementation comes with it.
    assert not {"yaml", "babel", "pyhanko", "starlette", "uvicorn", "pypdfium2", "multiprocessing"} & found
    assert not {"ttdn_docs.sign.keys", "ttdn_docs.web.app", "ttdn_docs.exchange.metadata"} & found


def test_render_imports_no_network_modules(tmp_path: Path) -> None:
    plan = Path(__file__).parent.parent / "examples" / "thanh_mien_2025" / "plan.yaml"
    found = _modules_after(
        "from ttdn_docs.cli import main\n"
        f"code = main(['render', {str(plan)!r}, '-o', {str(tmp_path / 'p.docx')!r}])\nassert code in (0, 1), code"
    )
    assert "ttdn_docs.render.engine" in found
    assert not NETWORK & found


@given(st.text())
def test_the_small_xml_escapes_write_what_saxutils_writes(text: str) -> None:
    from xml.sax.saxutils import escape as sax_escape
    from xml.sax.saxutils import quoteattr as sax_quoteattr

    from ttdn_docs.render.ooxml import escape, quoteattr

    assert escape(text) == sax_escape(text)
    assert quoteattr(text) == sax_quoteattr(text)


@pytest.mark.parametrize("bases", ["aAeE", "yY", "oO", "uU"])
def test_the_composed_tone_letters_are_the_ones_a_scan_of_unicode_finds(bases: str) -> None:
    import unicodedata

    from ttdn_docs.vn.variants import _MARKS, _marked

    scanned = ""
    for code in range(0xC0, 0x1F00):
        decomposed = unicodedata.normalize("NFD", chr(code))
        if len(decomposed) == 2 and decomposed[0] in bases and decomposed[1] in _MARKS:
            scanned += chr(code)
    assert _marked(bases) == scanned


def test_the_constructed_table_styles_equal_validated_ones() -> None:
    from ttdn_docs.profiles.model import DEFAULT_TABLE_CELL, DEFAULT_TABLE_HEADER, DEFAULT_TABLE_TOTAL, Style

    ref = "Không quy định; thực tiễn bảng số liệu"
    for style, bold in ((DEFAULT_TABLE_HEADER, True), (DEFAULT_TABLE_CELL, False), (DEFAULT_TABLE_TOTAL, True)):
        validated = Style(size=13, bold=bold, align="center", space_before=2, space_after=2, ref=ref)
        assert style == validated
        assert style.model_dump() == validated.model_dump()
        assert style.model_dump_json() == validated.model_dump_json()
