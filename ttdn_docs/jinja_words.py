"""Jinja's English error messages in the officer's words (a user .docx template, a batch
plan template's placeholders).

Jinja says «Encountered unknown tag 'endfor'.» or «'commune' has no attribute 'nme'»; an
officer reads «thẻ 'endfor' không có mở tương ứng …» and the name to correct.
"""

from __future__ import annotations

import re

import jinja2

_SYNTAX: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Encountered unknown tag '(end\w+)'"), "thẻ '{{% {0} %}}' không có thẻ mở tương ứng (hoặc thừa)"),
    (re.compile(r"Encountered unknown tag '(\w+)'"), "thẻ '{{% {0} %}}' không có; kiểm tra lại chính tả"),
    (
        re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: '(\w+)'"),
        "thiếu thẻ đóng '{{% {0} %}}'",
    ),
    (re.compile(r"(?i)unexpected end of template"), "mẫu kết thúc khi thẻ chưa đóng (thiếu '}}}}' hoặc '%}}')"),
    (re.compile(r"unexpected '(.+?)'"), "ký tự '{0}' đặt sai chỗ"),
    (re.compile(r"unexpected char '(.+?)'"), "ký tự '{0}' không dùng được trong chỗ điền"),
    (re.compile(r"expected token '(.+?)', got '(.+?)'"), "chỗ điền viết sai quanh '{1}'"),
    (re.compile(r"tag name expected"), "thiếu tên thẻ sau '{{%'"),
)
_UNDEFINED: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"'(\w+)' is undefined"), "tên '{0}' không có"),
    (re.compile(r"has no attribute '(\w+)'"), "trường '{0}' không có"),
)


def syntax_cause(exc: jinja2.TemplateSyntaxError) -> str:
    return _translate(exc.message or "", _SYNTAX, "cú pháp thẻ sai")


def undefined_cause(exc: jinja2.UndefinedError) -> str:
    """Our own undefined values already speak Vietnamese; Jinja's are translated."""
    message = exc.message or ""
    return _translate(message, _UNDEFINED, message or "dùng dữ liệu không có")


def _translate(message: str, table: tuple[tuple[re.Pattern[str], str], ...], fallback: str) -> str:
    for pattern, words in table:
        found = pattern.search(message)
        if found:
            return words.format(*found.groups())
    return fallback
