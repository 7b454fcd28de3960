"""Files made outside this project (``tests/world/``: Word files from LibreOffice Writer,
HTML opened in Writer, the docx npm package, python-docx written as other generators
write), each labelled by a reviewer: the checker reports every labelled violation under
its rule id and no false error; a LibreOffice re-save of each compliant file still has
no error."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import requires_libreoffice
from world_labels import WORLD, is_compliant, labelled_files, labels_of, problems

from ttdn_docs.check import check_file

FILES = labelled_files()


def test_the_world_corpus_is_there() -> None:
    assert len(FILES) >= 7
    assert any(not is_compliant(labels_of(p)) for p in FILES) and any(is_compliant(labels_of(p)) for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(WORLD).as_posix())
def test_checker_agrees_with_the_reviewer(path: Path) -> None:
    labels = labels_of(path)
    result = check_file(path)
    assert result.profile is not None and result.profile.startswith(labels["family"])
    assert problems(result, labels) == [], "\n".join(f.describe() for f in result.findings)


@requires_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("path", [p for p in FILES if is_compliant(labels_of(p))], ids=lambda p: p.relative_to(WORLD).as_posix())
def test_a_libreoffice_resave_of_a_compliant_file_has_no_false_error(path: Path, tmp_path: Path) -> None:
    from ttdn_docs.render.pdf import soffice_convert

    resaved = tmp_path / path.name
    resaved.write_bytes(soffice_convert(path, "docx"))
    result = check_file(resaved)
    assert problems(result, labels_of(path), compliant_only=True) == [], "\n".join(f.describe() for f in result.findings)
