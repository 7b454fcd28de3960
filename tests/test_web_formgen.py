"""The form generator follows any model: a model written here (an author's outline tree,
as the plan and report bodies become) gets its form and comes back from it unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import pytest
from pydantic import Field, Tag

pytest.importorskip("starlette", reason='needs the web extra: pip install "ttdn-docs[web]"')

from ttdn_docs.admin.text import CleanText  # noqa: E402
from ttdn_docs.admin.values import FORM, MAPPING, TEXT, InputDate  # noqa: E402
from ttdn_docs.datafile import validate  # noqa: E402
from ttdn_docs.errors import InputError  # noqa: E402
from ttdn_docs.ttdn.common import Model  # noqa: E402
from ttdn_docs.ttdn.plan import ForeignInfoPlan, Item  # noqa: E402
from ttdn_docs.web.formgen import MARK, Node, apply_op, form_data, model_form  # noqa: E402

ItemOrText = Annotated[Union[Annotated[Item, Tag(MAPPING)], Annotated[CleanText, Tag(TEXT)]], FORM]


class OutlineSection(Model):
    """A section of an author's outline: a title, its bullets, its own sub-sections."""

    title: CleanText = Field(title="tên mục")
    items: list[ItemOrText] = Field(default_factory=list, title="ý")
    children: list[OutlineSection] = Field(default_factory=list, title="mục con")


class Outlined(Model):
    kind: Literal["outlined"] = Field(default="outlined", title="loại")
    style: Literal["bullets", "points"] = Field(default="bullets", title="cách trình bày")
    date: InputDate | None = Field(default=None, title="ngày")
    done: bool = Field(default=False, title="đã xong")
    body: list[OutlineSection] = Field(min_length=1, title="các mục")


DATA: dict[str, Any] = {
    "kind": "outlined",
    "style": "points",
    "date": dt.date(2025, 8, 5),
    "done": True,
    "body": [
        {"title": "Mục đích, yêu cầu", "items": [], "children": [
            {"title": "Mục đích", "items": ["Tuyên truyền.", {"text": "Nâng cao nhận thức.", "items": ["cán bộ", "nhân dân"]}], "children": []},
            {"title": "Yêu cầu", "items": ["Phù hợp thực tế."], "children": []},
        ]},
        {"title": "Tổ chức thực hiện", "items": ["Các chi bộ triển khai."], "children": []},
    ],
}


def _sent(nodes: list[Node]) -> dict[str, str]:
    """What a browser sends for these fields, untouched."""
    fields: dict[str, str] = {}
    for top in nodes:
        for node in top.walk():
            if node.widget == "list":
                fields[node.name + MARK] = "list"
            elif node.widget in ("hidden", "kind"):
                fields[node.name], fields[node.name + MARK] = node.value, node.widget if node.widget == "kind" else "text"
            elif node.widget != "group":
                fields[node.name + MARK] = node.widget
                if node.widget != "bool" or node.value:
                    fields[node.name] = node.value
    return fields


def test_a_recursive_outline_round_trips_through_its_form() -> None:
    nodes, loose = model_form(Outlined, DATA)
    assert loose == []
    by_name = {n.name: n for top in nodes for n in top.walk()}
    assert by_name["body"].widget == "list" and by_name["body.0.children"].widget == "list"
    assert by_name["body.0.children.0.title"].title == "tên mục"
    assert by_name["body.0.children.0.items"].widget == "outline"
    assert by_name["body.0.children.0.items"].value == "Tuyên truyền.\nNâng cao nhận thức.\n  cán bộ\n  nhân dân"
    assert by_name["style"].widget == "choice" and by_name["style"].options == ["bullets", "points"]
    assert by_name["kind"].widget == "hidden" and by_name["date"].value == "5/8/2025"
    data, problems = form_data(_sent(nodes), Outlined)
    assert problems == []
    assert validate(Outlined, data, "biểu mẫu") == Outlined.model_validate(DATA)


