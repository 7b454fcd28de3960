"""What an output path must be: named for what is written in it, and never an input.

``render -o plan.yaml --force`` once replaced the officer's data file with a Word file;
``-o ke-hoach.doc`` wrote .docx content under a name Word opens as an old binary file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ttdn_docs.errors import RenderError

DOCX_SUFFIXES = (".docx",)
HTML_SUFFIXES = (".html", ".htm")
YAML_SUFFIXES = (".yaml", ".yml")


def check_output(
    output: Path, suffixes: tuple[str, ...], what: str, *, inputs: Iterable[str | Path] = ()
) -> None:
    """Refuse an output named for another kind of file, or one that is an input."""
    output = Path(output)
    if output.suffix.lower() not in suffixes:
        raise RenderError(
            f"{output}: tệp đầu ra phải là {what} (đuôi {' hoặc '.join(suffixes)}), ví dụ "
            f"{output.with_suffix(suffixes[0]).name}."
        )
    for source in inputs:
        if _same_file(output, Path(source)):
            raise RenderError(
                f"{output}: tệp đầu ra trùng với tệp đầu vào; hãy ghi ra tên khác, ví dụ "
                f"{output.with_stem(output.stem + '-moi').name} (tệp đầu vào không bao giờ bị ghi đè)."
            )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return a.resolve() == b.resolve()
