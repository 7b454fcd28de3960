"""Input the way an officer types it (issue 13): Vietnamese dates and figures in the YAML,
messages that name the place in the officer's words, oversized files refused unread."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from conftest import EXAMPLES, THANH_MIEN
from readback import find, open_docx
from ttdn_docs.api import aggregate_files, load_document, render_file
from ttdn_docs.datafile import validate
from ttdn_docs.errors import InputError
from ttdn_docs.input_problems import _forms, _is_list, _strip
from ttdn_docs.limits import InputKind
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport
from ttdn_docs.ttdn.unit_results import UnitResults, load_unit_file

REPORT = EXAMPLES / "thanh_mien_2025" / "report.yaml"
UNIT = EXAMPLES / "thanh_mien_2025" / "unit_results" / "ban-xay-dung-dang.yaml"
SEED_DATE_LINE = "Thanh Miện, ngày 05 tháng 8 năm 2025"


def _plan_text(date: str) -> str:
    text = THANH_MIEN.read_text(encoding="utf-8")
    assert "\ndate: 2025-08-05\n" in text
    return text.replace("\ndate: 2025-08-05\n", f"\ndate: {date}\n")


def _messages(exc: InputError) -> list[str]:
    return [p.describe() for p in exc.problems]


def _refused(tmp_path: Path, text: str) -> list[str]:
    """The messages for a plan file with ``text``, which must be refused."""
    source = tmp_path / "plan.yaml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_document(source)
    return _messages(caught.value)


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["2025-08-05", "05/8/2025", "5/8/2025", "05-08-2025", "05.08.2025", "ngày 05 tháng 8 năm 2025"],
)
def test_every_date_form_renders_the_seed_date_line(typed: str, tmp_path: Path) -> None:
    source = tmp_path / "plan.yaml"
    source.write_text(_plan_text(typed), encoding="utf-8")
    out = render_file(load_document(source), tmp_path / "plan.docx")
    line = find(open_docx(out), SEED_DATE_LINE)
    assert line.text.strip() == SEED_DATE_LINE


@pytest.mark.robustness(kind="Impossible date (31/2/2026) in a plan", behaviour="refused: the date as typed and why, with the field and YAML line")
def test_an_impossible_date_is_refused_with_the_date_as_typed_and_why(tmp_path: Path) -> None:
    text = _plan_text("31/2/2026")
    line = text.splitlines().index("date: 31/2/2026") + 1
    assert _refused(tmp_path, text) == [
        f"dòng {line}, ngày ban hành: '31/2/2026' không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày"
    ]


def test_a_date_yaml_itself_cannot_build_is_explained(tmp_path: Path) -> None:
    # 2025-02-30 looks like an ISO date to YAML, which would fail with its own error.
    assert _refused(tmp_path, _plan_text("2025-02-30"))[0].endswith(
        "'2025-02-30' không phải ngày có thật: tháng 2 năm 2025 chỉ có 28 ngày"
    )


# -- figures ---------------------------------------------------------------------------------

UNIT_FILE = """\
kind: unit_results
unit: {unit}
indicators:
  - key: tin_bai
    name: Tin bài
    unit: tin, bài
    value: {news}
    previous: {news_before}
  - key: luot_xem
    name: Lượt xem
    unit: lượt
    value: {views}
    target: {views_target}
"""
RATIO = """\
  - key: ty_le
    name: Tỷ lệ hài lòng
    unit: "%"
    value: {ratio}
