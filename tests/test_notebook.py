"""examples/notebook.ipynb runs from top to bottom in a real kernel (nbclient) as a
commune officer would run it, and its outputs say what they should: the previews, a
check with zero errors, the files written — in a temporary folder, never the repo."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, THANH_MIEN
from htmltext import visible_text
from readback import document_text, normalise_words, open_docx
from ttdn_docs import load_plan, load_profile
from ttdn_docs.render import write_docx

# The notebook converts its plan to PDF through LibreOffice when LibreOffice is there.
pytestmark = pytest.mark.libreoffice

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extra")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra")
pytest.importorskip("ipykernel", reason="ipykernel is in the test extra")

NOTEBOOK = EXAMPLES / "notebook.ipynb"


def _tree(folder: Path) -> dict[str, float]:
    return {str(p.relative_to(folder)): p.stat().st_mtime for p in folder.rglob("*")}


def _html(cell: Any) -> str:
    return "".join(o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {}))


def _stdout(cell: Any) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    out = tmp_path_factory.mktemp("notebook-out")
    before = _tree(EXAMPLES)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), "commit the notebook without outputs"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TTDN_NOTEBOOK_OUT", str(out))
        # The kernel runs in the notebook's own folder, as Jupyter runs it.
        client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}})
        client.execute()
    assert _tree(EXAMPLES) == before, "the notebook wrote into the repository"
    return notebook, out


def _cell(notebook: Any, marker: str) -> Any:
    return next(c for c in notebook.cells if c.cell_type == "code" and marker in c.source)


def test_notebook_finds_the_commune_and_previews_the_plan(executed: tuple[Any, Path]) -> None:
    notebook, _ = executed
    assert "11239 xã Thanh Miện - thành phố Hải Phòng" in _stdout(_cell(notebook, "search_communes("))
    preview = _html(_cell(notebook, "plan = load_plan({"))
    assert 'data-el="page"' in preview and "<script" not in preview
    text = visible_text(preview)
    assert "ĐẢNG ỦY XÃ THANH MIỆN" in text and "Số 07-KH/ĐU" in text and "KẾ HOẠCH" in text
    assert "I. MỤC ĐÍCH, YÊU CẦU" in text and "& của thành phố" in text and "Nguyễn Văn An" in text


def test_notebook_check_shows_zero_errors(executed: tuple[Any, Path]) -> None:
    notebook, _ = executed
    findings = _html(_cell(notebook, "result = check_file("))
    assert 'data-errors="0"' in findings
    assert "0 lỗi" in _stdout(_cell(notebook, "len(result.errors)"))


def test_notebook_writes_docx_and_pdf_in_the_chosen_folder(executed: tuple[Any, Path]) -> None:
    _, out = executed
    docx = out / "ke-hoach-2026.docx"
    assert docx.is_file() and "Số 07-KH/ĐU" in document_text(open_docx(docx))
    if shutil.which("soffice") or shutil.which("libreoffice"):
        pdf = out / "ke-hoach-2026.pdf"
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_seed_plan_preview_in_the_notebook_equals_the_docx_word_for_word(
    executed: tuple[Any, Path], tmp_path: Path
) -> None:
    notebook, _ = executed
    preview = _html(_cell(notebook, 'seed = load_plan("thanh_mien_2025/plan.yaml")'))
    plan = load_plan(THANH_MIEN)
    out = write_docx(plan.to_document(), load_profile(plan.profile), tmp_path / "seed.docx")
    assert normalise_words(visible_text(preview)) == normalise_words(document_text(open_docx(out)))
    assert "Số 04-KH/ĐU" in preview