def test_sections_are_added_moved_and_removed_at_any_depth() -> None:
    data, _ = form_data(_sent(model_form(Outlined, DATA)[0]), Outlined)
    assert apply_op(data, "down:body.0.children.0")
    assert [c["title"] for c in data["body"][0]["children"]] == ["Yêu cầu", "Mục đích"]
    assert apply_op(data, "add:body.1.children")
    assert data["body"][1]["children"] == [{}]
    assert apply_op(data, "del:body.0")
    assert [s["title"] for s in data["body"]] == ["Tổ chức thực hiện"]
    assert not apply_op(data, "up:body.0")  # already first
    assert not apply_op(data, "del:body.7")  # a stale button names nothing


def test_errors_land_on_their_field() -> None:
    sent = _sent(model_form(Outlined, DATA)[0])
    sent["body.0.children.1.title"] = ""
    sent["date"] = "31/2/2026"
    data, _ = form_data(sent, Outlined)
    with pytest.raises(InputError) as caught:
        validate(Outlined, data, "biểu mẫu")
    nodes, loose = model_form(Outlined, data, caught.value.problems)
    by_name = {n.name: n for top in nodes for n in top.walk()}
    assert by_name["date"].errors == ["ngày: '31/2/2026' không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày"]
    assert by_name["body.0.children.1.title"].errors == ["mục con thứ 2 của các mục thứ 1: thiếu trường bắt buộc 'title' (tên mục)"]
    assert loose == []


def test_the_plan_form_round_trips() -> None:
    from ttdn_docs.skeletons.plan import plan_skeleton_data

    skeleton = plan_skeleton_data("11239", "state", 2026)
    skeleton["signature"] = {**skeleton["signature"], "name": "Vũ Minh Nguyệt"}  # the skeleton's <<CẦN ĐIỀN>>
    plan = validate(ForeignInfoPlan, skeleton, "x")
    data, problems = form_data(_sent(model_form(ForeignInfoPlan, plan.model_dump(mode="python"))[0]), ForeignInfoPlan)
    assert problems == []
    assert validate(ForeignInfoPlan, data, "biểu mẫu").to_document() == plan.to_document()


