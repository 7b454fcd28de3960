"""Layouts offices type that the shared reader sees differently from the form they mean.

- A trích yếu typed over two lines (Enter in the middle): the second line comes out as
  the first body paragraph. It is read as part of the trích yếu when it is set like it
  (same alignment, all bold or not) and stands before the body's first separator or text.

Lines broken with Shift+Enter are split by the shared reader
(``ttdn_docs.docxread.typed_lines``), for the checker too.
"""

from __future__ import annotations

from ttdn_docs.docxread.anatomy import Anatomy, is_separator_like
from ttdn_docs.docxread.view import Para


def summary_continuation(anatomy: Anatomy) -> list[Para]:
    """The body paragraphs that are further lines of the trích yếu."""
    summary = anatomy.summary
    if summary is None or summary.fmt.align not in ("center", "right"):
        return []
    bold = _all_bold(summary)
    lines: list[Para] = []
    for role, para in anatomy.body:
        text = para.text.strip()
        if role != "body" or not text or is_separator_like(text):
            break
        if para.fmt.align != summary.fmt.align or _all_bold(para) != bold:
            break
        lines.append(para)
    return lines


def _all_bold(para: Para) -> bool:
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)
