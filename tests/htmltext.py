"""Read a preview page back: its visible text in document order (no style, no title)."""

from __future__ import annotations

from html.parser import HTMLParser

_HIDDEN = {"style", "title", "script", "head"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        self.tags.append(tag)
        self.parts.append(" ")  # every element is a block of its own in the .docx reading

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def tags(html: str) -> set[str]:
    parser = _Text()
    parser.feed(html)
    return set(parser.tags)
