"""Load YAML or JSON input into pydantic models with errors that name the place and the
YAML line.

Every problem found is reported at once (``InputError.problems``), in Vietnamese, with
the place in the officer's words (``nhiệm vụ thứ 3 của Phòng Văn hóa - Xã hội``, see
``ttdn_docs.input_problems``), the dotted path (``tasks.1.tasks.2``) and, for YAML, the
1-based line of the value.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
import re
from collections.abc import Iterator
from contextlib import contextmanager
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.input_problems import LineMap as LineMap
from ttdn_docs.input_problems import line_for
from ttdn_docs.input_problems import problems_from as problems_from  # kept importable from here
from ttdn_docs.limits import InputKind, read_limited
from ttdn_docs.vn import WrittenNumber, numeric_date

ModelT = TypeVar("ModelT", bound=BaseModel)

# Aliases let a few lines of YAML expand into billions of nodes ("billion laughs");
# a document larger than this once expanded is refused. A real plan holds about 300
# values, a report with 500 indicators about 5,000.
MAX_NODES = 50_000
# Levels of nesting (a plan's deepest item is about 10 levels down).
MAX_DEPTH = 64
# Digits of a whole number: more is no figure of a document (Python refuses 4,300).
MAX_DIGITS = 30


def read_text(path: Path, kind: InputKind = InputKind.DATA) -> str:
    """Read an input file as UTF-8 with a clear message on every failure; a file above
    the size limit of ``kind`` is refused before it is read (``ttdn_docs.limits``)."""
    data = read_limited(path, kind)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), [FieldProblem("", not_utf8(data, exc.start))]) from None


def csv_delimiter(text: str, sample_lines: int = 50) -> str:
    """The delimiter of a CSV file: of ``;``, tab and ``,``, the one that splits the most
    lines into the same number of cells. A title line above the table («Đơn vị: Trung tâm
    Văn hóa, Thể thao …», with commas but no ``;``) does not decide it."""
    lines = [line for line in text.splitlines()[: sample_lines * 2] if line.strip()][:sample_lines]
    best, best_score = ",", 0
    for candidate in ";\t,":
        counts = Counter(line.count(candidate) for line in lines)
        counts.pop(0, None)
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = candidate, score
    return best


# What a file that is not UTF-8 text usually is, from its first bytes, and what to do.
_KNOWN_BINARY = (
    (b"PK\x03\x04", "đây là tệp Word (.docx) hoặc tệp nén, không phải tệp dữ liệu; "
     "để đọc tệp Word thành tệp dữ liệu, chạy: ttdn-docs import TỆP.docx -o TỆP.yaml"),
    (b"%PDF", "đây là tệp PDF, không phải tệp dữ liệu; hãy dùng tệp .yaml (ttdn-docs init plan tạo khung)"),
    (b"\xd0\xcf\x11\xe0", "đây là tệp Word/Excel cũ (.doc, .xls), không phải tệp dữ liệu; "
     "với tệp Word, chạy: ttdn-docs import TỆP.doc -o TỆP.yaml"),
)
_UTF16 = "tệp được lưu dạng UTF-16 (Unicode); hãy mở bằng trình soạn thảo và lưu lại với mã UTF-8"


def not_utf8(data: bytes, position: int) -> str:
    """Why bytes are not UTF-8 text, in the officer's words."""
    for magic, message in _KNOWN_BINARY:
        if data.startswith(magic):
            return message
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 3 and b"\x00" in data[:4]):
        return _UTF16
    return (
        f"tệp không phải văn bản UTF-8 (ký tự lỗi ở byte {position}); hãy lưu lại tệp với mã UTF-8 "
        "(Notepad: Lưu thành… → Mã hóa UTF-8)"
    )


# libyaml (in PyYAML's wheels) scans and parses in C, five to ten times faster than the
# pure-Python parser; the constructors and the resolver stay PyYAML's own, so the data
# are the same. Where libyaml is absent the pure parser serves alone.
_FastLoaderBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PureInputLoader(yaml.SafeLoader):
    """SafeLoader that keeps what officers type readable by the models: a float keeps its
    text (``18.600`` is a figure, not 18.6) and a date YAML cannot build (``2025-02-30``)
    stays text, for the date type to refuse with the reason."""


class _InputLoader(_FastLoaderBase):  # type: ignore[valid-type,misc]
    """The same loader on libyaml's parser."""


def _written_number(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> WrittenNumber:
    return WrittenNumber(loader.construct_yaml_float(node), str(node.value))


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return str(node.value)


for _loader in (_PureInputLoader, _InputLoader):
    _loader.add_constructor("tag:yaml.org,2002:float", _written_number)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)


