"""The WordprocessingML namespace, named once for the reader, the checker and the renderer."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"  # Clark notation: ``f"{W}p"`` is the tag lxml and ElementTree give ``w:p``
