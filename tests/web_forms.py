"""Reading the web page's HTML in tests: a form's fields as a browser would send them,
and the URLs the page refers to."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Every way an attribute can make the browser fetch or send something.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "data", "poster")


class _Form(HTMLParser):
    def __init__(self, form_id: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = form_id is None
        self.fields: dict[str, str] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and self.form_id is not None:
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "file"):
            kind = a.get("type")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields[name] = a.get("value") or "on"
            else:
                self.fields[name] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and ("selected" in a or self._select not in self.fields):
            self.fields[self._select] = a.get("value", "")

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            self.fields[self._textarea] = self._text.removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.form_id is not None:
            self.inside = False


def form_fields(html: str, form_id: str | None = None) -> dict[str, str]:
    """The fields a browser sends for the form ``form_id`` (every form: ``None``)."""
    parser = _Form(form_id)
    parser.feed(html)
    return parser.fields


def referenced_urls(html: str) -> list[str]:
    """Every URL in a fetching attribute or a CSS ``url(…)`` / ``@import``."""
    urls = re.findall(r'\b(?:{})\s*=\s*"([^"]*)"'.format("|".join(URL_ATTRIBUTES)), html)
    urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", html)
    urls += re.findall(r"@import\s+['\"]([^'\"]+)", html)
    return urls


def external(url: str) -> bool:
    """A URL that leaves this server (another host, or any scheme but data:)."""
    return bool(re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", url, re.IGNORECASE)) and not url.startswith("data:")