def parse_yaml(text: str, source: str) -> tuple[Any, LineMap]:
    """Parse YAML safely, in one pass; return the data and a map from field path to
    line. A file libyaml refuses is parsed again by the pure parser, whose problems the
    officer's messages are written for (errors are rare; the fast path is the rule).
    Bounded whatever loader does the work: a text that may hold more than ``MAX_NODES``
    values is counted first and refused early (``_check_size_of``)."""
    _check_size_of(text, source)
    if _InputLoader is not _PureInputLoader:
        try:
            return _parse_with(_InputLoader, text, source, syntax_errors=False)
        except yaml.YAMLError:
            pass
    return _parse_with(_PureInputLoader, text, source)


def _parse_with(
    loader_class: type[yaml.SafeLoader], text: str, source: str, *, syntax_errors: bool = True
) -> tuple[Any, LineMap]:
    """One parse; a syntax error becomes the officer's message, or is raised as it is
    when not ``syntax_errors`` (for the pure parser to describe)."""
    try:
        loader = loader_class(text)  # the pure reader checks the characters here
        try:
            node = loader.get_single_node()
            if node is None:
                raise InputError(source, [FieldProblem("", "tệp rỗng")])
            lines: LineMap = {}
            _walk(node, (), lines, [0], source)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:
        if not syntax_errors:
            raise
        # A control character (NUL …) YAML does not allow, found before any parsing.
        at: int = exc.position or 0
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "lạ"
        raise InputError(
            source,
            [
                FieldProblem(
                    "", f"có ký tự điều khiển không được phép ({character}); hãy xóa ký tự đó", text.count("\n", 0, at) + 1
                )
            ],
        ) from None
    except yaml.YAMLError as exc:
        if not syntax_errors:
            raise
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = str(getattr(exc, "problem", None) or exc)
        raise InputError(source, [FieldProblem("", f"lỗi cú pháp YAML: {yaml_problem_text(problem)}", line)]) from None
    except RecursionError:
        raise InputError(source, [FieldProblem("", _TOO_DEEP)]) from None
    return data, lines


def _check_size_of(text: str, source: str) -> None:
    """Refuse, before it is built, a YAML text of more than ``MAX_NODES`` values or
    ``MAX_DEPTH`` levels of brackets. Every value needs a line, a ``- ``, a ``:`` or a
    ``,``: when they are fewer than the bound nothing is counted; else the parser's
    events are (libyaml's when installed), stopping at the bound."""
    estimate = text.count("\n") + text.count("-") + text.count(":") + text.count(",") + 1
    brackets = text.count("[") + text.count("{")
    if estimate <= MAX_NODES and brackets <= MAX_DEPTH:
        return
    loader = _EVENT_LOADER(text)
    try:
        nodes = depth = 0
        while loader.check_event():
            event: yaml.Event = loader.get_event()  # type: ignore[no-untyped-call]
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                nodes += 1
                if nodes > MAX_NODES:
                    raise InputError(source, [FieldProblem("", _TOO_MANY, line)])
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise InputError(source, [FieldProblem("", _TOO_DEEP, line)])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        if str(getattr(exc, "problem", "")).startswith("exceeded maximum nesting depth"):  # libyaml's own bound
            raise InputError(source, [FieldProblem("", _TOO_DEEP, _line(exc))]) from None
        return  # a syntax error: the parse itself describes it
    finally:
        loader.dispose()


def _line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None)
    return mark.line + 1 if mark is not None else None


_EVENT_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOO_MANY = (
    f"tài liệu quá lớn: hơn {MAX_NODES:_} giá trị (một kế hoạch thật có vài trăm), hoặc có bí danh (alias) "
    "lồng nhau; hãy kiểm tra có đúng tệp không"
).replace("_", ".")
_TOO_DEEP = "tài liệu lồng nhau quá sâu"


# PyYAML's problems, in the officer's words with the usual cause; matched by their start.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "dấu ':' không đặt được ở đây — một dòng chữ có dấu ':' cần đặt trong ngoặc kép (\"…\"), hoặc dòng này thụt lề sai"),
    ("expected <block end>", "thụt lề không khớp với các dòng trên (các trường cùng cấp phải thẳng cột, mỗi '- ' cũng vậy)"),
    ("found character '\\t'", "có ký tự tab; hãy thụt lề bằng dấu cách"),  # PyYAML shows it escaped
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên trường, hoặc một dòng chữ bị xuống dòng sai thụt lề"),
    ("expected ',' or ']'", "danh sách [ … ] chưa đóng hoặc có dấu ':' bên trong (đặt chữ trong ngoặc kép)"),
    ("expected ',' or '}'", "bảng { … } chưa đóng hoặc có dấu ':' thừa bên trong (đặt chữ trong ngoặc kép)"),
    ("exceeded maximum nesting depth", "tài liệu lồng nhau quá sâu (quá nhiều dấu '[' hoặc '{' lồng vào nhau)"),
    ("found undefined alias", "dấu '*' ở đầu giá trị dùng để gọi bí danh (alias); đặt chữ trong ngoặc kép"),
)