def test_yaml_box_for_other_shapes_and_its_syntax_error() -> None:
    class Odd(Model):
        table: dict[str, int] = Field(default_factory=dict, title="bảng")

    nodes, _ = model_form(Odd, {"table": {"a": 1}})
    assert nodes[0].widget == "yaml" and nodes[0].value == "a: 1\n"
    data, problems = form_data({"table": "a: [1", "table" + MARK: "yaml"}, Odd)
    assert [p.path for p in problems] == ["table"]
    assert problems[0].message.startswith("không đọc được YAML")


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Every document in examples/ (unit results, the batch template and profiles are not documents).
DOCUMENT_EXAMPLES = sorted(
    str(p.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("*.yaml") if "unit_results" not in p.parts and p.parent.name not in {"batch", "profiles"}
)


def test_every_document_example_is_tried() -> None:
    assert {"own_outline/plan.yaml", "own_outline/report.yaml", "state_plan/plan.yaml", "thanh_mien_2025/plan.yaml"} <= set(
        DOCUMENT_EXAMPLES
    )


@pytest.mark.parametrize("example", DOCUMENT_EXAMPLES)
def test_examples_round_trip(example: str) -> None:
    from ttdn_docs.api import load_document

    document = load_document(EXAMPLES / example)
    model = type(document)
    data, problems = form_data(_sent(model_form(model, document.model_dump(mode="python"))[0]), model)  # type: ignore[arg-type]
    assert problems == []
    assert validate(model, data, "biểu mẫu").to_document() == document.to_document()  # type: ignore[type-var]


def _own_plan() -> tuple[type[Any], dict[str, Any]]:
    from ttdn_docs.api import load_document

    document = load_document(EXAMPLES / "own_outline" / "plan.yaml")
    return type(document), document.model_dump(mode="python")


def test_the_outline_is_shown_by_node_kind() -> None:
    model, data = _own_plan()
    nodes, _ = model_form(model, data)
    by_name = {n.name: n for top in nodes for n in top.walk()}
    outline = by_name["outline"]
    assert outline.widget == "list"
    assert [label for _, label in outline.adds] == ["+ Thêm mục", "+ Thêm đoạn", "+ Thêm danh sách", "+ Thêm bảng"]
    assert by_name["outline.0"].title == "phần có sẵn «opening» (viết theo mẫu)"
    assert by_name["outline.2"].title == "mục: Nhiệm vụ, giải pháp"
    assert by_name["outline.2.title"].value == "Nhiệm vụ, giải pháp"
    assert by_name["outline.2.body.0"].title == "khoản: Tăng cường sự lãnh đạo, chỉ đạo"
    assert by_name["outline.2.body"].widget == "list"
    bullets = by_name["outline.2.body.2.body.0.bullets"]
    assert bullets.widget == "outline" and bullets.value.splitlines()[1] == "  chuyên mục thông tin đối ngoại hằng tháng;"
    assert by_name["outline.2.body.3.body.0._text"].widget == "textarea"  # a plain paragraph
    table = by_name["outline.3.body.1.table"]
    assert table.widget == "yaml" and "widths" not in table.value and "Kinh phí (đồng)" in table.value


def test_outline_sections_are_added_moved_and_removed() -> None:
    model, original = _own_plan()
    data, problems = form_data(_sent(model_form(model, original)[0]), model)
    assert problems == []
    assert apply_op(data, "down:outline.2.body.0")
    assert [s["title"] for s in data["outline"][2]["body"][:2]] == ["Đổi mới nội dung thông tin", "Tăng cường sự lãnh đạo, chỉ đạo"]
    assert apply_op(data, "new::outline.2.body")  # + Thêm mục
    assert apply_op(data, "new:~:outline.2.body.4.body")  # + Thêm đoạn inside the new khoản
    assert apply_op(data, "new:bullets:outline")  # + Thêm danh sách
    nodes, _ = model_form(model, data)
    sent = _sent(nodes)
    sent["outline.2.body.4.title"] = "Kiểm tra, giám sát"
    sent["outline.2.body.4.body.0._text"] = "Định kỳ kiểm tra việc thực hiện."
    sent["outline.6.bullets"] = "Ý một\n  ý nhỏ\nÝ hai"
    data, problems = form_data(sent, model)
    assert problems == []
    plan = validate(model, data, "biểu mẫu")
    section = plan.outline[2].body[4]
    assert section.title == "Kiểm tra, giám sát" and section.body == ["Định kỳ kiểm tra việc thực hiện."]
    assert plan.outline[6].bullets[0].items == ["ý nhỏ"] and plan.outline[6].bullets[1] == "Ý hai"
    assert apply_op(data, "del:outline.3")
    assert [s.get("title") for s in data["outline"]][:4] == [None, None, "Nhiệm vụ, giải pháp", None]


def test_an_empty_new_outline_node_is_named_where_it_is() -> None:
    model, data = _own_plan()
    assert apply_op(data, "new:bullets:outline.2.body")
    assert apply_op(data, "new:~:outline")  # an empty paragraph is left out, as an empty line is
    sent = _sent(model_form(model, data)[0])
    data, _ = form_data(sent, model)
    assert len(data["outline"]) == 6 and data["outline"][2]["body"][-1] == {"bullets": []}
    with pytest.raises(InputError) as caught:
        validate(model, data, "biểu mẫu")
    nodes, loose = model_form(model, data, caught.value.problems)
    by_name = {n.name: n for top in nodes for n in top.walk()}
    assert by_name["outline.2.body.4.bullets"].errors and loose == []