"""
VIETNAMESE = {"news": "1.234", "news_before": "1.200", "views": "18.600", "views_target": "\"20.000\""}
PLAIN = {"news": "1234", "news_before": "1200", "views": "18600", "views_target": "20000"}


def _aggregate(tmp_path: Path, figures: dict[str, str]) -> list[tuple[Any, ...]]:
    units = ["Ban Xây dựng Đảng", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"]
    files = []
    for number, unit in enumerate(units):
        path = tmp_path / f"unit-{number}.yaml"
        path.write_text(UNIT_FILE.format(unit=unit, **figures), encoding="utf-8")
        files.append(path)
    report = aggregate_files(files, plan=THANH_MIEN).report
    return [(i.key, i.value, i.target, i.previous, i.ratio()) for i in report.indicators if i.key in {"tin_bai", "luot_xem"}]


def test_vietnamese_figures_aggregate_to_the_same_totals_as_plain_numbers(tmp_path: Path) -> None:
    (tmp_path / "vi").mkdir()
    (tmp_path / "plain").mkdir()
    vietnamese = _aggregate(tmp_path / "vi", VIETNAMESE)
    assert vietnamese == _aggregate(tmp_path / "plain", PLAIN)
    assert vietnamese[:2] == [
        ("tin_bai", Decimal(2468), None, Decimal(2400), None),
        ("luot_xem", Decimal(37200), Decimal(40000), None, Decimal("93.00")),
    ]


@pytest.mark.parametrize("ratio", ["97,56%", "97,56", "\"97,56 %\"", "97.56"])
def test_a_ratio_with_or_without_its_percent_sign(tmp_path: Path, ratio: str) -> None:
    path = tmp_path / "unit.yaml"
    path.write_text(UNIT_FILE.format(unit="Ban Xây dựng Đảng", **PLAIN) + RATIO.format(ratio=ratio), encoding="utf-8")
    assert load_unit_file(path).data.indicators[-1].value == Decimal("97.56")


def test_a_percent_sign_on_a_count_is_refused_with_the_right_form(tmp_path: Path) -> None:
    path = tmp_path / "unit.yaml"
    path.write_text(UNIT_FILE.format(unit="Ban Xây dựng Đảng", **{**PLAIN, "news": "12%"}), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_unit_file(path)
    assert _messages(caught.value) == [
        "dòng 7, kết quả của chỉ tiêu tin_bai: '12%': chỉ chỉ tiêu có đơn vị tính % mới viết dấu %; ở đây viết số, ví dụ 1.234"
    ]


def test_a_decimal_comma_inside_braces_gets_a_hint(tmp_path: Path) -> None:
    # In YAML's {…} form the comma of 97,56 separates two entries.
    path = tmp_path / "unit.yaml"
    path.write_text("unit: Ban Xây dựng Đảng\nindicators:\n  - {key: ty_le, name: Tỷ lệ, unit: '%', value: 97,56%}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_unit_file(path)
    assert _messages(caught.value) == [
        "dòng 3, chỉ tiêu ty_le: không có trường '56%' — nếu đó là phần thập phân của một số viết "
        "trong {…}, hãy đặt số trong ngoặc kép, ví dụ \"97,56\""
    ]


def test_an_ambiguous_figure_is_refused_with_an_example(tmp_path: Path) -> None:
    path = tmp_path / "unit.yaml"
    path.write_text(UNIT_FILE.format(unit="Ban Xây dựng Đảng", **{**PLAIN, "views": "\"12,500\""}), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_unit_file(path)
    assert "viết 12.500 nếu là số nghìn, hoặc 12,5 nếu là số thập phân" in str(caught.value)


# -- places in the officer's words -------------------------------------------------------------


def _plan_with(change: Any) -> InputError:
    data = yaml.safe_load(THANH_MIEN.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(InputError) as caught:
        validate(ForeignInfoPlan, data, "plan.yaml")
    return caught.value


def test_a_wrong_item_gives_one_message_that_shows_both_forms() -> None:
    error = _plan_with(lambda d: d.__setitem__("purposes", [{"x": 1}]))
    assert _messages(error) == [
        "mục đích thứ 1: phải là một dòng chữ, hoặc một bảng khóa có 'text' (nội dung, bắt buộc), "
        "'items' (ý nhỏ); ở đây: thiếu 'text', có trường lạ 'x'"
    ]


def test_an_item_of_neither_form() -> None:
    error = _plan_with(lambda d: d["purposes"].append(12))
    assert _messages(error)[0].endswith("ở đây là số 12")


def test_a_task_is_named_by_its_unit_and_counted_from_one() -> None:
    def change(data: dict[str, Any]) -> None:
        unit = next(t for t in data["tasks"] if t["unit"] == "Phòng Văn hóa – Xã hội")
        unit["tasks"].append({"text": "x" * 20_001})

    assert _messages(_plan_with(change)) == ["nội dung của nhiệm vụ thứ 3 của Phòng Văn hóa – Xã hội: quá dài (tối đa 20.000 ký tự)"]


def test_missing_and_unknown_keys_are_named_by_the_key_to_type() -> None:
    def change(data: dict[str, Any]) -> None:
        del data["signature"]["name"]
        data["sumary"] = "x"

    assert sorted(_messages(_plan_with(change))) == [
        "không có trường 'sumary'; có phải 'summary'? (có thể gõ sai tên trường)",
        "người ký: thiếu trường bắt buộc 'name' (họ và tên)",
    ]


# -- every field of every schema with a wrong value ---------------------------------------------

WRONG_VALUES: list[Any] = [7, 1.5, True, "chữ", "31/2/2026", "12,500", "", ["a", 3], {"x": 1}, None]
# Internals no officer can read: validator names, union branches, Python types, English.
INTERNAL = re.compile(
    r"function-after|function-before|constrained|Item\.|tagged-union|union|lax-or-strict|"
    r"\b(str|int|float|dict|list|tuple|bool|Decimal|NoneType|datetime|date|Literal|Annotated)\b|"
    r"Input should|Field required|Value error|[Vv]alid|[Ee]xpected"
)
SCHEMAS: list[tuple[type[BaseModel], Path]] = [(ForeignInfoPlan, THANH_MIEN), (ForeignInfoReport, REPORT), (UnitResults, UNIT)]


def _models_in(annotation: Any) -> Iterator[tuple[bool, type[BaseModel]]]:
    """The models a field holds, each with whether it sits in a list."""
    annotation = _strip(annotation)
    forms = _forms(annotation)
    options = list(forms.values()) if forms is not None else [annotation]
    for option in options:
        option = _strip(option)
        if _is_list(option):
            for inner in _models_in(option.__args__[0]):
                yield True, inner[1]
        elif isinstance(option, type) and issubclass(option, BaseModel):
            yield False, option
        elif getattr(option, "__args__", None):  # a union of models and texts
            for arg in option.__args__:
                yield from _models_in(arg)


def field_paths(
    model: type[BaseModel], prefix: tuple[Any, ...] = (), seen: frozenset[type[BaseModel]] = frozenset()
) -> Iterator[tuple[Any, ...]]:
    """The path of every field of ``model`` and of the models inside it, derived from the
    schema itself (lists through their first item; a model holding itself, as an outline
    section holds sections, once)."""
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        yield path
        for in_list, inner in _models_in(info.annotation if not info.metadata else info.rebuild_annotation()):
            if inner not in seen and inner is not model:
                yield from field_paths(inner, (*path, 0) if in_list else path, seen | {model})


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    """Set ``value`` at ``path``, making the containers on the way as the path needs."""
    current: Any = data
    for key, following in zip(path, path[1:]):
        child = current[key] if isinstance(current, list) else current.get(key)
        wanted = list if isinstance(following, int) else dict
        if not isinstance(child, wanted) or (wanted is list and not child):
            child = [{}] if wanted is list else {}
            current[key] = child
        current = child
    current[path[-1]] = value


def _cases() -> Iterator[tuple[type[BaseModel], Path, tuple[Any, ...]]]:
    for model, source in SCHEMAS:
        for path in dict.fromkeys(field_paths(model)):
            yield model, source, path


CASES = list(_cases())


def test_the_walk_covers_every_model_of_the_schemas() -> None:
    paths = {(m.__name__, ".".join(map(str, p))) for m, _, p in CASES}
    for expected in [
        ("ForeignInfoPlan", "purposes.0.text"),
        ("ForeignInfoPlan", "tasks.0.tasks.0.items"),
        ("ForeignInfoPlan", "opening.bases.0.documents.0.date"),
        ("ForeignInfoPlan", "recipients.items.0.purpose"),
        ("ForeignInfoPlan", "marks.urgency"),
        ("ForeignInfoReport", "period.start"),
        ("ForeignInfoReport", "indicators.0.value"),
        ("ForeignInfoReport", "sections.results.by_unit.0.results.0.task"),
        ("UnitResults", "results.0.result"),
    ]:
        assert expected in paths
    assert len(CASES) > 200


@pytest.mark.robustness(
    kind="Every field of the plan, report and unit-results schemas with a wrong value (number, text, list, mapping, impossible date, ambiguous figure, empty)",
    behaviour="Vietnamese messages naming the place in the officer's words; no validator name, union branch, Python type or English",
)
@pytest.mark.parametrize(("model", "source", "path"), CASES, ids=[f"{m.__name__}:{'.'.join(map(str, p))}" for m, _, p in CASES])
def test_no_message_shows_library_internals(model: type[BaseModel], source: Path, path: tuple[Any, ...]) -> None:
    example = yaml.safe_load(source.read_text(encoding="utf-8"))
    for wrong in WRONG_VALUES:
        data = copy.deepcopy(example)
        _set(data, path, wrong)
        try:
            validate(model, data, source.name)
        except InputError as exc:
            for problem in exc.problems:
                message = problem.describe()
                unquoted = re.sub(r"'[^']*'", "''", message)  # keys and values as typed
                assert not INTERNAL.search(unquoted), (wrong, message)
                assert problem.place is not None, (wrong, message)
                # Counted from 1, in words: no dotted path with an index from 0.
                assert not re.search(r"\.\d|thứ 0", problem.place or ""), (wrong, message)


# -- oversized input ---------------------------------------------------------------------------


@pytest.mark.robustness(kind="An 18 MB YAML input", behaviour="refused from its size before it is read, with the size and the limit")
def test_an_18_mb_file_is_refused_from_its_size_without_being_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The size is all that matters (the file is never read): a real plan, then a sparse
    # extension to 17 000 000 bytes, instead of writing 16 MB of YAML.
    source = tmp_path / "plan.yaml"
    source.write_bytes(THANH_MIEN.read_bytes())
    with source.open("r+b") as handle:
        handle.truncate(17_000_000)
    assert source.stat().st_size == 17_000_000

    def never(*_: object) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr("ttdn_docs.datafile.parse_yaml", never)
    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(InputError) as caught:
        load_document(source)
    assert _messages(caught.value) == [
        "tệp quá lớn: 16,2 MB, giới hạn cho tệp dữ liệu YAML/JSON là 2 MB; "
        "hãy kiểm tra có đúng tệp không, hoặc chia nội dung thành nhiều tệp"
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_oversized_table_is_refused_from_its_size(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"unit{suffix}"
    with path.open("wb") as handle:
        handle.truncate(InputKind.TABLE.max_bytes + 1)
    with pytest.raises(InputError, match="tệp quá lớn: 10 MB, giới hạn cho bảng CSV/Excel là 10 MB"):
        load_unit_file(path)


# -- batch tables --------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["05/8/2025", "05.08.2025", "ngày 05 tháng 8 năm 2025", "Thanh Miện, ngày 05 tháng 8 năm 2025"])
def test_a_batch_table_cell_takes_every_date_form(typed: str) -> None:
    from ttdn_docs.plan_template.row_values import apply_row, field_columns
    from ttdn_docs.plan_template.table import TableRow

    columns, _ = field_columns(ForeignInfoPlan, ["code", "date", "deadline"])
    data, _ = apply_row({}, TableRow(2, "11239", {"date": typed, "deadline": "10-12-2025"}), columns, "t.csv")
    assert data == {"date": "2025-08-05", "closing": {"deadline": "2025-12-10"}}
    with pytest.raises(ValueError, match="cột 'date': '31/2/2026' không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày"):
        apply_row({}, TableRow(3, "11239", {"date": "31/2/2026"}), columns, "t.csv")


# -- YAML slips ------------------------------------------------------------------------------------


def test_a_line_with_a_colon_read_as_a_mapping_gets_a_hint(tmp_path: Path) -> None:
    text = THANH_MIEN.read_text(encoding="utf-8").replace("\npurposes:\n", "\npurposes:\n  - Mục đích: tuyên truyền rộng rãi\n", 1)
    line = text.splitlines().index("  - Mục đích: tuyên truyền rộng rãi") + 1
    assert _refused(tmp_path, text) == [
        f"dòng {line}, mục đích thứ 1: phải là một dòng chữ, hoặc một bảng khóa có 'text' (nội dung, bắt buộc), "
        "'items' (ý nhỏ); ở đây: thiếu 'text', có trường lạ 'Mục đích'; nếu đây là một dòng chữ có dấu ':', "
        'hãy đặt cả dòng trong ngoặc kép: "Mục đích: tuyên truyền rộng rãi"'
    ]


@pytest.mark.robustness(kind="YAML slips: tab, bad indentation, a colon in a line, an unclosed quote, a key written twice", behaviour="refused with the line and the cause in Vietnamese")
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a:\n\tb: 1\n", "dòng 2: lỗi cú pháp YAML: có ký tự tab; hãy thụt lề bằng dấu cách"),
        ("a:\n  b: 1\n c: 2\n", "dòng 3: lỗi cú pháp YAML: thụt lề không khớp với các dòng trên"),
        ("purposes:\n  - a: b: c\n", "dòng 2: lỗi cú pháp YAML: dấu ':' không đặt được ở đây"),
        ('a: "abc\nb: 1\n', "dòng 3: lỗi cú pháp YAML: thiếu dấu ngoặc kép đóng"),
        ("a: 1\nb:\n  c: 1\n  c: 2\n", "dòng 4: trường 'c' viết hai lần (dòng 3 và dòng 4); hãy gộp làm một"),
    ],
)
def test_yaml_slips_are_explained(text: str, message: str, tmp_path: Path) -> None:
    assert _refused(tmp_path, text)[0].startswith(message)


def test_numbers_in_messages_are_written_the_vietnamese_way() -> None:
    data = {"unit": "A", "results": [1.5], "indicators": [{"key": "a", "name": "b", "unit": "c", "value": 10**13}]}
    with pytest.raises(InputError) as caught:
        validate(UnitResults, data, "unit.yaml")
    messages = _messages(caught.value)
    assert messages[0].endswith("ở đây là số 1,5")
    assert messages[1] == "kết quả của chỉ tiêu a: phải nhỏ hơn hoặc bằng 1.000.000.000.000"