def yaml_problem_text(problem: str) -> str:
    """A PyYAML problem in Vietnamese with its usual cause (the English kept otherwise)."""
    for start, text in _YAML_PROBLEMS:
        if problem.startswith(start):
            return text
    return problem


def _walk(
    node: yaml.Node, path: tuple[str, ...], lines: LineMap, count: list[int], source: str
) -> None:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise InputError(source, [FieldProblem("", _TOO_MANY)])
    if len(path) > MAX_DEPTH:
        raise InputError(source, [FieldProblem("", _TOO_DEEP, node.start_mark.line + 1)])
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and _SURROGATE.search(key_node.value):
                key_node.value = _SURROGATE.sub("", key_node.value)
            key = str(key_node.value)
            if (*path, key) in lines and (*path, key) != path:
                # YAML would keep the last silently: half of what was typed lost.
                first, again = lines[(*path, key)], key_node.start_mark.line + 1
                shown = key if len(key) <= 60 else key[:59] + "…"
                raise InputError(
                    source, [FieldProblem(".".join((*path, shown)), f"trường '{shown}' viết hai lần (dòng {first} và dòng {again}); hãy gộp làm một", again, "")]
                )
            lines[(*path, key)] = key_node.start_mark.line + 1
            _walk(value_node, (*path, key), lines, count, source)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, str(index)), lines, count, source)
    elif node.tag == _INT_TAG and len(node.value) > MAX_DIGITS:
        raise InputError(source, [FieldProblem(".".join(path), _TOO_LONG_NUMBER, node.start_mark.line + 1)])
    elif isinstance(node, yaml.ScalarNode) and _SURROGATE.search(node.value):
        node.value = _SURROGATE.sub("", node.value)  # an escape ("\\ud800") XML cannot carry


_INT_TAG = "tag:yaml.org,2002:int"
# A lone surrogate, written as an escape: dropped like the other characters XML cannot
# carry (``vn.clean_text``), here because pydantic refuses such a string outright.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TOO_LONG_NUMBER = f"số quá dài (hơn {MAX_DIGITS} chữ số); nếu là chữ, hãy đặt trong ngoặc kép"


def parse_json(text: str, source: str) -> Any:
    try:
        data = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        cause = next((words for start, words in _JSON_CAUSES if exc.msg.startswith(start)), "sai cú pháp")
        raise InputError(source, [FieldProblem("", f"lỗi cú pháp JSON ở cột {exc.colno}: {cause}", exc.lineno)]) from None
    except RecursionError:
        raise InputError(source, [FieldProblem("", _TOO_DEEP)]) from None
    except ValueError:  # only _json_int raises it
        raise InputError(source, [FieldProblem("", _TOO_LONG_NUMBER)]) from None
    _check_shape(data, source)
    return _without_surrogates(data) if _SURROGATE.search(text) or "\\ud" in text.lower() else data


