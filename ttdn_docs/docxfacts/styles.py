"""Paragraph style names that mark each element in the documents we render.

The template builder writes them; the checker reads them to find elements exactly in our
own files (it also finds them by content and position in anyone's file). They carry no
formatting: all formatting is direct, from the profile. The names come from the element
registry (``ttdn_docs.layout.elements``).
"""

from __future__ import annotations

from ttdn_docs.layout.elements import ELEMENTS, style_id

ELEMENT_STYLES: dict[str, str] = {element.key: element.style for element in ELEMENTS}

__all__ = ["ELEMENT_STYLES", "style_id"]