def _without_surrogates(value: Any) -> Any:
    """JSON data with lone surrogates (``"\\ud800"``) dropped from every string (its depth
    is bounded by ``_check_shape``)."""
    if isinstance(value, str):
        return _SURROGATE.sub("", value)
    if isinstance(value, dict):
        return {_SURROGATE.sub("", k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def _json_int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise ValueError(text)
    return int(text)


def _check_shape(data: Any, source: str) -> None:
    """The bounds of ``_walk`` for data that was not YAML (JSON): values and depth."""
    pending: list[tuple[Any, int]] = [(data, 0)]
    nodes = 0
    while pending:
        value, depth = pending.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise InputError(source, [FieldProblem("", _TOO_MANY)])
        if depth > MAX_DEPTH:
            raise InputError(source, [FieldProblem("", _TOO_DEEP)])
        if isinstance(value, dict):
            pending.extend((item, depth + 1) for item in value.values())
            nodes += len(value)  # the keys
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)


# The json module's English messages, in the officer's words.
_JSON_CAUSES = (
    ("Expecting ',' delimiter", "thiếu dấu phẩy ',' giữa hai mục"),
    ("Expecting ':' delimiter", "thiếu dấu hai chấm ':' sau tên trường"),
    ("Expecting property name", "tên trường phải đặt trong ngoặc kép \"…\" (hoặc có dấu phẩy thừa trước '}')"),
    ("Expecting value", "thiếu giá trị (hoặc có dấu phẩy thừa)"),
    ("Unterminated string", "chuỗi mở ngoặc kép mà chưa đóng"),
    ("Invalid control character", "có ký tự xuống dòng hoặc tab trong chuỗi; hãy viết \\n hoặc \\t"),
    ("Invalid \\escape", "dấu gạch chéo ngược '\\' không hợp lệ; hãy viết '\\\\'"),
    ("Extra data", "còn nội dung thừa sau phần kết thúc"),
)


def load_data(path: Path) -> tuple[Any, LineMap]:
    """Read a ``.yaml``/``.yml``/``.json`` file into plain data plus its line map."""
    text = read_text(path)
    if path.suffix.lower() == ".json":
        return parse_json(text, str(path)), {}
    return parse_yaml(text, str(path))


def validate(model: type[ModelT], data: Any, source: str, lines: LineMap | None = None) -> ModelT:
    """Validate ``data`` against ``model``; every problem becomes a Vietnamese
    ``FieldProblem`` with path and line."""
    if not isinstance(data, Mapping):
        raise InputError(source, [FieldProblem("", "nội dung phải là một bảng khóa: giá trị (mapping)")])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(source, problems_from(exc, lines or {}, model, data)) from None


def line_of(path: str, lines: LineMap) -> int | None:
    """The YAML line of a dotted field path (or of its nearest ancestor)."""
    return line_for(path.split(".") if path else (), lines)


def load_model(model: type[ModelT], path: Path) -> ModelT:
    """Load and validate a YAML/JSON file in one step."""
    data, lines = load_data(path)
    return validate(model, data, str(path), lines)


def plain_data(value: Any) -> Any:
    """Model dumps as data YAML can write: enums by value, ``Decimal`` as an int when
    whole (``312``) and a float otherwise (``93.41``); dates stay dates."""
    if isinstance(value, Mapping):
        return {str(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_data(v) for v in value]
    if isinstance(value, Enum):
        return plain_data(value.value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, float):
        return float(value)  # a WrittenNumber as a plain float
    return value


class _OfficerDumper(yaml.SafeDumper):
    """Writes what our own loaders read back unchanged, in the officer's forms: a date as
    ``05/8/2025``; a float whose decimals could be read as a group of thousands
    (``2.125`` is 2125 in Vietnamese) with a trailing zero (``2.1250``)."""


def _represent_date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.Node:
    return dumper.represent_str(numeric_date(value))


_THOUSANDS_LIKE = re.compile(r"-?[1-9]\d{0,2}\.\d{3}")


def _represent_float(dumper: yaml.SafeDumper, value: float) -> yaml.Node:
    node = dumper.represent_float(value)
    if isinstance(node, yaml.ScalarNode) and _THOUSANDS_LIKE.fullmatch(node.value):
        node.value += "0"
    return node


_OfficerDumper.add_representer(dt.date, _represent_date)
_OfficerDumper.add_representer(float, _represent_float)


def _dump(data: Any, **options: Any) -> str:
    text: str = yaml.dump(data, Dumper=_OfficerDumper, allow_unicode=True, sort_keys=False, **options)
    return text


def dump_yaml(data: Any, header: str = "") -> str:
    """YAML text of plain data (UTF-8 letters kept, keys in model order), after an
    optional header of ``#`` comment lines."""
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) if header else ""
    body = _dump(plain_data(data), width=100, default_flow_style=False)
    return comments + body


def dump_commented_yaml(data: dict[str, Any], comments: Mapping[str, list[str]], header: list[str]) -> str:
    """YAML of a document's top-level keys, each after its ``#`` comment lines (as
    ``init plan`` writes them), after ``header`` comment lines."""
    parts = [f"# {line}".rstrip() for line in header] + ([""] if header else [])
    for key, value in data.items():
        parts += [f"# {line}" for line in comments.get(key, [])]
        parts.append(
            _dump({key: plain_data(value)}, width=88).rstrip("\n")
        )
        parts.append("")
    return "\n".join(parts)


@contextmanager
def first_worksheet(path: Path) -> Iterator[Any]:
    """The first sheet of an .xlsx file, closed afterwards. The package is vetted like any
    Office file first (zip bombs, DTDs, sizes); openpyxl is the optional ``xlsx`` extra."""
    from ttdn_docs.docxsafe import safe_entries
    from ttdn_docs.errors import DocxReadError

    try:
        import openpyxl
    except ImportError:
        raise InputError(
            str(path), [FieldProblem("", 'cần gói openpyxl để đọc tệp .xlsx: pip install "ttdn-docs[xlsx]"')]
        ) from None
    data = read_limited(path, InputKind.TABLE)
    try:
        safe_entries(data, str(path))
    except DocxReadError as exc:
        raise InputError(str(path), [FieldProblem("", f"tệp Excel không dùng được ({exc})")]) from None
    try:
        # The very bytes vetted, not the path again (the file may have changed since).
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError(str(path), [FieldProblem("", f"không đọc được tệp Excel ({type(exc).__name__})")]) from None
    try:
        yield workbook.worksheets[0]
    finally:
        workbook.close()
